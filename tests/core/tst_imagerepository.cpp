// The image catalog tables (schema 2): images, their per-host replicas, name rules.
#include "store/database.h"
#include "store/hostrepository.h"
#include "store/imagerepository.h"

#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

class tst_ImageRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;
    qint64 m_host1 = 0;
    qint64 m_host2 = 0;

    ImageRecord disk(const QString &name)
    {
        ImageRecord r;
        r.name = name;
        r.kind = u"disk"_s;
        r.format = u"qcow2"_s;
        r.virtualSize = 64ull << 30;
        r.actualSize = 12345678;
        return r;
    }

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        auto db = Database::open(u":memory:"_s, u"tst_imagerepository_%1"_s.arg(++n));
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(*db);
        QVERIFY(m_db->schemaVersion() >= 2);
        HostConfig h;
        h.name = u"mac1"_s;
        h.uri = u"qemu+libssh://admin@127.0.0.1/system"_s;
        m_host1 = HostRepository(*m_db).add(h)->id;
        h.name = u"mac2"_s;
        m_host2 = HostRepository(*m_db).add(h)->id;
    }
    void cleanup() { m_db.reset(); }

    void addListAndReplicas()
    {
        ImageRepository images(*m_db);
        auto added = images.add(disk(u"ventura-13.6"_s));
        QVERIFY2(added.has_value(), added ? "" : qPrintable(added.error().message + u' ' + added.error().detail));
        QVERIFY(added->id > 0);
        QVERIFY(images.add(disk(u"base_linux"_s)).has_value());

        QVERIFY(images.setReplica(u"ventura-13.6"_s,
                                  {m_host2, u"ventura-13.6.qcow2"_s, ImageReplica::State::Transferring, {}})
                    .has_value());
        QVERIFY(images.setReplica(u"ventura-13.6"_s,
                                  {m_host1, u"ventura-13.6.qcow2"_s, ImageReplica::State::Present, {}})
                    .has_value());
        // Updating a replica replaces its state.
        QVERIFY(images.setReplica(u"ventura-13.6"_s,
                                  {m_host2, u"ventura-13.6.qcow2"_s, ImageReplica::State::Present, {}})
                    .has_value());

        auto all = images.list();
        QVERIFY(all.has_value());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, u"base_linux"_s);
        const ImageRecord v = all->at(1);
        QCOMPARE(v.virtualSize, 64ull << 30);
        QCOMPARE(v.replicas.size(), 2);
        QCOMPARE(v.replicas.at(0).hostId, m_host1);
        QCOMPARE(v.replicas.at(1).state, ImageReplica::State::Present);
        QVERIFY(v.replicas.at(0).updated.isValid());

        QVERIFY(images.removeReplica(u"ventura-13.6"_s, m_host1).has_value());
        QCOMPARE(images.byName(u"VENTURA-13.6"_s)->replicas.size(), 1); // names ignore case
    }

    void namesAreCheckedAndUnique()
    {
        ImageRepository images(*m_db);
        QVERIFY(images.add(disk(u"a"_s)).has_value());
        auto again = images.add(disk(u"A"_s));
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        auto bad = images.add(disk(u"my image"_s));
        QVERIFY(!bad.has_value());
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QVERIFY(bad.error().message.contains(u"64"));

        QVERIFY(images.add(disk(u"b"_s)).has_value());
        QCOMPARE(images.rename(u"b"_s, u"a"_s).error().code, ErrorCode::AlreadyExists);
        QCOMPARE(images.rename(u"b"_s, u"bad/name"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(images.rename(u"nope"_s, u"c"_s).error().code, ErrorCode::NotFound);
        QVERIFY(images.rename(u"b"_s, u"c"_s).has_value());
        QVERIFY(images.byName(u"c"_s).has_value());
        QVERIFY(!images.byName(u"b"_s).has_value());
    }

    void describeChecksumAndRemove()
    {
        ImageRepository images(*m_db);
        QVERIFY(images.add(disk(u"img"_s)).has_value());
        QVERIFY(images.setReplica(u"img"_s, {m_host1, u"img.qcow2"_s, ImageReplica::State::Present, {}})
                    .has_value());
        QVERIFY(images.describe(u"img"_s, u"Xcode 16 runner"_s).has_value());
        QVERIFY(images.setSha256(u"img"_s, u"ABCDEF"_s).has_value());
        auto r = images.byName(u"img"_s);
        QCOMPARE(r->description, u"Xcode 16 runner"_s);
        QCOMPARE(r->sha256, u"abcdef"_s);

        QVERIFY(images.remove(u"img"_s).has_value());
        QCOMPARE(images.list()->size(), 0);
        auto left = m_db->exec(u"SELECT COUNT(*) FROM image_replicas"_s);
        QVERIFY(left.has_value() && left->next());
        QCOMPARE(left->value(0).toInt(), 0);
        QCOMPARE(images.remove(u"img"_s).error().code, ErrorCode::NotFound);
    }

    void removingAHostDropsItsReplicas()
    {
        ImageRepository images(*m_db);
        QVERIFY(images.add(disk(u"img"_s)).has_value());
        QVERIFY(images.setReplica(u"img"_s, {m_host1, u"img.qcow2"_s, ImageReplica::State::Present, {}})
                    .has_value());
        QVERIFY(HostRepository(*m_db).remove(m_host1).has_value());
        QCOMPARE(images.byName(u"img"_s)->replicas.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ImageRepository)
#include "tst_imagerepository.moc"
