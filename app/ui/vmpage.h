#pragma once

#include "fleet/fleet.h"
#include "fleet/vmoperation.h"

#include <QTimer>
#include <QWidget>

#include <array>

class QAction;
class QComboBox;
class QLineEdit;
class QMenu;
class QToolBar;

namespace Corral {

class PlaceholderTreeView;
class VmFilterProxyModel;
class VmModel;

// The VMs page: a filter bar (text, state, host), the sorted list of every VM of the fleet and
// the lifecycle actions, which act on every selected VM their state allows. Power Off and
// Delete ask first, naming the VMs. Operations run as Fleet tasks; their outcome shows in the
// task dock, never in a dialog.
//
// Shortcuts (window-wide while the page is shown): Start Ctrl+Shift+S, Shut Down
// Ctrl+Shift+D, Power Off Ctrl+Shift+F, Reboot Ctrl+Shift+R, Suspend Ctrl+Shift+P, Resume
// Ctrl+Shift+U, Delete… Del, filter Ctrl+F. Consoles: Open SSH Ctrl+Shift+T, Open Serial
// Console Ctrl+Shift+L, Forward Ports… Ctrl+Shift+O; the main window opens them.
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
    PlaceholderTreeView *view() const { return m_view; }
    VmFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *searchField() const { return m_search; }

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

private:
    void createActions();
    void createConsoleActions();
    void updateActions();
    void scheduleActionUpdate();
    void trigger(VmOperation op);
    bool confirm(VmOperation op, const QList<VmKey> &keys, bool *withStorage);
    void rebuildHostFilter();
    void updatePlaceholder();
    void showContextMenu(const QPoint &pos);

    Fleet *m_fleet;
    VmModel *m_model;
    VmFilterProxyModel *m_proxy = nullptr;
    PlaceholderTreeView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stateCombo = nullptr;
    QComboBox *m_hostCombo = nullptr;
    std::array<QAction *, 7> m_actions{};
    QAction *m_findAction = nullptr;
    QAction *m_sshAction = nullptr;
    QAction *m_serialAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QTimer m_actionUpdate;
    bool m_active = true;
};

} // namespace Corral
