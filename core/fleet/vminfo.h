#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

namespace Corral {

// A VM's run state as libvirt reports it (virDomainState), in words the UI and CLI share.
enum class VmState : quint8 {
    NoState,
    Running,
    Blocked,
    Paused,
    ShuttingDown,
    Shutoff,
    Crashed,
    PmSuspended,
};

// The JSON/CLI word for a state: "running", "paused", "shutoff", ...
QString vmStateKey(VmState state);
// The translated label for a state.
QString vmStateLabel(VmState state);
// True for states in which the guest occupies host CPU and memory.
bool vmStateIsActive(VmState state);

// Resource use of a running VM over the last stats interval. Negative = not known.
struct VmStats
{
    double cpuPercent = -1; // of one host CPU; 200 = two CPUs busy
    qint64 memoryUsedKiB = -1; // guest's current balloon size, or RSS when no balloon
    double diskReadBps = -1;
    double diskWriteBps = -1;
    double netRxBps = -1;
    double netTxBps = -1;

    bool isValid() const { return cpuPercent >= 0; }
    friend bool operator==(const VmStats &, const VmStats &) = default;
};

// One VM on one host, as a copyable value. Identity: (hostId, uuid).
struct VmInfo
{
    qint64 hostId = 0;
    QString hostName;
    QUuid uuid;
    QString name;
    VmState state = VmState::NoState;
    int vcpus = 0;
    qint64 memoryKiB = 0; // maximum memory
    bool persistent = true;
    // From the domain's Corral metadata (see VmMetadata); a VM without it is unmanaged and
    // counts as being in the default namespace.
    bool managed = false;
    QString ns = QStringLiteral("default");
    QString config; // the VM config it was deployed from, if any
    QString image; // its base image, if known
    VmStats stats;

    QString qualifiedName() const { return hostName + u'/' + name; }
    friend bool operator==(const VmInfo &, const VmInfo &) = default;
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::VmInfo)
Q_DECLARE_METATYPE(Corral::VmStats)
