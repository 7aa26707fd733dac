#include "transferdock.h"

#include "icons.h"
#include "placeholdertreeview.h"
#include "transfermodel.h"
#include "transferprogressdelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolBar>
#include <QVBoxLayout>

namespace Corral {

namespace {

QList<qint64> idsOf(const QList<TransferJob> &jobs)
{
    QList<qint64> ids;
    ids.reserve(jobs.size());
    for (const TransferJob &job : jobs)
        ids.append(job.id);
    return ids;
}

} // namespace

TransferDock::TransferDock(TransferModel *model, QWidget *parent)
    : QDockWidget(tr("Transfers"), parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("transferDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                | QDockWidget::DockWidgetFloatable);

    m_pauseAction = new QAction(Icons::symbolic(QStringLiteral("pause")), tr("Pause"), this);
    m_pauseAction->setObjectName(QStringLiteral("transfer.pause"));
    m_pauseAction->setStatusTip(tr("Stop the selected transfers; they resume where they stopped"));
    m_resumeAction = new QAction(Icons::symbolic(QStringLiteral("resume")), tr("Resume"), this);
    m_resumeAction->setObjectName(QStringLiteral("transfer.resume"));
    m_resumeAction->setStatusTip(
        tr("Continue the selected paused or interrupted transfers from the last confirmed byte"));
    m_cancelAction = new QAction(Icons::symbolic(QStringLiteral("close")), tr("Cancel…"), this);
    m_cancelAction->setObjectName(QStringLiteral("transfer.cancel"));
    m_cancelAction->setStatusTip(
        tr("Stop the selected transfers for good and delete what they transferred"));
    m_clearAction
        = new QAction(Icons::symbolic(QStringLiteral("clear")), tr("Clear Finished"), this);
    m_clearAction->setObjectName(QStringLiteral("transfer.clear"));
    m_clearAction->setStatusTip(tr("Remove the finished transfers from this list"));
    connect(m_pauseAction, &QAction::triggered, this, &TransferDock::pauseSelected);
    connect(m_resumeAction, &QAction::triggered, this, &TransferDock::resumeSelected);
    connect(m_cancelAction, &QAction::triggered, this, &TransferDock::cancelSelected);
    connect(m_clearAction, &QAction::triggered, this, &TransferDock::clearFinishedRequested);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_toolBar = new QToolBar(tr("Transfer Actions"), content);
    m_toolBar->setObjectName(QStringLiteral("transferToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_pauseAction);
    m_toolBar->addAction(m_resumeAction);
    m_toolBar->addAction(m_cancelAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_clearAction);
    layout->addWidget(m_toolBar);

    m_view = new PlaceholderTreeView(content);
    m_view->setObjectName(QStringLiteral("transferView"));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setModel(model);
    m_view->setItemDelegateForColumn(TransferModel::ProgressColumn,
                                     new TransferProgressDelegate(m_view));
    m_view->setPlaceholderText(tr("No transfers. Uploads, downloads and copies of images show "
                                  "their progress here."));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->resizeSection(TransferModel::ImageColumn, 200);
    header->resizeSection(TransferModel::HostColumn, 140);
    header->resizeSection(TransferModel::KindColumn, 80);
    header->resizeSection(TransferModel::ProgressColumn, 200);
    header->resizeSection(TransferModel::SpeedColumn, 90);
    header->resizeSection(TransferModel::EtaColumn, 90);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_view, &QWidget::customContextMenuRequested, this, &TransferDock::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TransferDock::updateActions);
    // A selected job changing state changes what may be done with it.
    connect(model, &QAbstractItemModel::dataChanged, this, &TransferDock::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TransferDock::updateActions);
    connect(model, &TransferModel::finishedCountChanged, this, &TransferDock::updateActions);
    updateActions();
}

bool TransferDock::canPause(const TransferJob &job)
{
    const bool streams = job.kind == TransferJob::Kind::Upload
        || job.kind == TransferJob::Kind::Download || job.kind == TransferJob::Kind::Copy;
    return streams
        && (job.state == TransferJob::State::Queued || job.state == TransferJob::State::Running);
}

QList<TransferJob> TransferDock::selectedJobs() const
{
    QList<TransferJob> jobs;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        jobs.append(m_model->jobAt(index.row()));
    return jobs;
}

void TransferDock::updateActions()
{
    const QList<TransferJob> jobs = selectedJobs();
    bool pause = false;
    bool resume = false;
    bool cancel = false;
    for (const TransferJob &job : jobs) {
        pause = pause || canPause(job);
        resume = resume || job.isResumable();
        cancel = cancel || !job.isFinished();
    }
    m_pauseAction->setEnabled(pause);
    m_resumeAction->setEnabled(resume);
    m_cancelAction->setEnabled(cancel);
    m_clearAction->setEnabled(m_model->finishedCount() > 0);
}

void TransferDock::pauseSelected()
{
    QList<TransferJob> jobs = selectedJobs();
    jobs.removeIf([](const TransferJob &job) { return !canPause(job); });
    if (!jobs.isEmpty())
        Q_EMIT pauseRequested(idsOf(jobs));
}

void TransferDock::resumeSelected()
{
    QList<TransferJob> jobs = selectedJobs();
    jobs.removeIf([](const TransferJob &job) { return !job.isResumable(); });
    if (!jobs.isEmpty())
        Q_EMIT resumeRequested(idsOf(jobs));
}

void TransferDock::cancelSelected()
{
    QList<TransferJob> jobs = selectedJobs();
    jobs.removeIf([](const TransferJob &job) { return job.isFinished(); });
    if (jobs.isEmpty() || !confirmCancel(jobs))
        return;
    Q_EMIT cancelRequested(idsOf(jobs));
}

bool TransferDock::confirmCancel(const QList<TransferJob> &jobs)
{
    QMessageBox box(this);
    box.setIcon(QMessageBox::Warning);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Cancel Transfer"));
    if (jobs.size() == 1) {
        const TransferJob &job = jobs.constFirst();
        const QString host = job.hostName;
        switch (job.kind) {
        case TransferJob::Kind::Upload:
            box.setText(tr("Cancel the upload of %1 to %2?").arg(job.imageName, host));
            break;
        case TransferJob::Kind::Download:
            box.setText(tr("Cancel the download of %1 from %2?").arg(job.imageName, host));
            break;
        case TransferJob::Kind::Copy:
            box.setText(tr("Cancel the copy of %1 from %2 to %3?")
                            .arg(job.imageName, job.sourceHostName, host));
            break;
        case TransferJob::Kind::CreateEmpty:
            box.setText(tr("Cancel creating %1 on %2?").arg(job.imageName, host));
            break;
        case TransferJob::Kind::Verify:
            box.setText(tr("Cancel the verification of %1 on %2?").arg(job.imageName, host));
            break;
        }
    } else {
        constexpr int listed = 10;
        QStringList lines;
        for (const TransferJob &job : jobs.mid(0, listed)) {
            //: One line of the list of transfers to cancel: "macOS_14.iso — lab1"
            lines.append(tr("%1 — %2").arg(job.imageName, TransferModel::hostText(job)));
        }
        if (jobs.size() > listed)
            lines.append(tr("and %n more", nullptr, int(jobs.size()) - listed));
        box.setText(tr("Cancel %n transfer(s)?", nullptr, int(jobs.size())));
        box.setInformativeText(lines.join(u'\n') + u"\n\n");
    }
    box.setInformativeText(box.informativeText()
                           + tr("What was transferred so far is deleted: the transfer cannot be "
                                "resumed and starts from the beginning if you run it again."));
    QPushButton *yes = box.addButton(tr("Cancel Transfer"), QMessageBox::DestructiveRole);
    QPushButton *no = box.addButton(tr("Keep Transferring"), QMessageBox::RejectRole);
    box.setDefaultButton(no);
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == yes;
}

void TransferDock::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    if (m_view->indexAt(pos).isValid()) {
        menu.addAction(m_pauseAction);
        menu.addAction(m_resumeAction);
        menu.addAction(m_cancelAction);
        menu.addSeparator();
    }
    menu.addAction(m_clearAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QByteArray TransferDock::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void TransferDock::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace Corral
