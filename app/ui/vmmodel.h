#pragma once

#include "fleet/fleet.h"
#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"
#include "fleet/vmthumbnails.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QSet>

#include <array>
#include <memory>
#include <vector>

namespace Corral {

// Every VM of the fleet, one row per VM across all hosts, in arrival order (sorting and
// filtering are the job of VmFilterProxyModel). Lives on the GUI thread. Fed only by Fleet's
// batched signals (vmsChanged, vmsRemoved, statsUpdated, host changes); each batch is applied
// with as few notifications as possible: one ranged dataChanged for the changed rows, one
// insertion for the new rows, one removal per contiguous range (or, for a batch scattered over
// more than MaxRemovalRanges ranges, a single layout change). Rows of hosts that are not
// connected keep their last known state and are shown greyed and in italics.
class VmModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmModel)

public:
    enum Column : int {
        NameColumn,
        StateColumn,
        HostColumn,
        VcpusColumn,
        MemoryColumn,
        CpuColumn,
        MemoryUsedColumn,
        DiskIoColumn,
        NetworkIoColumn,
        // Last, so that column layouts saved before it existed still restore.
        NamespaceColumn,
        ColumnCount
    };

    enum Role : int {
        KeyRole = Qt::UserRole + 1, // VmKey
        StateRole, // VmState as int
        SortRole, // typed value to sort the column by
        HostIdRole, // qint64
        HostOnlineRole, // bool: false while the VM's host is not connected
        ThumbnailRole, // QImage: the last picture of the VM's screen (null: none yet)
        ThumbnailErrorRole, // QString: why a running VM has no picture ("has no display")
    };

    explicit VmModel(QObject *parent = nullptr);

    // Takes the fleet's current inventory and follows its signals from now on.
    void setFleet(Fleet *fleet);
    // Serves ThumbnailRole / ThumbnailErrorRole from `thumbnails` (not owned; may be null),
    // with a dataChanged of the name cell for every picture that changes.
    void setThumbnails(VmThumbnails *thumbnails);
    VmThumbnails *thumbnails() const { return m_thumbnails; }

    // The batch operations Fleet's signals are connected to (public for tests).
    void upsertVms(const QList<VmInfo> &vms);
    void removeVms(const QList<VmKey> &keys);
    void updateStats(qint64 hostId, const QHash<QUuid, VmStats> &stats);
    void updateHost(const HostInfo &host);
    void removeHost(qint64 hostId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Typed access for the proxy and the views; `row` must be valid.
    const VmInfo &vmAt(int row) const { return *m_rows[size_t(row)]; }
    VmKey keyAt(int row) const { return {vmAt(row).hostId, vmAt(row).uuid}; }
    int rowOf(const VmKey &key) const { return m_index.value(key, -1); }
    bool isHostOnline(qint64 hostId) const { return !m_offlineHosts.contains(hostId); }
    // Compares two rows by a column's sort value, as numbers where the column is numeric.
    bool lessThan(int column, int leftRow, int rightRow) const;

    int vmCount() const { return int(m_rows.size()); }
    int runningCount() const { return m_runningCount; }

    static bool isRunning(VmState state);
    // vCPUs, memory and the stats: right-aligned numbers.
    static bool isNumericColumn(int column);

Q_SIGNALS:
    // The totals behind vmCount() / runningCount() changed.
    void countsChanged();

private:
    QVariant displayData(const VmInfo &vm, int column) const;
    QVariant sortData(const VmInfo &vm, int column) const;
    QString toolTip(const VmInfo &vm, int column) const;
    void removeRowsGrouped(QList<int> rows);
    void removeRowsAsLayoutChange(const QList<int> &rows);

    // Above this many contiguous ranges in one batch, removals are one layout change.
    static constexpr qsizetype MaxRemovalRanges = 32;
    void reindexFrom(int firstRow);

    // Rows by pointer: removing scattered ranges from 100k rows then shifts pointers, not
    // whole VmInfo values.
    std::vector<std::unique_ptr<VmInfo>> m_rows;
    QHash<VmKey, int> m_index; // key -> row, kept exact after every change
    QSet<qint64> m_offlineHosts;
    QHash<qint64, QString> m_hostNames; // as last seen in updateHost()
    int m_runningCount = 0;
    std::array<QIcon, 8> m_stateIcons;
    QPointer<VmThumbnails> m_thumbnails;
    QMetaObject::Connection m_thumbnailConnection;
};

} // namespace Corral
