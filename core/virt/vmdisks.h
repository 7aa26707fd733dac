#pragma once

#include "fleet/vmlifecycle.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QUuid>

typedef struct _virConnect *virConnectPtr;

namespace Corral {

// Disk-level work on one VM for VmLifecycle, run on the host session's thread with its
// connection. Blocking; plain values out, no libvirt type leaves core/virt.
namespace VmDisks {

// A fresh overlay (same name, size and base) for every overlay disk the VM owns, snapshot
// metadata dropped first (the snapshots lived in the old overlays). A running VM is powered
// off before and started again after.
Result<void> revert(virConnectPtr conn, const QUuid &uuid, const QString &hostLabel);

// Flattens the VM's system disk (overlay + base) into a new standalone qcow2 volume
// `imageName` of `imagePool` (qemu-img convert on the host, through libvirt). The VM must be
// shut off. Returns the new volume's path.
Result<QString> flatten(virConnectPtr conn, const QUuid &uuid, const QString &imagePool,
                        const QString &imageName, const QString &hostLabel);

// Grows the VM's system disk to `bytes`; live (block_resize) when it runs.
Result<void> resize(virConnectPtr conn, const QUuid &uuid, quint64 bytes,
                    const QString &hostLabel);

Result<QList<VmSnapshot>> snapshots(virConnectPtr conn, const QUuid &uuid,
                                    const QString &hostLabel);
Result<void> createSnapshot(virConnectPtr conn, const QUuid &uuid, const QString &name,
                            const QString &description, const QString &hostLabel);
Result<void> revertSnapshot(virConnectPtr conn, const QUuid &uuid, const QString &name,
                            const QString &hostLabel);
Result<void> deleteSnapshot(virConnectPtr conn, const QUuid &uuid, const QString &name,
                            const QString &hostLabel);

// Snapshot names: letters, digits, '.', '-', '_', at most 64. Empty when valid, else why.
QString validateSnapshotName(const QString &name);

} // namespace VmDisks
} // namespace Corral
