#pragma once

#include "images/transferjob.h"

#include <QDockWidget>

class QAction;
class QToolBar;

namespace Corral {

class PlaceholderTreeView;
class TransferModel;

// The Transfers dock: every image upload, download, copy, empty disk and verification with a
// progress bar, speed, time left and state. Pause, Resume and Cancel act on the selected jobs
// (toolbar and context menu); Cancel asks first, naming the image and the host, because it
// deletes what was transferred so far. Clear Finished forgets the finished jobs. The dock only
// asks for these through its signals; the main window passes them to the ImageLibrary.
class TransferDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferDock)

public:
    explicit TransferDock(TransferModel *model, QWidget *parent = nullptr);

    PlaceholderTreeView *view() const { return m_view; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *resumeAction() const { return m_resumeAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *clearAction() const { return m_clearAction; }

    QList<TransferJob> selectedJobs() const;

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

    // Whether the job can be paused (an upload, download or copy that is queued or running).
    static bool canPause(const TransferJob &job);

Q_SIGNALS:
    void pauseRequested(const QList<qint64> &jobIds);
    void resumeRequested(const QList<qint64> &jobIds);
    // Asked only after the user confirmed.
    void cancelRequested(const QList<qint64> &jobIds);
    void clearFinishedRequested();

private:
    void updateActions();
    void pauseSelected();
    void resumeSelected();
    void cancelSelected();
    bool confirmCancel(const QList<TransferJob> &jobs);
    void showContextMenu(const QPoint &pos);

    TransferModel *m_model;
    PlaceholderTreeView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_clearAction = nullptr;
};

} // namespace Corral
