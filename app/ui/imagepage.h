#pragma once

#include "fleet/hostinfo.h"
#include "store/imagerepository.h"
#include "uploaddialog.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QToolBar;

namespace Corral {

class Fleet;
class ImageLibrary;
class ImageModel;
class PlaceholderTreeView;

// The Images page: the image library's catalog (disks and ISOs, their sizes, checksums and the
// hosts that hold them) with a filter, and the actions on it: Upload… (Ctrl+U), Create Empty
// Disk…, Download…, Copy to Host…, Verify, Rename (F2, in place), Edit Description… and
// Delete… (Del, asks first). Local files dropped onto the page open the upload dialog.
// Transfers started here show in the Transfers dock (transfersStarted()); refusals of the
// library (a name taken, a host offline, an image still used by VMs) show in a message box.
// Lives on the GUI thread; talks to the ImageLibrary of the fleet it is given (none: the page
// shows an empty catalog).
class ImagePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePage)

public:
    ImagePage(Fleet *fleet, ImageModel *model, QWidget *parent = nullptr);

    QAction *uploadAction() const { return m_uploadAction; }
    QAction *createEmptyAction() const { return m_createAction; }
    QAction *downloadAction() const { return m_downloadAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *verifyAction() const { return m_verifyAction; }
    QAction *renameAction() const { return m_renameAction; }
    QAction *describeAction() const { return m_describeAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *findAction() const { return m_findAction; }
    PlaceholderTreeView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *searchField() const { return m_search; }

    // The page is the one shown: its actions may be enabled and hold their keys.
    void setActive(bool active);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

    QList<ImageRecord> selectedImages() const;

    // Opens the upload dialog for local files, with these hosts checked (none: every connected
    // host). Also for files dropped on the Hosts page.
    void uploadFiles(const QStringList &paths, const QList<qint64> &hostIds = {});
    // What the upload dialog works with: the catalog's names, the hosts, the library's probe.
    UploadDialog::Backend uploadBackend() const;

Q_SIGNALS:
    // A transfer job was started from this page (the main window shows the Transfers dock).
    void transfersStarted();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void updateActions();
    void updatePlaceholder();
    void refreshImages();
    void refreshHostNames();
    void showContextMenu(const QPoint &pos);
    QList<HostInfo> hosts() const;
    // Connected hosts that hold the image (present replica).
    QList<HostInfo> holders(const ImageRecord &image) const;
    // Asks which of `candidates` to use when there are several; nullopt when cancelled.
    std::optional<qint64> chooseHost(const QList<HostInfo> &candidates, const QString &title,
                                     const QString &label);
    void showError(const QString &title, const QString &message);

    void chooseFilesToUpload();
    void createEmptyDisk();
    void downloadImage();
    void copyImage();
    void verifyImage();
    void renameImage(const QString &name, const QString &newName);
    void describeImage();
    void deleteImages();

    Fleet *m_fleet;
    QPointer<ImageLibrary> m_library;
    ImageModel *m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    PlaceholderTreeView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_search = nullptr;
    QAction *m_uploadAction = nullptr;
    QAction *m_createAction = nullptr;
    QAction *m_downloadAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_describeAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_findAction = nullptr;
    QString m_lastDirectory;
    bool m_active = true;
};

} // namespace Corral
