#pragma once

#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"

#include <QString>
#include <QUuid>

// Inventory values for the widget tests that feed the models as Fleet's signals would: VM `n`
// of host `hostId` is "vm<n>" on "lab<hostId>", with a UUID made of both. A test sets the
// resources (and anything else) it looks at on top.
namespace TestInventory {

inline Corral::VmInfo vm(qint64 hostId, int n, Corral::VmState state)
{
    Corral::VmInfo vm;
    vm.hostId = hostId;
    vm.hostName = QStringLiteral("lab%1").arg(hostId);
    vm.uuid = QUuid(uint(n), ushort(hostId), 0, 1, 2, 3, 4, 5, 6, 7, 8);
    vm.name = QStringLiteral("vm%1").arg(n);
    vm.state = state;
    return vm;
}

inline Corral::HostInfo host(qint64 id, Corral::HostState state)
{
    Corral::HostInfo host;
    host.config.id = id;
    host.config.name = QStringLiteral("lab%1").arg(id);
    host.state = state;
    return host;
}

} // namespace TestInventory
