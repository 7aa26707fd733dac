// Scheduling speed: 1,000 placements over 100 synthetic hosts, as one schedule() call with
// count=1000 and as 1,000 calls with count=1 that update the snapshot between calls (a deploy
// loop), for both strategies. Each measurement runs 20 times; one line each with min, median
// and max, and whether the median meets the 50 ms target.
#include "benchout.h"

#include "fleet/scheduler.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <vector>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

constexpr int hostCount = 100;
constexpr int placementCount = 1000;
constexpr int runs = 20;
constexpr double targetMs = 50.0;

// xorshift32: the same fleet on every machine and library, unlike <random>'s distributions.
class Random
{
public:
    explicit Random(quint32 seed)
        : m_state(seed)
    { }

    quint32 next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }

    int below(int n) { return int(next() % quint32(n)); }

private:
    quint32 m_state;
};

QList<SchedulerHost> syntheticFleet(const SchedulerPolicy &policy)
{
    static const int cpuChoices[] = {8, 12, 16, 24, 32, 48, 64};
    Random random(20240611);
    QList<SchedulerHost> hosts;
    hosts.reserve(hostCount);
    for (int i = 0; i < hostCount; ++i) {
        SchedulerHost h;
        h.id = i + 1; // the deploy loop finds a host by id - 1
        h.name = u"host-%1"_s.arg(i, 3, 10, QChar(u'0'));
        h.cpus = cpuChoices[random.below(int(std::size(cpuChoices)))];
        h.memoryMiB = qint64(16 + 16 * random.below(16)) * 1024; // 16..256 GiB
        if (random.below(3) == 0)
            h.tags.append(u"ssd"_s);
        if (random.below(10) == 0)
            h.tags.append(u"gpu"_s);
        if (i % 20 == 7)
            h.dedicatedTo = u"ml"_s;
        if (i % 33 == 5)
            h.maintenance = true;
        if (i % 37 == 11)
            h.connected = false;
        // Up to 60 % of the capacity already in use.
        const int share = random.below(61);
        h.allocatedVcpus = int(double(h.cpus) * policy.cpuOvercommit * share / 100.0);
        h.allocatedMemoryMiB = (h.memoryMiB - policy.reservedMemoryMiB) * random.below(61) / 100;
        hosts.append(h);
    }
    return hosts;
}

struct Stats
{
    double min = 0;
    double median = 0;
    double max = 0;
};

Stats statsOf(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const size_t n = ms.size();
    const double median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2.0;
    return Stats{ms.front(), median, ms.back()};
}

QString format(double ms)
{
    return QString::number(ms, 'f', 3);
}

void report(const QString &label, const Stats &stats)
{
    Bench::say(u"%1: min %2 ms, median %3 ms, max %4 ms; target <= 50 ms: %5"_s.arg(
        label, format(stats.min), format(stats.median), format(stats.max),
        stats.median <= targetMs ? u"PASS"_s : u"FAIL"_s));
}

// One schedule() call for all the VMs. Returns false (after saying why) if they do not fit.
bool measureOneCall(const QList<SchedulerHost> &hosts, const NamespaceLimits &ns,
                    const PlacementRequest &shape, const SchedulerPolicy &policy,
                    std::vector<double> *ms)
{
    PlacementRequest request = shape;
    request.count = placementCount;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Schedule s = schedule(hosts, ns, request, policy);
        const qint64 ns = timer.nsecsElapsed();
        if (!s.ok() || s.placements.size() != placementCount) {
            Bench::warn(
                u"count=%1 does not fit: %2"_s.arg(QString::number(placementCount), s.error));
            return false;
        }
        ms->push_back(double(ns) / 1e6);
    }
    return true;
}

// A deploy loop: one VM per call, the snapshot updated with each placement.
bool measureLoop(const QList<SchedulerHost> &hosts, const NamespaceLimits &ns,
                 const PlacementRequest &shape, const SchedulerPolicy &policy,
                 std::vector<double> *ms)
{
    PlacementRequest request = shape;
    request.count = 1;
    for (int run = 0; run < runs; ++run) {
        QList<SchedulerHost> snapshot = hosts;
        snapshot.detach(); // the copy is not what is measured
        QElapsedTimer timer;
        timer.start();
        for (int n = 0; n < placementCount; ++n) {
            const Schedule s = schedule(snapshot, ns, request, policy);
            if (!s.ok()) {
                Bench::warn(u"placement %1 failed: %2"_s.arg(QString::number(n), s.error));
                return false;
            }
            SchedulerHost &h = snapshot[s.placements.constFirst().hostId - 1];
            h.allocatedVcpus += request.vcpus;
            h.allocatedMemoryMiB += request.memoryMiB;
        }
        ms->push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    const SchedulerPolicy policy;
    const QList<SchedulerHost> hosts = syntheticFleet(policy);
    NamespaceLimits ns;
    ns.name = defaultNamespace();
    PlacementRequest shape;
    shape.vcpus = 2;
    shape.memoryMiB = 2048;

    int usable = 0;
    for (const SchedulerHost &h : hosts)
        usable += h.connected && !h.maintenance && h.dedicatedTo.isEmpty() ? 1 : 0;
    Bench::say(u"# %1 hosts (%2 usable), %3 placements of %4 vCPUs and %5 MiB, %6 runs each"_s.arg(
        QString::number(hostCount), QString::number(usable), QString::number(placementCount),
        QString::number(shape.vcpus), QString::number(shape.memoryMiB), QString::number(runs)));

    bool allPass = true;
    for (const PlacementStrategy strategy : {PlacementStrategy::Spread, PlacementStrategy::Pack}) {
        shape.strategy = strategy;
        const QString key = placementStrategyKey(strategy);

        std::vector<double> ms;
        if (!measureOneCall(hosts, ns, shape, policy, &ms))
            return 1;
        Stats stats = statsOf(ms);
        report(u"%1, 1 call with count=%2"_s.arg(key, QString::number(placementCount)), stats);
        allPass = allPass && stats.median <= targetMs;

        ms.clear();
        if (!measureLoop(hosts, ns, shape, policy, &ms))
            return 1;
        stats = statsOf(ms);
        report(u"%1, %2 calls with count=1"_s.arg(key, QString::number(placementCount)), stats);
        allPass = allPass && stats.median <= targetMs;
    }
    return allPass ? 0 : 2;
}
