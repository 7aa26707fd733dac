#include "vmpage.h"

#include "icons.h"
#include "placeholdertreeview.h"
#include "vmfilterproxymodel.h"
#include "vmgridview.h"
#include "vmlifecycleactions.h"
#include "vmmodel.h"

#include "fleet/workloadcatalog.h"

#include "fleet/vmthumbnails.h"
#include "store/settingsrepository.h"
#include "store/storeservice.h"
#include "util/logging.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Corral {

namespace {

struct OperationUi
{
    VmOperation op;
    const char *icon;
    QKeySequence shortcut;
};

QList<OperationUi> operationUi()
{
    return {
        {VmOperation::Start, "start", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
        {VmOperation::Shutdown, "shutdown", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)},
        {VmOperation::PowerOff, "poweroff", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
        {VmOperation::Reboot, "reboot", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
        {VmOperation::Suspend, "suspend", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
        {VmOperation::Resume, "resume", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
        {VmOperation::Delete, "delete", QKeySequence(QKeySequence::Delete)},
    };
}

const QString viewModeKey = QStringLiteral("ui/vms/view"); // "list" or "grid"

} // namespace

VmPage::VmPage(Fleet *fleet, VmModel *model, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_model(model)
{
    m_proxy = new VmFilterProxyModel(this);
    m_proxy->setSourceModel(model);

    createActions();
    createConsoleActions();
    m_lifecycle = new VmLifecycleActions(m_fleet, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_toolBar = new QToolBar(tr("VM Actions"), this);
    m_toolBar->setObjectName(QStringLiteral("vmToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_deployAction);
    m_toolBar->addSeparator();
    for (QAction *a : std::as_const(m_actions)) {
        if (a == action(VmOperation::Delete))
            m_toolBar->addSeparator();
        m_toolBar->addAction(a);
    }
    // The rarer operations show just their icon (their tooltips name them), so the toolbar
    // fits a 1280 pixel window.
    for (VmOperation op : {VmOperation::Reboot, VmOperation::Suspend, VmOperation::Resume}) {
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action(op))))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    auto *diskButton = new QToolButton(m_toolBar);
    diskButton->setObjectName(QStringLiteral("vmDiskButton"));
    diskButton->setMenu(m_lifecycle->menu());
    diskButton->setPopupMode(QToolButton::InstantPopup);
    diskButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    diskButton->setText(m_lifecycle->menu()->title());
    diskButton->setIcon(m_lifecycle->menu()->icon());
    diskButton->setToolTip(tr("Revert, save as image, clone, resize or snapshot the selected VM"));
    m_toolBar->addWidget(diskButton);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_screenAction);
    m_toolBar->addAction(m_sshAction);
    m_toolBar->addAction(m_serialAction);
    m_toolBar->addAction(m_forwardAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_gridAction);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_serialAction)))
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    layout->addWidget(m_toolBar);

    auto *filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(6, 4, 6, 4);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("vmSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::symbolic(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setPlaceholderText(
        tr("Filter by VM or host name (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    filterBar->addWidget(m_search, 1);

    m_stateCombo = new QComboBox(this);
    m_stateCombo->setObjectName(QStringLiteral("vmStateFilter"));
    m_stateCombo->addItem(tr("All states"), int(VmFilterProxyModel::StateFilter::All));
    m_stateCombo->addItem(Icons::vmState(VmState::Running), tr("Running"),
                          int(VmFilterProxyModel::StateFilter::Running));
    m_stateCombo->addItem(Icons::vmState(VmState::Paused), tr("Paused"),
                          int(VmFilterProxyModel::StateFilter::Paused));
    m_stateCombo->addItem(Icons::vmState(VmState::Shutoff), tr("Shut off"),
                          int(VmFilterProxyModel::StateFilter::ShutOff));
    m_stateCombo->addItem(Icons::vmState(VmState::NoState), tr("Other"),
                          int(VmFilterProxyModel::StateFilter::Other));
    m_stateCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filterBar->addWidget(m_stateCombo);

    m_hostCombo = new QComboBox(this);
    m_hostCombo->setObjectName(QStringLiteral("vmHostFilter"));
    m_hostCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hostCombo->setMinimumContentsLength(12);
    filterBar->addWidget(m_hostCombo);

    m_namespaceCombo = new QComboBox(this);
    m_namespaceCombo->setObjectName(QStringLiteral("vmNamespaceFilter"));
    m_namespaceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_namespaceCombo->setMinimumContentsLength(12);
    filterBar->addWidget(m_namespaceCombo);
    layout->addLayout(filterBar);

    m_view = new PlaceholderTreeView(this);
    m_view->setObjectName(QStringLiteral("vmView"));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(VmModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *header = m_view->header();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->resizeSection(VmModel::NameColumn, 200);
    // The state column fits the longest state label of the current language.
    int stateWidth = 0;
    for (int state = 0; state <= int(VmState::PmSuspended); ++state)
        stateWidth = std::max(
            stateWidth, m_view->fontMetrics().horizontalAdvance(vmStateLabel(VmState(state))));
    header->resizeSection(VmModel::StateColumn, std::clamp(stateWidth + 40, 110, 220));
    header->resizeSection(VmModel::HostColumn, 110);
    // Wide enough for the numbers and for the header, in any language.
    for (int column = VmModel::VcpusColumn; column <= VmModel::NetworkIoColumn; ++column) {
        const int minimum = column == VmModel::VcpusColumn ? 56 : 88;
        header->resizeSection(column, std::max(minimum, header->sectionSizeHint(column) + 6));
    }
    // The namespace column is the model's last (saved layouts stay valid); it shows after the
    // host unless a saved layout says otherwise.
    header->resizeSection(VmModel::NamespaceColumn, 110);
    header->moveSection(header->visualIndex(VmModel::NamespaceColumn),
                        header->visualIndex(VmModel::HostColumn) + 1);

    m_grid = new VmGridView(this);
    m_grid->setObjectName(QStringLiteral("vmGrid"));
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    m_grid->setModel(m_proxy);
    // One selection for both views: whatever is selected in one is selected in the other.
    QItemSelectionModel *ownSelection = m_grid->selectionModel();
    m_grid->setSelectionModel(m_view->selectionModel());
    delete ownSelection;

    m_views = new QStackedWidget(this);
    m_views->addWidget(m_view);
    m_views->addWidget(m_grid);
    layout->addWidget(m_views, 1);

    if (m_fleet) {
        m_thumbnails = new VmThumbnails(m_fleet, this);
        m_model->setThumbnails(m_thumbnails);
        connect(m_grid, &VmGridView::visibleKeysChanged, m_thumbnails, &VmThumbnails::setVisible);
        loadViewMode();
    }
    updateThumbnailActivity();

    connect(m_search, &QLineEdit::textChanged, m_proxy, &VmFilterProxyModel::setFilterText);
    connect(m_stateCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStateFilter(
            VmFilterProxyModel::StateFilter(m_stateCombo->currentData().toInt()));
    });
    connect(m_hostCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setHostFilter(m_hostCombo->currentData().toLongLong()); });
    connect(m_namespaceCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setNamespaceFilter(m_namespaceCombo->currentData().toString()); });
    connect(m_view, &QWidget::customContextMenuRequested, this, &VmPage::showContextMenu);
    connect(m_grid, &QWidget::customContextMenuRequested, this, &VmPage::showContextMenu);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &VmPage::openScreenOf);
    connect(m_grid, &QAbstractItemView::doubleClicked, this, &VmPage::openScreenOf);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &VmPage::scheduleActionUpdate);

    // A selected VM changing state changes what may be done with it.
    m_actionUpdate.setSingleShot(true);
    m_actionUpdate.setInterval(0);
    connect(&m_actionUpdate, &QTimer::timeout, this, &VmPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(VmModel::StateRole)
                    || roles.contains(VmModel::HostOnlineRole)) {
                    scheduleActionUpdate();
                }
            });

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &VmPage::updatePlaceholder);
        connect(m_proxy, signal, this, &VmPage::scheduleActionUpdate);
    }
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &VmPage::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &VmPage::updatePlaceholder);
    if (m_fleet) {
        connect(m_fleet, &Fleet::hostAdded, this, &VmPage::rebuildHostFilter);
        connect(m_fleet, &Fleet::hostChanged, this, &VmPage::rebuildHostFilter);
        connect(m_fleet, &Fleet::hostRemoved, this, &VmPage::rebuildHostFilter);
        if (WorkloadCatalog *catalog = m_fleet->catalog()) {
            connect(catalog, &WorkloadCatalog::namespacesChanged, this,
                    &VmPage::rebuildNamespaceFilter);
            // Foreign namespaces come and go with the VMs that name them.
            m_namespaceUpdate.setSingleShot(true);
            m_namespaceUpdate.setInterval(500);
            connect(&m_namespaceUpdate, &QTimer::timeout, this, &VmPage::rebuildNamespaceFilter);
            connect(catalog, &WorkloadCatalog::usageChanged, this, [this] {
                if (!m_namespaceUpdate.isActive())
                    m_namespaceUpdate.start();
            });
        }
    }
    rebuildHostFilter();
    rebuildNamespaceFilter();
    updatePlaceholder();
    updateActions();
}

void VmPage::createActions()
{
    const QList<OperationUi> ops = operationUi();
    for (const OperationUi &ui : ops) {
        auto *action = new QAction(Icons::symbolic(QString::fromLatin1(ui.icon)),
                                   vmOperationLabel(ui.op), this);
        action->setObjectName(u"vm." + vmOperationKey(ui.op));
        action->setShortcut(ui.shortcut);
        if (ui.op == VmOperation::Delete)
            action->setText(tr("Delete…"));
        if (ui.op == VmOperation::PowerOff)
            action->setText(tr("Power Off…"));
        action->setToolTip(action->text().remove(u'…') + u" ("
                           + ui.shortcut.toString(QKeySequence::NativeText) + u')');
        const VmOperation op = ui.op;
        connect(action, &QAction::triggered, this, [this, op] { trigger(op); });
        m_actions[size_t(op)] = action;
    }
    m_actions[size_t(VmOperation::Start)]->setStatusTip(tr("Start the selected VMs"));
    m_actions[size_t(VmOperation::Shutdown)]->setStatusTip(
        tr("Ask the guests to shut down (ACPI power button)"));
    m_actions[size_t(VmOperation::PowerOff)]->setStatusTip(
        tr("Turn the selected VMs off at once, like pulling the plug"));
    m_actions[size_t(VmOperation::Reboot)]->setStatusTip(tr("Reboot the selected VMs"));
    m_actions[size_t(VmOperation::Suspend)]->setStatusTip(
        tr("Pause the vCPUs of the selected VMs"));
    m_actions[size_t(VmOperation::Resume)]->setStatusTip(tr("Resume the paused VMs"));
    m_actions[size_t(VmOperation::Delete)]->setStatusTip(tr("Delete the selected VMs"));

    m_findAction = new QAction(tr("Filter VMs"), this);
    m_findAction->setObjectName(QStringLiteral("vm.find"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
}

void VmPage::createConsoleActions()
{
    auto make = [this](const char *icon, const QString &text, const QString &tip,
                       const QKeySequence &shortcut, const char *name) {
        auto *action = new QAction(Icons::symbolic(QString::fromLatin1(icon)), text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(shortcut);
        action->setStatusTip(tip);
        action->setToolTip(QString(text).remove(u'…') + u" ("
                           + shortcut.toString(QKeySequence::NativeText) + u')');
        return action;
    };
    m_sshAction = make("terminal", tr("Open SSH"),
                       tr("Open a shell in the selected VMs over SSH, through their host"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), "vm.ssh");
    m_serialAction = make("console", tr("Serial Console"),
                          tr("Open the serial consoles of the selected VMs (a stopped VM's "
                             "console opens when it starts)"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), "vm.serial");
    m_forwardAction = make("forward", tr("Forward Ports…"),
                           tr("Forward local ports to the selected VM's SSH, VNC or other ports"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), "vm.forward");
    m_screenAction = make("vm-screen", tr("Open Screen"),
                          tr("Open the screens of the selected running VMs (VNC console)"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), "vm.screen");
    connect(m_screenAction, &QAction::triggered, this, [this] {
        if (const auto keys = selectedRunningKeys(); !keys.isEmpty())
            Q_EMIT openScreenRequested(keys);
    });

    m_deployAction
        = make("deploy", tr("Deploy…"), tr("Deploy new VMs from a VM config or an image"),
               QKeySequence(Qt::CTRL | Qt::Key_D), "vm.deploy");
    connect(m_deployAction, &QAction::triggered, this, [this] {
        if (m_active)
            Q_EMIT deployRequested(m_proxy->namespaceFilter());
    });

    m_gridAction = make("view-grid", tr("Grid View"),
                        tr("Show the VMs as a grid of screen thumbnails instead of a table"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), "vm.gridView");
    m_gridAction->setCheckable(true);
    connect(m_gridAction, &QAction::triggered, this, [this](bool checked) {
        setViewMode(checked ? ViewMode::Grid : ViewMode::List);
        if (StoreService *store = m_fleet ? m_fleet->store() : nullptr) {
            store->post([value = QByteArray(checked ? "grid" : "list")](Database &db) {
                return SettingsRepository(db).setValue(viewModeKey, value);
            });
        }
    });
    connect(m_sshAction, &QAction::triggered, this, [this] {
        if (const auto keys = selectedRunningKeys(); !keys.isEmpty())
            Q_EMIT openSshRequested(keys);
    });
    connect(m_serialAction, &QAction::triggered, this, [this] {
        if (const auto keys = selectedKeys(); !keys.isEmpty())
            Q_EMIT openSerialRequested(keys);
    });
    connect(m_forwardAction, &QAction::triggered, this, [this] {
        if (const auto keys = selectedKeys(); keys.size() == 1)
            Q_EMIT forwardPortsRequested(keys.first());
    });
}

QList<QAction *> VmPage::operationActions() const
{
    QList<QAction *> list(m_actions.cbegin(), m_actions.cend());
    return list;
}

void VmPage::setActive(bool active)
{
    m_active = active;
    m_findAction->setEnabled(active);
    // Remove Host… uses the Delete key on its page (and the Images page Delete… and Ctrl+F);
    // Qt counts disabled actions when it looks for ambiguous shortcuts, so only the shown
    // page's action holds the key.
    action(VmOperation::Delete)
        ->setShortcut(active ? QKeySequence(QKeySequence::Delete) : QKeySequence());
    m_findAction->setShortcut(active ? QKeySequence(QKeySequence::Find) : QKeySequence());
    m_sshAction->setShortcut(active ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)
                                    : QKeySequence());
    m_gridAction->setEnabled(active);
    // Deploy… has Ctrl+D on the Namespaces and VM Configs pages too.
    m_deployAction->setShortcut(active ? QKeySequence(Qt::CTRL | Qt::Key_D) : QKeySequence());
    m_deployAction->setEnabled(active && m_fleet);
    updateActions();
    updateThumbnailActivity();
}

bool VmPage::operationApplies(VmOperation op, VmState state)
{
    switch (op) {
    case VmOperation::Start:
        return state == VmState::Shutoff || state == VmState::Crashed;
    case VmOperation::Shutdown:
    case VmOperation::Reboot:
    case VmOperation::Suspend:
        return state == VmState::Running || state == VmState::Blocked;
    case VmOperation::PowerOff:
        return vmStateIsActive(state) || state == VmState::Crashed;
    case VmOperation::Resume:
        return state == VmState::Paused;
    case VmOperation::Delete:
        return true;
    }
    return false;
}

QList<VmKey> VmPage::selectedKeys() const
{
    QList<VmKey> keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    keys.reserve(rows.size());
    for (const QModelIndex &index : rows)
        keys.append(m_model->keyAt(m_proxy->mapToSource(index).row()));
    return keys;
}

QList<VmKey> VmPage::selectedRunningKeys() const
{
    QList<VmKey> keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const VmInfo &vm = m_model->vmAt(m_proxy->mapToSource(index).row());
        if (m_model->isHostOnline(vm.hostId) && vm.state == VmState::Running)
            keys.append(VmKey{vm.hostId, vm.uuid});
    }
    return keys;
}

void VmPage::openScreenOf(const QModelIndex &proxyIndex)
{
    if (!m_active || !proxyIndex.isValid())
        return;
    const VmInfo &vm = m_model->vmAt(m_proxy->mapToSource(proxyIndex).row());
    // Like Open Screen: a stopped VM has no screen to open.
    if (m_model->isHostOnline(vm.hostId) && vm.state == VmState::Running)
        Q_EMIT openScreenRequested({VmKey{vm.hostId, vm.uuid}});
}

QList<VmKey> VmPage::selectedKeysFor(VmOperation op) const
{
    QList<VmKey> keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const int row = m_proxy->mapToSource(index).row();
        const VmInfo &vm = m_model->vmAt(row);
        if (m_model->isHostOnline(vm.hostId) && operationApplies(op, vm.state))
            keys.append(VmKey{vm.hostId, vm.uuid});
    }
    return keys;
}

void VmPage::scheduleActionUpdate()
{
    if (!m_actionUpdate.isActive())
        m_actionUpdate.start();
}

void VmPage::updateActions()
{
    std::array<bool, 7> enabled{};
    if (m_active) {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        int found = 0;
        for (const QModelIndex &index : rows) {
            const VmInfo &vm = m_model->vmAt(m_proxy->mapToSource(index).row());
            if (!m_model->isHostOnline(vm.hostId))
                continue;
            for (size_t i = 0; i < enabled.size(); ++i) {
                if (!enabled[i] && operationApplies(VmOperation(i), vm.state)) {
                    enabled[i] = true;
                    ++found;
                }
            }
            if (found == int(enabled.size()))
                break;
        }
    }
    for (size_t i = 0; i < enabled.size(); ++i)
        m_actions[i]->setEnabled(enabled[i]);

    // Consoles: SSH needs a running guest; serial and forwards need a connected host.
    bool anyRunning = false;
    bool anyOnline = false;
    const QModelIndexList rows
        = m_active ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    for (const QModelIndex &index : rows) {
        const VmInfo &vm = m_model->vmAt(m_proxy->mapToSource(index).row());
        if (!m_model->isHostOnline(vm.hostId))
            continue;
        anyOnline = true;
        anyRunning = anyRunning || vm.state == VmState::Running;
    }
    m_screenAction->setEnabled(anyRunning);
    m_sshAction->setEnabled(anyRunning);
    m_serialAction->setEnabled(anyOnline);
    m_forwardAction->setEnabled(anyOnline && rows.size() == 1);

    QList<VmInfo> selected;
    for (const QModelIndex &index : rows)
        selected.append(m_model->vmAt(m_proxy->mapToSource(index).row()));
    m_lifecycle->setSelection(selected,
                              [this](qint64 hostId) { return m_model->isHostOnline(hostId); });
}

QString VmPage::nameList(const QStringList &names, int total, int limit)
{
    const QStringList shown = names.mid(0, limit);
    QString text = shown.join(u'\n');
    const int more = std::max(total, int(names.size())) - int(shown.size());
    if (more > 0)
        text += u'\n' + tr("and %n more", nullptr, more);
    return text;
}

bool VmPage::confirm(VmOperation op, const QList<VmKey> &keys, bool *withStorage)
{
    constexpr int listed = 10;
    QStringList names;
    for (const VmKey &key : keys) {
        if (names.size() == listed)
            break;
        const int row = m_model->rowOf(key);
        if (row >= 0)
            names.append(m_model->vmAt(row).qualifiedName());
    }
    const int count = int(keys.size());

    QMessageBox box(this);
    box.setIcon(QMessageBox::Warning);
    box.setTextFormat(Qt::PlainText);
    QPushButton *yes = nullptr;
    QCheckBox *storage = nullptr;
    if (op == VmOperation::PowerOff) {
        box.setWindowTitle(tr("Power Off"));
        box.setText(tr("Power off %n VM(s)?", nullptr, count));
        box.setInformativeText(
            nameList(names, count, listed) + u"\n\n"
            + tr("The guests are turned off at once, without shutting down: unsaved data in "
                 "them is lost."));
        yes = box.addButton(tr("Power Off"), QMessageBox::DestructiveRole);
    } else {
        box.setWindowTitle(tr("Delete"));
        box.setText(tr("Delete %n VM(s)?", nullptr, count));
        box.setInformativeText(nameList(names, count, listed) + u"\n\n"
                               + tr("Running VMs are powered off first. This cannot be "
                                    "undone."));
        storage = new QCheckBox(tr("Also delete the VMs' disk volumes", nullptr, count), &box);
        storage->setObjectName(QStringLiteral("deleteStorage"));
        storage->setChecked(false);
        box.setCheckBox(storage);
        yes = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    }
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != yes)
        return false;
    if (withStorage && storage)
        *withStorage = storage->isChecked();
    return true;
}

void VmPage::trigger(VmOperation op)
{
    if (!m_active)
        return;
    const QList<VmKey> keys = selectedKeysFor(op);
    if (keys.isEmpty() || !m_fleet)
        return;
    bool withStorage = false;
    if ((op == VmOperation::PowerOff || op == VmOperation::Delete)
        && !confirm(op, keys, &withStorage)) {
        return;
    }
    for (const VmKey &key : keys)
        m_fleet->runOperation(op, key, withStorage);
}

void VmPage::rebuildHostFilter()
{
    QList<QPair<qint64, QString>> hosts;
    if (m_fleet) {
        const QList<HostInfo> infos = m_fleet->hosts();
        for (const HostInfo &host : infos)
            hosts.append({host.config.id, host.config.name});
    }
    QList<QPair<qint64, QString>> current;
    for (int i = 1; i < m_hostCombo->count(); ++i)
        current.append({m_hostCombo->itemData(i).toLongLong(), m_hostCombo->itemText(i)});
    if (m_hostCombo->count() > 0 && current == hosts) {
        updatePlaceholder();
        return;
    }

    const qint64 selected = m_hostCombo->currentData().toLongLong();
    const QSignalBlocker blocker(m_hostCombo);
    m_hostCombo->clear();
    m_hostCombo->addItem(tr("All hosts"), qint64(0));
    const QIcon hostIcon = Icons::symbolic(QStringLiteral("host"));
    for (const auto &[id, name] : std::as_const(hosts))
        m_hostCombo->addItem(hostIcon, name, id);
    const int index = m_hostCombo->findData(selected);
    m_hostCombo->setCurrentIndex(std::max(0, index));
    if (index < 0 && selected != 0)
        m_proxy->setHostFilter(0);
    updatePlaceholder();
}

void VmPage::rebuildNamespaceFilter()
{
    QList<std::pair<QString, bool>> namespaces; // name, foreign
    if (WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr) {
        const QList<NamespaceConfig> configured = catalog->namespaces();
        for (const NamespaceConfig &ns : configured)
            namespaces.append({ns.name, false});
        const QStringList foreign = catalog->foreignNamespaces();
        for (const QString &ns : foreign)
            namespaces.append({ns, true});
    }
    QList<std::pair<QString, bool>> current;
    for (int i = 1; i < m_namespaceCombo->count(); ++i) {
        current.append({m_namespaceCombo->itemData(i).toString(),
                        !m_namespaceCombo->itemData(i, Qt::ToolTipRole).isNull()});
    }
    if (m_namespaceCombo->count() > 0 && current == namespaces)
        return;

    const QString selected = m_namespaceCombo->currentData().toString();
    const QSignalBlocker blocker(m_namespaceCombo);
    m_namespaceCombo->clear();
    m_namespaceCombo->addItem(tr("All namespaces"), QString());
    const QIcon icon = Icons::symbolic(QStringLiteral("namespace"));
    for (const auto &[name, foreign] : std::as_const(namespaces)) {
        m_namespaceCombo->addItem(icon, name, name);
        if (foreign) {
            m_namespaceCombo->setItemData(
                m_namespaceCombo->count() - 1,
                tr("%1: made by another console; no quota here.").arg(name), Qt::ToolTipRole);
        }
    }
    int index = m_namespaceCombo->findData(selected);
    if (index < 0 && !selected.isEmpty()) {
        // Keep filtering by a namespace that has no VMs and no catalog entry (any more).
        m_namespaceCombo->addItem(icon, selected, selected);
        index = m_namespaceCombo->count() - 1;
    }
    m_namespaceCombo->setCurrentIndex(std::max(0, index));
}

void VmPage::setNamespaceFilter(const QString &ns)
{
    int index = m_namespaceCombo->findData(ns);
    if (index < 0) {
        m_namespaceCombo->addItem(Icons::symbolic(QStringLiteral("namespace")), ns, ns);
        index = m_namespaceCombo->count() - 1;
    }
    m_namespaceCombo->setCurrentIndex(index);
}

void VmPage::updatePlaceholder()
{
    QString text;
    if (m_model->vmCount() == 0) {
        if (!m_fleet || m_fleet->hosts().isEmpty()) {
            text = tr("No VMs yet. Add a host with Add Host… (%1); its VMs appear here.")
                       .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)
                                .toString(QKeySequence::NativeText));
        } else {
            text = tr("No VMs on the connected hosts.");
        }
    } else if (m_proxy->rowCount() == 0) {
        text = tr("No VMs match the filter.");
    }
    m_view->setPlaceholderText(text);
    m_grid->setPlaceholderText(text);
}

void VmPage::showContextMenu(const QPoint &pos)
{
    QAbstractItemView *view = viewMode() == ViewMode::Grid
        ? static_cast<QAbstractItemView *>(m_grid)
        : static_cast<QAbstractItemView *>(m_view);
    if (!view->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    for (QAction *action : std::as_const(m_actions)) {
        if (action == m_actions[size_t(VmOperation::Delete)])
            menu.addSeparator();
        menu.addAction(action);
    }
    menu.addSeparator();
    menu.addAction(m_screenAction);
    menu.addAction(m_sshAction);
    menu.addAction(m_serialAction);
    menu.addAction(m_forwardAction);
    menu.addSeparator();
    menu.addMenu(m_lifecycle->menu());
    menu.setToolTipsVisible(true);
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void VmPage::setViewMode(ViewMode mode)
{
    m_viewModeChosen = true;
    if (mode == viewMode())
        return;
    const bool grid = mode == ViewMode::Grid;
    m_gridAction->setChecked(grid);
    QAbstractItemView *shown = grid ? static_cast<QAbstractItemView *>(m_grid)
                                    : static_cast<QAbstractItemView *>(m_view);
    const bool hadFocus = m_views->currentWidget()->hasFocus();
    m_views->setCurrentWidget(shown);
    if (const QModelIndex current = shown->currentIndex(); current.isValid())
        shown->scrollTo(current);
    if (hadFocus)
        shown->setFocus(Qt::OtherFocusReason);
    updateThumbnailActivity();
    Q_EMIT viewModeChanged(mode);
}

VmPage::ViewMode VmPage::viewMode() const
{
    return m_views->currentWidget() == m_grid ? ViewMode::Grid : ViewMode::List;
}

void VmPage::loadViewMode()
{
    StoreService *store = m_fleet->store();
    if (!store)
        return;
    store->post([](Database &db) { return SettingsRepository(db).value(viewModeKey); }, this,
                [this](Result<QByteArray> value) {
                    if (!value) {
                        qCWarning(lcUi).noquote()
                            << "cannot read the VM view mode:" << value.error().fullText();
                        return;
                    }
                    // A choice made meanwhile wins over the stored one.
                    if (!m_viewModeChosen)
                        setViewMode(*value == "grid" ? ViewMode::Grid : ViewMode::List);
                });
}

void VmPage::updateThumbnailActivity()
{
    if (!m_thumbnails)
        return;
    const QWidget *top = window();
    const bool minimised = top && top->isWindow() && top->isMinimized();
    m_thumbnails->setActive(m_active && viewMode() == ViewMode::Grid && !minimised);
}

void VmPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The window is only known once the page sits in it; minimising it pauses the captures.
    if (QWidget *top = window(); top != m_watchedWindow) {
        if (m_watchedWindow)
            m_watchedWindow->removeEventFilter(this);
        m_watchedWindow = top;
        top->installEventFilter(this);
    }
    updateThumbnailActivity();
}

bool VmPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_watchedWindow && event->type() == QEvent::WindowStateChange)
        updateThumbnailActivity();
    return QWidget::eventFilter(watched, event);
}

QByteArray VmPage::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void VmPage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace Corral
