#include "snapshotmodel.h"

#include "formatting.h"
#include "icons.h"

#include <QFont>
#include <QGuiApplication>

namespace Corral {

namespace {

// The libvirt state words a snapshot records, in the words of the VM list.
QString snapshotStateLabel(const QString &state)
{
    for (int s = 0; s <= int(VmState::PmSuspended); ++s) {
        if (vmStateKey(VmState(s)) == state)
            return vmStateLabel(VmState(s));
    }
    return state;
}

} // namespace

SnapshotModel::SnapshotModel(QObject *parent)
    : KeyedTableModel<VmSnapshot>(parent)
    , m_currentIcon(Icons::colored(QStringLiteral("task-ok")))
{ }

void SnapshotModel::setSnapshots(const QList<VmSnapshot> &snapshots)
{
    applyRows(snapshots);
}

int SnapshotModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::pair<int, int> SnapshotModel::changedColumns(const VmSnapshot &before,
                                                  const VmSnapshot &after) const
{
    if (before == after)
        return {-1, -1};
    return columnSpan(ColumnCount, [&](int column) {
        return (column == NameColumn && before.current != after.current)
            || displayData(before, column) != displayData(after, column);
    });
}

QList<int> SnapshotModel::changedRoles() const
{
    return {Qt::DisplayRole, Qt::DecorationRole, Qt::FontRole,
            Qt::ToolTipRole, CurrentRole,        SortRole};
}

QVariant SnapshotModel::displayData(const VmSnapshot &snapshot, int column) const
{
    switch (column) {
    case NameColumn:
        return snapshot.name;
    case CreatedColumn:
        return Format::timestamp(snapshot.created.toUTC());
    case StateColumn:
        return snapshotStateLabel(snapshot.state);
    case DescriptionColumn:
        return snapshot.description;
    default:
        return {};
    }
}

QVariant SnapshotModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VmSnapshot &snapshot = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(snapshot, column);
    case Qt::DecorationRole:
        if (column == NameColumn && snapshot.current)
            return m_currentIcon;
        return {};
    case Qt::FontRole:
        if (snapshot.current && column == NameColumn) {
            QFont font = QGuiApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == NameColumn && snapshot.current)
            return tr("Current: the VM's disk was last reverted to or taken from this "
                      "snapshot.");
        if (column == StateColumn)
            return snapshot.state == u"running"
                ? tr("Taken while running: reverting restores the running guest, memory "
                     "included.")
                : tr("Taken while the VM was not running: reverting restores its disk.");
        return {};
    case NameRole:
        return snapshot.name;
    case CurrentRole:
        return snapshot.current;
    case SortRole:
        if (column == CreatedColumn)
            return snapshot.created;
        return displayData(snapshot, column);
    default:
        return {};
    }
}

QVariant SnapshotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CreatedColumn:
        return tr("Created");
    case StateColumn:
        return tr("VM State");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace Corral
