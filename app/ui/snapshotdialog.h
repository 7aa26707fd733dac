#pragma once

#include "fleet/fleet.h"

#include <QDialog>

class QAction;
class QLabel;
class QSortFilterProxyModel;

namespace Corral {

class PlaceholderTreeView;
class SnapshotModel;

// The snapshots of one VM: name, when taken, the VM's state then and the current one (marked),
// with Create… (a name and a description), Revert and Delete, both asking first. The list is
// read with VmLifecycle::listSnapshots() when the dialog opens and again whenever the
// lifecycle reports snapshotsChanged for the VM. Each operation is a task in the task dock
// too; its failure also shows in the dialog. Non-modal; lives on the GUI thread.
class SnapshotDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotDialog)

public:
    SnapshotDialog(Fleet *fleet, const VmKey &vm, QWidget *parent = nullptr);

    VmKey vm() const { return m_vm; }
    SnapshotModel *model() const { return m_model; }
    QAction *createAction() const { return m_createAction; }
    QAction *revertAction() const { return m_revertAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QLabel *statusLabel() const { return m_status; }

    void refresh();

private:
    QString selectedName() const;
    void updateActions();
    void setStatus(const QString &text, bool error = false);
    void createSnapshot();
    void revertSnapshot();
    void deleteSnapshot();
    // `done` of an operation: refreshes, or shows the core's error.
    std::function<void(Result<void>)> finisher(const QString &failedTitle);

    Fleet *m_fleet;
    VmKey m_vm;
    QString m_vmName;
    SnapshotModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    PlaceholderTreeView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_createAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_deleteAction = nullptr;
    int m_busy = 0;
    bool m_loaded = false;
};

} // namespace Corral
