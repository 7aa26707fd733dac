#include "deployer.h"

#include "fleet.h"
#include "hostcall.h"
#include "workloadcatalog.h"

#include "images/imagelibrary.h"
#include "store/storeservice.h"
#include "util/logging.h"
#include "virt/domainbuilder.h"
#include "virt/imagepool.h"
#include "virt/vmdisks.h"
#include "virt/vmprovision.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

constexpr qint64 GiB = 1024LL * 1024 * 1024;
constexpr int LeaseSeconds = 60;
constexpr int LeaseRenewMs = 20000;
constexpr int LockRetryMs = 300;
constexpr int LockAttempts = 200; // about a minute of another console's deploys
constexpr int MaxReplacements = 3;
constexpr int RemovalWaitMs = 5000; // for a host's event after a cleanup removed a VM
// Forwarded VM ports are picked from this range on each host (fixed per VM once deployed).
constexpr quint16 FirstForwardPort = 30000;
constexpr quint16 LastForwardPort = 32767;

QString stemFrom(const QString &text)
{
    // "macOS Sonoma.qcow2" -> "macos-sonoma": an RFC 1123 label to put a suffix on.
    QString stem = text.section(u'.', 0, 0).toLower();
    static const QRegularExpression invalid(u"[^a-z0-9-]+"_s);
    stem.replace(invalid, u"-"_s);
    while (stem.startsWith(u'-'))
        stem.remove(0, 1);
    stem.truncate(50);
    while (stem.endsWith(u'-'))
        stem.chop(1);
    return stem.isEmpty() ? u"vm"_s : stem;
}

QString randomSuffix(QRandomGenerator &random)
{
    static constexpr char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    QString suffix;
    for (int i = 0; i < 5; ++i)
        suffix += QLatin1Char(alphabet[random.bounded(int(sizeof alphabet) - 1)]);
    return suffix;
}

bool forwardsPorts(const VmConfig &shape)
{
    return shape.network == u"user" || shape.network == u"user-isolated";
}

// What the host-side start step reports back.
struct Started
{
    QUuid uuid;
    QList<PortMapping> ports;
};

// Why a start under the lock did not happen: the lock is busy, or the host is full by now.
enum class Refusal { None, Busy, Full };

struct StartOutcome
{
    Refusal refusal = Refusal::None;
    QString why;
    Result<Started> started = fail(ErrorCode::Generic, {});
};

} // namespace

struct Deployer::VmJob
{
    DeployedVm vm;
    qint64 hostId = 0;
    QString hostName;
    DeployRecord record;
    QString domainType;
    QString systemDisk;
    QString openCoreDisk;
    int replacements = 0;
    bool finished = false;
    QSet<qint64> refusedBy; // hosts that turned out full under the lock
};

struct Deployer::Run
{
    quint64 id = 0;
    VmConfig shape;
    DeployRequest request;
    QString owner;
    QPointer<QObject> context;
    std::function<void(Result<QList<DeployedVm>>)> done;
    std::vector<VmJob> vms;
    int unfinished = 0;
};

Deployer::Deployer(Fleet *fleet, StoreService *store, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_store(store)
{
    // Undo what failed deploys left on a host once it is back (any console's, once their
    // lease ran out).
    connect(fleet, &Fleet::inventoryComplete, this, &Deployer::cleanupHost);
    m_leaseTimer.setInterval(LeaseRenewMs);
    connect(&m_leaseTimer, &QTimer::timeout, this, &Deployer::renewLeases);
}

Deployer::~Deployer()
{
    // Give up the records still worked on: the next console to see their hosts undoes them.
    if (!m_myRecords.isEmpty() && m_store) {
        const QList<qint64> ids(m_myRecords.begin(), m_myRecords.end());
        m_store->post([ids](Database &db) { return DeployJournal(db).renew(ids, {}); });
    }
}

QList<SchedulerHost> Deployer::schedulerHosts() const
{
    const WorkloadCatalog *catalog = m_fleet->catalog();
    QList<SchedulerHost> hosts;
    for (const HostInfo &h : m_fleet->hosts()) {
        SchedulerHost s;
        s.id = h.config.id;
        s.name = h.config.name;
        s.connected = h.state == HostState::Connected;
        s.maintenance = h.config.maintenance;
        s.tags = h.config.tags;
        s.dedicatedTo = catalog->dedicationOf(h.config.name);
        s.cpus = h.cpus;
        s.memoryMiB = h.memoryKiB / 1024;
        const auto reserved = m_reserved.value(h.config.id);
        s.allocatedVcpus = h.allocatedVcpus + reserved.first;
        s.allocatedMemoryMiB = h.allocatedMemoryKiB / 1024 + reserved.second;
        hosts.append(s);
    }
    return hosts;
}

DeployPlan Deployer::plan(const DeployRequest &request) const
{
    DeployPlan plan;
    const WorkloadCatalog *catalog = m_fleet->catalog();

    // The shape: a stored config, or the ad-hoc one.
    if (!request.configName.isEmpty()) {
        const auto config = catalog->findConfig(request.configName);
        if (!config) {
            plan.error = Tr::tr("No VM config named %1: `corralctl config list` shows them.")
                             .arg(request.configName);
            return plan;
        }
        plan.shape = *config;
    } else {
        plan.shape = request.adHoc;
        plan.shape.name = stemFrom(request.adHoc.image);
        const QList<ConfigProblem> problems = validateVmConfig(plan.shape);
        if (!problems.isEmpty()) {
            plan.error = problems.first().message;
            return plan;
        }
        plan.shape.name.clear();
    }

    // The namespace.
    const auto ns = catalog->findNamespace(request.ns);
    if (!ns) {
        plan.error = catalog->foreignNamespaces().contains(request.ns)
            ? Tr::tr("Namespace %1 was made by another console and is not in this catalog: "
                     "create it here too (corralctl ns create %1) to deploy into it.")
                  .arg(request.ns)
            : Tr::tr("No namespace named %1: create it with `corralctl ns create %1`.")
                  .arg(request.ns);
        return plan;
    }
    if (request.count < 1 || request.count > 100) {
        plan.error = Tr::tr("Deploy 1 to 100 VMs at a time, not %1.").arg(request.count);
        return plan;
    }

    // The images: in the catalog, disks, with a copy on some connected host.
    ImageLibrary *images = m_fleet->images();
    QStringList needed{plan.shape.image};
    if (plan.shape.profile == GuestProfile::MacOS)
        needed.append(plan.shape.openCoreImage);
    for (const QString &name : std::as_const(needed)) {
        const auto image = images->image(name);
        if (!image) {
            plan.error = Tr::tr("No image named %1 in the library: upload it first "
                                "(corralctl image upload FILE --host HOST).")
                             .arg(name);
            return plan;
        }
        if (image->kind != u"disk") {
            plan.error = Tr::tr("%1 is an ISO; a VM needs a disk image (qcow2 or raw) as its "
                                "base.")
                             .arg(name);
            return plan;
        }
        const bool somewhere = std::any_of(
            image->replicas.begin(), image->replicas.end(), [this](const ImageReplica &r) {
                const auto h = m_fleet->host(r.hostId);
                return r.state == ImageReplica::State::Present && h
                    && h->state == HostState::Connected;
            });
        if (!somewhere) {
            plan.error = Tr::tr("No connected host has a copy of %1: connect a host that has "
                                "it, or upload it again.")
                             .arg(name);
            return plan;
        }
    }

    // Hosts that cannot run this profile at all leave the race before the scheduler.
    QList<SchedulerHost> hosts = schedulerHosts();
    QList<HostRejection> unfit;
    if (plan.shape.profile == GuestProfile::MacOS) {
        hosts.removeIf([&](const SchedulerHost &h) {
            const auto info = m_fleet->host(h.id);
            if (info && !info->config.smcOsk.isEmpty())
                return false;
            unfit.append({h.name, Tr::tr("no Apple SMC key set for macOS guests (corralctl "
                                         "host set %1 --smc-key-file FILE)")
                                      .arg(h.name)});
            return true;
        });
    }

    NamespaceLimits limits;
    limits.name = ns->name;
    limits.maxVms = ns->maxVms;
    limits.maxVcpus = ns->maxVcpus;
    limits.maxMemoryMiB = ns->maxMemoryMiB;
    limits.used = catalog->usage(ns->name);
    limits.hasDedicatedHosts = !ns->dedicatedHosts.isEmpty();

    PlacementRequest placement;
    placement.vcpus = plan.shape.vcpus;
    placement.memoryMiB = plan.shape.memoryMiB;
    placement.count = request.count;
    placement.host = request.host;
    placement.strategy = request.strategy;
    if (!request.tag.isEmpty()) {
        placement.tag = request.tag;
        placement.tagRequired = true;
    } else {
        placement.tag = plan.shape.hostTag;
        placement.tagRequired = plan.shape.tagRequired;
    }
    plan.schedule = schedule(hosts, limits, placement, catalog->policy());
    plan.schedule.rejections.append(unfit);
    if (!plan.schedule.ok()) {
        plan.error = plan.schedule.error;
        for (const HostRejection &r : std::as_const(unfit))
            plan.error += u'\n' + r.hostName + u": "_s + r.reason;
        return plan;
    }

    // Names: given, numbered from a given stem, or generated; never one the fleet has.
    QSet<QString> taken;
    for (const VmInfo &vm : m_fleet->vms())
        taken.insert(vm.name);
    const QString stem = !request.name.isEmpty()           ? request.name
        : !plan.shape.name.isEmpty()                       ? plan.shape.name
                                                           : stemFrom(plan.shape.image);
    int number = 0;
    QRandomGenerator random = request.nameSeed != 0 ? QRandomGenerator(request.nameSeed)
                                                    : QRandomGenerator::securelySeeded();
    for (const Placement &p : std::as_const(plan.schedule.placements)) {
        QString name;
        if (!request.name.isEmpty() && request.count == 1) {
            name = request.name;
        } else if (!request.name.isEmpty()) {
            do {
                name = stem + u'-' + QString::number(++number);
            } while (taken.contains(name));
        } else {
            do {
                name = stem + u'-' + randomSuffix(random);
            } while (taken.contains(name));
        }
        if (const QString problem = validateLabel(name, Tr::tr("VM")); !problem.isEmpty()) {
            plan.error = problem;
            plan.vms.clear();
            return plan;
        }
        if (taken.contains(name)) {
            plan.error = Tr::tr("A VM named %1 already exists; pick another name.").arg(name);
            plan.vms.clear();
            return plan;
        }
        taken.insert(name);
        DeployedVm vm;
        vm.name = name;
        vm.host = p.hostName;
        vm.ns = ns->name;
        vm.state = u"planned"_s;
        vm.why = p.why;
        vm.guestPorts = plan.shape.ports;
        plan.vms.append(vm);
    }
    return plan;
}

quint64 Deployer::deploy(const DeployRequest &request, QObject *context,
                         std::function<void(Result<QList<DeployedVm>>)> done)
{
    const quint64 id = m_nextDeployId++;
    DeployPlan planned = plan(request);
    if (!planned.ok()) {
        const Error error{ErrorCode::InvalidArgument, planned.error, {}};
        QMetaObject::invokeMethod(
            context, [done, error] { done(std::unexpected(error)); }, Qt::QueuedConnection);
        return id;
    }
    auto run = std::make_shared<Run>();
    run->id = id;
    run->shape = planned.shape;
    run->request = request;
    run->owner = !request.owner.isEmpty() ? request.owner
                                          : qEnvironmentVariable("USER", u"corral"_s);
    run->context = context;
    run->done = std::move(done);
    run->unfinished = int(planned.vms.size());
    for (int i = 0; i < planned.vms.size(); ++i) {
        VmJob job;
        job.vm = planned.vms.at(i);
        job.hostId = planned.schedule.placements.at(i).hostId;
        job.hostName = planned.schedule.placements.at(i).hostName;
        job.vm.taskId = m_fleet->tasks()->begin(Tr::tr("Deploy %1").arg(job.vm.name),
                                                u"vm.deploy"_s, job.hostName, job.vm.name);
        auto &reserved = m_reserved[job.hostId];
        reserved.first += run->shape.vcpus;
        reserved.second += run->shape.memoryMiB;
        run->vms.push_back(std::move(job));
    }
    for (int i = 0; i < int(run->vms.size()); ++i)
        startVm(run, i);
    return id;
}

void Deployer::setVmState(const RunPtr &run, int index, const QString &state, int percent,
                          const QString &message)
{
    VmJob &job = run->vms[index];
    job.vm.state = state;
    job.vm.host = job.hostName;
    m_fleet->tasks()->setProgress(job.vm.taskId, percent, message);
    Q_EMIT vmProgress(run->id, job.vm);
}

void Deployer::startVm(const RunPtr &run, int index)
{
    VmJob &job = run->vms[index];
    QStringList images{run->shape.image};
    if (run->shape.profile == GuestProfile::MacOS)
        images.append(run->shape.openCoreImage);
    setVmState(run, index, u"copying"_s, 5,
               Tr::tr("Making sure %1 has %2").arg(job.hostName, images.join(u", "_s)));
    auto left = std::make_shared<int>(int(images.size()));
    auto failure = std::make_shared<std::optional<Error>>();
    // A copy to this host shows in the VM's task as it goes.
    auto progress = std::make_shared<QMetaObject::Connection>();
    *progress = connect(m_fleet->images(), &ImageLibrary::jobChanged, this,
                        [this, run, index, images](const TransferJob &t) {
                            const VmJob &job = run->vms[index];
                            if (t.kind != TransferJob::Kind::Copy || t.hostId != job.hostId
                                || !images.contains(t.imageName) || t.total == 0) {
                                return;
                            }
                            const int percent = int(100 * t.confirmed / t.total);
                            m_fleet->tasks()->setProgress(
                                job.vm.taskId, 5 + percent * 30 / 100,
                                Tr::tr("Copying %1 to %2: %3%")
                                    .arg(t.imageName, job.hostName)
                                    .arg(percent));
                        });
    for (const QString &image : std::as_const(images)) {
        ensureReplica(image, job.hostId, [this, run, index, left, failure, progress](Result<void> ok) {
            if (!ok && !*failure)
                *failure = ok.error();
            if (--*left > 0)
                return;
            disconnect(*progress);
            if (*failure)
                return finishVm(run, index, std::unexpected(**failure));
            provision(run, index);
        });
    }
}

void Deployer::ensureReplica(const QString &image, qint64 hostId,
                             std::function<void(Result<void>)> done)
{
    ImageLibrary *images = m_fleet->images();
    const auto record = images->image(image);
    if (!record) {
        done(fail(ErrorCode::NotFound, Tr::tr("Image %1 is no longer in the library.").arg(image)));
        return;
    }
    std::optional<qint64> source;
    for (const ImageReplica &r : std::as_const(record->replicas)) {
        if (r.state != ImageReplica::State::Present)
            continue;
        if (r.hostId == hostId) {
            done({});
            return;
        }
        const auto h = m_fleet->host(r.hostId);
        if (!source && h && h->state == HostState::Connected)
            source = r.hostId;
    }
    const auto key = qMakePair(image, hostId);
    auto waiting = m_copies.find(key);
    if (waiting != m_copies.end()) {
        waiting->push_back(std::move(done));
        return;
    }
    if (!source) {
        done(fail(ErrorCode::NotFound,
                  Tr::tr("No connected host has a copy of %1 to copy from.").arg(image)));
        return;
    }
    m_copies[key].push_back(std::move(done));
    auto settle = [this, key](Result<void> outcome) {
        for (auto &waiter : m_copies.take(key))
            waiter(outcome);
    };
    images->copy(image, *source, hostId, this, [this, settle](Result<qint64> jobId) {
        if (!jobId)
            return settle(std::unexpected(jobId.error()));
        const qint64 id = *jobId;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_fleet->images(), &ImageLibrary::jobStopped, this,
                              [settle, id, connection](const TransferJob &job) {
                                  if (job.id != id)
                                      return;
                                  disconnect(*connection);
                                  if (job.state == TransferJob::State::Done)
                                      settle({});
                                  else
                                      settle(fail(ErrorCode::OperationFailed,
                                                  Tr::tr("Copying %1 to %2 did not finish: %3")
                                                      .arg(job.imageName, job.hostName,
                                                           job.error)));
                              });
    });
}

void Deployer::provision(const RunPtr &run, int index)
{
    VmJob &job = run->vms[index];
    setVmState(run, index, u"creating"_s, 40, Tr::tr("Creating the disk on %1").arg(job.hostName));
    job.record = DeployRecord{};
    job.record.hostId = job.hostId;
    job.record.vmName = job.vm.name;
    job.record.volumes.append(job.vm.name + u".qcow2"_s);
    if (run->shape.profile == GuestProfile::MacOS)
        job.record.volumes.append(job.vm.name + u"-opencore.qcow2"_s);
    job.record.leaseUntil = QDateTime::currentDateTimeUtc().addSecs(LeaseSeconds);

    // Journal first, then create: whatever exists on the host is always on record.
    m_store->post([record = job.record](Database &db) { return DeployJournal(db).add(record); },
                  this, [this, run, index](Result<DeployRecord> added) {
                      if (!added)
                          return finishVm(run, index, std::unexpected(added.error()));
                      VmJob &job = run->vms[index];
                      job.record = *added;
                      m_myRecords.insert(added->id);
                      if (!m_leaseTimer.isActive())
                          m_leaseTimer.start();

                      struct Disks
                      {
                          QString domainType, system, openCore;
                      };
                      const VmConfig shape = run->shape;
                      const QString host = job.hostName;
                      const QString vmName = job.vm.name;
                      ImageLibrary *images = m_fleet->images();
                      const auto base = images->image(shape.image);
                      const auto openCore = shape.profile == GuestProfile::MacOS
                          ? images->image(shape.openCoreImage)
                          : std::nullopt;
                      const QStringList volumes = job.record.volumes;
                      const std::optional<VmKey> cloneOf = run->request.cloneOf;
                      onHost(
                          m_fleet, this, job.hostId,
                          [=](virConnectPtr conn) -> Result<Disks> {
                              Disks disks;
                              disks.domainType = VmProvision::domainType(conn);
                              auto overlay = [&](const ImageRecord &image, const QString &volume,
                                                 quint64 size) -> Result<QString> {
                                  auto backing = ImagePool::volumePath(
                                      conn, QLatin1StringView(ImageLibrary::PoolName),
                                      image.name, host);
                                  if (!backing)
                                      return std::unexpected(backing.error());
                                  auto made = ImagePool::createQcow2(
                                      conn, QLatin1StringView(VmProvision::VmPool), volume,
                                      std::max<quint64>(size, image.virtualSize), host, *backing,
                                      image.format == u"raw" ? u"raw"_s : u"qcow2"_s);
                                  if (!made)
                                      return std::unexpected(made.error());
                                  return made->path;
                              };
                              // A clone's disk is a standalone copy of the source's (libvirt
                              // converts through the backing chain).
                              auto system = cloneOf
                                  ? VmDisks::flatten(conn, cloneOf->uuid,
                                                     QLatin1StringView(VmProvision::VmPool),
                                                     volumes.at(0), host)
                                  : overlay(*base, volumes.at(0),
                                            quint64(shape.diskGiB) * quint64(GiB));
                              if (!system)
                                  return std::unexpected(system.error());
                              disks.system = *system;
                              if (openCore) {
                                  auto oc = overlay(*openCore, volumes.at(1), 0);
                                  if (!oc)
                                      return std::unexpected(oc.error());
                                  disks.openCore = *oc;
                              }
                              return disks;
                          },
                          [this, run, index, vmName](const Result<Disks> &disks) {
                              if (!disks)
                                  return finishVm(run, index, std::unexpected(disks.error()));
                              VmJob &job = run->vms[index];
                              job.domainType = disks->domainType;
                              job.systemDisk = disks->system;
                              job.openCoreDisk = disks->openCore;
                              // The UUID goes on record before the domain can exist.
                              job.record.domainUuid = QUuid::createUuid();
                              journal(job.record);
                              queueStart(run, index);
                          });
                  });
}

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

void Deployer::finishVm(const RunPtr &run, int index, const Result<void> &result)
{
    VmJob &job = run->vms[index];
    if (job.finished)
        return;
    job.finished = true;
    auto &reserved = m_reserved[job.hostId];
    reserved.first -= run->shape.vcpus;
    reserved.second -= run->shape.memoryMiB;
    if (reserved.first <= 0 && reserved.second <= 0)
        m_reserved.remove(job.hostId);

    auto complete = [this, run] {
        if (--run->unfinished > 0)
            return;
        if (m_myRecords.isEmpty())
            m_leaseTimer.stop();
        QList<DeployedVm> vms;
        for (const VmJob &j : run->vms)
            vms.append(j.vm);
        if (run->context && run->done)
            run->done(vms);
    };

    if (result) {
        job.vm.state = u"running"_s;
        job.vm.host = job.hostName;
        const QString ports = job.vm.forwards.isEmpty()
            ? QString()
            : Tr::tr("; ports %1").arg(job.vm.forwards.join(u", "_s));
        m_fleet->tasks()->succeed(job.vm.taskId, Tr::tr("Running on %1").arg(job.hostName) + ports);
        Q_EMIT vmProgress(run->id, job.vm);
        if (job.record.id > 0) {
            m_myRecords.remove(job.record.id);
            m_store->post([id = job.record.id](Database &db) { return DeployJournal(db).remove(id); });
        }
        complete();
        return;
    }

    job.vm.state = u"failed"_s;
    job.vm.error = result.error().message;
    m_fleet->tasks()->fail(job.vm.taskId, result.error().message, result.error().detail);
    Q_EMIT vmProgress(run->id, job.vm);
    if (job.record.id == 0) {
        complete();
        return;
    }
    undo(job.record, [this, complete, id = job.record.id](bool) {
        m_myRecords.remove(id);
        complete();
    });
}

void Deployer::journal(const DeployRecord &record)
{
    m_store->post([record](Database &db) { return DeployJournal(db).update(record); });
}

void Deployer::undo(const DeployRecord &record, std::function<void(bool cleaned)> done)
{
    const QString hostName = m_fleet->host(record.hostId)
                                 .transform([](const HostInfo &h) { return h.config.name; })
                                 .value_or(QString());
    onHost(
        m_fleet, this, record.hostId,
        [record, hostName](virConnectPtr conn) {
            return VmProvision::remove(conn, record.domainUuid, record.volumes, hostName);
        },
        [this, record, done](const Result<void> &removed) {
            if (removed) {
                qCInfo(lcFleet).noquote() << "undid the deploy of" << record.vmName;
                m_store->post([id = record.id](Database &db) { return DeployJournal(db).remove(id); });
                done(true);
                return;
            }
            // The host is gone (or refuses): leave the record for whoever sees it next.
            qCWarning(lcFleet).noquote() << "cannot undo the deploy of" << record.vmName
                                         << "now:" << removed.error().fullText();
            DeployRecord abandoned = record;
            abandoned.leaseUntil = {};
            journal(abandoned);
            done(false);
        });
}

void Deployer::cleanupHost(qint64 hostId)
{
    ++m_cleanupsRunning[hostId];
    m_store->post(
        [hostId](Database &db) {
            return DeployJournal(db).abandoned(hostId, QDateTime::currentDateTimeUtc());
        },
        this, [this, hostId](Result<QList<DeployRecord>> records) {
            QList<DeployRecord> todo;
            if (records) {
                for (const DeployRecord &r : std::as_const(*records)) {
                    if (!m_myRecords.contains(r.id))
                        todo.append(r);
                }
            }
            if (todo.isEmpty())
                return settleHost(hostId);
            auto finished = afterAll(int(todo.size()), [this, hostId] { settleHost(hostId); });
            for (const DeployRecord &r : std::as_const(todo)) {
                qCInfo(lcFleet).noquote()
                    << "undoing the unfinished deploy of" << r.vmName << "on host" << hostId;
                m_myRecords.insert(r.id);
                undo(r, [this, r, hostId, finished](bool cleaned) {
                    m_myRecords.remove(r.id);
                    // Settled means the inventory no longer shows the VM either: its removal
                    // event follows the undo by a moment.
                    const VmKey key{hostId, r.domainUuid};
                    if (!cleaned || r.domainUuid.isNull() || !m_fleet->vm(key))
                        return finished();
                    auto once = std::make_shared<std::function<void()>>(finished);
                    auto settle = [once] {
                        if (auto f = std::exchange(*once, {}))
                            f();
                    };
                    auto gone = std::make_shared<QMetaObject::Connection>();
                    *gone = connect(m_fleet, &Fleet::vmsRemoved, this,
                                    [this, key, gone, settle](const QList<VmKey> &) {
                                        if (m_fleet->vm(key))
                                            return;
                                        disconnect(*gone);
                                        settle();
                                    });
                    QTimer::singleShot(RemovalWaitMs, this, [gone, settle] {
                        disconnect(*gone);
                        settle();
                    });
                });
            }
        });
}

void Deployer::settleHost(qint64 hostId)
{
    if (--m_cleanupsRunning[hostId] > 0)
        return;
    m_cleanupsRunning.remove(hostId);
    for (auto &then : m_settledWaiters.take(hostId))
        then();
}

void Deployer::whenSettled(qint64 hostId, std::function<void()> then)
{
    if (m_cleanupsRunning.value(hostId) == 0)
        then();
    else
        m_settledWaiters[hostId].push_back(std::move(then));
}

void Deployer::renewLeases()
{
    if (m_myRecords.isEmpty()) {
        m_leaseTimer.stop();
        return;
    }
    const QList<qint64> ids(m_myRecords.begin(), m_myRecords.end());
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(LeaseSeconds);
    m_store->post([ids, until](Database &db) { return DeployJournal(db).renew(ids, until); });
}

void Deployer::setMaintenance(qint64 hostId, bool on, bool drain, QObject *context,
                              std::function<void(Result<void>)> done)
{
    const auto host = m_fleet->host(hostId);
    if (!host) {
        done(fail(ErrorCode::NotFound, Tr::tr("There is no such host.")));
        return;
    }
    HostConfig config = host->config;
    config.maintenance = on;
    QPointer<QObject> guard(context);
    m_fleet->updateHost(config, [this, hostId, on, drain, guard, done](Result<void> saved) {
        if (!guard)
            return;
        if (!saved || !on || !drain)
            return done(saved);
        // Drain: a graceful shutdown of every running VM; done once all have finished.
        QSet<quint64> pending;
        for (const VmInfo &vm : m_fleet->vms()) {
            if (vm.hostId == hostId && vmStateIsActive(vm.state))
                pending.insert(m_fleet->runOperation(VmOperation::Shutdown, {hostId, vm.uuid}));
        }
        if (pending.isEmpty())
            return done({});
        auto waiting = std::make_shared<QSet<quint64>>(pending);
        auto failures = std::make_shared<QStringList>();
        auto connection = std::make_shared<QMetaObject::Connection>();
        auto check = [waiting, failures, connection, guard, done](const Task &task) {
            if (!waiting->remove(task.id))
                return;
            if (task.state == Task::State::Failed)
                failures->append(task.target + u": "_s + task.message);
            if (!waiting->isEmpty())
                return;
            QObject::disconnect(*connection);
            if (!guard)
                return;
            if (failures->isEmpty())
                done({});
            else
                done(fail(ErrorCode::OperationFailed,
                          Tr::tr("The host is in maintenance, but %n VM(s) did not shut down: %1",
                                 nullptr, int(failures->size()))
                              .arg(failures->join(u"; "_s))));
        };
        *connection = connect(m_fleet->tasks(), &TaskManager::taskFinished, this, check);
        // Operations that failed at once (host offline) finished inside runOperation.
        for (quint64 id : std::as_const(pending)) {
            const Task task = m_fleet->tasks()->task(id);
            if (task.isFinished())
                check(task);
        }
    });
}

} // namespace Corral
