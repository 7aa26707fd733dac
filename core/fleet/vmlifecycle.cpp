#include "vmlifecycle.h"

#include "deployer.h"
#include "hostcall.h"

#include "images/imagelibrary.h"
#include "images/imageprobe.h"
#include "util/logging.h"
#include "virt/vmdisks.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Corral {

VmLifecycle::VmLifecycle(Fleet *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{ }

template<typename T, typename Work>
quint64 VmLifecycle::runTask(const VmKey &key, const QString &title, const QString &action,
                             QObject *context, Work work, std::function<void(Result<T>)> done,
                             std::function<QString(const T &)> success)
{
    const auto vm = m_fleet->vm(key);
    const QString hostName = vm ? vm->hostName : QString();
    const QString vmName = vm ? vm->name : QString();
    const quint64 task = m_fleet->tasks()->begin(title.arg(vmName), action, hostName, vmName);
    QPointer<QObject> guard(context);
    auto finish = [this, task, guard, done, success](Result<T> result) {
        if (result)
            m_fleet->tasks()->succeed(task, success(*result));
        else
            m_fleet->tasks()->fail(task, result.error().message, result.error().detail);
        if (guard && done)
            done(std::move(result));
    };
    if (!vm) {
        finish(fail(ErrorCode::NotFound, Tr::tr("That VM no longer exists.")));
        return task;
    }
    onHost(
        m_fleet, this, key.hostId,
        [work, uuid = key.uuid, hostName](virConnectPtr conn) { return work(conn, uuid, hostName); },
        finish);
    return task;
}

namespace {
// Adapts a Result<void> operation's done to the task runner's Result<bool>.
std::function<void(Result<bool>)> voidDone(std::function<void(Result<void>)> done)
{
    return [done](Result<bool> r) {
        if (!done)
            return;
        if (r)
            done({});
        else
            done(std::unexpected(r.error()));
    };
}

template<typename F> auto asBool(F f)
{
    return [f](virConnectPtr conn, const QUuid &uuid, const QString &host) -> Result<bool> {
        auto r = f(conn, uuid, host);
        if (!r)
            return std::unexpected(r.error());
        return true;
    };
}
} // namespace

quint64 VmLifecycle::revert(const VmKey &vm, QObject *context,
                            std::function<void(Result<void>)> done)
{
    return runTask<bool>(
        vm, Tr::tr("Revert %1"), u"vm.revert"_s, context, asBool(&VmDisks::revert),
        voidDone(done), [](const bool &) { return Tr::tr("Back to a fresh disk."); });
}

quint64 VmLifecycle::resizeDisk(const VmKey &vm, quint64 bytes, QObject *context,
                                std::function<void(Result<void>)> done)
{
    return runTask<bool>(
        vm, Tr::tr("Resize the disk of %1"), u"vm.resize"_s, context,
        asBool([bytes](virConnectPtr conn, const QUuid &uuid, const QString &host) {
            return VmDisks::resize(conn, uuid, bytes, host);
        }),
        voidDone(done), [bytes](const bool &) {
            return Tr::tr("The disk is %1 GiB now.").arg(double(bytes) / (1 << 30), 0, 'f', 1);
        });
}

quint64 VmLifecycle::saveAsImage(const VmKey &key, const QString &imageName,
                                 const QString &description, QObject *context,
                                 std::function<void(Result<void>)> done)
{
    if (const QString problem = ImageProbes::validateName(imageName); !problem.isEmpty()) {
        const quint64 task = m_fleet->tasks()->begin(Tr::tr("Save as image %1").arg(imageName),
                                                     u"vm.save-image"_s, {});
        m_fleet->tasks()->fail(task, problem);
        if (done)
            done(fail(ErrorCode::InvalidArgument, problem));
        return task;
    }
    if (m_fleet->images()->image(imageName)) {
        const QString problem
            = Tr::tr("The library already has an image named %1; pick another name.")
                  .arg(imageName);
        const quint64 task = m_fleet->tasks()->begin(Tr::tr("Save as image %1").arg(imageName),
                                                     u"vm.save-image"_s, {});
        m_fleet->tasks()->fail(task, problem);
        if (done)
            done(fail(ErrorCode::AlreadyExists, problem));
        return task;
    }
    QPointer<QObject> guard(context);
    const qint64 hostId = key.hostId;
    // Once the host has written the volume, the catalog learns it from the pool (reconcile),
    // takes the description and gets the image's checksum from a verify job.
    auto registered = [this, guard, done, imageName, description, hostId](Result<QString> path) {
        if (!path) {
            if (guard && done)
                done(std::unexpected(path.error()));
            return;
        }
        ImageLibrary *images = m_fleet->images();
        images->reconcileAll([this, guard, done, imageName, description, hostId] {
            ImageLibrary *images = m_fleet->images();
            if (!images->image(imageName)) {
                if (guard && done)
                    done(fail(ErrorCode::OperationFailed,
                              Tr::tr("%1 was written on the host but did not appear in the "
                                     "library; refresh the Images view.")
                                  .arg(imageName)));
                return;
            }
            auto verify = [this, imageName, hostId] {
                m_fleet->images()->verify(imageName, hostId, this, [](Result<qint64>) {});
            };
            if (description.isEmpty()) {
                verify();
            } else {
                images->describe(imageName, description, this,
                                 [verify](Result<void>) { verify(); });
            }
            if (guard && done)
                done({});
        });
    };
    return runTask<QString>(
        key, Tr::tr("Save %1 as image ") + imageName, u"vm.save-image"_s, context,
        [imageName](virConnectPtr conn, const QUuid &uuid, const QString &host) {
            return VmDisks::flatten(conn, uuid, QLatin1StringView(ImageLibrary::PoolName),
                                    imageName, host);
        },
        std::function<void(Result<QString>)>(registered),
        [imageName](const QString &) { return Tr::tr("Saved as %1.").arg(imageName); });
}

quint64 VmLifecycle::clone(const VmKey &key, const QString &newName, QObject *context,
                           std::function<void(Result<void>)> done)
{
    const auto vm = m_fleet->vm(key);
    DeployRequest request;
    request.count = 1;
    request.name = newName;
    if (vm) {
        request.ns = vm->ns;
        request.host = vm->hostName;
        request.cloneOf = key;
        request.configName = vm->config;
        request.adHoc.image = vm->image;
        request.adHoc.vcpus = vm->vcpus;
        request.adHoc.memoryMiB = vm->memoryKiB / 1024;
    }
    QPointer<QObject> guard(context);
    const quint64 task = m_fleet->tasks()->begin(Tr::tr("Clone %1 as %2")
                                                     .arg(vm ? vm->name : QString(), newName),
                                                 u"vm.clone"_s, vm ? vm->hostName : QString(),
                                                 vm ? vm->name : QString());
    auto finish = [this, task, guard, done](Result<void> result) {
        if (result)
            m_fleet->tasks()->succeed(task, Tr::tr("Cloned."));
        else
            m_fleet->tasks()->fail(task, result.error().message, result.error().detail);
        if (guard && done)
            done(result);
    };
    if (!vm || !vm->managed || vm->image.isEmpty()) {
        finish(fail(ErrorCode::Unsupported,
                    Tr::tr("Only VMs that Corral deployed (from an image in the library) can be "
                           "cloned.")));
        return task;
    }
    if (vmStateIsActive(vm->state)) {
        finish(fail(ErrorCode::InvalidArgument,
                    Tr::tr("%1 is running: shut it down first, so that its disk is consistent.")
                        .arg(vm->name)));
        return task;
    }
    m_fleet->deployer()->deploy(request, this, [finish](Result<QList<DeployedVm>> vms) {
        if (!vms)
            return finish(std::unexpected(vms.error()));
        for (const DeployedVm &v : std::as_const(*vms)) {
            if (v.state != u"running")
                return finish(fail(ErrorCode::OperationFailed, v.error));
        }
        finish({});
    });
    return task;
}

void VmLifecycle::listSnapshots(const VmKey &vm, QObject *context,
                                std::function<void(Result<QList<VmSnapshot>>)> done)
{
    const auto info = m_fleet->vm(vm);
    const QString hostName = info ? info->hostName : QString();
    onHost(
        m_fleet, context, vm.hostId,
        [uuid = vm.uuid, hostName](virConnectPtr conn) {
            return VmDisks::snapshots(conn, uuid, hostName);
        },
        done);
}

quint64 VmLifecycle::createSnapshot(const VmKey &vm, const QString &name,
                                    const QString &description, QObject *context,
                                    std::function<void(Result<void>)> done)
{
    return runTask<bool>(
        vm, Tr::tr("Snapshot %1"), u"vm.snapshot.create"_s, context,
        asBool([name, description](virConnectPtr conn, const QUuid &uuid, const QString &host) {
            return VmDisks::createSnapshot(conn, uuid, name, description, host);
        }),
        voidDone(notifying(vm, done)), [name](const bool &) {
            return Tr::tr("Snapshot %1 taken.").arg(name);
        });
}

quint64 VmLifecycle::revertSnapshot(const VmKey &vm, const QString &name, QObject *context,
                                    std::function<void(Result<void>)> done)
{
    return runTask<bool>(
        vm, Tr::tr("Revert %1 to a snapshot"), u"vm.snapshot.revert"_s, context,
        asBool([name](virConnectPtr conn, const QUuid &uuid, const QString &host) {
            return VmDisks::revertSnapshot(conn, uuid, name, host);
        }),
        voidDone(notifying(vm, done)), [name](const bool &) {
            return Tr::tr("Back at snapshot %1.").arg(name);
        });
}

quint64 VmLifecycle::deleteSnapshot(const VmKey &vm, const QString &name, QObject *context,
                                    std::function<void(Result<void>)> done)
{
    return runTask<bool>(
        vm, Tr::tr("Delete a snapshot of %1"), u"vm.snapshot.delete"_s, context,
        asBool([name](virConnectPtr conn, const QUuid &uuid, const QString &host) {
            return VmDisks::deleteSnapshot(conn, uuid, name, host);
        }),
        voidDone(notifying(vm, done)), [name](const bool &) {
            return Tr::tr("Snapshot %1 deleted.").arg(name);
        });
}

std::function<void(Result<void>)> VmLifecycle::notifying(const VmKey &vm,
                                                         std::function<void(Result<void>)> done)
{
    return [this, vm, done](Result<void> r) {
        Q_EMIT snapshotsChanged(vm);
        if (done)
            done(r);
    };
}

} // namespace Corral
