#include "snapshotdialog.h"

#include "icons.h"
#include "namedialog.h"
#include "placeholdertreeview.h"
#include "snapshotmodel.h"
#include "theme.h"

#include "fleet/vmlifecycle.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QVBoxLayout>

namespace Corral {

SnapshotDialog::SnapshotDialog(Fleet *fleet, const VmKey &vm, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_vm(vm)
{
    const std::optional<VmInfo> info = m_fleet ? m_fleet->vm(vm) : std::nullopt;
    m_vmName = info ? info->qualifiedName() : vm.uuid.toString(QUuid::WithoutBraces);
    setWindowTitle(tr("Snapshots of %1").arg(m_vmName));
    setWindowIcon(Icons::application());
    m_model = new SnapshotModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SnapshotModel::SortRole);

    auto *layout = new QVBoxLayout(this);
    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(16, 16));
    m_createAction = toolBar->addAction(Icons::symbolic(QStringLiteral("add")), tr("Create…"), this,
                                        &SnapshotDialog::createSnapshot);
    m_createAction->setObjectName(QStringLiteral("snapshot.create"));
    m_createAction->setToolTip(tr("Take a snapshot of the VM's disk (and memory, if it runs)"));
    m_revertAction = toolBar->addAction(Icons::symbolic(QStringLiteral("revert")), tr("Revert…"),
                                        this, &SnapshotDialog::revertSnapshot);
    m_revertAction->setObjectName(QStringLiteral("snapshot.revert"));
    m_revertAction->setToolTip(tr("Return the VM to the selected snapshot"));
    m_deleteAction = toolBar->addAction(Icons::symbolic(QStringLiteral("delete")), tr("Delete…"),
                                        this, &SnapshotDialog::deleteSnapshot);
    m_deleteAction->setObjectName(QStringLiteral("snapshot.delete"));
    m_deleteAction->setToolTip(tr("Delete the selected snapshot; the VM is not changed"));
    layout->addWidget(toolBar);

    m_view = new PlaceholderTreeView(this);
    m_view->setObjectName(QStringLiteral("snapshotView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SnapshotModel::CreatedColumn, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(SnapshotModel::NameColumn, 180);
    m_view->header()->resizeSection(SnapshotModel::CreatedColumn, 150);
    m_view->header()->resizeSection(SnapshotModel::StateColumn, 110);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &SnapshotDialog::reject);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SnapshotDialog::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SnapshotDialog::updateActions);
    if (VmLifecycle *lifecycle = m_fleet ? m_fleet->lifecycle() : nullptr) {
        connect(lifecycle, &VmLifecycle::snapshotsChanged, this, [this](const VmKey &changed) {
            if (changed == m_vm)
                refresh();
        });
    }
    resize(640, 380);
    refresh();
}

void SnapshotDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText,
               error ? Theme::errorColor(palette()) : palette().color(QPalette::PlaceholderText));
    m_status->setPalette(p);
}

void SnapshotDialog::refresh()
{
    VmLifecycle *lifecycle = m_fleet ? m_fleet->lifecycle() : nullptr;
    if (!lifecycle) {
        m_view->setPlaceholderText(tr("No snapshots."));
        updateActions();
        return;
    }
    if (!m_loaded)
        m_view->setPlaceholderText(tr("Reading the snapshots…"));
    ++m_busy;
    updateActions();
    lifecycle->listSnapshots(m_vm, this, [this](Result<QList<VmSnapshot>> snapshots) {
        --m_busy;
        m_loaded = true;
        if (!snapshots) {
            m_view->setPlaceholderText(QString());
            setStatus(snapshots.error().message, true);
        } else {
            m_model->setSnapshots(*snapshots);
            m_view->setPlaceholderText(
                tr("No snapshots yet. Create… takes one of the VM as it is now."));
            if (m_busy == 0)
                setStatus(QString());
        }
        updateActions();
    });
}

QString SnapshotDialog::selectedName() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return {};
    return rows.constFirst().data(SnapshotModel::NameRole).toString();
}

void SnapshotDialog::updateActions()
{
    const bool available = m_fleet && m_fleet->lifecycle() && m_busy == 0;
    const bool one = !selectedName().isEmpty();
    m_createAction->setEnabled(available);
    m_revertAction->setEnabled(available && one);
    m_deleteAction->setEnabled(available && one);
}

std::function<void(Result<void>)> SnapshotDialog::finisher(const QString &failedTitle)
{
    ++m_busy;
    updateActions();
    return [self = QPointer<SnapshotDialog>(this), failedTitle](Result<void> done) {
        if (!self)
            return;
        --self->m_busy;
        if (!done)
            self->setStatus(failedTitle + u": " + done.error().message, true);
        else
            self->setStatus(QString());
        self->refresh();
    };
}

void SnapshotDialog::createSnapshot()
{
    VmLifecycle *lifecycle = m_fleet ? m_fleet->lifecycle() : nullptr;
    if (!lifecycle)
        return;
    QStringList taken;
    for (const VmSnapshot &snapshot : m_model->rows())
        taken.append(snapshot.name);
    NameDialog dialog(
        tr("Create Snapshot of %1").arg(m_vmName), tr("&Name:"), tr("Create"),
        [taken](const QString &name) -> QString {
            if (taken.contains(name))
                return tr("The VM has a snapshot named %1 already.").arg(name);
            const bool valid
                = name.size() <= 64 && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
                      return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                          || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'_';
                  });
            if (!valid)
                return tr("A snapshot name has 1 to 64 letters, digits, '.', '-' "
                          "or '_'.");
            return {};
        },
        true, this);
    dialog.setName(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    dialog.setHelp(tr("A running VM is snapshotted with its memory: reverting to it resumes the "
                      "guest where it was."));
    if (dialog.exec() != QDialog::Accepted)
        return;
    setStatus(tr("Taking snapshot %1…").arg(dialog.name()));
    lifecycle->createSnapshot(m_vm, dialog.name(), dialog.description(), this,
                              finisher(tr("Snapshot %1 failed").arg(dialog.name())));
}

void SnapshotDialog::revertSnapshot()
{
    VmLifecycle *lifecycle = m_fleet ? m_fleet->lifecycle() : nullptr;
    const QString name = selectedName();
    if (!lifecycle || name.isEmpty())
        return;
    QMessageBox box(this);
    box.setIcon(QMessageBox::Warning);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Revert to Snapshot"));
    box.setText(tr("Revert %1 to snapshot %2?").arg(m_vmName, name));
    box.setInformativeText(tr("Everything written to the VM's disk since the snapshot was taken is "
                              "lost. A snapshot taken while the VM ran restores the running "
                              "guest."));
    QPushButton *revert = box.addButton(tr("Revert"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != revert)
        return;
    setStatus(tr("Reverting to %1…").arg(name));
    lifecycle->revertSnapshot(m_vm, name, this, finisher(tr("Reverting to %1 failed").arg(name)));
}

void SnapshotDialog::deleteSnapshot()
{
    VmLifecycle *lifecycle = m_fleet ? m_fleet->lifecycle() : nullptr;
    const QString name = selectedName();
    if (!lifecycle || name.isEmpty())
        return;
    QMessageBox box(this);
    box.setIcon(QMessageBox::Question);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Delete Snapshot"));
    box.setText(tr("Delete snapshot %1 of %2?").arg(name, m_vmName));
    box.setInformativeText(tr("The VM stays as it is now; you can no longer return to this "
                              "snapshot. This cannot be undone."));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    setStatus(tr("Deleting %1…").arg(name));
    lifecycle->deleteSnapshot(m_vm, name, this, finisher(tr("Deleting %1 failed").arg(name)));
}

} // namespace Corral
