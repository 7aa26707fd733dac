#pragma once

#include "fleet/vmoperation.h"
#include "util/result.h"
#include "virthandles.h"

#include <QCoreApplication>
#include <QUuid>

namespace Corral::Virt {

// One lifecycle operation on a domain of an open libvirt connection. Blocking: runs on the
// host's session thread. Delete "with storage" removes the VM's own disk volumes (never
// shared, read-only or removable media, never the base image behind an overlay).
class DomainOperation final
{
    // Same translation context as the session that used to hold this code.
    Q_DECLARE_TR_FUNCTIONS(Corral::HostSession)

public:
    static Result<void> run(virConnectPtr conn, const QString &hostName, VmOperation op,
                            const QUuid &uuid, bool withStorage, QString *vmName);
    // Powers the domain off if it runs and undefines it with its managed save, snapshot
    // metadata and NVRAM (less where the driver refuses those flags). Disks stay.
    static Result<void> destroyAndUndefine(virDomainPtr dom, const QString &vmName);
};

} // namespace Corral::Virt
