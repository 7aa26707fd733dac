// Schema 4: namespaces and dedicated hosts, VM configs (JSON), the deploy journal, and the
// hosts' scheduling fields.
#include "fleet/vmconfigjson.h"
#include "store/database.h"
#include "store/deployjournal.h"
#include "store/hostrepository.h"
#include "store/namespacerepository.h"
#include "store/vmconfigrepository.h"

#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {
template<typename T> QByteArray why(const Result<T> &r)
{
    return r ? QByteArray() : (r.error().message + u" | "_s + r.error().detail).toUtf8();
}
} // namespace

class tst_WorkloadStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;
    qint64 m_mac1 = 0;
    qint64 m_mac2 = 0;

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        auto db = Database::open(u":memory:"_s, u"tst_workloadstore_%1"_s.arg(++n));
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(*db);
        HostConfig h;
        h.name = u"mac1"_s;
        h.uri = u"qemu+libssh://admin@127.0.0.1/system"_s;
        m_mac1 = HostRepository(*m_db).add(h)->id;
        h.name = u"mac2"_s;
        m_mac2 = HostRepository(*m_db).add(h)->id;
    }
    void cleanup() { m_db.reset(); }

    void defaultNamespaceExists()
    {
        auto all = NamespaceRepository(*m_db).list();
        QVERIFY2(all.has_value(), why(all).constData());
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().name, defaultNamespace());
        auto removed = NamespaceRepository(*m_db).remove(defaultNamespace());
        QVERIFY(!removed);
        QVERIFY(removed.error().message.contains(u"default"));
    }

    void createUpdateDelete()
    {
        NamespaceRepository repo(*m_db);
        NamespaceConfig ns;
        ns.name = u"team-a"_s;
        ns.maxVms = 4;
        ns.maxMemoryMiB = 8192;
        ns.dedicatedHosts = {u"mac2"_s};
        auto added = repo.add(ns);
        QVERIFY2(added.has_value(), why(added).constData());
        QCOMPARE(added->maxVms, 4);
        QCOMPARE(added->dedicatedHosts, QStringList{u"mac2"_s});
        QVERIFY(added->created.isValid());

        QCOMPARE(repo.add(ns).error().code, ErrorCode::AlreadyExists);

        // A host serves one namespace at most.
        NamespaceConfig other;
        other.name = u"team-b"_s;
        other.dedicatedHosts = {u"mac2"_s};
        auto clash = repo.add(other);
        QVERIFY(!clash);
        QVERIFY(clash.error().message.contains(u"team-a"));
        QCOMPARE(repo.list()->size(), 2); // team-b was rolled back

        other.dedicatedHosts = {u"nosuch"_s};
        QCOMPARE(repo.add(other).error().code, ErrorCode::NotFound);

        added->maxVms = 0;
        added->description = u"CI runners"_s;
        added->dedicatedHosts = {u"mac1"_s};
        auto updated = repo.update(*added);
        QVERIFY2(updated.has_value(), why(updated).constData());
        QCOMPARE(updated->maxVms, 0);
        QCOMPARE(updated->description, u"CI runners"_s);
        QCOMPARE(updated->dedicatedHosts, QStringList{u"mac1"_s});

        // Removing a host drops its dedication.
        QVERIFY(HostRepository(*m_db).remove(m_mac1).has_value());
        QVERIFY(repo.find(u"team-a"_s)->dedicatedHosts.isEmpty());

        QVERIFY(repo.remove(u"team-a"_s).has_value());
        QCOMPARE(repo.remove(u"team-a"_s).error().code, ErrorCode::NotFound);
    }

    void invalidNamespaces_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("maxVms");
        QTest::newRow("uppercase") << u"Team"_s << 0;
        QTest::newRow("underscore") << u"team_a"_s << 0;
        QTest::newRow("leading dash") << u"-team"_s << 0;
        QTest::newRow("64 chars") << QString(64, u'a') << 0;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("negative quota") << u"team"_s << -1;
    }
    void invalidNamespaces()
    {
        QFETCH(QString, name);
        QFETCH(int, maxVms);
        NamespaceConfig ns;
        ns.name = name;
        ns.maxVms = maxVms;
        auto added = NamespaceRepository(*m_db).add(ns);
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
    }

    void configsRoundTrip()
    {
        VmConfigRepository repo(*m_db);
        VmConfig c;
        c.name = u"ci-runner"_s;
        c.image = u"sonoma.qcow2"_s;
        c.vcpus = 6;
        c.memoryMiB = 12288;
        c.diskGiB = 120;
        c.profile = GuestProfile::MacOS;
        c.openCoreImage = u"opencore.qcow2"_s;
        c.ports = {22, 5900};
        c.hostTag = u"m2"_s;
        c.tagRequired = true;
        c.nic = NicModel::Vmxnet3;
        c.guestUser = u"admin"_s;
        auto added = repo.add(c);
        QVERIFY2(added.has_value(), why(added).constData());
        auto found = repo.find(u"ci-runner"_s);
        QVERIFY2(found.has_value(), why(found).constData());
        QVERIFY(found->created.isValid());
        VmConfig expected = c;
        expected.created = found->created;
        expected.modified = found->modified;
        QCOMPARE(*found, expected);
        QCOMPARE(repo.add(c).error().code, ErrorCode::AlreadyExists);

        c.vcpus = 8;
        auto updated = repo.update(c);
        QVERIFY2(updated.has_value(), why(updated).constData());
        QCOMPARE(updated->vcpus, 8);
        QCOMPARE(updated->created, found->created);

        c.vcpus = 0; // invalid: refused, nothing stored
        QVERIFY(!repo.update(c));
        QCOMPARE(repo.find(u"ci-runner"_s)->vcpus, 8);

        QVERIFY(repo.remove(u"ci-runner"_s).has_value());
        QCOMPARE(repo.list()->size(), 0);
    }

    void configJsonRejectsWrongTypes()
    {
        QJsonObject json = VmConfigJson::toJson(VmConfig{});
        json.insert(u"vcpus"_s, u"four"_s);
        auto parsed = VmConfigJson::fromJson(json);
        QVERIFY(!parsed);
        QVERIFY(parsed.error().message.contains(u"vcpus"));
        json = VmConfigJson::toJson(VmConfig{});
        json.insert(u"profile"_s, u"windows"_s);
        QVERIFY(!VmConfigJson::fromJson(json));
    }

    void journal()
    {
        DeployJournal journal(*m_db);
        DeployRecord r;
        r.hostId = m_mac1;
        r.vmName = u"ci-1"_s;
        r.volumes = {u"ci-1.qcow2"_s};
        r.leaseUntil = QDateTime::currentDateTimeUtc().addSecs(60);
        auto added = journal.add(r);
        QVERIFY2(added.has_value(), why(added).constData());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(journal.abandoned(m_mac1, now)->size(), 0); // leased
        QCOMPARE(journal.abandoned(m_mac1, now.addSecs(120))->size(), 1); // lease ran out

        added->domainUuid = QUuid::createUuid();
        added->leaseUntil = {}; // given up
        QVERIFY(journal.update(*added).has_value());
        auto open = journal.abandoned(m_mac1, now);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().domainUuid, added->domainUuid);
        QCOMPARE(open->first().volumes, r.volumes);
        QCOMPARE(journal.forHost(m_mac2)->size(), 0);

        QVERIFY(journal.renew({added->id}, now.addSecs(60)).has_value());
        QCOMPARE(journal.abandoned(m_mac1, now)->size(), 0);
        QVERIFY(journal.remove(added->id).has_value());
        QCOMPARE(journal.forHost(m_mac1)->size(), 0);
    }

    void hostSchedulingFields()
    {
        HostRepository hosts(*m_db);
        HostConfig h = *hosts.findByName(u"mac1"_s);
        h.maintenance = true;
        h.portAddress = u"127.0.0.21"_s;
        h.smcOsk = QString(64, u'x');
        QVERIFY(hosts.update(h).has_value());
        const HostConfig back = *hosts.findByName(u"mac1"_s);
        QVERIFY(back.maintenance);
        QCOMPARE(back.portAddress, u"127.0.0.21"_s);
        QCOMPARE(back.smcOsk, h.smcOsk);

        h.portAddress = u"not-an-address"_s;
        QCOMPARE(hosts.update(h).error().code, ErrorCode::InvalidArgument);
        h.portAddress.clear();
        h.smcOsk = u"short"_s;
        auto bad = hosts.update(h);
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(u"64"));
    }
};

QTEST_GUILESS_MAIN(tst_WorkloadStore)
#include "tst_workloadstore.moc"
