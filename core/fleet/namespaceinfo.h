#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Corral {

// The namespace every VM without one belongs to; it always exists and cannot be deleted.
inline QString defaultNamespace()
{
    return QStringLiteral("default");
}

// A namespace as the local catalog keeps it: quotas and dedicated hosts. Which VMs are in it
// is recorded on the hosts (each VM's Corral metadata), not here.
struct NamespaceConfig
{
    QString name; // RFC 1123 label (validateLabel)
    QString description;
    int maxVms = 0; // 0 = no limit
    int maxVcpus = 0;
    qint64 maxMemoryMiB = 0;
    // Hosts that run this namespace's VMs only. A namespace with dedicated hosts deploys onto
    // them and nowhere else; a host is dedicated to at most one namespace.
    QStringList dedicatedHosts; // host names
    QDateTime created;

    bool hasQuota() const { return maxVms > 0 || maxVcpus > 0 || maxMemoryMiB > 0; }
    friend bool operator==(const NamespaceConfig &, const NamespaceConfig &) = default;
};

// What a namespace uses across the fleet: every VM whose metadata names it, running or not.
struct NamespaceUsage
{
    int vms = 0;
    int vcpus = 0;
    qint64 memoryMiB = 0;
    friend bool operator==(const NamespaceUsage &, const NamespaceUsage &) = default;
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::NamespaceConfig)
