#include "fleet/taskmanager.h"
#include "taskdock.h"
#include "taskmodel.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Corral;
using namespace Qt::StringLiterals;

class TestTaskModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newestFirst();
    void followsProgressAndOutcome();
    void clearFinishedKeepsRunning();
    void durationTicksWhileRunning();
    void existingTasksAreShown();
    void dockClearButton();

private:
    TaskManager *m_tasks = nullptr;
    TaskModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTaskModel::init()
{
    m_tasks = new TaskManager(this);
    m_model = new TaskModel(this);
    m_model->setTaskManager(m_tasks);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestTaskModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_tasks;
}

void TestTaskModel::newestFirst()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_tasks->begin(u"Start lab1/vm1"_s, u"start"_s, u"lab1"_s, u"vm1"_s);
    m_tasks->begin(u"Start lab1/vm2"_s, u"start"_s, u"lab1"_s, u"vm2"_s);
    m_tasks->begin(u"Add host lab2"_s, u"host.add"_s, u"lab2"_s);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(inserted.at(2).at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0, TaskModel::TaskColumn).data().toString(), u"Add host lab2");
    QCOMPARE(m_model->index(2, TaskModel::TaskColumn).data().toString(), u"Start lab1/vm1");
    QCOMPARE(m_model->index(0, TaskModel::HostColumn).data().toString(), u"lab2");
    QVERIFY(!m_model->index(0, TaskModel::StartedColumn).data().toString().isEmpty());
    QCOMPARE(m_model->rowOf(1), 2);
    QCOMPARE(m_model->rowOf(3), 0);
}

void TestTaskModel::followsProgressAndOutcome()
{
    const quint64 a = m_tasks->begin(u"Start lab1/vm1"_s, u"start"_s, u"lab1"_s);
    const quint64 b = m_tasks->begin(u"Reboot lab1/vm2"_s, u"reboot"_s, u"lab1"_s);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy finished(m_model, &TaskModel::finishedCountChanged);

    m_tasks->setProgress(a, 40, u"Copying"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    const QModelIndex status = m_model->index(1, TaskModel::StatusColumn);
    QCOMPARE(status.data(TaskModel::ProgressRole).toInt(), 40);
    QCOMPARE(status.data().toString(), u"Copying");
    QCOMPARE(status.data(TaskModel::TaskStateRole).toInt(), int(Task::State::Running));

    m_tasks->succeed(a, u"Done."_s);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(status.data(TaskModel::TaskStateRole).toInt(), int(Task::State::Succeeded));
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!status.data(Qt::ForegroundRole).isValid());

    m_tasks->fail(b, u"The domain is not running"_s, u"virDomainReboot: error 55"_s);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(m_model->finishedCount(), 2);
    const QModelIndex failed = m_model->index(0, TaskModel::StatusColumn);
    QCOMPARE(failed.data().toString(), u"The domain is not running");
    QVERIFY(failed.data(Qt::ForegroundRole).isValid());
    QVERIFY(failed.data(Qt::ToolTipRole).toString().contains(u"virDomainReboot: error 55"));
    QVERIFY(m_model->index(0, TaskModel::TaskColumn).data(Qt::ForegroundRole).isValid());
}

void TestTaskModel::clearFinishedKeepsRunning()
{
    QList<quint64> ids;
    for (int i = 0; i < 8; ++i)
        ids << m_tasks->begin(u"Task %1"_s.arg(i), u"start"_s, u"h"_s);
    // Finished: 0, 1, 3, 4, 5, 7 — running: 2, 6.
    for (int i : {0, 1, 3, 4, 5, 7})
        m_tasks->succeed(ids.at(i));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->clearFinished();
    QCOMPARE(removed.size(), 3); // [7], [3..5], [0..1]
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, 0).data().toString(), u"Task 6");
    QCOMPARE(m_model->index(1, 0).data().toString(), u"Task 2");
    QCOMPARE(m_model->finishedCount(), 0);

    // The remaining tasks still update in place.
    m_tasks->fail(ids.at(2), u"boom"_s);
    QCOMPARE(m_model->index(1, TaskModel::StatusColumn).data().toString(), u"boom");
    QCOMPARE(m_model->finishedCount(), 1);
    // The TaskManager keeps its history.
    QCOMPARE(m_tasks->tasks().size(), 8);
}

void TestTaskModel::durationTicksWhileRunning()
{
    m_tasks->begin(u"Shut down lab1/vm1"_s, u"shutdown"_s, u"lab1"_s);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait(2000));
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(TaskModel::DurationColumn));
    QVERIFY(!m_model->index(0, TaskModel::DurationColumn).data().toString().isEmpty());
}

void TestTaskModel::existingTasksAreShown()
{
    TaskManager tasks;
    tasks.begin(u"one"_s, u"a"_s, {});
    tasks.succeed(tasks.begin(u"two"_s, u"b"_s, {}));
    TaskModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTaskManager(&tasks);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"two");
    QCOMPARE(model.finishedCount(), 1);
}

void TestTaskModel::dockClearButton()
{
    TaskDock dock(m_model);
    dock.resize(800, 200);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QVERIFY(!dock.clearButton()->isEnabled());
    const quint64 id = m_tasks->begin(u"Start lab1/vm1"_s, u"start"_s, u"lab1"_s);
    m_tasks->setProgress(id, 30);
    m_tasks->begin(u"Start lab1/vm2"_s, u"start"_s, u"lab1"_s);
    // Paint running rows (progress bars) and finished ones (icons).
    QVERIFY(!dock.grab().isNull());
    m_tasks->fail(id, u"nope"_s, u"detail"_s);
    QVERIFY(dock.clearButton()->isEnabled());
    QVERIFY(!dock.grab().isNull());
    QTest::mouseClick(dock.clearButton(), Qt::LeftButton);
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(!dock.clearButton()->isEnabled());
}

QTEST_MAIN(TestTaskModel)
#include "tst_taskmodel.moc"
