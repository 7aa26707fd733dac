#include "guestroute.h"

#include "virthandles.h"

#include <QHostAddress>
#include <QXmlStreamReader>

namespace Corral::GuestRoutes {

using namespace Virt;

namespace {
Result<DomainPtr> lookup(virConnectPtr conn, const QUuid &uuid)
{
    if (!conn) {
        return fail(ErrorCode::Offline,
                    Tr::tr("The VM's host is not connected: wait for it to come back."));
    }
    const QByteArray text = uuid.toByteArray(QUuid::WithoutBraces);
    DomainPtr dom(virDomainLookupByUUIDString(conn, text.constData()));
    if (!dom)
        return fail(ErrorCode::NotFound, Tr::tr("The VM no longer exists on its host."),
                    lastVirtError());
    return dom;
}

QString domainName(virDomainPtr dom)
{
    return QString::fromUtf8(virDomainGetName(dom));
}

Result<QString> liveXml(virDomainPtr dom)
{
    CString xml(virDomainGetXMLDesc(dom, 0));
    if (!xml)
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot read the definition of %1.").arg(domainName(dom)),
                    lastVirtError());
    return QString::fromUtf8(xml.get());
}

struct DomainXml
{
    DomainPtr dom;
    QString xml;
};

// The domain and its live definition.
Result<DomainXml> lookupWithXml(virConnectPtr conn, const QUuid &uuid)
{
    auto dom = lookup(conn, uuid);
    if (!dom)
        return std::unexpected(dom.error());
    auto xml = liveXml(dom->get());
    if (!xml)
        return std::unexpected(xml.error());
    return DomainXml{std::move(*dom), std::move(*xml)};
}

// The first usable IPv4 (then IPv6) address libvirt reports from `source`.
QString interfaceAddress(virDomainPtr dom, unsigned int source)
{
    virDomainInterfacePtr *ifaces = nullptr;
    const int count = virDomainInterfaceAddresses(dom, &ifaces, source, 0);
    QString v4;
    QString v6;
    for (int i = 0; i < count; ++i) {
        for (unsigned int a = 0; a < ifaces[i]->naddrs; ++a) {
            const QHostAddress address(QString::fromUtf8(ifaces[i]->addrs[a].addr));
            if (address.isLoopback() || address.isLinkLocal() || address.isNull())
                continue;
            if (address.protocol() == QAbstractSocket::IPv4Protocol && v4.isEmpty())
                v4 = address.toString();
            else if (v6.isEmpty())
                v6 = address.toString();
        }
        virDomainInterfaceFree(ifaces[i]);
    }
    std::free(ifaces);
    return v4.isEmpty() ? v6 : v4;
}
} // namespace

QList<PortMapping> portMappings(const QString &domainXml, QString *user)
{
    const auto metadata = VmMetadataXml::parse(domainXml);
    if (!metadata)
        return {};
    if (user)
        *user = metadata->user;
    QList<PortMapping> mappings;
    for (PortMapping m : metadata->ports) {
        if (!m.hostPort)
            continue; // recorded but not forwarded (bridged or libvirt-networked VMs)
        if (m.address.isEmpty())
            m.address = QStringLiteral("127.0.0.1");
        mappings.append(m);
    }
    return mappings;
}

Result<GuestRoute> vncConsole(const QString &domainXml, const QString &vmName)
{
    QXmlStreamReader xml(domainXml);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"graphics"
            || xml.attributes().value(QStringLiteral("type")) != u"vnc")
            continue;
        const auto attrs = xml.attributes();
        const int port = attrs.value(QStringLiteral("port")).toInt();
        if (port <= 0) {
            return fail(ErrorCode::Offline,
                        Tr::tr("%1 has no VNC console right now: start it first.").arg(vmName));
        }
        QString listen = attrs.value(QStringLiteral("listen")).toString();
        if (listen.isEmpty() || listen == u"0.0.0.0")
            listen = QStringLiteral("127.0.0.1");
        else if (listen == u"::")
            listen = QStringLiteral("::1");
        return GuestRoute{listen, quint16(port), {}, QStringLiteral("QEMU VNC")};
    }
    return fail(
        ErrorCode::Unsupported,
        Tr::tr("%1 has no VNC display: add a VNC graphics device to its definition.").arg(vmName));
}

Result<GuestRoute> resolvePort(virConnectPtr conn, const QUuid &uuid, quint16 guestPort)
{
    auto found = lookupWithXml(conn, uuid);
    if (!found)
        return std::unexpected(found.error());
    virDomainPtr dom = found->dom.get();
    QString user;
    const auto mappings = portMappings(found->xml, &user);
    for (const PortMapping &m : mappings) {
        if (m.guestPort == guestPort)
            return GuestRoute{m.address, m.hostPort, user, QStringLiteral("port mapping")};
    }
    const QString name = domainName(dom);
    if (virDomainIsActive(dom) != 1) {
        return fail(
            ErrorCode::Offline,
            Tr::tr("%1 is not running: start it to reach its port %2.").arg(name).arg(guestPort));
    }
    const std::pair<unsigned int, QString> sources[] = {
        {VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, QStringLiteral("DHCP lease")},
        {VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, QStringLiteral("guest agent")},
        {VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP, QStringLiteral("ARP")},
    };
    for (const auto &[source, label] : sources) {
        const QString address = interfaceAddress(dom, source);
        if (!address.isEmpty())
            return GuestRoute{address, guestPort, user, label};
    }
    return fail(ErrorCode::NotFound,
                Tr::tr("Cannot find how to reach port %1 of %2: it has no port mapping for it, "
                       "and its host knows no address for it (no DHCP lease, guest agent or ARP "
                       "entry). Give the VM a port mapping or a network with DHCP.")
                    .arg(guestPort)
                    .arg(name));
}

Result<GuestRoute> resolveVnc(virConnectPtr conn, const QUuid &uuid)
{
    auto found = lookupWithXml(conn, uuid);
    if (!found)
        return std::unexpected(found.error());
    return vncConsole(found->xml, domainName(found->dom.get()));
}

} // namespace Corral::GuestRoutes
