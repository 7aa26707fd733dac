#include "configpage.h"

#include "configmodel.h"
#include "icons.h"
#include "pagesupport.h"
#include "placeholdertreeview.h"
#include "vmconfigdialog.h"

#include "fleet/fleet.h"
#include "fleet/workloadcatalog.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QVBoxLayout>

namespace Corral {

ConfigPage::ConfigPage(Fleet *fleet, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
{
    const auto make
        = [this](const char *icon, const QString &text, const QString &tip, const char *name) {
              auto *action = new QAction(Icons::symbolic(QString::fromLatin1(icon)), text, this);
              action->setObjectName(QString::fromLatin1(name));
              action->setStatusTip(tip);
              return action;
          };
    m_newAction = make("add", tr("New Config…"),
                       tr("Create a VM config: what to deploy, from which image, in which shape"),
                       "config.new");
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_editAction = make("edit", tr("Edit…"), tr("Change the selected VM config"), "config.edit");
    m_duplicateAction
        = make("copy", tr("Duplicate…"),
               tr("Create a new VM config from a copy of the selected one"), "config.duplicate");
    m_deployAction = make("deploy", tr("Deploy…"), tr("Deploy VMs from the selected VM config"),
                          "config.deploy");
    m_deployAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_deleteAction
        = make("delete", tr("Delete…"), tr("Delete the selected VM config"), "config.delete");
    m_deleteAction->setShortcut(QKeySequence(QKeySequence::Delete));
    connect(m_newAction, &QAction::triggered, this, [this] {
        if (m_active)
            openEditor(VmConfig{}, false);
    });
    connect(m_editAction, &QAction::triggered, this, [this] {
        if (const auto config = selectedConfig())
            openEditor(*config, true);
    });
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        auto config = selectedConfig();
        if (!config)
            return;
        const QStringList taken = m_model->names();
        QString name = config->name + u"-copy";
        for (int n = 2; taken.contains(name); ++n)
            name = config->name + u"-copy-" + QString::number(n);
        config->name = name.left(63);
        config->created = {};
        config->modified = {};
        openEditor(*config, false);
    });
    connect(m_deployAction, &QAction::triggered, this, [this] {
        if (!m_active || !m_fleet)
            return;
        const auto config = selectedConfig();
        Q_EMIT deployRequested(config ? config->name : QString());
    });
    connect(m_deleteAction, &QAction::triggered, this, &ConfigPage::deleteConfig);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar
        = PageSupport::toolBar(tr("VM Config Actions"), QStringLiteral("configToolBar"), this);
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_editAction);
    m_toolBar->addAction(m_duplicateAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deployAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteAction);
    layout->addWidget(m_toolBar);

    m_model = new ConfigModel(this);
    m_proxy = PageSupport::sortProxy(m_model, ConfigModel::SortRole, this);
    m_view = new PlaceholderTreeView(this);
    m_view->setObjectName(QStringLiteral("configView"));
    m_view->setUniformRowHeights(true);
    PageSupport::setUpListView(m_view, m_proxy, ConfigModel::NameColumn);
    QHeaderView *header = m_view->header();
    header->resizeSection(ConfigModel::NameColumn, 170);
    header->resizeSection(ConfigModel::ProfileColumn, 80);
    header->resizeSection(ConfigModel::ImageColumn, 190);
    header->resizeSection(ConfigModel::VcpusColumn, 56);
    header->resizeSection(ConfigModel::MemoryColumn, 80);
    header->resizeSection(ConfigModel::DiskColumn, 90);
    header->resizeSection(ConfigModel::TagColumn, 110);
    header->resizeSection(ConfigModel::PortsColumn, 90);
    m_view->setPlaceholderText(tr("Reading the VM configs…"));
    layout->addWidget(m_view, 1);

    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            m_editAction->trigger();
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConfigPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConfigPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ConfigPage::updateActions);

    if (WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr) {
        connect(catalog, &WorkloadCatalog::configsChanged, this, &ConfigPage::refresh);
        const QPointer<ConfigPage> self(this);
        catalog->whenLoaded([self] {
            if (self)
                self->refresh();
        });
    }
    refresh();
}

void ConfigPage::setActive(bool active)
{
    m_active = active;
    // Ctrl+N, Ctrl+D and Del belong to the shown page.
    m_newAction->setShortcut(active ? QKeySequence(Qt::CTRL | Qt::Key_N) : QKeySequence());
    m_deployAction->setShortcut(active ? QKeySequence(Qt::CTRL | Qt::Key_D) : QKeySequence());
    m_deleteAction->setShortcut(active ? QKeySequence(QKeySequence::Delete) : QKeySequence());
    updateActions();
}

void ConfigPage::refresh()
{
    WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr;
    if (catalog && !catalog->isLoaded())
        return;
    if (catalog)
        m_model->setConfigs(catalog->configs());
    m_view->setPlaceholderText(
        tr("No VM configs yet. A config says what to deploy: create one with New Config… (%1).")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText)));
    updateActions();
}

std::optional<VmConfig> ConfigPage::selectedConfig() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return std::nullopt;
    return m_model->rowAt(m_proxy->mapToSource(rows.constFirst()).row());
}

void ConfigPage::selectConfig(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    m_view->selectionModel()->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)),
                                              QItemSelectionModel::ClearAndSelect
                                                  | QItemSelectionModel::Rows);
}

void ConfigPage::updateActions()
{
    const bool catalog = m_fleet && m_fleet->catalog();
    const bool one = m_active && selectedConfig().has_value();
    m_newAction->setEnabled(m_active && catalog);
    m_editAction->setEnabled(catalog && one);
    m_duplicateAction->setEnabled(catalog && one);
    m_deployAction->setEnabled(m_active && catalog);
    m_deleteAction->setEnabled(catalog && one);
}

void ConfigPage::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    if (m_view->indexAt(pos).isValid()) {
        menu.addAction(m_editAction);
        menu.addAction(m_duplicateAction);
        menu.addSeparator();
        menu.addAction(m_deployAction);
        menu.addSeparator();
        menu.addAction(m_deleteAction);
    } else {
        menu.addAction(m_newAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void ConfigPage::openEditor(const VmConfig &config, bool edit)
{
    if (!m_fleet)
        return;
    auto *dialog = new VmConfigDialog(
        m_fleet, edit ? VmConfigDialog::Mode::Edit : VmConfigDialog::Mode::Create, config,
        window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VmConfigDialog::saved, this,
            [this](const VmConfig &saved) { selectConfig(saved.name); });
    dialog->open();
}

void ConfigPage::deleteConfig()
{
    const auto config = m_active ? selectedConfig() : std::nullopt;
    WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr;
    if (!config || !catalog)
        return;
    QMessageBox box(this);
    box.setIcon(QMessageBox::Question);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Delete VM Config"));
    box.setText(tr("Delete VM config %1?").arg(config->name));
    box.setInformativeText(tr("VMs deployed from it are not touched. This cannot be undone."));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    catalog->deleteConfig(config->name, this, [this, name = config->name](Result<void> done) {
        if (done)
            return;
        PageSupport::showWarning(this, tr("Cannot Delete %1").arg(name), done.error().message);
    });
}

QByteArray ConfigPage::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void ConfigPage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace Corral
