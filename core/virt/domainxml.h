#pragma once

#include <QList>
#include <QString>

namespace Corral {

// Facts Corral reads from a domain's XML description. Pure functions, no libvirt calls.
namespace DomainXml {

// A writable disk of a VM (device="disk", not a CD-ROM/floppy, not read-only or shareable):
// either a file path or a pool volume.
struct DiskSource
{
    QString target; // "vda", "sda"
    QString file; // <source file=...> or <source dev=...>
    QString pool; // <source pool=... volume=...>
    QString volume;
    friend bool operator==(const DiskSource &, const DiskSource &) = default;
};

// Disks that belong to the VM alone, so deleting the VM "with storage" may delete them.
// Shared or read-only disks and removable media (installer ISOs) are never included.
QList<DiskSource> ownedDisks(const QString &xml);

} // namespace DomainXml
} // namespace Corral
