#pragma once

#include "util/result.h"
#include "vmmetadata.h"

#include <QString>
#include <QUuid>

typedef struct _virConnect *virConnectPtr;

namespace Corral {

// How a port of a guest is reached from its host: an address and port the host's sshd can
// connect to (direct-tcpip), and how it was found.
struct GuestRoute
{
    QString address;
    quint16 port = 0;
    QString user; // the guest's login from the VM's Corral metadata, if any
    QString source; // "port mapping", "DHCP lease", "guest agent", "ARP", "QEMU VNC"
};

namespace GuestRoutes {

// The usable port mappings (with a host port; an empty address means 127.0.0.1) and the login
// user from the corral:vm metadata of a domain XML (VmMetadataXml::parse).
QList<PortMapping> portMappings(const QString &domainXml, QString *user = nullptr);
// The VNC listener of a running domain's live XML, as the host sees it.
Result<GuestRoute> vncConsole(const QString &domainXml, const QString &vmName);

// Runs on the host session's thread. Guest ports: the VM's port mapping first, then its
// address from the DHCP lease, the guest agent or the ARP table.
Result<GuestRoute> resolvePort(virConnectPtr conn, const QUuid &uuid, quint16 guestPort);
Result<GuestRoute> resolveVnc(virConnectPtr conn, const QUuid &uuid);

} // namespace GuestRoutes

} // namespace Corral
