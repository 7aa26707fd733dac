#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QXmlStreamWriter;

namespace Corral {

// A port mapping recorded in a VM's Corral metadata:
//   <corral:ports><corral:port proto='tcp' guest='22' address='127.0.0.11' host='2323'/>
// The host forwards address:host (on the host) to the guest's port.
struct PortMapping
{
    quint16 guestPort = 0;
    QString address;
    quint16 hostPort = 0;
    friend bool operator==(const PortMapping &, const PortMapping &) = default;
};

// What Corral records in every VM it creates, inside the domain's <metadata> as
//   <corral:vm xmlns:corral="urn:x-corral:vm:1">
//     <corral:namespace>team-a</corral:namespace> <corral:config>ci-runner</corral:config>
//     <corral:image>sonoma.qcow2</corral:image> <corral:owner>alice</corral:owner>
//     <corral:created>2026-11-24T10:00:00Z</corral:created> <corral:profile>macos</corral:profile>
//     <corral:user>admin</corral:user> <corral:ports>...</corral:ports>
//   </corral:vm>
// so that any console reading the host sees the same fleet. Pure value + XML, no libvirt.
struct VmMetadata
{
    QString ns; // namespace
    QString config; // VM config it was deployed from; empty for ad-hoc deploys
    QString image; // base image (catalog name)
    QString owner;
    QDateTime created; // UTC
    QString profile; // guestProfileKey
    QString user; // the guest's login for SSH consoles
    QList<PortMapping> ports;
    friend bool operator==(const VmMetadata &, const VmMetadata &) = default;
};

namespace VmMetadataXml {

inline constexpr char NamespaceUri[] = "urn:x-corral:vm:1";
inline constexpr char Prefix[] = "corral";

// The <corral:vm> element (with its xmlns declaration), as virDomainSetMetadata and the
// domain builder take it. Text is XML-escaped; empty fields are left out.
QString toXml(const VmMetadata &metadata);
// The same element, written by `writer` at its current position (the domain builder's
// <metadata>); declares the namespace on the element itself.
void write(QXmlStreamWriter &writer, const VmMetadata &metadata);

// Finds the corral:vm element (by namespace URI, whatever its prefix) in a whole domain XML
// or in the element alone (what virDomainGetMetadata returns). nullopt when there is none;
// unknown children are ignored, malformed values (ports out of range) are skipped.
std::optional<VmMetadata> parse(QStringView xml);

} // namespace VmMetadataXml
} // namespace Corral
