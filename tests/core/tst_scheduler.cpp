// The placement scheduler: tables of hosts, namespace limits and a request against the hosts
// the VMs land on, or the error and each refusing host's reason.
#include "fleet/scheduler.h"

#include <QRegularExpression>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

// A host that refused, and words its reason must contain: digits-only words are matched as
// whole numbers, the others as case-insensitive substrings.
struct ExpectedRejection
{
    QString host;
    QStringList words;
};

using Hosts = QList<SchedulerHost>;
using Rejections = QList<ExpectedRejection>;

} // namespace

Q_DECLARE_METATYPE(Corral::SchedulerHost)
Q_DECLARE_METATYPE(Corral::NamespaceLimits)
Q_DECLARE_METATYPE(Corral::PlacementRequest)
Q_DECLARE_METATYPE(Corral::SchedulerPolicy)
Q_DECLARE_METATYPE(ExpectedRejection)

namespace {

constexpr qint64 GiB = 1024;

// 32 GiB of memory is 31 GiB of capacity with the default 1 GiB reserve.
SchedulerHost host(const QString &name, int cpus = 8, qint64 memoryMiB = 32 * GiB,
                   int allocatedVcpus = 0, qint64 allocatedMemoryMiB = 0)
{
    SchedulerHost h;
    static qint64 nextId = 1;
    h.id = nextId++;
    h.name = name;
    h.cpus = cpus;
    h.memoryMiB = memoryMiB;
    h.allocatedVcpus = allocatedVcpus;
    h.allocatedMemoryMiB = allocatedMemoryMiB;
    return h;
}

SchedulerHost offline(SchedulerHost h)
{
    h.connected = false;
    return h;
}

SchedulerHost inMaintenance(SchedulerHost h)
{
    h.maintenance = true;
    return h;
}

SchedulerHost tagged(SchedulerHost h, const QStringList &tags)
{
    h.tags = tags;
    return h;
}

SchedulerHost dedicated(SchedulerHost h, const QString &ns)
{
    h.dedicatedTo = ns;
    return h;
}

NamespaceLimits ns(const QString &name = u"default"_s)
{
    NamespaceLimits limits;
    limits.name = name;
    return limits;
}

NamespaceLimits withDedicatedHosts(NamespaceLimits limits)
{
    limits.hasDedicatedHosts = true;
    return limits;
}

NamespaceLimits quota(NamespaceLimits limits, int maxVms, int maxVcpus, qint64 maxMemoryMiB,
                      NamespaceUsage used)
{
    limits.maxVms = maxVms;
    limits.maxVcpus = maxVcpus;
    limits.maxMemoryMiB = maxMemoryMiB;
    limits.used = used;
    return limits;
}

PlacementRequest req(int vcpus, qint64 memoryMiB, int count,
                     PlacementStrategy strategy = PlacementStrategy::Spread)
{
    PlacementRequest r;
    r.vcpus = vcpus;
    r.memoryMiB = memoryMiB;
    r.count = count;
    r.strategy = strategy;
    return r;
}

PlacementRequest pinnedTo(PlacementRequest r, const QString &hostName)
{
    r.host = hostName;
    return r;
}

PlacementRequest withTag(PlacementRequest r, const QString &tag, bool required)
{
    r.tag = tag;
    r.tagRequired = required;
    return r;
}

SchedulerPolicy policy(double cpuOvercommit = 4.0, double memoryOvercommit = 1.0,
                       qint64 reservedMemoryMiB = 1024)
{
    SchedulerPolicy p;
    p.cpuOvercommit = cpuOvercommit;
    p.memoryOvercommit = memoryOvercommit;
    p.reservedMemoryMiB = reservedMemoryMiB;
    return p;
}

bool containsWord(const QString &text, const QString &word)
{
    static const QRegularExpression number(u"^\\d+(\\.\\d+)?$"_s);
    if (!number.match(word).hasMatch())
        return text.contains(word, Qt::CaseInsensitive);
    // A whole number: "8" must not match inside "8192" or "0.8", but may end a sentence.
    const QRegularExpression whole(u"(?<!\\d)(?<!\\d\\.)"_s + QRegularExpression::escape(word)
                                   + u"(?!\\d)(?!\\.\\d)"_s);
    return whole.match(text).hasMatch();
}

QString missingWords(const QString &text, const QStringList &words)
{
    QStringList missing;
    for (const QString &word : words) {
        if (!containsWord(text, word))
            missing.append(word);
    }
    return missing.join(u", "_s);
}

QStringList placedHosts(const Schedule &s)
{
    QStringList names;
    for (const Placement &p : s.placements)
        names.append(p.hostName);
    return names;
}

} // namespace

class tst_Scheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strategyKeys();
    void placements_data();
    void placements();
    void failures_data();
    void failures();
    void why_data();
    void why();
    void placementCarriesHostId();
    void oneByOneMatchesCount();
};

void tst_Scheduler::strategyKeys()
{
    QCOMPARE(placementStrategyKey(PlacementStrategy::Spread), u"spread"_s);
    QCOMPARE(placementStrategyKey(PlacementStrategy::Pack), u"pack"_s);
    PlacementStrategy s = PlacementStrategy::Spread;
    QVERIFY(parsePlacementStrategy(u"pack"_s, &s));
    QCOMPARE(s, PlacementStrategy::Pack);
    QVERIFY(parsePlacementStrategy(u" Spread "_s, &s));
    QCOMPARE(s, PlacementStrategy::Spread);
    QVERIFY(!parsePlacementStrategy(u"random"_s, &s));
    QCOMPARE(s, PlacementStrategy::Spread);
    QVERIFY(!parsePlacementStrategy(QString(), &s));
    for (const auto strategy : {PlacementStrategy::Spread, PlacementStrategy::Pack}) {
        PlacementStrategy back = strategy == PlacementStrategy::Spread ? PlacementStrategy::Pack
                                                                       : PlacementStrategy::Spread;
        QVERIFY(parsePlacementStrategy(placementStrategyKey(strategy), &back));
        QCOMPARE(back, strategy);
    }
}

void tst_Scheduler::placements_data()
{
    QTest::addColumn<Hosts>("hosts");
    QTest::addColumn<NamespaceLimits>("limits");
    QTest::addColumn<PlacementRequest>("request");
    QTest::addColumn<SchedulerPolicy>("policy");
    QTest::addColumn<QStringList>("expected");

    const auto pack = PlacementStrategy::Pack;

    QTest::newRow("spread over equal hosts: round robin, ties to the lower name")
        << Hosts{host(u"c"_s), host(u"a"_s), host(u"b"_s)} << ns() << req(1, 1024, 4) << policy()
        << QStringList{u"a"_s, u"b"_s, u"c"_s, u"a"_s};
    QTest::newRow("name ties ignore case") << Hosts{host(u"b"_s), host(u"A"_s)} << ns()
                                           << req(1, 1024, 1) << policy() << QStringList{u"A"_s};
    // Loads in vCPUs of 32: a 16, b 4, c 9. b takes VMs until it passes c.
    QTest::newRow("spread with unequal load")
        << Hosts{host(u"a"_s, 8, 32 * GiB, 16), host(u"b"_s, 8, 32 * GiB, 4),
                 host(u"c"_s, 8, 32 * GiB, 9)}
        << ns() << req(2, 1024, 4) << policy() << QStringList{u"b"_s, u"b"_s, u"b"_s, u"c"_s};
    // a: 0.5 of its vCPUs; b: two thirds of its 31 GiB of memory.
    QTest::newRow("spread ranks by the larger of the two fractions")
        << Hosts{host(u"a"_s, 8, 32 * GiB, 16, 0), host(u"b"_s, 8, 32 * GiB, 0, 21 * GiB)} << ns()
        << req(1, 1024, 1) << policy() << QStringList{u"a"_s};
    QTest::newRow("pack fills one host then the next")
        << Hosts{host(u"b"_s, 2), host(u"a"_s, 2)} << ns() << req(2, 1024, 5, pack) << policy()
        << QStringList{u"a"_s, u"a"_s, u"a"_s, u"a"_s, u"b"_s};
    QTest::newRow("pack starts on the most allocated host")
        << Hosts{host(u"a"_s, 2), host(u"b"_s, 2, 32 * GiB, 2)} << ns() << req(2, 1024, 5, pack)
        << policy() << QStringList{u"b"_s, u"b"_s, u"b"_s, u"a"_s, u"a"_s};
    QTest::newRow("offline host skipped")
        << Hosts{offline(host(u"a"_s)), host(u"b"_s, 8, 32 * GiB, 8)} << ns() << req(1, 1024, 2)
        << policy() << QStringList{u"b"_s, u"b"_s};
    QTest::newRow("maintenance host skipped")
        << Hosts{inMaintenance(host(u"a"_s)), host(u"b"_s, 8, 32 * GiB, 8)} << ns()
        << req(1, 1024, 2) << policy() << QStringList{u"b"_s, u"b"_s};
    QTest::newRow("pinned host takes all, though others are emptier")
        << Hosts{host(u"a"_s), host(u"b"_s), host(u"c"_s, 8, 32 * GiB, 20)} << ns()
        << pinnedTo(req(1, 1024, 2), u"c"_s) << policy() << QStringList{u"c"_s, u"c"_s};
    QTest::newRow("host dedicated to another namespace refuses")
        << Hosts{dedicated(host(u"a"_s), u"gpu-team"_s), host(u"b"_s, 8, 32 * GiB, 20)} << ns()
        << req(1, 1024, 2) << policy() << QStringList{u"b"_s, u"b"_s};
    QTest::newRow("host dedicated to this namespace takes it")
        << Hosts{dedicated(host(u"a"_s), u"ml"_s), host(u"b"_s, 8, 32 * GiB, 20)} << ns(u"ml"_s)
        << req(1, 1024, 1) << policy() << QStringList{u"a"_s};
    QTest::newRow("namespace with dedicated hosts uses only those")
        << Hosts{host(u"a"_s), dedicated(host(u"b"_s, 8, 32 * GiB, 8), u"ml"_s),
                 dedicated(host(u"c"_s), u"ml"_s)}
        << withDedicatedHosts(ns(u"ml"_s)) << req(4, 1024, 3) << policy()
        << QStringList{u"c"_s, u"c"_s, u"b"_s};
    QTest::newRow("required tag") << Hosts{host(u"a"_s),
                                           tagged(host(u"b"_s, 8, 32 * GiB, 24), {u"ssd"_s})}
                                  << ns() << withTag(req(1, 1024, 2), u"ssd"_s, true) << policy()
                                  << QStringList{u"b"_s, u"b"_s};
    // b and c (4 vCPUs each) carry the tag; a is emptier but only gets what they cannot take.
    QTest::newRow("preferred tag first, others once the tagged hosts are full")
        << Hosts{host(u"a"_s), tagged(host(u"b"_s, 1), {u"ssd"_s}),
                 tagged(host(u"c"_s, 1, 32 * GiB, 2), {u"hdd"_s, u"ssd"_s})}
        << ns() << withTag(req(2, 1024, 5), u"ssd"_s, false) << policy()
        << QStringList{u"b"_s, u"b"_s, u"c"_s, u"a"_s, u"a"_s};
    QTest::newRow("preferred tag with pack")
        << Hosts{host(u"a"_s, 1, 32 * GiB, 2), tagged(host(u"b"_s, 1), {u"ssd"_s})} << ns()
        << withTag(req(2, 1024, 3, pack), u"ssd"_s, false) << policy()
        << QStringList{u"b"_s, u"b"_s, u"a"_s};
    QTest::newRow("cpu overcommit: exactly fits")
        << Hosts{host(u"a"_s, 2, 32 * GiB, 6)} << ns() << req(2, 1024, 1) << policy()
        << QStringList{u"a"_s};
    QTest::newRow("cpu overcommit 1.5: 3 CPUs hold 4 vCPUs")
        << Hosts{host(u"a"_s, 3)} << ns() << req(4, 1024, 1) << policy(1.5) << QStringList{u"a"_s};
    QTest::newRow("cpu overcommit 1.2: 10 CPUs hold 12 vCPUs")
        << Hosts{host(u"a"_s, 10)} << ns() << req(12, 1024, 1) << policy(1.2)
        << QStringList{u"a"_s};
    // (8192 - 1024) * 1.5 = 10752 MiB of capacity, 8752 in use.
    QTest::newRow("memory overcommit: exactly fits")
        << Hosts{host(u"a"_s, 8, 8192, 0, 8752)} << ns() << req(1, 2000, 1) << policy(4.0, 1.5)
        << QStringList{u"a"_s};
    QTest::newRow("reserved memory: exactly fits")
        << Hosts{host(u"a"_s, 8, 4096)} << ns() << req(1, 3072, 1) << policy()
        << QStringList{u"a"_s};
    QTest::newRow("larger reserve: exactly fits")
        << Hosts{host(u"a"_s, 8, 4096)} << ns() << req(1, 2048, 1) << policy(4.0, 1.0, 2048)
        << QStringList{u"a"_s};
    QTest::newRow("no reserve") << Hosts{host(u"a"_s, 8, 4096)} << ns() << req(1, 4096, 1)
                                << policy(4.0, 1.0, 0) << QStringList{u"a"_s};
    QTest::newRow("quota on VMs: exactly reached")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 10, 0, 0, {8, 8, 8 * GiB}) << req(1, 1024, 2)
        << policy() << QStringList{u"a"_s, u"a"_s};
    QTest::newRow("quota on vCPUs: exactly reached")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 0, 16, 0, {6, 12, 6 * GiB})
        << req(2, 1024, 2) << policy() << QStringList{u"a"_s, u"a"_s};
    QTest::newRow("quota on memory: exactly reached")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 0, 0, 8192, {6, 6, 6144}) << req(1, 1024, 2)
        << policy() << QStringList{u"a"_s, u"a"_s};
}

void tst_Scheduler::placements()
{
    QFETCH(Hosts, hosts);
    QFETCH(NamespaceLimits, limits);
    QFETCH(PlacementRequest, request);
    QFETCH(SchedulerPolicy, policy);
    QFETCH(QStringList, expected);

    const Schedule s = schedule(hosts, limits, request, policy);
    QVERIFY2(s.ok(), qPrintable(s.error));
    QCOMPARE(placedHosts(s), expected);
    QVERIFY(s.rejections.isEmpty());
    for (const Placement &p : s.placements)
        QVERIFY(!p.why.isEmpty());
}

void tst_Scheduler::failures_data()
{
    QTest::addColumn<Hosts>("hosts");
    QTest::addColumn<NamespaceLimits>("limits");
    QTest::addColumn<PlacementRequest>("request");
    QTest::addColumn<SchedulerPolicy>("policy");
    QTest::addColumn<QStringList>("errorWords");
    QTest::addColumn<Rejections>("rejections");

    const auto pack = PlacementStrategy::Pack;
    const QStringList noHostWords{u"No host can take"_s};

    // Each host holds two VMs of 2 vCPUs (4 vCPUs at 4x on 1 CPU).
    QTest::newRow("count: only 4 of 5 fit, all or nothing")
        << Hosts{host(u"a"_s, 1), host(u"b"_s, 1)} << ns() << req(2, 1024, 5) << policy()
        << QStringList{u"Only 4 of 5 VMs fit"_s, u"none"_s}
        << Rejections{{u"a"_s, {u"full after 2 VMs"_s, u"needs 2 vCPUs"_s, u"0 of 4"_s}},
                      {u"b"_s, {u"full after 2 VMs"_s, u"needs 2 vCPUs"_s, u"0 of 4"_s}}};
    QTest::newRow("count with pack: the hosts that stayed empty are listed too")
        << Hosts{host(u"a"_s, 1), host(u"b"_s, 1, 32 * GiB, 3), offline(host(u"c"_s))} << ns()
        << req(2, 1024, 3, pack) << policy() << QStringList{u"Only 2 of 3"_s}
        << Rejections{{u"a"_s, {u"full after 2 VMs"_s, u"0 of 4"_s}},
                      {u"b"_s, {u"needs 2 vCPUs"_s, u"1 of 4"_s}},
                      {u"c"_s, {u"offline"_s}}};
    QTest::newRow("count: memory runs out first")
        << Hosts{host(u"a"_s, 8, 4096)} << ns() << req(1, 1024, 4) << policy()
        << QStringList{u"Only 3 of 4"_s}
        << Rejections{{u"a"_s, {u"full after 3 VMs"_s, u"needs 1024 MiB"_s, u"0 of 3072"_s}}};
    QTest::newRow("offline host") << Hosts{offline(host(u"a"_s))} << ns() << req(1, 1024, 1)
                                  << policy() << noHostWords
                                  << Rejections{{u"a"_s, {u"offline"_s}}};
    QTest::newRow("maintenance host")
        << Hosts{inMaintenance(host(u"a"_s))} << ns() << req(1, 1024, 1) << policy() << noHostWords
        << Rejections{{u"a"_s, {u"maintenance"_s}}};
    QTest::newRow("every kind of refusal listed, in fleet order")
        << Hosts{tagged(offline(host(u"a"_s)), {u"ssd"_s}),
                 tagged(inMaintenance(host(u"b"_s)), {u"ssd"_s}),
                 tagged(dedicated(host(u"c"_s), u"gpu-team"_s), {u"ssd"_s}), host(u"d"_s),
                 tagged(host(u"e"_s, 1, 32 * GiB, 3), {u"ssd"_s})}
        << ns() << withTag(req(2, 1024, 1), u"ssd"_s, true) << policy()
        << QStringList{u"No host can take the VM"_s, u"2 vCPUs"_s, u"1024 MiB"_s}
        << Rejections{{u"a"_s, {u"offline"_s}},
                      {u"b"_s, {u"maintenance"_s}},
                      {u"c"_s, {u"dedicated to namespace"_s, u"gpu-team"_s}},
                      {u"d"_s, {u"lacks tag"_s, u"ssd"_s}},
                      {u"e"_s, {u"needs 2 vCPUs"_s, u"1 of 4"_s, u"4×"_s}}};
    QTest::newRow("none of a count fit")
        << Hosts{host(u"a"_s, 1, 32 * GiB, 4)} << ns() << req(1, 1024, 3) << policy()
        << QStringList{u"any of the 3 VMs"_s}
        << Rejections{{u"a"_s, {u"needs 1 vCPUs"_s, u"0 of 4"_s}}};
    QTest::newRow("pinned host does not exist")
        << Hosts{host(u"a"_s)} << ns() << pinnedTo(req(1, 1024, 1), u"zz"_s) << policy()
        << QStringList{u"No host named"_s, u"zz"_s} << Rejections{};
    QTest::newRow("pinned host full: only its reason, though others have room")
        << Hosts{host(u"a"_s), host(u"b"_s, 1, 32 * GiB, 4), offline(host(u"c"_s))} << ns()
        << pinnedTo(req(1, 1024, 1), u"b"_s) << policy()
        << QStringList{u"Host \"b\" cannot take the VM"_s, u"needs 1 vCPUs"_s}
        << Rejections{{u"b"_s, {u"needs 1 vCPUs"_s, u"0 of 4"_s}}};
    QTest::newRow("pinned host in maintenance")
        << Hosts{host(u"a"_s), inMaintenance(host(u"b"_s))} << ns()
        << pinnedTo(req(1, 1024, 1), u"b"_s) << policy() << QStringList{u"maintenance"_s}
        << Rejections{{u"b"_s, {u"maintenance"_s}}};
    QTest::newRow("pinned host takes only part of the count")
        << Hosts{host(u"a"_s), host(u"b"_s, 1, 32 * GiB, 2)} << ns()
        << pinnedTo(req(1, 1024, 3), u"b"_s) << policy()
        << QStringList{u"Only 2 of 3"_s, u"\"b\""_s}
        << Rejections{{u"b"_s, {u"full after 2 VMs"_s, u"0 of 4"_s}}};
    QTest::newRow("pinned host dedicated elsewhere")
        << Hosts{dedicated(host(u"a"_s), u"gpu-team"_s)} << ns()
        << pinnedTo(req(1, 1024, 1), u"a"_s) << policy() << QStringList{u"gpu-team"_s}
        << Rejections{{u"a"_s, {u"dedicated to namespace"_s, u"gpu-team"_s}}};
    QTest::newRow("namespace with dedicated hosts refuses shared ones")
        << Hosts{host(u"a"_s), dedicated(host(u"b"_s, 1, 32 * GiB, 4), u"ml"_s),
                 dedicated(host(u"c"_s), u"other"_s)}
        << withDedicatedHosts(ns(u"ml"_s)) << req(1, 1024, 1) << policy() << noHostWords
        << Rejections{{u"a"_s, {u"not dedicated to namespace"_s, u"\"ml\""_s, u"only"_s}},
                      {u"b"_s, {u"needs 1 vCPUs"_s, u"0 of 4"_s}},
                      {u"c"_s, {u"dedicated to namespace \"other\""_s}}};
    QTest::newRow("required tag on no host")
        << Hosts{host(u"a"_s), tagged(host(u"b"_s), {u"hdd"_s})} << ns()
        << withTag(req(1, 1024, 1), u"ssd"_s, true) << policy() << noHostWords
        << Rejections{{u"a"_s, {u"lacks tag \"ssd\""_s}}, {u"b"_s, {u"lacks tag \"ssd\""_s}}};
    QTest::newRow("cpu overcommit: one over")
        << Hosts{host(u"a"_s, 2, 32 * GiB, 6)} << ns() << req(3, 1024, 1) << policy() << noHostWords
        << Rejections{{u"a"_s, {u"needs 3 vCPUs"_s, u"2 of 8"_s, u"4×"_s}}};
    QTest::newRow("cpu overcommit 1.5: one over")
        << Hosts{host(u"a"_s, 3)} << ns() << req(5, 1024, 1) << policy(1.5) << noHostWords
        << Rejections{{u"a"_s, {u"needs 5 vCPUs"_s, u"4 of 4"_s, u"1.5×"_s}}};
    QTest::newRow("memory overcommit: one over")
        << Hosts{host(u"a"_s, 8, 8192, 0, 8752)} << ns() << req(1, 2001, 1) << policy(4.0, 1.5)
        << noHostWords
        << Rejections{{u"a"_s, {u"needs 2001 MiB"_s, u"2000 of 10752"_s, u"1.5×"_s}}};
    QTest::newRow("reserved memory: one over")
        << Hosts{host(u"a"_s, 8, 4096)} << ns() << req(1, 3073, 1) << policy() << noHostWords
        << Rejections{{u"a"_s, {u"needs 3073 MiB"_s, u"3072 of 3072"_s, u"1024 MiB kept"_s}}};
    QTest::newRow("larger reserve: one over")
        << Hosts{host(u"a"_s, 8, 4096)} << ns() << req(1, 2049, 1) << policy(4.0, 1.0, 2048)
        << noHostWords
        << Rejections{{u"a"_s, {u"needs 2049 MiB"_s, u"2048 of 2048"_s, u"2048 MiB kept"_s}}};
    QTest::newRow("host smaller than the reserve")
        << Hosts{host(u"a"_s, 8, 512)} << ns() << req(1, 1, 1) << policy() << noHostWords
        << Rejections{{u"a"_s, {u"needs 1 MiB"_s, u"0 of 0"_s}}};
    QTest::newRow("both cpu and memory short")
        << Hosts{host(u"a"_s, 1, 4096)} << ns() << req(5, 4096, 1) << policy() << noHostWords
        << Rejections{
               {u"a"_s, {u"needs 5 vCPUs"_s, u"4 of 4"_s, u"needs 4096 MiB"_s, u"3072 of 3072"_s}}};
    QTest::newRow("quota on VMs")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 10, 0, 0, {8, 8, 8 * GiB}) << req(1, 1024, 3)
        << policy()
        << QStringList{u"\"team\""_s, u"10"_s,     u"8"_s,
                       u"adds 3"_s,   u"Delete"_s, u"corralctl ns set team --max-vms 11"_s}
        << Rejections{};
    QTest::newRow("quota on vCPUs")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 0, 16, 0, {6, 12, 6 * GiB})
        << req(2, 1024, 3) << policy()
        << QStringList{u"\"team\""_s, u"16 vCPUs"_s, u"12"_s,
                       u"adds 6"_s,   u"Delete"_s,   u"corralctl ns set team --max-vcpus 18"_s}
        << Rejections{};
    QTest::newRow("quota on memory")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 0, 0, 8192, {6, 6, 6144}) << req(1, 1024, 3)
        << policy() << QStringList{u"\"team\""_s, u"8192 MiB"_s,
                                   u"6144 MiB"_s, u"adds 3072 MiB"_s,
                                   u"Delete"_s,   u"corralctl ns set team --max-memory-mib 9216"_s}
        << Rejections{};
    QTest::newRow("quota checked before the hosts")
        << Hosts{} << quota(ns(u"team"_s), 1, 0, 0, {1, 1, 1024}) << req(1, 1024, 1) << policy()
        << QStringList{u"at most 1 VMs"_s, u"--max-vms 2"_s} << Rejections{};
    QTest::newRow("every quota exceeded at once")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 1, 1, 1, {1, 1, 1}) << req(1, 1, 1)
        << policy() << QStringList{u"--max-vms"_s, u"--max-vcpus"_s, u"--max-memory-mib"_s}
        << Rejections{};
    QTest::newRow("zero hosts") << Hosts{} << ns() << req(1, 1024, 1) << policy()
                                << QStringList{u"no hosts"_s} << Rejections{};
    QTest::newRow("invalid: no vCPUs")
        << Hosts{host(u"a"_s)} << ns() << req(0, 1024, 1) << policy()
        << QStringList{u"Invalid request"_s, u"vCPU"_s, u"0"_s} << Rejections{};
    QTest::newRow("invalid: negative vCPUs")
        << Hosts{host(u"a"_s)} << ns() << req(-2, 1024, 1) << policy()
        << QStringList{u"Invalid request"_s, u"vCPU"_s, u"-2"_s} << Rejections{};
    QTest::newRow("invalid: no memory")
        << Hosts{host(u"a"_s)} << ns() << req(1, 0, 1) << policy()
        << QStringList{u"Invalid request"_s, u"memory"_s, u"0 MiB"_s} << Rejections{};
    QTest::newRow("invalid: no VMs")
        << Hosts{host(u"a"_s)} << ns() << req(1, 1024, 0) << policy()
        << QStringList{u"Invalid request"_s, u"at least one VM"_s} << Rejections{};
    QTest::newRow("invalid before quota")
        << Hosts{host(u"a"_s)} << quota(ns(u"team"_s), 1, 0, 0, {5, 5, 5}) << req(1, 1024, -1)
        << policy() << QStringList{u"Invalid request"_s, u"-1"_s} << Rejections{};
}

void tst_Scheduler::failures()
{
    QFETCH(Hosts, hosts);
    QFETCH(NamespaceLimits, limits);
    QFETCH(PlacementRequest, request);
    QFETCH(SchedulerPolicy, policy);
    QFETCH(QStringList, errorWords);
    QFETCH(Rejections, rejections);

    const Schedule s = schedule(hosts, limits, request, policy);
    QVERIFY(!s.ok());
    QVERIFY2(s.placements.isEmpty(), "all or nothing");
    const QString missing = missingWords(s.error, errorWords);
    QVERIFY2(missing.isEmpty(), qPrintable(u"error lacks "_s + missing + u":\n"_s + s.error));

    QStringList rejectedHosts;
    for (const HostRejection &r : s.rejections)
        rejectedHosts.append(r.hostName);
    QStringList expectedHosts;
    for (const ExpectedRejection &r : std::as_const(rejections))
        expectedHosts.append(r.host);
    QCOMPARE(rejectedHosts, expectedHosts);
    for (qsizetype i = 0; i < rejections.size(); ++i) {
        const QString &reason = s.rejections.at(i).reason;
        const QString lacks = missingWords(reason, rejections.at(i).words);
        QVERIFY2(
            lacks.isEmpty(),
            qPrintable(rejections.at(i).host + u"'s reason lacks "_s + lacks + u": "_s + reason));
        // The error alone tells the whole story, for a CLI that prints only it.
        QVERIFY2(s.error.contains(reason), qPrintable(s.error));
    }
}

void tst_Scheduler::why_data()
{
    QTest::addColumn<Hosts>("hosts");
    QTest::addColumn<PlacementRequest>("request");
    QTest::addColumn<QList<QStringList>>("words"); // per placement

    // 8 CPUs at 4x: 32 vCPUs; 31 GiB of memory less the 1 GiB reserve: 30 GiB.
    const SchedulerHost loaded = host(u"a"_s, 8, 31 * GiB, 3, 4 * GiB);
    const auto pack = PlacementStrategy::Pack;

    QTest::newRow("spread")
        << Hosts{loaded} << req(1, 1024, 2)
        << QList<QStringList>{{u"spread"_s, u"least"_s, u"3 of 32 vCPUs"_s, u"4.0 of 30.0 GiB"_s},
                              {u"spread"_s, u"4 of 32 vCPUs"_s, u"5.0 of 30.0 GiB"_s}};
    QTest::newRow("pack") << Hosts{loaded} << req(1, 1024, 1, pack)
                          << QList<QStringList>{
                                 {u"pack"_s, u"most"_s, u"3 of 32 vCPUs"_s, u"4.0 of 30.0 GiB"_s}};
    QTest::newRow("preferred tag decided, then no tagged host had room")
        << Hosts{host(u"b"_s), tagged(host(u"a"_s, 1, 32 * GiB, 2), {u"ssd"_s})}
        << withTag(req(2, 1024, 2), u"ssd"_s, false)
        << QList<QStringList>{{u"preferred"_s, u"ssd"_s, u"2 of 4 vCPUs"_s},
                              {u"no host"_s, u"ssd"_s, u"0 of 32 vCPUs"_s}};
    QTest::newRow("pinned") << Hosts{host(u"b"_s), loaded} << pinnedTo(req(1, 1024, 1), u"a"_s)
                            << QList<QStringList>{{u"requested host"_s, u"3 of 32 vCPUs"_s}};
}

void tst_Scheduler::why()
{
    QFETCH(Hosts, hosts);
    QFETCH(PlacementRequest, request);
    QFETCH(QList<QStringList>, words);

    const Schedule s = schedule(hosts, ns(), request, policy());
    QVERIFY2(s.ok(), qPrintable(s.error));
    QCOMPARE(s.placements.size(), words.size());
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &text = s.placements.at(i).why;
        const QString missing = missingWords(text, words.at(i));
        QVERIFY2(missing.isEmpty(), qPrintable(u"lacks "_s + missing + u": "_s + text));
    }
}

void tst_Scheduler::placementCarriesHostId()
{
    SchedulerHost a = host(u"a"_s);
    a.id = 41;
    SchedulerHost b = host(u"b"_s, 8, 32 * GiB, 16);
    b.id = 42;
    const Schedule s = schedule({b, a}, ns(), req(1, 1024, 1), policy());
    QVERIFY(s.ok());
    QCOMPARE(s.placements.size(), 1);
    QCOMPARE(s.placements.first().hostId, qint64(41));
    QCOMPARE(s.placements.first().hostName, u"a"_s);
}

// A count places as a deploy loop would one VM at a time, updating the snapshot in between.
void tst_Scheduler::oneByOneMatchesCount()
{
    Hosts hosts;
    for (int i = 0; i < 12; ++i) {
        SchedulerHost h = host(u"h%1"_s.arg(i, 2, 10, QChar(u'0')), 2 + (i * 5) % 7,
                               (8 + (i * 11) % 24) * GiB, (i * 3) % 9, ((i * 7) % 5) * GiB);
        if (i % 4 == 1)
            h.tags = QStringList{u"ssd"_s};
        hosts.append(h);
    }
    for (const auto strategy : {PlacementStrategy::Spread, PlacementStrategy::Pack}) {
        for (const bool preferSsd : {false, true}) {
            PlacementRequest request = req(2, 3 * GiB, 20, strategy);
            if (preferSsd)
                request = withTag(request, u"ssd"_s, false);
            const Schedule all = schedule(hosts, ns(), request, policy());
            QVERIFY2(all.ok(), qPrintable(all.error));

            Hosts snapshot = hosts;
            QStringList oneByOne;
            request.count = 1;
            for (int n = 0; n < 20; ++n) {
                const Schedule one = schedule(snapshot, ns(), request, policy());
                QVERIFY2(one.ok(), qPrintable(one.error));
                oneByOne.append(one.placements.first().hostName);
                for (SchedulerHost &h : snapshot) {
                    if (h.id == one.placements.first().hostId) {
                        h.allocatedVcpus += request.vcpus;
                        h.allocatedMemoryMiB += request.memoryMiB;
                    }
                }
            }
            QCOMPARE(placedHosts(all), oneByOne);
        }
    }
}

QTEST_GUILESS_MAIN(tst_Scheduler)

#include "tst_scheduler.moc"
