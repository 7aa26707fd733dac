#pragma once

#include "fleet.h"

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>

namespace Corral {

// A snapshot of a VM (libvirt internal qcow2 snapshot: disks, and memory when taken running).
struct VmSnapshot
{
    QString name;
    QString description;
    QDateTime created;
    QString state; // the VM's state when taken: "running", "shutoff", ...
    bool current = false;
    friend bool operator==(const VmSnapshot &, const VmSnapshot &) = default;
};

// The disk-level lifecycle of Corral VMs: revert to a fresh overlay, save the VM's disk as a
// new catalog image, clone, snapshots and disk resize. Each operation is a task in the fleet's
// TaskManager (returned id) and runs on the VM's host session; `done` reports on the Fleet's
// thread. Owned by Fleet.
class VmLifecycle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmLifecycle)

public:
    explicit VmLifecycle(Fleet *fleet, QObject *parent = nullptr);

    // A fresh overlay on the same base image: everything written since deploy is gone,
    // snapshots too. A running VM is powered off first and started again afterwards.
    quint64 revert(const VmKey &vm, QObject *context, std::function<void(Result<void>)> done);

    // Flattens the VM's disk (overlay + base) into a new image `imageName` in the host's
    // corral-images pool and registers it in the catalog (then verified for its SHA-256).
    // The VM must be shut off, so that the image is consistent.
    quint64 saveAsImage(const VmKey &vm, const QString &imageName, const QString &description,
                        QObject *context, std::function<void(Result<void>)> done);

    // A new VM on the same host with a copy of this VM's disk (standalone: libvirt copies
    // through the backing chain, so the clone does not depend on the base image and has no
    // fresh state to revert to), the same shape and namespace, a new name, MAC and forwarded
    // ports. Goes through the deploy path (lock, capacity, journal). The source must be off.
    quint64 clone(const VmKey &vm, const QString &newName, QObject *context,
                  std::function<void(Result<void>)> done);

    // Grows the VM's disk to `bytes` (never shrinks).
    quint64 resizeDisk(const VmKey &vm, quint64 bytes, QObject *context,
                       std::function<void(Result<void>)> done);

    void listSnapshots(const VmKey &vm, QObject *context,
                       std::function<void(Result<QList<VmSnapshot>>)> done);
    quint64 createSnapshot(const VmKey &vm, const QString &name, const QString &description,
                           QObject *context, std::function<void(Result<void>)> done);
    quint64 revertSnapshot(const VmKey &vm, const QString &name, QObject *context,
                           std::function<void(Result<void>)> done);
    quint64 deleteSnapshot(const VmKey &vm, const QString &name, QObject *context,
                           std::function<void(Result<void>)> done);

Q_SIGNALS:
    void snapshotsChanged(const Corral::VmKey &vm);

private:
    // A task around `work(connection, uuid, hostName) -> Result<T>` on the VM's host:
    // `success(value)` is the task's message, `done` gets the result.
    template<typename T, typename Work>
    quint64 runTask(const VmKey &key, const QString &title, const QString &action,
                    QObject *context, Work work, std::function<void(Result<T>)> done,
                    std::function<QString(const T &)> success);
    std::function<void(Result<void>)> notifying(const VmKey &vm,
                                                std::function<void(Result<void>)> done);

    Fleet *m_fleet;
};

} // namespace Corral
