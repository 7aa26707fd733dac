#include "scheduler.h"

#include "util/tr.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Corral {

QString placementStrategyKey(PlacementStrategy strategy)
{
    switch (strategy) {
    case PlacementStrategy::Spread:
        return u"spread"_s;
    case PlacementStrategy::Pack:
        return u"pack"_s;
    }
    return u"spread"_s;
}

bool parsePlacementStrategy(const QString &key, PlacementStrategy *strategy)
{
    const QString trimmed = key.trimmed();
    PlacementStrategy parsed;
    if (trimmed.compare(u"spread", Qt::CaseInsensitive) == 0)
        parsed = PlacementStrategy::Spread;
    else if (trimmed.compare(u"pack", Qt::CaseInsensitive) == 0)
        parsed = PlacementStrategy::Pack;
    else
        return false;
    if (strategy)
        *strategy = parsed;
    return true;
}

namespace {

// Why a host cannot take any VM of the request, whatever its free capacity.
enum class Refusal : quint8 {
    None,
    Offline,
    Maintenance,
    DedicatedElsewhere,
    NotDedicated,
    LacksTag,
};

// A host that passed the filters that do not depend on capacity. The allocation is the
// host's plus what this deploy has put on it so far.
struct Candidate
{
    const SchedulerHost *host = nullptr;
    qint64 cpuCapacity = 0;
    qint64 memoryCapacity = 0;
    qint64 vcpus = 0;
    qint64 memoryMiB = 0;
    double load = 0;
    int taken = 0;
    bool preferred = false;
};

qint64 floorToCount(double value)
{
    // The epsilon keeps 10 * 1.2 at 12 although the double product is a hair below it.
    const double floored = std::floor(value + 1e-9);
    if (!(floored > 0)) // also NaN
        return 0;
    return floored >= 9e18 ? qint64(9e18) : qint64(floored);
}

qint64 cpuCapacity(const SchedulerHost &host, const SchedulerPolicy &policy)
{
    return floorToCount(double(qMax(0, host.cpus)) * policy.cpuOvercommit);
}

qint64 memoryCapacity(const SchedulerHost &host, const SchedulerPolicy &policy)
{
    const qint64 usable = qMax<qint64>(0, host.memoryMiB - policy.reservedMemoryMiB);
    return floorToCount(double(usable) * policy.memoryOvercommit);
}

double loadOf(const Candidate &c)
{
    if (c.cpuCapacity <= 0 || c.memoryCapacity <= 0)
        return 1.0;
    return qMax(double(c.vcpus) / double(c.cpuCapacity),
                double(c.memoryMiB) / double(c.memoryCapacity));
}

// Written as "need <= capacity - allocated" so that absurd requests cannot overflow.
bool fits(const Candidate &c, const PlacementRequest &request)
{
    return request.vcpus <= c.cpuCapacity - c.vcpus
        && request.memoryMiB <= c.memoryCapacity - c.memoryMiB;
}

bool ranksBefore(const Candidate &a, const Candidate &b, bool pack)
{
    if (a.preferred != b.preferred)
        return a.preferred;
    if (a.load != b.load)
        return pack ? a.load > b.load : a.load < b.load;
    const int byName = a.host->name.compare(b.host->name, Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    const int exact = a.host->name.compare(b.host->name, Qt::CaseSensitive);
    if (exact != 0)
        return exact < 0;
    return a.host < b.host; // the same name twice: fleet order
}

Refusal refusalOf(const SchedulerHost &host, const NamespaceLimits &ns,
                  const PlacementRequest &request)
{
    if (!host.connected)
        return Refusal::Offline;
    if (host.maintenance)
        return Refusal::Maintenance;
    if (!host.dedicatedTo.isEmpty() && host.dedicatedTo != ns.name)
        return Refusal::DedicatedElsewhere;
    if (ns.hasDedicatedHosts && host.dedicatedTo != ns.name)
        return Refusal::NotDedicated;
    if (request.tagRequired && !request.tag.isEmpty() && !host.tags.contains(request.tag))
        return Refusal::LacksTag;
    return Refusal::None;
}

QString refusalText(Refusal refusal, const SchedulerHost &host, const NamespaceLimits &ns,
                    const PlacementRequest &request)
{
    switch (refusal) {
    case Refusal::None:
        break;
    case Refusal::Offline:
        return Tr::tr("offline (not connected)");
    case Refusal::Maintenance:
        return Tr::tr("in maintenance");
    case Refusal::DedicatedElsewhere:
        return Tr::tr("dedicated to namespace \"%1\"").arg(host.dedicatedTo);
    case Refusal::NotDedicated:
        return Tr::tr("not dedicated to namespace \"%1\" (it deploys only onto its dedicated "
                      "hosts)")
            .arg(ns.name);
    case Refusal::LacksTag:
        return Tr::tr("lacks tag \"%1\"").arg(request.tag);
    }
    return {};
}

QString factorText(double factor)
{
    return QString::number(factor, 'g', 4);
}

QString gibText(qint64 mib)
{
    return QString::number(double(mib) / 1024.0, 'f', 1);
}

// Why a candidate cannot take one more VM; only called on the failure path.
QString capacityText(const Candidate &c, const PlacementRequest &request,
                     const SchedulerPolicy &policy)
{
    QStringList parts;
    if (request.vcpus > c.cpuCapacity - c.vcpus) {
        parts.append(
            Tr::tr("needs %n vCPUs, %1 of %2 free at %3× overcommit", nullptr, request.vcpus)
                .arg(QString::number(qMax<qint64>(0, c.cpuCapacity - c.vcpus)),
                     QString::number(c.cpuCapacity), factorText(policy.cpuOvercommit)));
    }
    if (request.memoryMiB > c.memoryCapacity - c.memoryMiB) {
        const QString need = QString::number(request.memoryMiB);
        const QString free = QString::number(qMax<qint64>(0, c.memoryCapacity - c.memoryMiB));
        const QString capacity = QString::number(c.memoryCapacity);
        const QString reserved = QString::number(policy.reservedMemoryMiB);
        if (policy.memoryOvercommit == 1.0) {
            parts.append(Tr::tr("needs %1 MiB of memory, %2 of %3 MiB free (%4 MiB kept for "
                                "the host)")
                             .arg(need, free, capacity, reserved));
        } else {
            parts.append(
                Tr::tr("needs %1 MiB of memory, %2 of %3 MiB free at %4× overcommit "
                       "(%5 MiB kept for the host)")
                    .arg(need, free, capacity, factorText(policy.memoryOvercommit), reserved));
        }
    }
    return parts.join(u"; "_s);
}

enum class TagState : quint8 { NoPreference, HasTag, LacksTag };

// Built for the chosen host only, with its load before this VM.
QString whyText(const Candidate &c, const PlacementRequest &request, bool pinned)
{
    const QString load = Tr::tr("%1 of %2 vCPUs, %3 of %4 GiB in use")
                             .arg(QString::number(c.vcpus), QString::number(c.cpuCapacity),
                                  gibText(c.memoryMiB), gibText(c.memoryCapacity));
    if (pinned)
        return Tr::tr("the requested host (%1)").arg(load);
    const bool pack = request.strategy == PlacementStrategy::Pack;
    TagState tag = TagState::NoPreference;
    if (!request.tag.isEmpty() && !request.tagRequired)
        tag = c.preferred ? TagState::HasTag : TagState::LacksTag;
    switch (tag) {
    case TagState::NoPreference:
        break;
    case TagState::HasTag:
        return (pack ? Tr::tr("pack: has the preferred tag \"%1\", most allocated of those (%2)")
                     : Tr::tr("spread: has the preferred tag \"%1\", least allocated of those "
                              "(%2)"))
            .arg(request.tag, load);
    case TagState::LacksTag:
        return (pack ? Tr::tr("pack: most allocated; no host with the preferred tag \"%1\" has "
                              "room (%2)")
                     : Tr::tr("spread: least allocated; no host with the preferred tag \"%1\" "
                              "has room (%2)"))
            .arg(request.tag, load);
    }
    return (pack ? Tr::tr("pack: most allocated (%1)") : Tr::tr("spread: least allocated (%1)"))
        .arg(load);
}

QString invalidRequestError(const PlacementRequest &request)
{
    QStringList problems;
    if (request.vcpus < 1) {
        problems.append(Tr::tr("A VM needs at least one vCPU; the request asks for %1.")
                            .arg(QString::number(request.vcpus)));
    }
    if (request.memoryMiB < 1) {
        problems.append(Tr::tr("A VM needs at least 1 MiB of memory; the request asks for %1 "
                               "MiB.")
                            .arg(QString::number(request.memoryMiB)));
    }
    if (request.count < 1) {
        problems.append(Tr::tr("A deploy places at least one VM; the request asks for %1.")
                            .arg(QString::number(request.count)));
    }
    if (problems.isEmpty())
        return {};
    return Tr::tr("Invalid request: %1").arg(problems.join(u' '));
}

QString quotaError(const NamespaceLimits &ns, const PlacementRequest &request)
{
    const qint64 count = request.count;
    const qint64 vcpus = count * request.vcpus; // both are ints: no overflow in 64 bits
    qint64 memory = 0;
    if (qMulOverflow(count, request.memoryMiB, &memory))
        memory = std::numeric_limits<qint64>::max();

    QStringList problems;
    if (ns.maxVms > 0 && count > qint64(ns.maxVms) - ns.used.vms) {
        problems.append(
            Tr::tr("Namespace \"%1\" allows at most %n VMs; it has %2 and this deploy adds %3. "
                   "Delete some of its VMs or raise the quota: corralctl ns set %1 --max-vms %4.",
                   nullptr, ns.maxVms)
                .arg(ns.name, QString::number(ns.used.vms), QString::number(count),
                     QString::number(ns.used.vms + count)));
    }
    if (ns.maxVcpus > 0 && vcpus > qint64(ns.maxVcpus) - ns.used.vcpus) {
        problems.append(
            Tr::tr("Namespace \"%1\" allows at most %n vCPUs; its VMs have %2 and this deploy "
                   "adds %3. Delete or shrink some of its VMs or raise the quota: corralctl ns "
                   "set %1 --max-vcpus %4.",
                   nullptr, ns.maxVcpus)
                .arg(ns.name, QString::number(ns.used.vcpus), QString::number(vcpus),
                     QString::number(ns.used.vcpus + vcpus)));
    }
    if (ns.maxMemoryMiB > 0 && memory > ns.maxMemoryMiB - ns.used.memoryMiB) {
        const QString needed = memory > std::numeric_limits<qint64>::max() - ns.used.memoryMiB
            ? Tr::tr("more")
            : QString::number(ns.used.memoryMiB + memory);
        problems.append(
            Tr::tr("Namespace \"%1\" allows at most %2 MiB of memory; its VMs have %3 MiB and "
                   "this deploy adds %4 MiB. Delete or shrink some of its VMs or raise the "
                   "quota: corralctl ns set %1 --max-memory-mib %5.")
                .arg(ns.name, QString::number(ns.maxMemoryMiB), QString::number(ns.used.memoryMiB),
                     QString::number(memory), needed));
    }
    return problems.join(u' ');
}

} // namespace

Schedule schedule(const QList<SchedulerHost> &hosts, const NamespaceLimits &ns,
                  const PlacementRequest &request, const SchedulerPolicy &policy)
{
    Schedule result;
    result.error = invalidRequestError(request);
    if (!result.error.isEmpty())
        return result;
    result.error = quotaError(ns, request);
    if (!result.error.isEmpty())
        return result;
    if (hosts.isEmpty()) {
        result.error = Tr::tr("No host can take the VM: the fleet has no hosts. Add a host "
                              "first.");
        return result;
    }

    // A pinned request looks at that host only; listing every other host as "not the
    // requested one" would bury the one reason that matters.
    const SchedulerHost *pinned = nullptr;
    if (!request.host.isEmpty()) {
        for (const SchedulerHost &host : hosts) {
            if (host.name == request.host) {
                pinned = &host;
                break;
            }
        }
        if (!pinned) {
            result.error = Tr::tr("No host named \"%1\" in the fleet. Check the name (corralctl "
                                  "host list) or leave the host out to let Corral choose.")
                               .arg(request.host);
            return result;
        }
    }

    const bool preferTag = !request.tag.isEmpty() && !request.tagRequired;
    const bool pack = request.strategy == PlacementStrategy::Pack;

    // Candidates stay in fleet order, which the failure path relies on; active holds the
    // indexes of those that still fit one more VM, in no particular order.
    QVarLengthArray<Candidate, 128> candidates;
    QVarLengthArray<qsizetype, 128> active;
    for (const SchedulerHost &host : hosts) {
        if (pinned && &host != pinned)
            continue;
        if (refusalOf(host, ns, request) != Refusal::None)
            continue;
        Candidate c;
        c.host = &host;
        c.cpuCapacity = cpuCapacity(host, policy);
        c.memoryCapacity = memoryCapacity(host, policy);
        c.vcpus = host.allocatedVcpus;
        c.memoryMiB = host.allocatedMemoryMiB;
        c.load = loadOf(c);
        c.preferred = preferTag && host.tags.contains(request.tag);
        candidates.append(c);
        if (fits(c, request))
            active.append(candidates.size() - 1);
    }

    result.placements.reserve(request.count);
    int placed = 0;
    while (placed < request.count && !active.isEmpty()) {
        qsizetype bestAt = 0;
        for (qsizetype at = 1; at < active.size(); ++at) {
            if (ranksBefore(candidates[active[at]], candidates[active[bestAt]], pack))
                bestAt = at;
        }
        Candidate &best = candidates[active[bestAt]];
        result.placements.append(
            Placement{best.host->id, best.host->name, whyText(best, request, pinned != nullptr)});
        best.vcpus += request.vcpus;
        best.memoryMiB += request.memoryMiB;
        best.load = loadOf(best);
        ++best.taken;
        ++placed;
        if (!fits(best, request)) {
            active[bestAt] = active.back();
            active.removeLast();
        }
    }
    if (placed == request.count)
        return result;

    // Not all fit: nothing is placed. Every candidate is now full (else the loop would go on),
    // and its allocation is the one it had when it stopped taking VMs.
    result.placements.clear();
    qsizetype next = 0;
    for (const SchedulerHost &host : hosts) {
        if (pinned && &host != pinned)
            continue;
        QString reason;
        if (next < candidates.size() && candidates[next].host == &host) {
            const Candidate &c = candidates[next++];
            reason = capacityText(c, request, policy);
            if (c.taken > 0) {
                reason
                    = Tr::tr("full after %n VMs of this deploy: %1", nullptr, c.taken).arg(reason);
            }
        } else {
            reason = refusalText(refusalOf(host, ns, request), host, ns, request);
        }
        result.rejections.append(HostRejection{host.name, reason});
    }

    if (pinned) {
        const QString &reason = result.rejections.constFirst().reason;
        if (placed > 0) {
            result.error = Tr::tr("Only %1 of %n VMs fit on host \"%2\", so none is deployed: %3",
                                  nullptr, request.count)
                               .arg(QString::number(placed), pinned->name, reason);
        } else if (request.count == 1) {
            result.error = Tr::tr("Host \"%1\" cannot take the VM: %2").arg(pinned->name, reason);
        } else {
            result.error
                = Tr::tr("Host \"%1\" cannot take any of the %n VMs: %2", nullptr, request.count)
                      .arg(pinned->name, reason);
        }
        return result;
    }

    if (placed > 0) {
        result.error = Tr::tr("Only %1 of %n VMs fit, so none is deployed. Deploy fewer, free "
                              "capacity on a host or add a host. Why each host took no more:",
                              nullptr, request.count)
                           .arg(QString::number(placed));
    } else if (request.count == 1) {
        result.error = Tr::tr("No host can take the VM (%n vCPUs, %1 MiB of memory). Free "
                              "capacity on a host, add a host or change the request. Why each "
                              "host refused:",
                              nullptr, request.vcpus)
                           .arg(QString::number(request.memoryMiB));
    } else {
        result.error = Tr::tr("No host can take any of the %n VMs (%1 vCPUs and %2 MiB of "
                              "memory each). Free capacity on a host, add a host or change the "
                              "request. Why each host refused:",
                              nullptr, request.count)
                           .arg(QString::number(request.vcpus), QString::number(request.memoryMiB));
    }
    for (const HostRejection &rejection : std::as_const(result.rejections))
        result.error += u'\n' + rejection.hostName + u": " + rejection.reason;
    return result;
}

} // namespace Corral
