#include "hostpage.h"

#include "capacitydelegate.h"
#include "fleet/deployer.h"
#include "fleet/fleet.h"
#include "hostdialog.h"
#include "hostmodel.h"
#include "icons.h"
#include "pagesupport.h"
#include "placeholdertreeview.h"
#include "uploaddialog.h"
#include "vmpage.h"

#include <QAction>
#include <QCheckBox>
#include <QDropEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QVBoxLayout>

namespace Corral {

HostPage::HostPage(Fleet *fleet, HostModel *model, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_model(model)
{
    m_addAction = new QAction(Icons::symbolic(QStringLiteral("add")), tr("Add Host…"), this);
    m_addAction->setObjectName(QStringLiteral("host.add"));
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_addAction->setStatusTip(tr("Add a KVM host reached over SSH"));
    m_editAction = new QAction(Icons::symbolic(QStringLiteral("edit")), tr("Edit Host…"), this);
    m_editAction->setObjectName(QStringLiteral("host.edit"));
    m_editAction->setStatusTip(tr("Change the host's name, address or tags"));
    m_removeAction
        = new QAction(Icons::symbolic(QStringLiteral("delete")), tr("Remove Host…"), this);
    m_removeAction->setObjectName(QStringLiteral("host.remove"));
    m_removeAction->setStatusTip(tr("Forget the host; its VMs are not touched"));
    m_connectAction = new QAction(Icons::symbolic(QStringLiteral("connect")), tr("Connect"), this);
    m_connectAction->setObjectName(QStringLiteral("host.connect"));
    m_disconnectAction
        = new QAction(Icons::symbolic(QStringLiteral("disconnect")), tr("Disconnect"), this);
    m_disconnectAction->setObjectName(QStringLiteral("host.disconnect"));

    m_sshAction = new QAction(Icons::symbolic(QStringLiteral("terminal")), tr("Open SSH"), this);
    m_sshAction->setObjectName(QStringLiteral("host.ssh"));
    m_sshAction->setStatusTip(tr("Open a shell on the selected hosts (over the host's one SSH "
                                 "session)"));
    connect(m_sshAction, &QAction::triggered, this, [this] {
        QList<qint64> ids;
        for (const HostInfo &host : selectedHosts())
            ids.append(host.config.id);
        if (!ids.isEmpty())
            Q_EMIT openShellRequested(ids);
    });

    m_maintenanceAction
        = new QAction(Icons::symbolic(QStringLiteral("maintenance")), tr("Maintenance Mode"), this);
    m_maintenanceAction->setObjectName(QStringLiteral("host.maintenance"));
    m_maintenanceAction->setCheckable(true);
    m_maintenanceAction->setStatusTip(
        tr("Place no new VMs on the selected hosts; optionally shut down their running VMs"));
    connect(m_maintenanceAction, &QAction::triggered, this, &HostPage::setMaintenance);

    connect(m_addAction, &QAction::triggered, this, &HostPage::addHost);
    connect(m_editAction, &QAction::triggered, this, &HostPage::editHost);
    connect(m_removeAction, &QAction::triggered, this, &HostPage::removeHosts);
    connect(m_connectAction, &QAction::triggered, this, &HostPage::connectHosts);
    connect(m_disconnectAction, &QAction::triggered, this, &HostPage::disconnectHosts);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar = PageSupport::toolBar(tr("Host Actions"), QStringLiteral("hostToolBar"), this);
    m_toolBar->addAction(m_addAction);
    m_toolBar->addAction(m_editAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_connectAction);
    m_toolBar->addAction(m_disconnectAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_maintenanceAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_sshAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_removeAction);
    layout->addWidget(m_toolBar);

    m_proxy = PageSupport::sortProxy(model, HostModel::SortRole, this);

    m_view = new PlaceholderTreeView(this);
    m_view->setObjectName(QStringLiteral("hostView"));
    // Hosts are few; rows take the height of the capacity bars.
    m_view->setUniformRowHeights(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HostModel::NameColumn, Qt::AscendingOrder);
    auto *capacity = new CapacityDelegate(HostModel::UsageRole, m_view);
    m_view->setItemDelegateForColumn(HostModel::CpuColumn, capacity);
    m_view->setItemDelegateForColumn(HostModel::MemoryColumn, capacity);
    m_view->setPlaceholderText(
        tr("No hosts yet. Add one with Add Host… (%1).")
            .arg(m_addAction->shortcut().toString(QKeySequence::NativeText)));
    QHeaderView *header = m_view->header();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->resizeSection(HostModel::NameColumn, 120);
    header->resizeSection(HostModel::StateColumn, 180);
    header->resizeSection(HostModel::AddressColumn, 200);
    header->resizeSection(HostModel::VmsColumn, 56);
    header->resizeSection(HostModel::CpuColumn, 96);
    header->resizeSection(HostModel::MemoryColumn, 140);
    header->resizeSection(HostModel::HypervisorColumn, 96);
    header->resizeSection(HostModel::TagsColumn, 80);
    layout->addWidget(m_view, 1);

    // Local files dropped on a host: upload them to it.
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);

    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            editHost();
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &HostPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HostPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HostPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HostPage::updateActions);
    updateActions();
}

void HostPage::setActive(bool active)
{
    m_active = active;
    // Shares the Delete key with the VMs page's Delete…; only the shown page holds it.
    m_removeAction->setShortcut(active ? QKeySequence(QKeySequence::Delete) : QKeySequence());
    // Open SSH shares Ctrl+Shift+T with the VMs page's in the same way.
    m_sshAction->setShortcut(active ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)
                                    : QKeySequence());
    updateActions();
}

QList<HostInfo> HostPage::selectedHosts() const
{
    QList<HostInfo> hosts;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        hosts.append(m_model->hostAt(m_proxy->mapToSource(index).row()));
    return hosts;
}

void HostPage::updateActions()
{
    const QList<HostInfo> hosts = m_active ? selectedHosts() : QList<HostInfo>();
    const bool anyOffline = std::any_of(hosts.cbegin(), hosts.cend(), [](const HostInfo &h) {
        return h.state == HostState::Offline;
    });
    const bool anyOnline = std::any_of(hosts.cbegin(), hosts.cend(), [](const HostInfo &h) {
        return h.state != HostState::Offline || h.nextRetry.isValid();
    });
    m_editAction->setEnabled(hosts.size() == 1);
    m_sshAction->setEnabled(!hosts.isEmpty());
    m_removeAction->setEnabled(!hosts.isEmpty());
    m_connectAction->setEnabled(anyOffline);
    m_disconnectAction->setEnabled(anyOnline);
    const bool allInMaintenance = !hosts.isEmpty()
        && std::all_of(hosts.cbegin(), hosts.cend(),
                       [](const HostInfo &h) { return h.config.maintenance; });
    m_maintenanceAction->setEnabled(!hosts.isEmpty() && m_fleet && m_fleet->deployer());
    m_maintenanceAction->setChecked(allInMaintenance);
}

void HostPage::setMaintenance(bool on)
{
    const QList<HostInfo> hosts = selectedHosts();
    Deployer *deployer = m_fleet ? m_fleet->deployer() : nullptr;
    if (hosts.isEmpty() || !deployer) {
        updateActions();
        return;
    }
    bool drain = false;
    if (on) {
        QStringList names;
        int running = 0;
        for (const HostInfo &host : hosts) {
            names.append(host.config.name);
            running += host.runningCount;
        }
        const int count = int(hosts.size());
        QMessageBox box(this);
        box.setIcon(QMessageBox::Question);
        box.setTextFormat(Qt::PlainText);
        box.setWindowTitle(tr("Maintenance Mode"));
        box.setText(count == 1 ? tr("Put %1 into maintenance?").arg(names.constFirst())
                               : tr("Put %n host(s) into maintenance?", nullptr, count));
        QString info;
        if (count > 1)
            info = VmPage::nameList(names, count) + u"\n\n";
        info += tr("No new VMs are placed on it while it is in maintenance. The VMs on it keep "
                   "running unless you drain it.");
        box.setInformativeText(info);
        auto *drainBox = new QCheckBox(
            tr("Drain: shut down its %n running VM(s) (gracefully)", nullptr, running), &box);
        drainBox->setObjectName(QStringLiteral("drainHost"));
        drainBox->setEnabled(running > 0);
        box.setCheckBox(drainBox);
        QPushButton *yes = box.addButton(tr("Start Maintenance"), QMessageBox::AcceptRole);
        QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
        box.setDefaultButton(yes);
        box.setEscapeButton(cancel);
        box.exec();
        if (box.clickedButton() != yes) {
            updateActions();
            return;
        }
        drain = drainBox->isChecked();
    }
    for (const HostInfo &host : hosts) {
        deployer->setMaintenance(host.config.id, on, drain, this,
                                 [this, name = host.config.name, on](Result<void> done) {
                                     updateActions();
                                     if (done)
                                         return;
                                     PageSupport::showWarning(
                                         this,
                                         on ? tr("Cannot Start Maintenance of %1").arg(name)
                                            : tr("Cannot End Maintenance of %1").arg(name),
                                         done.error().message,
                                         QStringLiteral("maintenanceError"));
                                 });
    }
}

void HostPage::addHost()
{
    auto *dialog = new HostDialog(m_fleet, std::nullopt, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HostPage::editHost()
{
    const QList<HostInfo> hosts = selectedHosts();
    if (hosts.size() != 1)
        return;
    auto *dialog = new HostDialog(m_fleet, hosts.constFirst().config, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HostPage::removeHosts()
{
    const QList<HostInfo> hosts = selectedHosts();
    if (hosts.isEmpty() || !m_fleet)
        return;
    QStringList names;
    for (const HostInfo &host : hosts)
        names.append(host.config.name);
    const int count = int(hosts.size());

    QMessageBox box(this);
    box.setIcon(QMessageBox::Question);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Remove Host"));
    box.setText(count == 1 ? tr("Remove host %1 from Corral?").arg(names.constFirst())
                           : tr("Remove %n host(s) from Corral?", nullptr, count));
    QString info;
    if (count > 1)
        info = VmPage::nameList(names, count) + u"\n\n";
    info += tr("Corral forgets the host and closes its connection. The VMs on the host are not "
               "touched: they keep running, and adding the host again shows them.");
    box.setInformativeText(info);
    QPushButton *remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    for (const HostInfo &host : hosts)
        m_fleet->removeHost(host.config.id);
}

void HostPage::connectHosts()
{
    if (!m_fleet)
        return;
    const QList<HostInfo> hosts = selectedHosts();
    for (const HostInfo &host : hosts) {
        if (host.state == HostState::Offline)
            m_fleet->connectHost(host.config.id);
    }
}

void HostPage::disconnectHosts()
{
    if (!m_fleet)
        return;
    const QList<HostInfo> hosts = selectedHosts();
    for (const HostInfo &host : hosts)
        m_fleet->disconnectHost(host.config.id);
}

void HostPage::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    if (m_view->indexAt(pos).isValid()) {
        menu.addAction(m_editAction);
        menu.addSeparator();
        menu.addAction(m_connectAction);
        menu.addAction(m_disconnectAction);
        menu.addSeparator();
        menu.addAction(m_maintenanceAction);
        menu.addSeparator();
        menu.addAction(m_sshAction);
        menu.addSeparator();
        menu.addAction(m_removeAction);
    } else {
        menu.addAction(m_addAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

bool HostPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && handleFileDrag(event))
        return true;
    return QWidget::eventFilter(watched, event);
}

bool HostPage::handleFileDrag(QEvent *event)
{
    QItemSelectionModel *selection = m_view->selectionModel();
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (UploadDialog::localFilePaths(drag->mimeData()).isEmpty())
            return false;
        if (event->type() == QEvent::DragEnter)
            m_selectionBeforeDrag = selection->selection();
        // The host under the cursor is selected: that is where the files go.
        const QModelIndex target = m_view->indexAt(drag->position().toPoint());
        if (target.isValid())
            selection->select(target,
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            selection->clearSelection();
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::DragLeave:
        selection->select(m_selectionBeforeDrag, QItemSelectionModel::ClearAndSelect);
        return false;
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = UploadDialog::localFilePaths(drop->mimeData());
        if (paths.isEmpty())
            return false;
        drop->acceptProposedAction();
        QList<qint64> hostIds;
        if (const QModelIndex target = m_view->indexAt(drop->position().toPoint());
            target.isValid()) {
            hostIds.append(target.data(HostModel::HostIdRole).toLongLong());
        }
        // The dialog opens after the drag has ended.
        QMetaObject::invokeMethod(
            this, [this, paths, hostIds] { Q_EMIT uploadRequested(paths, hostIds); },
            Qt::QueuedConnection);
        return true;
    }
    default:
        return false;
    }
}

QByteArray HostPage::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void HostPage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace Corral
