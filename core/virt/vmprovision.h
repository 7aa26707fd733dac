#pragma once

#include "util/result.h"
#include "vmmetadata.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

typedef struct _virConnect *virConnectPtr;
typedef struct _virDomain *virDomainPtr;

namespace Corral {

// Host-side steps of a deploy, run on the host session's thread with its connection
// (Fleet::runOnHost). Blocking; plain values out, no libvirt type leaves core/virt.
namespace VmProvision {

// Where VM overlays live.
inline constexpr char VmPool[] = "corral-vms";
// The deploy lock: a volume in VmPool that only one client at a time can create (libvirtd
// refuses a second volume of the same name), so consoles that share a host take turns at
// checking its capacity, picking ports and starting VMs.
inline constexpr char LockVolume[] = ".corral-deploy.lock";
// A lock older than this was left by a console that died holding it.
inline constexpr int LockStaleSeconds = 120;

// The Corral metadata of a domain (one small round trip for the element only), or nullopt
// when it has none. libvirt hands the element back without its namespace declaration.
std::optional<VmMetadata> readMetadata(virDomainPtr dom);

// "kvm" when the host's libvirt offers KVM domains for x86_64, else "qemu" (TCG).
QString domainType(virConnectPtr conn);

// Takes the deploy lock: true when taken, false while another console holds a fresh one.
// A stale lock is broken (and logged).
Result<bool> tryLock(virConnectPtr conn, const QString &hostLabel);
void unlock(virConnectPtr conn);

// What runs on the host right now, as the capacity check under the lock sees it.
struct HostLoad
{
    int vcpus = 0; // of active domains
    qint64 memoryMiB = 0;
    QSet<quint16> usedPorts; // forwarded host ports at the port address (any domain's metadata)
    QSet<QString> names; // every domain's name
};
Result<HostLoad> load(virConnectPtr conn, const QString &portAddress, const QString &hostLabel);

// Defines the domain and starts it. When the start fails, the definition is removed again.
Result<QUuid> defineAndStart(virConnectPtr conn, const QString &xml, const QString &vmName,
                             const QString &hostLabel);
// The same for several domains: defined one after another, then started at the same time
// (QEMU's start-up dominates, and the host has the cores). One result per domain, in order.
QList<Result<QUuid>> defineAndStartAll(virConnectPtr conn, const QStringList &xmls,
                                       const QStringList &vmNames, const QString &hostLabel);

// Removes what a deploy made: the domain with `uuid` (powered off, undefined with NVRAM) when
// not null, and the volumes in VmPool. What is already gone is fine.
Result<void> remove(virConnectPtr conn, const QUuid &uuid, const QStringList &volumes,
                    const QString &hostLabel);

} // namespace VmProvision
} // namespace Corral
