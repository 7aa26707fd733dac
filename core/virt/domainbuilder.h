#pragma once

#include "fleet/vmconfig.h"
#include "vmmetadata.h"

#include <QString>
#include <QUuid>

namespace Corral {

// Everything needed to write the libvirt domain XML of one VM on one host.
struct DomainSpec
{
    QString name;
    QUuid uuid; // null: libvirt assigns one
    VmConfig config; // shape, profile and devices (config.name may be empty: ad hoc)
    QString domainType = QStringLiteral("kvm"); // "kvm", or "qemu" where only TCG works
    QString systemDisk; // path of the VM's qcow2 overlay on the host
    QString openCoreDisk; // macOS: path of the VM's OpenCore overlay, attached first
    QString smcOsk; // macOS: the host's Apple SMC key (admin-supplied per host)
    QString macAddress; // "52:54:00:xx:xx:xx"; empty: derived from the name
    VmMetadata metadata; // written into <metadata>; its ports drive the user network
};

// Builds libvirt domain XML for the guest profiles (see GuestProfile). Pure functions: no
// libvirt, no I/O. The output validates against libvirt's domain schema
// (virt-xml-validate) for every profile and option combination the config allows.
namespace DomainBuilder {

QString build(const DomainSpec &spec);

// The guest-side address of the user-mode network (QEMU slirp) that exposed ports are
// forwarded to: 169.254.169.15 on 169.254.169.0/24 — link-local, so no private range is
// used, and the address slirp's DHCP hands out first.
QString userNetworkGuestAddress();

// A stable locally administered MAC (52:54:00 prefix, as libvirt uses) from the VM name.
QString macAddressFor(const QString &vmName);

} // namespace DomainBuilder
} // namespace Corral
