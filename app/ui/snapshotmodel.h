#pragma once

#include "keyedtablemodel.h"

#include "fleet/vmlifecycle.h"

#include <QIcon>

namespace Corral {

// The snapshots of one VM for the snapshot dialog: name, when it was taken, the VM's state then
// and which one is current. Lives on the GUI thread; the dialog hands it each list it reads
// with VmLifecycle::listSnapshots() and setSnapshots() applies the difference.
class SnapshotModel final : public KeyedTableModel<VmSnapshot>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotModel)

public:
    enum Column : int { NameColumn, CreatedColumn, StateColumn, DescriptionColumn, ColumnCount };

    enum Role : int {
        NameRole = Qt::UserRole + 1, // QString, on every column
        CurrentRole, // bool
        SortRole,
    };

    explicit SnapshotModel(QObject *parent = nullptr);

    void setSnapshots(const QList<VmSnapshot> &snapshots);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const VmSnapshot &snapshot) const override { return snapshot.name; }
    std::pair<int, int> changedColumns(const VmSnapshot &before,
                                       const VmSnapshot &after) const override;
    QList<int> changedRoles() const override;

private:
    QVariant displayData(const VmSnapshot &snapshot, int column) const override;

    QIcon m_currentIcon;
};

} // namespace Corral
