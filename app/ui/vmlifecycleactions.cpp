#include "vmlifecycleactions.h"

#include "formatting.h"
#include "icons.h"
#include "namedialog.h"
#include "snapshotdialog.h"
#include "theme.h"

#include "fleet/vmconfig.h"
#include "fleet/vmlifecycle.h"
#include "fleet/workloadcatalog.h"
#include "images/imagelibrary.h"
#include "images/imageprobe.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Corral {

namespace {

constexpr qint64 gib = qint64(1) << 30;

// Tasks report their outcome in the task dock; nothing more to do here.
void ignoreOutcome(Result<void>) { }

} // namespace

VmLifecycleActions::VmLifecycleActions(Fleet *fleet, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_fleet(fleet)
    , m_dialogParent(dialogParent)
{
    const struct
    {
        const char *icon;
        QString text;
        const char *name;
        void (VmLifecycleActions::*slot)();
    } items[] = {
        {"revert", tr("Revert…"), "vm.revert", &VmLifecycleActions::revert},
        {"image", tr("Save as Image…"), "vm.saveAsImage", &VmLifecycleActions::saveAsImage},
        {"copy", tr("Clone…"), "vm.clone", &VmLifecycleActions::clone},
        {"disk", tr("Resize Disk…"), "vm.resizeDisk", &VmLifecycleActions::resizeDisk},
        {"snapshot", tr("Snapshots…"), "vm.snapshots", &VmLifecycleActions::showSnapshots},
    };
    m_menu = new QMenu(tr("Disk"), dialogParent);
    m_menu->setObjectName(QStringLiteral("vmDiskMenu"));
    m_menu->setIcon(Icons::symbolic(QStringLiteral("disk")));
    m_menu->setToolTipsVisible(true);
    for (const auto &item : items) {
        auto *action
            = new QAction(Icons::symbolic(QString::fromLatin1(item.icon)), item.text, this);
        action->setObjectName(QString::fromLatin1(item.name));
        connect(action, &QAction::triggered, this, item.slot);
        m_actions.append(action);
        m_menu->addAction(action);
        if (item.slot == &VmLifecycleActions::revert)
            m_menu->addSeparator();
    }
    setSelection({}, {});
}

QString VmLifecycleActions::whyNot(Kind kind, const QList<VmInfo> &vms, bool hostOnline)
{
    if (vms.isEmpty())
        return tr("Select a VM deployed by Corral.");
    if (vms.size() > 1)
        return tr("Select a single VM.");
    const VmInfo &vm = vms.constFirst();
    if (!hostOnline)
        return tr("%1 is not connected.").arg(vm.hostName);
    if (!vm.managed)
        return tr("%1 was not deployed by Corral: it has no base image and overlay to work with.")
            .arg(vm.name);
    const bool needsShutoff = kind == Kind::SaveAsImage || kind == Kind::Clone;
    if (needsShutoff && vm.state != VmState::Shutoff)
        return tr("Shut %1 down first: its disk must not change while it is copied.").arg(vm.name);
    return {};
}

void VmLifecycleActions::setSelection(const QList<VmInfo> &vms,
                                      const std::function<bool(qint64)> &hostOnline)
{
    m_selection = vms;
    const bool online = vms.size() == 1 && (!hostOnline || hostOnline(vms.constFirst().hostId));
    const QString tips[] = {
        tr("Return the VM to a fresh copy of its image (asks first)"),
        tr("Save the VM's disk as a new image of the library"),
        tr("Make a new VM on the same host with a copy of this VM's disk"),
        tr("Make the VM's disk larger"),
        tr("Take, revert to and delete snapshots of the VM"),
    };
    for (int i = 0; i < int(m_actions.size()); ++i) {
        const QString why = whyNot(Kind(i), vms, online);
        QAction *action = m_actions.at(i);
        action->setEnabled(m_fleet && why.isEmpty());
        action->setToolTip(why.isEmpty() ? tips[i] : why);
        action->setStatusTip(action->toolTip());
    }
}

std::optional<VmInfo> VmLifecycleActions::selectedVm() const
{
    if (m_selection.size() != 1 || !m_fleet)
        return std::nullopt;
    const VmInfo &vm = m_selection.constFirst();
    // The latest state: the selection may be a moment old.
    return m_fleet->vm(VmKey{vm.hostId, vm.uuid}).value_or(vm);
}

quint64 VmLifecycleActions::knownDiskBytes(const VmInfo &vm) const
{
    quint64 size = 0;
    if (WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr) {
        if (const auto config = catalog->findConfig(vm.config))
            size = quint64(std::max<qint64>(0, config->diskGiB)) * quint64(gib);
    }
    if (ImageLibrary *library = m_fleet ? m_fleet->images() : nullptr) {
        if (const auto image = library->image(vm.image))
            size = std::max(size, image->virtualSize);
    }
    return size;
}

void VmLifecycleActions::revert()
{
    const auto vm = selectedVm();
    if (!vm || !whyNot(Kind::Revert, {*vm}, true).isEmpty())
        return;
    QMessageBox box(m_dialogParent);
    box.setIcon(QMessageBox::Warning);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Revert VM"));
    box.setText(tr("Revert %1 to its image?").arg(vm->qualifiedName()));
    box.setInformativeText(
        tr("Everything written to the VM's disk since it was deployed is lost, and so are all "
           "its snapshots. A running VM is powered off and started again. This cannot be "
           "undone."));
    QPushButton *revert = box.addButton(tr("Revert"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != revert || !m_fleet->lifecycle())
        return;
    m_fleet->lifecycle()->revert(VmKey{vm->hostId, vm->uuid}, this, &ignoreOutcome);
}

void VmLifecycleActions::saveAsImage()
{
    const auto vm = selectedVm();
    if (!vm || !whyNot(Kind::SaveAsImage, {*vm}, true).isEmpty())
        return;
    QStringList taken;
    if (ImageLibrary *library = m_fleet->images()) {
        const QList<ImageRecord> images = library->images();
        for (const ImageRecord &image : images)
            taken.append(image.name);
    }
    NameDialog dialog(
        tr("Save %1 as Image").arg(vm->name), tr("Image &name:"), tr("Save"),
        [taken](const QString &name) -> QString {
            if (const QString rule = ImageProbes::validateName(name); !rule.isEmpty()) {
                return rule;
            }
            if (taken.contains(name))
                return tr("The library already has an image named %1.").arg(name);
            return {};
        },
        true, m_dialogParent);
    dialog.setName(vm->name + u".qcow2");
    dialog.setHelp(tr("The VM's disk and its base image are merged into one new image on %1, "
                      "then checked. The VM is not changed.")
                       .arg(vm->hostName));
    if (dialog.exec() != QDialog::Accepted || !m_fleet->lifecycle())
        return;
    m_fleet->lifecycle()->saveAsImage(VmKey{vm->hostId, vm->uuid}, dialog.name(),
                                      dialog.description(), this, &ignoreOutcome);
}

void VmLifecycleActions::clone()
{
    const auto vm = selectedVm();
    if (!vm || !whyNot(Kind::Clone, {*vm}, true).isEmpty())
        return;
    QStringList taken;
    const QList<VmInfo> vms = m_fleet->vms();
    for (const VmInfo &other : vms) {
        if (other.hostId == vm->hostId)
            taken.append(other.name);
    }
    NameDialog dialog(
        tr("Clone %1").arg(vm->name), tr("&Name of the clone:"), tr("Clone"),
        [taken, host = vm->hostName](const QString &name) -> QString {
            if (const QString rule = validateLabel(name, tr("VM")); !rule.isEmpty()) {
                return rule;
            }
            if (taken.contains(name))
                return tr("%1 already has a VM named %2.").arg(host, name);
            return {};
        },
        false, m_dialogParent);
    QString suggestion = vm->name + u"-clone";
    for (int n = 2; taken.contains(suggestion); ++n)
        suggestion = vm->name + u"-clone-" + QString::number(n);
    dialog.setName(suggestion);
    dialog.setHelp(tr("The clone runs on %1 in namespace %2, with the same shape, a copy of the "
                      "disk, a new MAC address and new forwarded ports.")
                       .arg(vm->hostName, vm->ns));
    if (dialog.exec() != QDialog::Accepted || !m_fleet->lifecycle())
        return;
    m_fleet->lifecycle()->clone(VmKey{vm->hostId, vm->uuid}, dialog.name(), this, &ignoreOutcome);
}

void VmLifecycleActions::resizeDisk()
{
    const auto vm = selectedVm();
    if (!vm || !whyNot(Kind::ResizeDisk, {*vm}, true).isEmpty())
        return;
    const quint64 current = knownDiskBytes(*vm);

    QDialog dialog(m_dialogParent);
    dialog.setWindowTitle(tr("Resize Disk of %1").arg(vm->name));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    if (current > 0)
        form->addRow(tr("Current size:"), new QLabel(Format::bytes(current), &dialog));
    // Whole GiB, above the current size.
    const int smallest = int(current / quint64(gib)) + 1;
    auto *size = new QSpinBox(&dialog);
    size->setObjectName(QStringLiteral("sizeSpin"));
    size->setRange(smallest, 64 * 1024);
    size->setValue(std::max(smallest, int(current / quint64(gib)) * 2));
    //: Unit after a disk size
    size->setSuffix(tr(" GiB"));
    form->addRow(tr("&New size:"), size);
    layout->addLayout(form);
    layout->addWidget(Theme::makeHelpLabel(
        tr("A disk can only grow. Grow the partition inside the guest afterwards to use the "
           "new space."),
        &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Resize"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.setMinimumWidth(380);
    if (dialog.exec() != QDialog::Accepted || !m_fleet->lifecycle())
        return;
    m_fleet->lifecycle()->resizeDisk(VmKey{vm->hostId, vm->uuid},
                                     quint64(size->value()) * quint64(gib), this, &ignoreOutcome);
}

void VmLifecycleActions::showSnapshots()
{
    const auto vm = selectedVm();
    if (!vm || !whyNot(Kind::Snapshots, {*vm}, true).isEmpty())
        return;
    const VmKey key{vm->hostId, vm->uuid};
    QPointer<SnapshotDialog> &dialog = m_snapshotDialogs[key];
    if (!dialog) {
        dialog = new SnapshotDialog(m_fleet, key, m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace Corral
