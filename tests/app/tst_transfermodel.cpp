#include "placeholdertreeview.h"
#include "transferdock.h"
#include "transfermodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

constexpr quint64 MiB = 1024ULL * 1024;

TransferJob makeJob(qint64 id, TransferJob::Kind kind = TransferJob::Kind::Upload,
                    TransferJob::State state = TransferJob::State::Running)
{
    TransferJob job;
    job.id = id;
    job.kind = kind;
    job.state = state;
    job.imageName = u"image-%1.qcow2"_s.arg(id);
    job.hostId = 2;
    job.hostName = u"lab2"_s;
    job.localPath = u"/images/macOS 14.qcow2"_s;
    job.total = 800 * MiB;
    return job;
}

} // namespace

class TestTransferModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void applyInsertsNewestFirstAndUpdates();
    void removeJob();
    void percent_data();
    void percent();
    void speedAndEta();
    void hostAndStatusTexts();
    void errorsInTextAndTooltip();
    void finishedCount();
    void dockActionsFollowSelection();
    void dockCancelAsksFirst();

private:
    TransferModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTransferModel::init()
{
    m_model = new TransferModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestTransferModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestTransferModel::applyInsertsNewestFirstAndUpdates()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyJob(makeJob(5));
    m_model->applyJob(makeJob(7));
    m_model->applyJob(makeJob(6)); // jobs restored out of order still sort by id
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0, 0).data(TransferModel::JobIdRole).toLongLong(), 7);
    QCOMPARE(m_model->index(1, 0).data(TransferModel::JobIdRole).toLongLong(), 6);
    QCOMPARE(m_model->index(2, 0).data(TransferModel::JobIdRole).toLongLong(), 5);
    QCOMPARE(m_model->rowOf(5), 2);
    QCOMPARE(changed.size(), 0);

    TransferJob job = makeJob(6);
    job.sent = 200 * MiB;
    job.confirmed = 160 * MiB;
    m_model->applyJob(job);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), TransferModel::ColumnCount - 1);
    const QModelIndex progress = m_model->index(1, TransferModel::ProgressColumn);
    QCOMPARE(progress.data(TransferModel::ProgressRole).toInt(), 25);
    QCOMPARE(progress.data().toString(), u"25 % of 800 MiB");
    QCOMPARE(m_model->index(1, TransferModel::ImageColumn).data().toString(), u"image-6.qcow2");
    QCOMPARE(m_model->index(1, TransferModel::KindColumn).data().toString(), u"Upload");
    QCOMPARE(m_model->index(1, TransferModel::StatusColumn).data().toString(), u"Uploading");
    QCOMPARE(m_model->index(1, 0).data(TransferModel::StateRole).toInt(),
             int(TransferJob::State::Running));
}

void TestTransferModel::removeJob()
{
    for (qint64 id : {1, 2, 3})
        m_model->applyJob(makeJob(id));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->removeJob(2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOf(2), -1);
    QCOMPARE(m_model->rowOf(1), 1);
    m_model->removeJob(42); // unknown: nothing happens
    QCOMPARE(removed.size(), 1);
}

void TestTransferModel::percent_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<quint64>("total");
    QTest::addColumn<quint64>("confirmed");
    QTest::addColumn<quint64>("sent");
    QTest::addColumn<int>("expected");
    using S = TransferJob::State;
    QTest::newRow("running uses sent") << int(S::Running) << 1000ULL << 100ULL << 420ULL << 42;
    QTest::newRow("paused uses confirmed") << int(S::Paused) << 1000ULL << 100ULL << 420ULL << 10;
    QTest::newRow("interrupted") << int(S::Interrupted) << 1000ULL << 333ULL << 900ULL << 33;
    QTest::newRow("unknown total") << int(S::Running) << 0ULL << 0ULL << 10ULL << -1;
    QTest::newRow("verifying") << int(S::Verifying) << 1000ULL << 1000ULL << 1000ULL << 100;
    QTest::newRow("done") << int(S::Done) << 0ULL << 0ULL << 0ULL << 100;
    QTest::newRow("never above 100") << int(S::Running) << 1000ULL << 0ULL << 5000ULL << 100;
    QTest::newRow("queued") << int(S::Queued) << 1000ULL << 0ULL << 0ULL << 0;
    QTest::newRow("huge") << int(S::Running) << (1ULL << 42) << 0ULL << (1ULL << 41) << 50;
}

void TestTransferModel::percent()
{
    QFETCH(int, state);
    QFETCH(quint64, total);
    QFETCH(quint64, confirmed);
    QFETCH(quint64, sent);
    QFETCH(int, expected);
    TransferJob job = makeJob(1, TransferJob::Kind::Upload, TransferJob::State(state));
    job.total = total;
    job.confirmed = confirmed;
    job.sent = sent;
    QCOMPARE(TransferModel::percent(job), expected);
}

void TestTransferModel::speedAndEta()
{
    TransferJob job = makeJob(1);
    job.bytesPerSecond = 112.4e6;
    job.etaSeconds = 80;
    QCOMPARE(TransferModel::speedText(job), u"112 MB/s");
    QCOMPARE(TransferModel::etaText(job), u"1 min 20 s");
    job.bytesPerSecond = 12.46e6;
    job.etaSeconds = 3725;
    QCOMPARE(TransferModel::speedText(job), u"12.5 MB/s");
    QCOMPARE(TransferModel::etaText(job), u"1 h 2 min");
    job.etaSeconds = 9;
    QCOMPARE(TransferModel::etaText(job), u"9 s");
    job.etaSeconds = -1; // unknown
    QCOMPARE(TransferModel::etaText(job), QString());

    // Only while bytes move.
    job.etaSeconds = 80;
    job.state = TransferJob::State::Paused;
    QCOMPARE(TransferModel::speedText(job), QString());
    QCOMPARE(TransferModel::etaText(job), QString());

    job.state = TransferJob::State::Running;
    m_model->applyJob(job);
    QCOMPARE(m_model->index(0, TransferModel::SpeedColumn).data().toString(), u"12.5 MB/s");
    QCOMPARE(m_model->index(0, TransferModel::EtaColumn).data().toString(), u"1 min 20 s");
    QCOMPARE(m_model->index(0, TransferModel::EtaColumn).data(TransferModel::SortRole).toLongLong(),
             80);
}

void TestTransferModel::hostAndStatusTexts()
{
    TransferJob copy = makeJob(1, TransferJob::Kind::Copy);
    copy.sourceHostId = 1;
    copy.sourceHostName = u"lab1"_s;
    QCOMPARE(TransferModel::hostText(copy), u"lab1 → lab2");
    QCOMPARE(TransferModel::statusText(copy), u"Copying");

    TransferJob upload = makeJob(2);
    QCOMPARE(TransferModel::hostText(upload), u"lab2");
    upload.hostName.clear();
    QCOMPARE(TransferModel::hostText(upload), u"host #2");

    TransferJob done = makeJob(3, TransferJob::Kind::Upload, TransferJob::State::Done);
    done.sha256 = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;
    QCOMPARE(TransferModel::statusText(done), u"Verified sha256 9f86d081884c");
    m_model->applyJob(done);
    const QModelIndex status = m_model->index(0, TransferModel::StatusColumn);
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(done.sha256));

    TransferJob download = makeJob(4, TransferJob::Kind::Download);
    download.localPath = u"/home/me/Downloads/base.qcow2"_s;
    m_model->applyJob(download);
    QCOMPARE(m_model->index(0, TransferModel::HostColumn).data().toString(), u"lab2 → base.qcow2");

    QCOMPARE(TransferModel::statusText(
                 makeJob(5, TransferJob::Kind::Upload, TransferJob::State::Verifying)),
             u"Verifying the checksum");
    QCOMPARE(TransferModel::statusText(
                 makeJob(5, TransferJob::Kind::Upload, TransferJob::State::Interrupted)),
             u"Connection lost — resumable");
    QCOMPARE(TransferModel::statusText(
                 makeJob(5, TransferJob::Kind::CreateEmpty, TransferJob::State::Done)),
             u"Created");
}

void TestTransferModel::errorsInTextAndTooltip()
{
    TransferJob failed = makeJob(1, TransferJob::Kind::Upload, TransferJob::State::Failed);
    failed.error = u"/images/macOS 14.qcow2 on lab2: not enough space in corral-images "
                   u"(needs 21 GiB, 4 GiB free)"_s;
    m_model->applyJob(failed);
    const QModelIndex status = m_model->index(0, TransferModel::StatusColumn);
    QCOMPARE(status.data().toString(), u"Failed: "_s + failed.error);
    QCOMPARE(status.data(TransferModel::ErrorRole).toString(), failed.error);
    QVERIFY(status.data(Qt::ForegroundRole).isValid());
    QVERIFY(m_model->index(0, TransferModel::ImageColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(failed.error));

    TransferJob lost = makeJob(2, TransferJob::Kind::Upload, TransferJob::State::Interrupted);
    lost.confirmed = 240 * MiB;
    lost.error = u"lab2: the SSH connection was closed"_s;
    m_model->applyJob(lost);
    const QModelIndex lostStatus = m_model->index(0, TransferModel::StatusColumn);
    QCOMPARE(lostStatus.data().toString(), u"Connection lost — resumable");
    const QString tip = lostStatus.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(lost.error), qPrintable(tip));
    QVERIFY2(tip.contains(u"240 MiB of 800 MiB"), qPrintable(tip));
    QCOMPARE(
        m_model->index(0, TransferModel::ProgressColumn).data(TransferModel::ProgressRole).toInt(),
        30);
}

void TestTransferModel::finishedCount()
{
    QSignalSpy finished(m_model, &TransferModel::finishedCountChanged);
    m_model->applyJob(makeJob(1));
    m_model->applyJob(makeJob(2));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_model->activeCount(), 2);
    m_model->applyJob(makeJob(1, TransferJob::Kind::Upload, TransferJob::State::Done));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.last().at(0).toInt(), 1);
    m_model->applyJob(makeJob(2, TransferJob::Kind::Upload, TransferJob::State::Paused));
    QCOMPARE(m_model->finishedCount(), 1); // paused is not finished
    QCOMPARE(m_model->activeCount(), 0);
    m_model->removeJob(1);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(m_model->finishedCount(), 0);
}

void TestTransferModel::dockActionsFollowSelection()
{
    m_model->applyJob(makeJob(1, TransferJob::Kind::Upload, TransferJob::State::Running));
    m_model->applyJob(makeJob(2, TransferJob::Kind::Copy, TransferJob::State::Interrupted));
    m_model->applyJob(makeJob(3, TransferJob::Kind::Upload, TransferJob::State::Done));
    m_model->applyJob(makeJob(4, TransferJob::Kind::Verify, TransferJob::State::Running));
    TransferDock dock(m_model);
    dock.resize(1000, 240);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    // Paint every kind of row: bars, the busy bar, icons.
    QVERIFY(!dock.grab().isNull());

    QVERIFY(dock.clearAction()->isEnabled());
    QVERIFY(!dock.pauseAction()->isEnabled());
    QVERIFY(!dock.resumeAction()->isEnabled());
    QVERIFY(!dock.cancelAction()->isEnabled());

    QItemSelectionModel *selection = dock.view()->selectionModel();
    const auto select = [&](qint64 id) {
        selection->select(m_model->index(m_model->rowOf(id), 0),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    };
    select(1);
    QVERIFY(dock.pauseAction()->isEnabled());
    QVERIFY(!dock.resumeAction()->isEnabled());
    QVERIFY(dock.cancelAction()->isEnabled());
    QSignalSpy pause(&dock, &TransferDock::pauseRequested);
    dock.pauseAction()->trigger();
    QCOMPARE(pause.size(), 1);
    QCOMPARE(pause.at(0).at(0).value<QList<qint64>>(), QList<qint64>{1});

    select(2);
    QVERIFY(!dock.pauseAction()->isEnabled());
    QVERIFY(dock.resumeAction()->isEnabled());
    QSignalSpy resume(&dock, &TransferDock::resumeRequested);
    dock.resumeAction()->trigger();
    QCOMPARE(resume.at(0).at(0).value<QList<qint64>>(), QList<qint64>{2});

    select(3); // finished: nothing to do but clear
    QVERIFY(!dock.pauseAction()->isEnabled());
    QVERIFY(!dock.cancelAction()->isEnabled());

    select(4); // a verification cannot be paused, only cancelled
    QVERIFY(!dock.pauseAction()->isEnabled());
    QVERIFY(dock.cancelAction()->isEnabled());

    // The selected job changes state under the selection.
    select(1);
    m_model->applyJob(makeJob(1, TransferJob::Kind::Upload, TransferJob::State::Paused));
    QVERIFY(!dock.pauseAction()->isEnabled());
    QVERIFY(dock.resumeAction()->isEnabled());

    QSignalSpy clear(&dock, &TransferDock::clearFinishedRequested);
    dock.clearAction()->trigger();
    QCOMPARE(clear.size(), 1);
    m_model->removeJob(3);
    QVERIFY(!dock.clearAction()->isEnabled());
}

void TestTransferModel::dockCancelAsksFirst()
{
    m_model->applyJob(makeJob(1));
    TransferDock dock(m_model);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    dock.view()->selectionModel()->select(
        m_model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy cancel(&dock, &TransferDock::cancelRequested);

    // Answer the confirmation: first keep transferring, then cancel.
    QString question;
    QString details;
    const auto answer = [&](const QString &button) {
        QTimer::singleShot(0, this, [&, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            details = box->informativeText();
            const QList<QAbstractButton *> buttons = box->buttons();
            for (QAbstractButton *b : buttons) {
                if (b->text() == button)
                    b->click();
            }
        });
    };
    answer(u"Keep Transferring"_s);
    dock.cancelAction()->trigger();
    QCOMPARE(cancel.size(), 0);
    QCOMPARE(question, u"Cancel the upload of image-1.qcow2 to lab2?");
    QVERIFY(details.contains(u"deleted"));

    answer(u"Cancel Transfer"_s);
    dock.cancelAction()->trigger();
    QCOMPARE(cancel.size(), 1);
    QCOMPARE(cancel.at(0).at(0).value<QList<qint64>>(), QList<qint64>{1});
}

QTEST_MAIN(TestTransferModel)
#include "tst_transfermodel.moc"
