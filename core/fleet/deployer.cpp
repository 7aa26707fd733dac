#include "deployer_p.h"

#include "fleet.h"
#include "hostcall.h"
#include "workloadcatalog.h"

#include "images/imagelibrary.h"
#include "store/storeservice.h"
#include "util/logging.h"
#include "virt/imagepool.h"
#include "virt/vmdisks.h"
#include "virt/vmprovision.h"

#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Corral {

using namespace DeployDetail;

namespace {

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

} // namespace

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

} // namespace Corral
