// Deployer: starting VMs on their host, in batches, under the host's deploy lock.
#include "deployer_p.h"

#include "fleet.h"
#include "hostcall.h"
#include "workloadcatalog.h"

#include "util/logging.h"
#include "virt/domainbuilder.h"
#include "virt/vmprovision.h"

#include <QRandomGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Corral {

using namespace DeployDetail;

void Deployer::queueStart(const RunPtr &run, int index)
{
    // This console's VMs for a host start in batches: whatever queued up while the host was
    // busy goes under one lock and starts side by side (other consoles wait for the lock).
    const qint64 hostId = run->vms[index].hostId;
    m_startQueue[hostId].push_back({run, index});
    if (!m_starting.contains(hostId))
        startNext(hostId);
}

void Deployer::startNext(qint64 hostId)
{
    std::vector<Queued> batch = m_startQueue.take(hostId);
    if (batch.empty()) {
        m_starting.remove(hostId);
        return;
    }
    m_starting.insert(hostId);
    lockAndStart(hostId, std::move(batch), 0);
}

namespace {

// Picks free forwarded ports for the spec's guest ports (none when the network does not
// forward) and records them in its metadata; `used` grows by what was picked.
void assignPorts(DomainSpec &spec, QSet<quint16> &used, const QString &address, bool forwards)
{
    spec.metadata.ports.clear();
    quint16 next = FirstForwardPort;
    for (quint16 guest : std::as_const(spec.config.ports)) {
        while (next < LastForwardPort && used.contains(next))
            ++next;
        if (!forwards || used.contains(next)) {
            spec.metadata.ports.append({guest, QString(), 0});
            continue;
        }
        spec.metadata.ports.append({guest, address, next});
        used.insert(next);
    }
}

// A port QEMU could not bind: a forwarded one taken meanwhile, or a VNC port another
// libvirtd on the same machine picked at the same moment. Worth another try.
bool portTaken(const Error &error)
{
    return error.detail.contains(u"forwarding rule") || error.detail.contains(u"available port");
}

} // namespace

void Deployer::lockAndStart(qint64 hostId, std::vector<Queued> batch, int attempt)
{
    const auto host = m_fleet->host(hostId);
    if (!host) {
        for (const Queued &q : batch) {
            finishVm(q.run, q.index,
                     fail(ErrorCode::NotFound, Tr::tr("Host %1 was removed.")
                                                   .arg(q.run->vms[q.index].hostName)));
        }
        startNext(hostId);
        return;
    }
    const QString hostName = host->config.name;
    if (attempt == 0) {
        for (const Queued &q : batch)
            setVmState(q.run, q.index, u"starting"_s, 70, Tr::tr("Starting on %1").arg(hostName));
    }

    const SchedulerPolicy policy = m_fleet->catalog()->policy();
    const int cpuCapacity = int(std::floor(host->cpus * policy.cpuOvercommit));
    const qint64 memCapacity = qint64(std::floor(
        double(std::max<qint64>(0, host->memoryKiB / 1024 - policy.reservedMemoryMiB))
        * policy.memoryOvercommit));
    const QString portAddress = host->config.effectivePortAddress();
    QList<DomainSpec> specs;
    QList<bool> forwards;
    for (const Queued &q : batch) {
        const VmJob &job = q.run->vms[q.index];
        const RunPtr &run = q.run;
        DomainSpec spec;
        spec.name = job.vm.name;
        spec.uuid = job.record.domainUuid;
        spec.config = run->shape;
        spec.domainType = job.domainType;
        spec.systemDisk = job.systemDisk;
        spec.openCoreDisk = job.openCoreDisk;
        spec.smcOsk = host->config.smcOsk;
        spec.macAddress = DomainBuilder::macAddressFor(job.vm.name);
        spec.metadata.ns = run->request.ns;
        spec.metadata.config = run->shape.name;
        spec.metadata.image = run->shape.image;
        spec.metadata.owner = run->owner;
        spec.metadata.created = QDateTime::currentDateTimeUtc();
        spec.metadata.profile = guestProfileKey(run->shape.profile);
        spec.metadata.user = run->shape.guestUser;
        specs.append(spec);
        forwards.append(forwardsPorts(run->shape));
    }

    struct Batch
    {
        bool busy = false;
        QList<StartOutcome> outcomes;
    };
    onHost(
        m_fleet, this, hostId,
        [=](virConnectPtr conn) -> Batch {
            Batch out;
            out.outcomes.resize(specs.size());
            auto failAll = [&out](const Error &error) {
                for (StartOutcome &o : out.outcomes)
                    o.started = std::unexpected(error);
                return out;
            };
            auto locked = VmProvision::tryLock(conn, hostName);
            if (!locked)
                return failAll(locked.error());
            if (!*locked) {
                out.busy = true;
                return out;
            }
            auto load = VmProvision::load(conn, portAddress, hostName);
            if (!load) {
                VmProvision::unlock(conn);
                return failAll(load.error());
            }
            // What really runs there now, other consoles' VMs included, plus this batch.
            QSet<quint16> used = load->usedPorts;
            QList<DomainSpec> chosen = specs;
            QList<int> accepted;
            QStringList xmls, names;
            for (int i = 0; i < chosen.size(); ++i) {
                DomainSpec &spec = chosen[i];
                if (load->vcpus + spec.config.vcpus > cpuCapacity
                    || load->memoryMiB + spec.config.memoryMiB > memCapacity) {
                    out.outcomes[i].refusal = Refusal::Full;
                    out.outcomes[i].why
                        = Tr::tr("%1 is full by now (%2 of %3 vCPUs, %4 of %5 MiB in use)")
                              .arg(hostName)
                              .arg(load->vcpus)
                              .arg(cpuCapacity)
                              .arg(load->memoryMiB)
                              .arg(memCapacity);
                    continue;
                }
                if (load->names.contains(spec.name)) {
                    out.outcomes[i].started = fail(
                        ErrorCode::AlreadyExists,
                        Tr::tr("%1 already has a VM named %2.").arg(hostName, spec.name));
                    continue;
                }
                load->vcpus += spec.config.vcpus;
                load->memoryMiB += spec.config.memoryMiB;
                load->names.insert(spec.name);
                assignPorts(spec, used, portAddress, forwards[i]);
                accepted.append(i);
                xmls.append(DomainBuilder::build(spec));
                names.append(spec.name);
            }
            const auto started = VmProvision::defineAndStartAll(conn, xmls, names, hostName);
            for (int k = 0; k < accepted.size(); ++k) {
                const int i = accepted[k];
                DomainSpec &spec = chosen[i];
                Result<QUuid> result = started[k];
                for (int tries = 0; !result && portTaken(result.error()) && tries < 2; ++tries) {
                    assignPorts(spec, used, portAddress, forwards[i]);
                    result = VmProvision::defineAndStart(conn, DomainBuilder::build(spec),
                                                         spec.name, hostName);
                }
                if (result)
                    out.outcomes[i].started = Started{*result, spec.metadata.ports};
                else
                    out.outcomes[i].started = std::unexpected(result.error());
            }
            VmProvision::unlock(conn);
            return out;
        },
        [this, hostId, batch, attempt, hostName](const Batch &out) {
            if (out.busy) {
                if (attempt + 1 >= LockAttempts) {
                    for (const Queued &q : batch) {
                        finishVm(q.run, q.index,
                                 fail(ErrorCode::Busy,
                                      Tr::tr("Another console kept %1 busy with deploys for a "
                                             "minute; try again.")
                                          .arg(hostName)));
                    }
                    return startNext(hostId);
                }
                if (attempt == 0) {
                    for (const Queued &q : batch) {
                        setVmState(q.run, q.index, u"starting"_s, 70,
                                   Tr::tr("Waiting for another console's deploy on %1")
                                       .arg(hostName));
                    }
                }
                const int delay = LockRetryMs + QRandomGenerator::global()->bounded(LockRetryMs);
                QTimer::singleShot(delay, this, [this, hostId, batch, attempt] {
                    lockAndStart(hostId, batch, attempt + 1);
                });
                return;
            }
            for (qsizetype i = 0; i < qsizetype(batch.size()); ++i) {
                const Queued &q = batch[i];
                const StartOutcome &o = out.outcomes[i];
                if (o.refusal == Refusal::Full) {
                    replace(q.run, q.index, o.why);
                } else if (!o.started) {
                    finishVm(q.run, q.index, std::unexpected(o.started.error()));
                } else {
                    VmJob &job = q.run->vms[q.index];
                    for (const PortMapping &p : o.started->ports) {
                        if (p.hostPort != 0) {
                            job.vm.forwards.append(
                                u"%1 -> %2:%3"_s.arg(p.guestPort).arg(p.address).arg(p.hostPort));
                        }
                    }
                    finishVm(q.run, q.index, {});
                }
            }
            startNext(hostId);
        });
}

void Deployer::replace(const RunPtr &run, int index, const QString &why)
{
    // The host filled up under another console's deploy: undo here, place again elsewhere.
    VmJob &job = run->vms[index];
    job.refusedBy.insert(job.hostId);
    if (++job.replacements > MaxReplacements) {
        return finishVm(run, index,
                        fail(ErrorCode::Busy,
                             Tr::tr("%1; other consoles keep filling the hosts, try again.")
                                 .arg(why)));
    }
    qCInfo(lcFleet).noquote() << job.vm.name << why << "- placing it again";
    const DeployRecord record = job.record;
    undo(record, [this, run, index, why](bool cleaned) {
        VmJob &job = run->vms[index];
        m_myRecords.remove(job.record.id);
        if (!cleaned) {
            return finishVm(run, index,
                            fail(ErrorCode::Connection,
                                 Tr::tr("%1, and undoing the disk there failed; it is undone "
                                        "when the host is back.")
                                     .arg(why)));
        }
        job.record = {};
        QList<SchedulerHost> hosts = schedulerHosts();
        hosts.removeIf([&](const SchedulerHost &h) { return job.refusedBy.contains(h.id); });
        const WorkloadCatalog *catalog = m_fleet->catalog();
        const auto ns = catalog->findNamespace(run->request.ns);
        NamespaceLimits limits; // the quota held when the deploy began
        limits.name = run->request.ns;
        limits.hasDedicatedHosts = ns && !ns->dedicatedHosts.isEmpty();
        PlacementRequest one;
        one.vcpus = run->shape.vcpus;
        one.memoryMiB = run->shape.memoryMiB;
        one.host = run->request.host;
        one.tag = run->request.tag.isEmpty() ? run->shape.hostTag : run->request.tag;
        one.tagRequired = !run->request.tag.isEmpty() || run->shape.tagRequired;
        one.strategy = run->request.strategy;
        // This VM's own reservation is still counted on the old host; move it.
        auto &old = m_reserved[job.hostId];
        old.first -= run->shape.vcpus;
        old.second -= run->shape.memoryMiB;
        const Schedule again = schedule(hosts, limits, one, catalog->policy());
        if (!again.ok()) {
            m_reserved[job.hostId].first += run->shape.vcpus; // finishVm releases it
            m_reserved[job.hostId].second += run->shape.memoryMiB;
            return finishVm(run, index,
                            fail(ErrorCode::Busy, why + u"; "_s + again.error));
        }
        job.hostId = again.placements.first().hostId;
        job.hostName = again.placements.first().hostName;
        job.vm.why = again.placements.first().why;
        m_reserved[job.hostId].first += run->shape.vcpus;
        m_reserved[job.hostId].second += run->shape.memoryMiB;
        startVm(run, index);
    });
}

} // namespace Corral
