#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Corral {

// How to reach a host, as stored in the catalog.
struct HostConfig
{
    qint64 id = 0; // 0 until stored
    QString name; // letters, digits, '.', '-', '_'; at most 64
    QString uri; // libvirt URI, e.g. qemu+libssh://admin@mac1.example/system
    QStringList tags;
    QDateTime created;
    // Scheduling and deploy settings of the host (catalog only; the host knows nothing of it).
    bool maintenance = false; // no new VMs are placed here
    QString portAddress; // where forwarded VM ports listen on the host; empty = 127.0.0.1
    QString smcOsk; // Apple SMC key for macOS guests, read from this host's SMC by its admin

    QString effectivePortAddress() const
    {
        return portAddress.isEmpty() ? QStringLiteral("127.0.0.1") : portAddress;
    }

    friend bool operator==(const HostConfig &, const HostConfig &) = default;
};

enum class HostState : quint8 {
    Offline, // not connected: never tried, failed, or lost (see HostInfo::error)
    Connecting, // opening the connection or re-listing after a reconnect
    Connected, // inventory complete and events flowing
};

QString hostStateKey(HostState state); // "offline", "connecting", "connected"
QString hostStateLabel(HostState state);

// A host's configuration plus what its live connection knows about it.
struct HostInfo
{
    HostConfig config;
    HostState state = HostState::Offline;
    QString error; // why it is offline, for people; empty when fine
    QDateTime nextRetry; // when the next reconnect attempt happens, if scheduled
    QString hostname; // as the host reports it
    QString hypervisor; // "QEMU 7.2.0", "Test"
    QString libvirtVersion;
    int cpus = 0; // logical CPUs
    qint64 memoryKiB = 0; // physical memory
    int vmCount = 0;
    int runningCount = 0;
    int allocatedVcpus = 0; // sum over active VMs
    qint64 allocatedMemoryKiB = 0;

    friend bool operator==(const HostInfo &, const HostInfo &) = default;
};

// Host names as the catalog accepts them; returns an empty string when valid, else the reason.
QString validateHostName(const QString &name);

} // namespace Corral

Q_DECLARE_METATYPE(Corral::HostConfig)
Q_DECLARE_METATYPE(Corral::HostInfo)
