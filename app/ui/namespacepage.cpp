#include "namespacepage.h"

#include "capacitydelegate.h"
#include "icons.h"
#include "namespacedialog.h"
#include "pagesupport.h"
#include "placeholdertreeview.h"
#include "theme.h"
#include "vmfilterproxymodel.h"
#include "vmmodel.h"
#include "vmpage.h"

#include "fleet/workloadcatalog.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Corral {

namespace {

// How long a namespace whose VMs were all deleted waits for the inventory to show them gone
// before its deletion is tried anyway (the catalog then says what is left).
constexpr int inventoryGraceMs = 15000;

} // namespace

NamespacePage::NamespacePage(Fleet *fleet, VmModel *vms, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_vms(vms)
{
    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_toolBar
        = PageSupport::toolBar(tr("Namespace Actions"), QStringLiteral("namespaceToolBar"), this);
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_editAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deployAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteAction);
    layout->addWidget(m_toolBar);

    m_model = new NamespaceModel(this);
    m_proxy = PageSupport::sortProxy(m_model, NamespaceModel::SortRole, this);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("namespaceSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_view = new PlaceholderTreeView(m_splitter);
    m_view->setObjectName(QStringLiteral("namespaceView"));
    // Few rows, each as tall as its quota bars.
    m_view->setUniformRowHeights(false);
    PageSupport::setUpListView(m_view, m_proxy, NamespaceModel::NameColumn);
    auto *bars = new CapacityDelegate(NamespaceModel::UsageRole, m_view);
    for (int column :
         {NamespaceModel::VmsColumn, NamespaceModel::VcpusColumn, NamespaceModel::MemoryColumn}) {
        m_view->setItemDelegateForColumn(column, bars);
    }
    QHeaderView *header = m_view->header();
    header->resizeSection(NamespaceModel::NameColumn, 180);
    header->resizeSection(NamespaceModel::VmsColumn, 110);
    header->resizeSection(NamespaceModel::VcpusColumn, 110);
    header->resizeSection(NamespaceModel::MemoryColumn, 170);
    header->resizeSection(NamespaceModel::HostsColumn, 180);
    m_view->setPlaceholderText(tr("Reading the namespaces…"));

    auto *vmPane = new QWidget(m_splitter);
    auto *vmLayout = new QVBoxLayout(vmPane);
    vmLayout->setContentsMargins(0, 0, 0, 0);
    vmLayout->setSpacing(0);
    m_vmTitle = new QLabel(vmPane);
    m_vmTitle->setObjectName(QStringLiteral("namespaceVmTitle"));
    m_vmTitle->setContentsMargins(8, 6, 8, 4);
    m_vmTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_vmTitle->font();
    titleFont.setBold(true);
    m_vmTitle->setFont(titleFont);
    vmLayout->addWidget(m_vmTitle);
    m_vmProxy = new VmFilterProxyModel(this);
    m_vmProxy->setSourceModel(m_vms);
    m_vmStack = new QStackedWidget(vmPane);
    m_vmView = new PlaceholderTreeView(m_vmStack);
    m_vmView->setObjectName(QStringLiteral("namespaceVmView"));
    m_vmView->setUniformRowHeights(true);
    m_vmView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_vmView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_vmView->setModel(m_vmProxy);
    m_vmView->setSortingEnabled(true);
    m_vmView->sortByColumn(VmModel::NameColumn, Qt::AscendingOrder);
    for (int column : {VmModel::MemoryUsedColumn, VmModel::DiskIoColumn, VmModel::NetworkIoColumn,
                       VmModel::NamespaceColumn}) {
        m_vmView->setColumnHidden(column, true);
    }
    // The name takes the width the few columns leave.
    m_vmView->header()->setStretchLastSection(false);
    m_vmView->header()->setSectionResizeMode(VmModel::NameColumn, QHeaderView::Stretch);
    m_vmView->header()->resizeSection(VmModel::CpuColumn, 80);
    m_vmView->header()->resizeSection(VmModel::StateColumn, 120);
    m_vmView->header()->resizeSection(VmModel::HostColumn, 110);
    m_vmView->header()->resizeSection(VmModel::VcpusColumn, 60);
    m_vmView->header()->resizeSection(VmModel::MemoryColumn, 90);
    m_vmStack->addWidget(m_vmView);
    auto *noNamespace = new PlaceholderTreeView(m_vmStack);
    noNamespace->setPlaceholderText(tr("Select a namespace to see its VMs."));
    m_vmStack->addWidget(noNamespace);
    vmLayout->addWidget(m_vmStack, 1);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(vmPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("namespaceStatus"));
    m_status->setContentsMargins(8, 4, 8, 4);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            editNamespace();
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &NamespacePage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateVmPane();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NamespacePage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        // Something is always selected, so the lower pane always shows a namespace.
        if (!m_view->selectionModel()->hasSelection())
            selectNamespace(defaultNamespace());
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateActions();
        updateVmPane();
    });

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(200);
    connect(&m_refreshTimer, &QTimer::timeout, this, &NamespacePage::refresh);
    if (WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr) {
        connect(catalog, &WorkloadCatalog::namespacesChanged, this, &NamespacePage::refresh);
        connect(catalog, &WorkloadCatalog::usageChanged, this, [this] {
            if (!m_refreshTimer.isActive())
                m_refreshTimer.start();
        });
        const QPointer<NamespacePage> self(this);
        catalog->whenLoaded([self] {
            if (self)
                self->refresh();
        });
    }
    refresh();
    updateVmPane();
    updateActions();
}

void NamespacePage::createActions()
{
    m_newAction = new QAction(Icons::symbolic(QStringLiteral("add")), tr("New Namespace…"), this);
    m_newAction->setObjectName(QStringLiteral("namespace.new"));
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newAction->setStatusTip(tr("Create a namespace with quotas and dedicated hosts"));
    m_editAction = new QAction(Icons::symbolic(QStringLiteral("edit")), tr("Edit…"), this);
    m_editAction->setObjectName(QStringLiteral("namespace.edit"));
    m_editAction->setStatusTip(tr("Change the namespace's description, quotas and dedicated "
                                  "hosts"));
    m_deployAction = new QAction(Icons::symbolic(QStringLiteral("deploy")), tr("Deploy…"), this);
    m_deployAction->setObjectName(QStringLiteral("namespace.deploy"));
    m_deployAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_deployAction->setStatusTip(tr("Deploy VMs into the selected namespace"));
    m_deleteAction = new QAction(Icons::symbolic(QStringLiteral("delete")), tr("Delete…"), this);
    m_deleteAction->setObjectName(QStringLiteral("namespace.delete"));
    m_deleteAction->setShortcut(QKeySequence(QKeySequence::Delete));
    connect(m_newAction, &QAction::triggered, this, &NamespacePage::newNamespace);
    connect(m_editAction, &QAction::triggered, this, &NamespacePage::editNamespace);
    connect(m_deleteAction, &QAction::triggered, this, &NamespacePage::deleteNamespace);
    connect(m_deployAction, &QAction::triggered, this, [this] {
        if (!m_active || !m_fleet)
            return;
        const auto ns = selectedNamespace();
        Q_EMIT deployRequested(ns ? ns->config.name : defaultNamespace());
    });
}

void NamespacePage::setActive(bool active)
{
    m_active = active;
    // Ctrl+N, Ctrl+D and Del belong to the shown page; Qt counts disabled actions when it
    // looks for ambiguous shortcuts.
    m_newAction->setShortcut(active ? QKeySequence(Qt::CTRL | Qt::Key_N) : QKeySequence());
    m_deployAction->setShortcut(active ? QKeySequence(Qt::CTRL | Qt::Key_D) : QKeySequence());
    m_deleteAction->setShortcut(active ? QKeySequence(QKeySequence::Delete) : QKeySequence());
    updateActions();
}

void NamespacePage::refresh()
{
    m_refreshTimer.stop();
    WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr;
    if (!catalog) {
        m_view->setPlaceholderText(tr("No namespaces."));
        return;
    }
    if (!catalog->isLoaded())
        return;
    m_model->setRows(NamespaceModel::rowsOf(*catalog));
    m_view->setPlaceholderText(
        tr("No namespaces yet. Create one with New Namespace… (%1).")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText)));
    updateActions();
    updateVmPane();
}

std::optional<NamespaceRow> NamespacePage::selectedNamespace() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return std::nullopt;
    return m_model->rowAt(m_proxy->mapToSource(rows.constFirst()).row());
}

void NamespacePage::selectNamespace(const QString &name)
{
    const int row = m_model->rowOf(name);
    const QModelIndex index
        = row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : m_proxy->index(0, 0);
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QList<VmInfo> NamespacePage::vmsIn(const QString &ns) const
{
    QList<VmInfo> vms;
    for (int row = 0; row < m_vms->vmCount(); ++row) {
        if (m_vms->vmAt(row).ns == ns)
            vms.append(m_vms->vmAt(row));
    }
    return vms;
}

void NamespacePage::updateVmPane()
{
    const auto ns = selectedNamespace();
    if (!ns) {
        // No namespace, no VMs (an empty filter would show every VM).
        m_vmTitle->setText(tr("VMs"));
        m_vmStack->setCurrentIndex(1);
        return;
    }
    m_vmStack->setCurrentIndex(0);
    m_vmProxy->setNamespaceFilter(ns->config.name);
    m_vmTitle->setText(tr("VMs in %1").arg(ns->config.name));
    m_vmView->setPlaceholderText(
        m_deleting.contains(ns->config.name)
            ? tr("Deleting the VMs of %1…").arg(ns->config.name)
            : tr("No VMs in %1. Deploy… (%2) adds some.")
                  .arg(ns->config.name,
                       QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText)));
}

void NamespacePage::updateActions()
{
    const auto ns = m_active ? selectedNamespace() : std::nullopt;
    const bool catalog = m_fleet && m_fleet->catalog();
    m_newAction->setEnabled(m_active && catalog);
    m_editAction->setEnabled(catalog && ns.has_value());
    m_deployAction->setEnabled(m_active && catalog);

    QString whyNot;
    if (!ns)
        whyNot = tr("Select a namespace.");
    else if (ns->config.name == defaultNamespace())
        whyNot = tr("The default namespace cannot be deleted: VMs without a namespace are in it.");
    else if (m_deleting.contains(ns->config.name))
        whyNot = tr("%1 is being deleted.").arg(ns->config.name);
    m_deleteAction->setEnabled(catalog && whyNot.isEmpty());
    m_deleteAction->setToolTip(
        whyNot.isEmpty()
            ? tr("Delete the namespace (%1)")
                  .arg(QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText))
            : whyNot);
    m_deleteAction->setStatusTip(m_deleteAction->toolTip());
    m_editAction->setText(ns && ns->foreign ? tr("Set Up…") : tr("Edit…"));
    m_editAction->setToolTip(
        ns && ns->foreign
            ? tr("Give %1 quotas and dedicated hosts in this catalog").arg(ns->config.name)
            : tr("Edit the namespace"));
}

void NamespacePage::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    if (m_view->indexAt(pos).isValid()) {
        menu.addAction(m_editAction);
        menu.addAction(m_deployAction);
        menu.addSeparator();
        menu.addAction(m_deleteAction);
    } else {
        menu.addAction(m_newAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void NamespacePage::newNamespace()
{
    if (!m_active || !m_fleet)
        return;
    auto *dialog = new NamespaceDialog(m_fleet, NamespaceDialog::Mode::Create, {}, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NamespaceDialog::saved, this,
            [this](const NamespaceConfig &ns) { selectNamespace(ns.name); });
    dialog->open();
}

void NamespacePage::editNamespace()
{
    const auto ns = selectedNamespace();
    if (!ns || !m_fleet)
        return;
    auto *dialog = new NamespaceDialog(
        m_fleet, ns->foreign ? NamespaceDialog::Mode::Adopt : NamespaceDialog::Mode::Edit,
        ns->config, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void NamespacePage::deleteNamespace()
{
    const auto ns = m_active ? selectedNamespace() : std::nullopt;
    if (!ns || !m_deleteAction->isEnabled())
        return;
    const QString name = ns->config.name;
    const QList<VmInfo> vms = vmsIn(name);
    const int count = int(vms.size());

    QMessageBox box(this);
    box.setIcon(QMessageBox::Warning);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Delete Namespace"));
    QCheckBox *cascade = nullptr;
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    if (count == 0) {
        box.setText(tr("Delete namespace %1?").arg(name));
        box.setInformativeText(tr("Its quotas and host dedications are removed. This cannot be "
                                  "undone."));
    } else {
        QStringList names;
        for (const VmInfo &vm : vms.mid(0, 10))
            names.append(vm.qualifiedName());
        box.setText(tr("Namespace %1 holds %n VM(s).", nullptr, count).arg(name));
        box.setInformativeText(
            VmPage::nameList(names, count) + u"\n\n"
            + tr("A namespace with VMs cannot be deleted. Delete its VMs first, or tick the box "
                 "to delete them with their disks now; running VMs are powered off first. "
                 "This cannot be undone."));
        cascade
            = new QCheckBox(tr("Also delete its %n VM(s) and their disks", nullptr, count), &box);
        cascade->setObjectName(QStringLiteral("deleteVms"));
        box.setCheckBox(cascade);
        remove->setEnabled(false);
        connect(cascade, &QCheckBox::toggled, remove, &QPushButton::setEnabled);
    }
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != remove || (cascade && !cascade->isChecked()))
        return;

    if (count == 0) {
        deleteFromCatalog(name);
        return;
    }
    QList<VmKey> keys;
    for (const VmInfo &vm : vms)
        keys.append(VmKey{vm.hostId, vm.uuid});
    deleteWithVms(name, keys);
}

void NamespacePage::deleteWithVms(const QString &ns, const QList<VmKey> &vms)
{
    if (!m_fleet)
        return;
    TaskManager *tasks = m_fleet->tasks();
    struct Cascade
    {
        QSet<quint64> pending;
        QStringList failures;
        bool started = false;
        QMetaObject::Connection connection;
    };
    auto cascade = std::make_shared<Cascade>();
    m_deleting.insert(ns);
    m_status->setText(
        tr("Deleting the %n VM(s) of %1 before the namespace…", nullptr, int(vms.size())).arg(ns));
    m_status->show();
    updateActions();
    updateVmPane();

    const auto settle = [this, ns, cascade] {
        if (!cascade->started || !cascade->pending.isEmpty())
            return;
        disconnect(cascade->connection);
        if (!cascade->failures.isEmpty()) {
            m_deleting.remove(ns);
            m_status->hide();
            updateActions();
            updateVmPane();
            showError(tr("Cannot Delete Namespace %1").arg(ns),
                      tr("Not every VM of %1 could be deleted, so the namespace was kept:").arg(ns)
                          + u"\n\n" + cascade->failures.join(u'\n'));
            return;
        }
        deleteFromCatalog(ns);
    };
    // Connected before the first task starts: a task may finish at once.
    cascade->connection
        = connect(tasks, &TaskManager::taskFinished, this, [cascade, settle](const Task &task) {
              if (!cascade->pending.remove(task.id))
                  return;
              if (task.state == Task::State::Failed)
                  cascade->failures.append(task.title + u": " + task.message);
              settle();
          });
    for (const VmKey &key : vms) {
        const quint64 id = m_fleet->runOperation(VmOperation::Delete, key, true);
        const Task task = tasks->task(id);
        if (!task.isFinished())
            cascade->pending.insert(id);
        else if (task.state == Task::State::Failed)
            cascade->failures.append(task.title + u": " + task.message);
    }
    cascade->started = true;
    settle();
}

void NamespacePage::deleteFromCatalog(const QString &ns)
{
    WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr;
    if (!catalog)
        return;
    const int row = m_model->rowOf(ns);
    const bool foreign = row >= 0 && m_model->rowAt(row).foreign;
    m_deleting.insert(ns);
    updateActions();

    const auto finish = [this, ns](const QString &error) {
        m_deleting.remove(ns);
        m_status->hide();
        updateActions();
        updateVmPane();
        if (!error.isEmpty())
            showError(tr("Cannot Delete Namespace %1").arg(ns), error);
    };
    const auto remove = [this, ns, catalog, foreign, finish] {
        if (foreign) {
            // Made by another console: with its VMs gone, nothing names it any more.
            finish(QString());
            return;
        }
        catalog->deleteNamespace(ns, this, [finish](Result<void> done) {
            finish(done ? QString() : done.error().message);
        });
    };
    if (catalog->usage(ns).vms == 0) {
        remove();
        return;
    }
    // The delete tasks end when the hosts are done; the inventory may report the VMs gone a
    // moment later, and the catalog refuses while it still counts them. `waiter` holds the
    // connections of the wait; deleting it ends them.
    m_status->setText(tr("Waiting for the hosts to report the VMs of %1 gone…").arg(ns));
    m_status->show();
    auto *waiter = new QObject(this);
    const auto once = [waiter, remove, fired = std::make_shared<bool>(false)] {
        if (std::exchange(*fired, true))
            return;
        waiter->deleteLater();
        remove();
    };
    connect(catalog, &WorkloadCatalog::usageChanged, waiter, [catalog, ns, once] {
        if (catalog->usage(ns).vms == 0)
            once();
    });
    QTimer::singleShot(inventoryGraceMs, waiter, once);
}

void NamespacePage::showError(const QString &title, const QString &message)
{
    PageSupport::showWarning(this, title, message, QStringLiteral("namespaceError"));
}

QByteArray NamespacePage::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void NamespacePage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace Corral
