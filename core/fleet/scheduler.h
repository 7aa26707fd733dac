#pragma once

#include "namespaceinfo.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Corral {

// How the scheduler ranks the hosts that fit.
enum class PlacementStrategy : quint8 {
    Spread, // least allocated first (the default): VMs spread over the fleet
    Pack, // most allocated first: fill one host before the next
};
QString placementStrategyKey(PlacementStrategy strategy); // "spread", "pack"
bool parsePlacementStrategy(const QString &key, PlacementStrategy *strategy);

// A host as the scheduler sees it: a snapshot taken from the fleet just before scheduling.
struct SchedulerHost
{
    qint64 id = 0;
    QString name;
    bool connected = true;
    bool maintenance = false;
    QStringList tags;
    QString dedicatedTo; // namespace the host is dedicated to; empty = shared
    int cpus = 0; // logical CPUs
    qint64 memoryMiB = 0; // physical memory
    int allocatedVcpus = 0; // of the VMs that count (running ones, and ones being deployed)
    qint64 allocatedMemoryMiB = 0;
};

// Fleet-wide scheduling settings (stored in the catalog's settings).
struct SchedulerPolicy
{
    double cpuOvercommit = 4.0; // vCPUs per logical CPU
    double memoryOvercommit = 1.0; // guest memory per MiB of host memory
    qint64 reservedMemoryMiB = 1024; // kept free for the host itself, before overcommit
    friend bool operator==(const SchedulerPolicy &, const SchedulerPolicy &) = default;
};

// The namespace a request deploys into: its quota and what it already uses.
struct NamespaceLimits
{
    QString name;
    int maxVms = 0; // 0 = no limit
    int maxVcpus = 0;
    qint64 maxMemoryMiB = 0;
    NamespaceUsage used;
    bool hasDedicatedHosts = false;
};

struct PlacementRequest
{
    int vcpus = 1;
    qint64 memoryMiB = 1024;
    int count = 1;
    QString host; // pinned: only this host (by name)
    QString tag; // prefer hosts with this tag...
    bool tagRequired = false; // ...or accept only those
    PlacementStrategy strategy = PlacementStrategy::Spread;
};

// Where one VM of the request goes, and why that host (for the deploy preview).
struct Placement
{
    qint64 hostId = 0;
    QString hostName;
    QString why; // translated, e.g. "least allocated: 3 of 16 vCPUs, 4.0 of 30.0 GiB in use"
    friend bool operator==(const Placement &, const Placement &) = default;
};

// A host that could not take (the rest of) the request, and why.
struct HostRejection
{
    QString hostName;
    QString reason; // translated, e.g. "in maintenance", "needs 4 vCPUs, 2 free"
    friend bool operator==(const HostRejection &, const HostRejection &) = default;
};

// The outcome: every VM placed (all or nothing), or an error with each host's reason.
struct Schedule
{
    QList<Placement> placements; // request.count entries on success, empty on failure
    QList<HostRejection> rejections; // hosts that took none or not all, with the reason
    QString error; // empty on success; else one paragraph naming the cause and what to do

    bool ok() const { return error.isEmpty(); }
};

// Places request.count VMs of one shape. Pure and fast (no I/O, no allocation per host and VM
// beyond the result): 1,000 placements over 100 hosts take well under 50 ms.
//
// Filters, in this order, each host: connected; not in maintenance; pinned host; dedication
// (a host dedicated to another namespace refuses; a namespace with dedicated hosts uses only
// those); required tag; capacity: allocated + request <= cpus * cpuOvercommit and
// <= (memory - reserved) * memoryOvercommit. The namespace quota (VMs, vCPUs, memory over all
// its VMs) is checked first, for the whole count. Ranks the hosts that fit by the strategy on
// the larger of the vCPU and memory fractions in use; hosts carrying a preferred (not
// required) tag come first; ties go to the lower name. VMs are placed one after another, each
// on the then best host, so a count spreads (or packs) as it would one by one.
Schedule schedule(const QList<SchedulerHost> &hosts, const NamespaceLimits &ns,
                  const PlacementRequest &request, const SchedulerPolicy &policy);

} // namespace Corral
