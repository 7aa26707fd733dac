#include "vmmetadata.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Corral::VmMetadataXml {

namespace {

QString uri()
{
    return QString::fromLatin1(NamespaceUri);
}

// Seconds only unless the time has milliseconds, so that the usual value reads like the
// header's example and a parsed value still compares equal.
QString timeText(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

std::optional<quint16> portNumber(QStringView text)
{
    bool ok = false;
    const uint n = text.trimmed().toUInt(&ok);
    if (!ok || n < 1 || n > 65535)
        return std::nullopt;
    return quint16(n);
}

// One <corral:port>; nullopt for what Corral cannot use: another protocol than TCP, a guest
// port out of range, a host port given but out of range.
std::optional<PortMapping> readPort(const QXmlStreamAttributes &attrs)
{
    if (attrs.hasAttribute(u"proto"_s) && attrs.value(u"proto"_s) != u"tcp")
        return std::nullopt;
    const auto guest = portNumber(attrs.value(u"guest"_s));
    if (!guest)
        return std::nullopt;
    PortMapping port;
    port.guestPort = *guest;
    if (attrs.hasAttribute(u"host"_s)) {
        const auto host = portNumber(attrs.value(u"host"_s));
        if (!host)
            return std::nullopt;
        port.hostPort = *host;
    }
    port.address = attrs.value(u"address"_s).trimmed().toString();
    return port;
}

// Reads the children of <corral:ports> up to its end tag.
void readPorts(QXmlStreamReader &reader, QList<PortMapping> *ports)
{
    while (reader.readNextStartElement()) {
        if (reader.namespaceUri() == uri() && reader.name() == u"port") {
            if (const auto port = readPort(reader.attributes()))
                ports->append(*port);
        }
        reader.skipCurrentElement();
    }
}

// Reads the children of <corral:vm> up to its end tag (or the first XML error: what was read
// until then stays).
void readVm(QXmlStreamReader &reader, VmMetadata *m)
{
    while (reader.readNextStartElement()) {
        if (reader.namespaceUri() != uri()) {
            reader.skipCurrentElement();
            continue;
        }
        const QStringView name = reader.name();
        if (name == u"ports") {
            readPorts(reader, &m->ports);
            continue;
        }
        QString *field = nullptr;
        if (name == u"namespace")
            field = &m->ns;
        else if (name == u"config")
            field = &m->config;
        else if (name == u"image")
            field = &m->image;
        else if (name == u"owner")
            field = &m->owner;
        else if (name == u"profile")
            field = &m->profile;
        else if (name == u"user")
            field = &m->user;
        const bool isCreated = name == u"created";
        if (!field && !isCreated) {
            reader.skipCurrentElement();
            continue;
        }
        const QString text = reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        if (reader.hasError())
            return;
        if (field) {
            *field = text;
        } else {
            const QDateTime created = QDateTime::fromString(text, Qt::ISODateWithMs);
            m->created = created.isValid() ? created.toUTC() : QDateTime();
        }
    }
}

void writeText(QXmlStreamWriter &writer, const QString &name, const QString &text)
{
    if (!text.isEmpty())
        writer.writeTextElement(uri(), name, text);
}

} // namespace

void write(QXmlStreamWriter &writer, const VmMetadata &m)
{
    // Declared on the element itself (not on the <metadata> around it): libvirt keeps only
    // the element, and must keep its namespace with it.
    writer.writeStartElement(QString::fromLatin1(Prefix) + u":vm"_s);
    writer.writeNamespace(uri(), QString::fromLatin1(Prefix));
    writeText(writer, u"namespace"_s, m.ns);
    writeText(writer, u"config"_s, m.config);
    writeText(writer, u"image"_s, m.image);
    writeText(writer, u"owner"_s, m.owner);
    if (m.created.isValid())
        writeText(writer, u"created"_s, timeText(m.created));
    writeText(writer, u"profile"_s, m.profile);
    writeText(writer, u"user"_s, m.user);
    if (!m.ports.isEmpty()) {
        writer.writeStartElement(uri(), u"ports"_s);
        for (const PortMapping &port : m.ports) {
            writer.writeEmptyElement(uri(), u"port"_s);
            writer.writeAttribute(u"proto"_s, u"tcp"_s);
            writer.writeAttribute(u"guest"_s, QString::number(port.guestPort));
            if (!port.address.isEmpty())
                writer.writeAttribute(u"address"_s, port.address);
            if (port.hostPort)
                writer.writeAttribute(u"host"_s, QString::number(port.hostPort));
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
}

QString toXml(const VmMetadata &metadata)
{
    QString xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    write(writer, metadata);
    return xml.trimmed(); // auto-formatting starts with a line break
}

std::optional<VmMetadata> parse(QStringView xml)
{
    QXmlStreamReader reader(xml.toString());
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.namespaceUri() == uri() && reader.name() == u"vm") {
            VmMetadata metadata;
            readVm(reader, &metadata);
            return metadata;
        }
    }
    return std::nullopt;
}

} // namespace Corral::VmMetadataXml
