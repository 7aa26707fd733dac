#include "deploymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

DeployedVm makeVm(const QString &name, const QString &state)
{
    DeployedVm vm;
    vm.name = name;
    vm.host = u"lab1"_s;
    vm.ns = u"ci"_s;
    vm.state = state;
    vm.why = u"least allocated"_s;
    return vm;
}

} // namespace

class TestDeployModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deployProgress();
};

void TestDeployModel::deployProgress()
{
    DeployModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVms({makeVm(u"ci-1"_s, u"planned"_s), makeVm(u"ci-2"_s, u"planned"_s)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, DeployModel::StateColumn).data().toString(), u"Planned");
    QCOMPARE(model.index(0, DeployModel::DetailsColumn).data().toString(), u"least allocated");
    QVERIFY(!model.isFinished());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    DeployedVm copying = makeVm(u"ci-1"_s, u"copying"_s);
    copying.taskId = 42;
    model.updateVm(copying);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, DeployModel::StateColumn).data().toString(), u"Copying image");
    model.setTaskProgress(42, 45);
    QCOMPARE(model.index(0, DeployModel::StateColumn).data().toString(), u"Copying image 45 %");
    model.setTaskProgress(7, 10); // another task: nothing
    QCOMPARE(changed.size(), 2);

    DeployedVm running = makeVm(u"ci-1"_s, u"running"_s);
    running.forwards = {u"22 -> 127.0.0.12:30022"_s};
    model.updateVm(running);
    QCOMPARE(model.index(0, DeployModel::DetailsColumn).data().toString(),
             u"22 -> 127.0.0.12:30022");
    DeployedVm failed = makeVm(u"ci-2"_s, u"failed"_s);
    failed.error = u"lab1 went offline"_s;
    model.updateVm(failed);
    QCOMPARE(model.index(1, DeployModel::DetailsColumn).data().toString(), u"lab1 went offline");
    QVERIFY(model.index(1, DeployModel::DetailsColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.index(1, 0).data(DeployModel::FailedRole).toBool());
    QCOMPARE(model.finishedCount(), 2);
    QCOMPARE(model.failedCount(), 1);
    QVERIFY(model.isFinished());

    // A VM with a generated name appears when it first reports.
    model.updateVm(makeVm(u"ci-k3x9q"_s, u"creating"_s));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isFinished());
    QCOMPARE(DeployModel::stateLabel(u"starting"_s), u"Starting");
}

QTEST_MAIN(TestDeployModel)
#include "tst_deploymodel.moc"
