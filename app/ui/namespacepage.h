#pragma once

#include "namespacemodel.h"

#include "fleet/fleet.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace Corral {

class PlaceholderTreeView;
class VmFilterProxyModel;
class VmModel;

// The Namespaces page: every namespace of the catalog with its use of its quotas (bars) and its
// dedicated hosts, plus the namespaces other consoles made (greyed); below, the VMs of the
// selected namespace (the shared VmModel through a namespace filter). Actions: New Namespace…
// (Ctrl+N), Edit… (double-click; for another console's namespace it sets up a catalog entry
// with quotas), Deploy… (Ctrl+D, into the selected namespace) and Delete… (Del). Delete asks
// first and refuses while VMs are in the namespace unless the user also deletes them with
// their disks: each is deleted as a Fleet task, and the namespace once all are gone. The
// default namespace cannot be deleted. Lives on the GUI thread.
class NamespacePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NamespacePage)

public:
    NamespacePage(Fleet *fleet, VmModel *vms, QWidget *parent = nullptr);

    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *deployAction() const { return m_deployAction; }
    NamespaceModel *model() const { return m_model; }
    PlaceholderTreeView *view() const { return m_view; }
    PlaceholderTreeView *vmView() const { return m_vmView; }
    VmFilterProxyModel *vmProxy() const { return m_vmProxy; }
    QLabel *statusLabel() const { return m_status; }

    void setActive(bool active);
    // Reads the namespaces and their usage from the catalog again.
    void refresh();

    // The selected namespace; nullopt without (or with several).
    std::optional<NamespaceRow> selectedNamespace() const;
    void selectNamespace(const QString &name);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    // Deploy…: the deploy dialog, preset with this namespace.
    void deployRequested(const QString &ns);

private:
    void createActions();
    void updateActions();
    void updateVmPane();
    void showContextMenu(const QPoint &pos);
    void newNamespace();
    void editNamespace();
    void deleteNamespace();
    // Deletes every VM of `ns` (with storage), then the namespace.
    void deleteWithVms(const QString &ns, const QList<VmKey> &vms);
    // Deletes the namespace from the catalog once no VM names it any more.
    void deleteFromCatalog(const QString &ns);
    void showError(const QString &title, const QString &message);
    QList<VmInfo> vmsIn(const QString &ns) const;

    Fleet *m_fleet;
    VmModel *m_vms;
    NamespaceModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    PlaceholderTreeView *m_view = nullptr;
    VmFilterProxyModel *m_vmProxy = nullptr;
    PlaceholderTreeView *m_vmView = nullptr;
    QStackedWidget *m_vmStack = nullptr; // the VMs, or a hint while no namespace is selected
    QLabel *m_vmTitle = nullptr;
    QLabel *m_status = nullptr;
    QSplitter *m_splitter = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_deployAction = nullptr;
    QSet<QString> m_deleting; // namespaces whose VMs are being deleted
    QTimer m_refreshTimer; // inventory batches come often: refresh at most every 200 ms
    bool m_active = true;
};

} // namespace Corral
