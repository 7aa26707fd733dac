#include "snapshotmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

class TestSnapshotModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshots();
};

void TestSnapshotModel::snapshots()
{
    SnapshotModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    VmSnapshot first{u"before-update"_s, u"clean"_s,
                     QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC), u"shutoff"_s, false};
    VmSnapshot second{u"after-update"_s,
                      {},
                      QDateTime(QDate(2026, 1, 3), QTime(3, 4), Qt::UTC),
                      u"running"_s,
                      true};
    model.setSnapshots({first, second});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SnapshotModel::StateColumn).data().toString(),
             vmStateLabel(VmState::Shutoff));
    QVERIFY(!model.index(0, SnapshotModel::CreatedColumn).data().toString().isEmpty());
    QVERIFY(model.index(1, 0).data(SnapshotModel::CurrentRole).toBool());
    QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).isNull());
    QVERIFY(model.index(0, 0).data(Qt::DecorationRole).isNull());

    // Reverting to the first moves the current marker: the name cells of both rows change.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    first.current = true;
    second.current = false;
    model.setSnapshots({first, second});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(1, 0));
    QVERIFY(model.index(0, 0).data(SnapshotModel::CurrentRole).toBool());
    model.setSnapshots({second});
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(TestSnapshotModel)
#include "tst_snapshotmodel.moc"
