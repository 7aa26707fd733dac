#pragma once

#include "fleet/fleet.h"
#include "fleet/vmoperation.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>

class QAction;
class QComboBox;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace Corral {

class PlaceholderTreeView;
class VmFilterProxyModel;
class VmGridView;
class VmModel;
class VmLifecycleActions;
class VmThumbnails;

// The VMs page: a filter bar (text, state, host, namespace), the sorted list of every VM of the
// fleet and the lifecycle actions, which act on every selected VM their state allows. Power
// Off and Delete ask first, naming the VMs. The Disk menu (VmLifecycleActions) reverts, saves
// as image, clones, resizes and snapshots one VM deployed by Corral. Deploy… (Ctrl+D) asks
// the main window for the deploy dialog, preset with the namespace filtered by. Operations
// run as Fleet tasks; their outcome shows in the task dock, never in a dialog.
//
// The VMs show as a table or as a grid of screen thumbnails (Grid View); both views share the
// filter model and the selection, so every action works in either. The grid's visible VMs are
// captured by the page's VmThumbnails while the page is shown in grid mode and the window is
// not minimised. The mode is remembered in the catalog's settings (ui/vms/view).
//
// Shortcuts (window-wide while the page is shown): Start Ctrl+Shift+S, Shut Down
// Ctrl+Shift+D, Power Off Ctrl+Shift+F, Reboot Ctrl+Shift+R, Suspend Ctrl+Shift+P, Resume
// Ctrl+Shift+U, Delete… Del, filter Ctrl+F, Grid View Ctrl+Shift+G. Consoles: Open Screen
// Ctrl+Shift+V (also a double-click on a running VM), Open SSH Ctrl+Shift+T, Open Serial
// Console Ctrl+Shift+L, Forward Ports… Ctrl+Shift+O; the main window opens them. Deploy…
// Ctrl+D.
class VmPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmPage)

public:
    VmPage(Fleet *fleet, VmModel *model, QWidget *parent = nullptr);

    QAction *action(VmOperation op) const { return m_actions.at(size_t(op)); }
    QList<QAction *> operationActions() const;
    QAction *findAction() const { return m_findAction; }
    QAction *sshAction() const { return m_sshAction; }
    QAction *serialAction() const { return m_serialAction; }
    QAction *forwardAction() const { return m_forwardAction; }
    QAction *screenAction() const { return m_screenAction; }
    QAction *deployAction() const { return m_deployAction; }
    // Revert…, Save as Image…, Clone…, Resize Disk…, Snapshots….
    VmLifecycleActions *lifecycleActions() const { return m_lifecycle; }
    // Checkable: checked = grid of thumbnails, unchecked = table (for a View menu).
    QAction *gridViewAction() const { return m_gridAction; }
    PlaceholderTreeView *view() const { return m_view; }
    VmGridView *gridView() const { return m_grid; }
    // Null without a fleet.
    VmThumbnails *thumbnails() const { return m_thumbnails; }

    enum class ViewMode : quint8 { List, Grid };
    Q_ENUM(ViewMode)
    void setViewMode(ViewMode mode);
    ViewMode viewMode() const;
    VmFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *namespaceCombo() const { return m_namespaceCombo; }
    // Shows only the VMs of `ns` (empty: every namespace), as the namespace filter does.
    void setNamespaceFilter(const QString &ns);

    // The page is the one shown: its actions may be enabled.
    void setActive(bool active);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

    // The selected VMs (source keys), in view order.
    QList<VmKey> selectedKeys() const;
    // The selected VMs that `op` applies to (state allows it, host connected).
    QList<VmKey> selectedKeysFor(VmOperation op) const;

    // Whether `op` makes sense for a VM in `state`.
    static bool operationApplies(VmOperation op, VmState state);
    // At most `limit` of `names`, one per line, then "and N more" up to `total`.
    static QString nameList(const QStringList &names, int total, int limit = 10);

Q_SIGNALS:
    void openSshRequested(const QList<Corral::VmKey> &vms);
    void openSerialRequested(const QList<Corral::VmKey> &vms);
    void forwardPortsRequested(const Corral::VmKey &vm);
    // Open Screen, or a double-click on a running VM: VNC consoles for these VMs.
    void openScreenRequested(const QList<Corral::VmKey> &vms);
    void viewModeChanged(Corral::VmPage::ViewMode mode);
    // Deploy…: the deploy dialog, into `ns` (empty: default).
    void deployRequested(const QString &ns);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createConsoleActions();
    void updateActions();
    void scheduleActionUpdate();
    void trigger(VmOperation op);
    bool confirm(VmOperation op, const QList<VmKey> &keys, bool *withStorage);
    void rebuildHostFilter();
    void rebuildNamespaceFilter();
    void updatePlaceholder();
    void showContextMenu(const QPoint &pos);
    void openScreenOf(const QModelIndex &proxyIndex);
    QList<VmKey> selectedRunningKeys() const;
    void updateThumbnailActivity();
    void loadViewMode();

    Fleet *m_fleet;
    VmModel *m_model;
    VmFilterProxyModel *m_proxy = nullptr;
    PlaceholderTreeView *m_view = nullptr;
    VmGridView *m_grid = nullptr;
    QStackedWidget *m_views = nullptr;
    VmThumbnails *m_thumbnails = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stateCombo = nullptr;
    QComboBox *m_hostCombo = nullptr;
    QComboBox *m_namespaceCombo = nullptr;
    VmLifecycleActions *m_lifecycle = nullptr;
    QAction *m_deployAction = nullptr;
    std::array<QAction *, 7> m_actions{};
    QAction *m_findAction = nullptr;
    QAction *m_sshAction = nullptr;
    QAction *m_serialAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_screenAction = nullptr;
    QAction *m_gridAction = nullptr;
    QPointer<QWidget> m_watchedWindow; // for minimised / restored
    QTimer m_actionUpdate;
    QTimer m_namespaceUpdate; // the namespaces follow inventory batches, at most every 500 ms
    bool m_active = true;
    bool m_viewModeChosen = false; // set before the stored mode arrived: that one is ignored
};

} // namespace Corral
