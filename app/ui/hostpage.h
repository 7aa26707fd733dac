#pragma once

#include "fleet/hostinfo.h"

#include <QItemSelection>
#include <QWidget>

class QAction;
class QSortFilterProxyModel;
class QToolBar;

namespace Corral {

class Fleet;
class HostModel;
class PlaceholderTreeView;

// The Hosts page: every configured host with its connection state and capacity, and the
// actions to add, edit, remove, connect and disconnect hosts. Double-click edits a host.
// Removing asks first and says that the VMs on the host are not touched. Maintenance Mode
// keeps new VMs off a host (Deployer::setMaintenance); turning it on asks whether to drain
// the host, shutting down its running VMs. Open SSH
// (Ctrl+Shift+T) asks the main window for a shell tab per selected host. Local files dropped
// on a host ask for their upload to it (the row under the drag is selected meanwhile).
class HostPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostPage)

public:
    HostPage(Fleet *fleet, HostModel *model, QWidget *parent = nullptr);

    QAction *addHostAction() const { return m_addAction; }
    QAction *editHostAction() const { return m_editAction; }
    QAction *removeHostAction() const { return m_removeAction; }
    QAction *sshAction() const { return m_sshAction; }
    QAction *connectHostAction() const { return m_connectAction; }
    QAction *disconnectHostAction() const { return m_disconnectAction; }
    // Checkable: the selected hosts are in maintenance (no new VMs are placed on them).
    QAction *maintenanceAction() const { return m_maintenanceAction; }
    PlaceholderTreeView *view() const { return m_view; }

    void setActive(bool active);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

    QList<HostInfo> selectedHosts() const;

    // Opens the Add Host dialog (any page may ask for it).
    void addHost();

Q_SIGNALS:
    void openShellRequested(const QList<qint64> &hostIds);
    // Local files were dropped on the host list; hostIds holds the host under the cursor.
    void uploadRequested(const QStringList &paths, const QList<qint64> &hostIds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void editHost();
    void removeHosts();
    void connectHosts();
    void disconnectHosts();
    void setMaintenance(bool on);
    void updateActions();
    void showContextMenu(const QPoint &pos);
    bool handleFileDrag(QEvent *event);

    Fleet *m_fleet;
    HostModel *m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    PlaceholderTreeView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_sshAction = nullptr;
    QAction *m_maintenanceAction = nullptr;
    bool m_active = true;
    QItemSelection m_selectionBeforeDrag;
};

} // namespace Corral
