#pragma once

#include "fleet/fleet.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace Corral {

class SnapshotDialog;

// The disk-level lifecycle actions of the VMs page: Revert…, Save as Image…, Clone…, Resize
// Disk… and Snapshots…. Each applies to one selected VM deployed by Corral (managed) on a
// connected host; Save as Image and Clone also need it shut off. A disabled action's tooltip
// says why it does not apply. Revert asks first; the others ask for what they need (a name, a
// size). The operations run through the Fleet's VmLifecycle as tasks: progress and failures
// show in the task dock and the status bar. Lives on the GUI thread; dialogs open over
// `dialogParent`.
class VmLifecycleActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmLifecycleActions)

public:
    enum class Kind : quint8 { Revert, SaveAsImage, Clone, ResizeDisk, Snapshots };

    VmLifecycleActions(Fleet *fleet, QWidget *dialogParent);

    QAction *action(Kind kind) const { return m_actions.at(int(kind)); }
    QList<QAction *> actions() const { return m_actions; }
    // A menu with every action (the VMs page's toolbar button and its context menu).
    QMenu *menu() const { return m_menu; }

    // Enables the actions for the selected VMs; `hostOnline` says whether a host is connected.
    void setSelection(const QList<VmInfo> &vms, const std::function<bool(qint64)> &hostOnline);
    // Why `kind` does not apply to `vms`; empty when it does.
    static QString whyNot(Kind kind, const QList<VmInfo> &vms, bool hostOnline);
    // The VM's disk size as far as the catalog knows (the larger of its config's disk and its
    // base image's virtual size), in bytes; 0 when unknown.
    quint64 knownDiskBytes(const VmInfo &vm) const;

private:
    void revert();
    void saveAsImage();
    void clone();
    void resizeDisk();
    void showSnapshots();
    std::optional<VmInfo> selectedVm() const;

    Fleet *m_fleet;
    QWidget *m_dialogParent;
    QList<QAction *> m_actions;
    QMenu *m_menu = nullptr;
    QList<VmInfo> m_selection;
    QHash<VmKey, QPointer<SnapshotDialog>> m_snapshotDialogs;
};

} // namespace Corral
