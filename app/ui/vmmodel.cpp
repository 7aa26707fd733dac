#include "vmmodel.h"

#include "formatting.h"
#include "icons.h"

#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPalette>

#include <algorithm>
#include <climits>

namespace Corral {

namespace {

// Which columns and roles a batch touched; accumulated over the batch so that it ends in a
// single ranged dataChanged.
struct ChangeSpan
{
    int firstRow = INT_MAX;
    int lastRow = -1;
    int firstColumn = INT_MAX;
    int lastColumn = -1;
    bool stateChanged = false;

    void addRow(int row)
    {
        firstRow = std::min(firstRow, row);
        lastRow = std::max(lastRow, row);
    }
    void addColumn(int column)
    {
        firstColumn = std::min(firstColumn, column);
        lastColumn = std::max(lastColumn, column);
    }
    bool isEmpty() const { return lastRow < 0 || lastColumn < 0; }
};

template<typename T> int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

double sumKnown(double a, double b)
{
    if (a < 0 && b < 0)
        return -1;
    return std::max(a, 0.0) + std::max(b, 0.0);
}

} // namespace

VmModel::VmModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (int i = 0; i < int(m_stateIcons.size()); ++i)
        m_stateIcons[i] = Icons::vmState(VmState(i));
}

bool VmModel::isRunning(VmState state)
{
    return state == VmState::Running || state == VmState::Blocked;
}

bool VmModel::isNumericColumn(int column)
{
    return column >= VcpusColumn && column <= NetworkIoColumn;
}

void VmModel::setFleet(Fleet *fleet)
{
    connect(fleet, &Fleet::vmsChanged, this, &VmModel::upsertVms);
    connect(fleet, &Fleet::vmsRemoved, this, &VmModel::removeVms);
    connect(fleet, &Fleet::statsUpdated, this, &VmModel::updateStats);
    connect(fleet, &Fleet::hostAdded, this, &VmModel::updateHost);
    connect(fleet, &Fleet::hostChanged, this, &VmModel::updateHost);
    connect(fleet, &Fleet::hostRemoved, this, &VmModel::removeHost);
    const QList<HostInfo> hosts = fleet->hosts();
    for (const HostInfo &host : hosts)
        updateHost(host);
    upsertVms(fleet->vms());
}

void VmModel::setThumbnails(VmThumbnails *thumbnails)
{
    if (m_thumbnails == thumbnails)
        return;
    disconnect(m_thumbnailConnection);
    m_thumbnails = thumbnails;
    if (thumbnails) {
        m_thumbnailConnection
            = connect(thumbnails, &VmThumbnails::thumbnailChanged, this, [this](const VmKey &key) {
                  const int row = rowOf(key);
                  if (row < 0)
                      return;
                  const QModelIndex cell = index(row, NameColumn);
                  Q_EMIT dataChanged(cell, cell, {ThumbnailRole, ThumbnailErrorRole});
              });
    }
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn),
                           {ThumbnailRole, ThumbnailErrorRole});
    }
}

void VmModel::upsertVms(const QList<VmInfo> &vms)
{
    if (vms.isEmpty())
        return;
    ChangeSpan span;
    QList<VmInfo> added;
    QHash<VmKey, int> addedIndex;
    const int runningBefore = m_runningCount;

    for (const VmInfo &incoming : vms) {
        const VmKey key{incoming.hostId, incoming.uuid};
        VmInfo next = incoming;
        if (!vmStateIsActive(next.state))
            next.stats = {};

        const auto it = m_index.constFind(key);
        if (it == m_index.constEnd()) {
            // The same VM twice in one batch: the later report wins.
            const auto a = addedIndex.constFind(key);
            if (a != addedIndex.constEnd()) {
                m_runningCount += int(isRunning(next.state)) - int(isRunning(added[*a].state));
                added[*a] = std::move(next);
            } else {
                m_runningCount += int(isRunning(next.state));
                addedIndex.insert(key, int(added.size()));
                added.append(std::move(next));
            }
            continue;
        }

        const int row = *it;
        VmInfo &current = *m_rows[size_t(row)];
        // Inventory reports may not carry stats; the last stats tick stays valid until the
        // next one or until the VM stops.
        if (vmStateIsActive(next.state) && !next.stats.isValid())
            next.stats = current.stats;
        if (next == current)
            continue;

        if (next.name != current.name || next.persistent != current.persistent
            || next.managed != current.managed || next.config != current.config
            || next.image != current.image) {
            span.addColumn(NameColumn);
        }
        if (next.state != current.state) {
            span.addColumn(StateColumn);
            span.stateChanged = true;
            m_runningCount += int(isRunning(next.state)) - int(isRunning(current.state));
        }
        if (next.hostName != current.hostName)
            span.addColumn(HostColumn);
        if (next.vcpus != current.vcpus)
            span.addColumn(VcpusColumn);
        if (next.memoryKiB != current.memoryKiB)
            span.addColumn(MemoryColumn);
        if (!(next.stats == current.stats)) {
            span.addColumn(CpuColumn);
            span.addColumn(NetworkIoColumn);
        }
        if (next.ns != current.ns || next.managed != current.managed)
            span.addColumn(NamespaceColumn);
        current = std::move(next);
        span.addRow(row);
    }

    if (!span.isEmpty()) {
        QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole, SortRole};
        if (span.stateChanged)
            roles << Qt::DecorationRole << StateRole;
        Q_EMIT dataChanged(index(span.firstRow, span.firstColumn),
                           index(span.lastRow, span.lastColumn), roles);
    }

    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.reserve(size_t(first + added.size()));
        for (VmInfo &vm : added) {
            m_index.insert(VmKey{vm.hostId, vm.uuid}, int(m_rows.size()));
            m_rows.push_back(std::make_unique<VmInfo>(std::move(vm)));
        }
        endInsertRows();
    }

    if (!added.isEmpty() || m_runningCount != runningBefore)
        Q_EMIT countsChanged();
}

void VmModel::removeVms(const QList<VmKey> &keys)
{
    QList<int> rows;
    rows.reserve(keys.size());
    for (const VmKey &key : keys) {
        const int row = m_index.value(key, -1);
        if (row >= 0)
            rows.append(row);
    }
    removeRowsGrouped(std::move(rows));
}

void VmModel::removeHost(qint64 hostId)
{
    QList<int> rows;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows[size_t(row)]->hostId == hostId)
            rows.append(row);
    }
    m_offlineHosts.remove(hostId);
    m_hostNames.remove(hostId);
    removeRowsGrouped(std::move(rows));
}

void VmModel::removeRowsGrouped(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

    QList<std::pair<int, int>> ranges; // [first, last], ascending
    for (const int row : std::as_const(rows)) {
        if (!ranges.isEmpty() && ranges.constLast().second == row - 1)
            ranges.last().second = row;
        else
            ranges.append({row, row});
    }

    if (ranges.size() > MaxRemovalRanges) {
        removeRowsAsLayoutChange(rows);
    } else {
        // From the bottom up, so that the ranges still to remove keep their row numbers; the
        // index is rebuilt once at the end (nothing reads it while the removals are notified).
        for (auto it = ranges.crbegin(); it != ranges.crend(); ++it) {
            const auto [first, last] = *it;
            beginRemoveRows({}, first, last);
            for (int row = first; row <= last; ++row) {
                const VmInfo &vm = vmAt(row);
                m_index.remove(VmKey{vm.hostId, vm.uuid});
                m_runningCount -= int(isRunning(vm.state));
            }
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            endRemoveRows();
        }
    }
    reindexFrom(rows.constFirst());
    Q_EMIT countsChanged();
}

void VmModel::removeRowsAsLayoutChange(const QList<int> &rows)
{
    // QSortFilterProxyModel rebuilds its whole mapping once per removed range, which is
    // quadratic for thousands of scattered ranges; one layout change costs one rebuild.
    Q_EMIT layoutAboutToBeChanged();
    std::vector<int> newRow(m_rows.size(), -1);
    size_t next = 0;
    qsizetype removed = 0;
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (removed < rows.size() && rows.at(removed) == int(row)) {
            ++removed;
            const VmInfo &vm = *m_rows[row];
            m_index.remove(VmKey{vm.hostId, vm.uuid});
            m_runningCount -= int(isRunning(vm.state));
            continue;
        }
        newRow[row] = int(next);
        if (next != row)
            m_rows[next] = std::move(m_rows[row]);
        ++next;
    }
    m_rows.resize(next);

    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from) {
        const int row = newRow[size_t(index.row())];
        to.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
}

void VmModel::reindexFrom(int firstRow)
{
    for (int row = firstRow; row < int(m_rows.size()); ++row) {
        const VmInfo &vm = vmAt(row);
        m_index[VmKey{vm.hostId, vm.uuid}] = row;
    }
}

void VmModel::updateStats(qint64 hostId, const QHash<QUuid, VmStats> &stats)
{
    ChangeSpan span;
    for (auto it = stats.constBegin(); it != stats.constEnd(); ++it) {
        const int row = m_index.value(VmKey{hostId, it.key()}, -1);
        if (row < 0)
            continue;
        VmInfo &vm = *m_rows[size_t(row)];
        if (vm.stats == it.value())
            continue;
        vm.stats = it.value();
        span.addRow(row);
    }
    if (span.lastRow < 0)
        return;
    Q_EMIT dataChanged(index(span.firstRow, CpuColumn), index(span.lastRow, NetworkIoColumn),
                       {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
}

void VmModel::updateHost(const HostInfo &host)
{
    const qint64 hostId = host.config.id;
    const bool online = host.state == HostState::Connected;
    const bool wasOnline = isHostOnline(hostId);
    if (online)
        m_offlineHosts.remove(hostId);
    else
        m_offlineHosts.insert(hostId);
    // Most host changes (capacity, retry times) concern no VM row: skip the scan.
    const auto known = m_hostNames.constFind(hostId);
    if (online == wasOnline && known != m_hostNames.constEnd() && *known == host.config.name)
        return;
    m_hostNames.insert(hostId, host.config.name);

    bool renamed = false;
    ChangeSpan span;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        VmInfo &vm = *m_rows[size_t(row)];
        if (vm.hostId != hostId)
            continue;
        if (vm.hostName != host.config.name) {
            vm.hostName = host.config.name;
            renamed = true;
        }
        span.addRow(row);
    }
    if (span.lastRow < 0 || (online == wasOnline && !renamed))
        return;
    QList<int> roles{Qt::ToolTipRole};
    if (online != wasOnline)
        roles << Qt::ForegroundRole << Qt::FontRole << HostOnlineRole;
    if (renamed)
        roles << Qt::DisplayRole << SortRole;
    Q_EMIT dataChanged(index(span.firstRow, 0), index(span.lastRow, ColumnCount - 1), roles);
}

int VmModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VmModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VmModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VmInfo &vm = vmAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(vm, column);
    case Qt::DecorationRole:
        if (column == StateColumn)
            return m_stateIcons.at(size_t(vm.state) % m_stateIcons.size());
        return {};
    case Qt::ToolTipRole:
        return toolTip(vm, column);
    case Qt::TextAlignmentRole:
        if (isNumericColumn(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (!isHostOnline(vm.hostId))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (!isHostOnline(vm.hostId)) {
            QFont font = QGuiApplication::font();
            font.setItalic(true);
            return font;
        }
        return {};
    case KeyRole:
        return QVariant::fromValue(VmKey{vm.hostId, vm.uuid});
    case StateRole:
        return int(vm.state);
    case SortRole:
        return sortData(vm, column);
    case HostIdRole:
        return vm.hostId;
    case HostOnlineRole:
        return isHostOnline(vm.hostId);
    case ThumbnailRole:
        if (m_thumbnails)
            return m_thumbnails->thumbnail(VmKey{vm.hostId, vm.uuid});
        return QImage();
    case ThumbnailErrorRole:
        if (m_thumbnails)
            return m_thumbnails->error(VmKey{vm.hostId, vm.uuid});
        return QString();
    default:
        return {};
    }
}

QVariant VmModel::displayData(const VmInfo &vm, int column) const
{
    switch (column) {
    case NameColumn:
        return vm.name;
    case StateColumn:
        return vmStateLabel(vm.state);
    case HostColumn:
        return vm.hostName;
    case VcpusColumn:
        return vm.vcpus;
    case MemoryColumn:
        return Format::kibibytes(vm.memoryKiB);
    case CpuColumn:
        return Format::percent(vm.stats.cpuPercent);
    case MemoryUsedColumn:
        return Format::kibibytes(vm.stats.memoryUsedKiB);
    case DiskIoColumn:
        return Format::rate(sumKnown(vm.stats.diskReadBps, vm.stats.diskWriteBps));
    case NetworkIoColumn:
        return Format::rate(sumKnown(vm.stats.netRxBps, vm.stats.netTxBps));
    case NamespaceColumn:
        return vm.ns;
    default:
        return {};
    }
}

QVariant VmModel::sortData(const VmInfo &vm, int column) const
{
    switch (column) {
    case NameColumn:
        return vm.name;
    case StateColumn:
        return int(vm.state);
    case HostColumn:
        return vm.hostName;
    case VcpusColumn:
        return vm.vcpus;
    case MemoryColumn:
        return vm.memoryKiB;
    case CpuColumn:
        return vm.stats.cpuPercent;
    case MemoryUsedColumn:
        return vm.stats.memoryUsedKiB;
    case DiskIoColumn:
        return sumKnown(vm.stats.diskReadBps, vm.stats.diskWriteBps);
    case NetworkIoColumn:
        return sumKnown(vm.stats.netRxBps, vm.stats.netTxBps);
    case NamespaceColumn:
        return vm.ns;
    default:
        return {};
    }
}

bool VmModel::lessThan(int column, int leftRow, int rightRow) const
{
    const VmInfo &a = vmAt(leftRow);
    const VmInfo &b = vmAt(rightRow);
    int c = 0;
    switch (column) {
    case NameColumn:
        c = Format::naturalCompare(a.name, b.name);
        break;
    case StateColumn:
        c = compareValues(int(a.state), int(b.state));
        break;
    case HostColumn:
        c = Format::naturalCompare(a.hostName, b.hostName);
        break;
    case VcpusColumn:
        c = compareValues(a.vcpus, b.vcpus);
        break;
    case MemoryColumn:
        c = compareValues(a.memoryKiB, b.memoryKiB);
        break;
    case CpuColumn:
        c = compareValues(a.stats.cpuPercent, b.stats.cpuPercent);
        break;
    case MemoryUsedColumn:
        c = compareValues(a.stats.memoryUsedKiB, b.stats.memoryUsedKiB);
        break;
    case DiskIoColumn:
        c = compareValues(sumKnown(a.stats.diskReadBps, a.stats.diskWriteBps),
                          sumKnown(b.stats.diskReadBps, b.stats.diskWriteBps));
        break;
    case NetworkIoColumn:
        c = compareValues(sumKnown(a.stats.netRxBps, a.stats.netTxBps),
                          sumKnown(b.stats.netRxBps, b.stats.netTxBps));
        break;
    case NamespaceColumn:
        c = Format::naturalCompare(a.ns, b.ns);
        break;
    default:
        break;
    }
    // Ties by name, then host, so equal values keep a stable, meaningful order.
    if (c == 0 && column != NameColumn)
        c = Format::naturalCompare(a.name, b.name);
    if (c == 0 && column != HostColumn)
        c = Format::naturalCompare(a.hostName, b.hostName);
    return c < 0;
}

QString VmModel::toolTip(const VmInfo &vm, int column) const
{
    QString tip;
    switch (column) {
    case NameColumn:
        tip = tr("%1 on %2\nUUID: %3")
                  .arg(vm.name, vm.hostName, vm.uuid.toString(QUuid::WithoutBraces));
        if (!vm.persistent)
            tip += u'\n' + tr("Transient: the VM disappears when it stops.");
        if (vm.managed && !vm.config.isEmpty())
            tip += u'\n' + tr("Deployed from config %1").arg(vm.config);
        if (vm.managed && !vm.image.isEmpty())
            tip += u'\n' + tr("Base image: %1").arg(vm.image);
        break;
    case NamespaceColumn:
        tip = vm.managed ? tr("In namespace %1").arg(vm.ns)
                         : tr("Not deployed by Corral: counts as namespace %1").arg(vm.ns);
        break;
    case StateColumn:
        tip = vmStateLabel(vm.state);
        break;
    case DiskIoColumn:
        if (vm.stats.isValid())
            tip = tr("Read: %1\nWrite: %2")
                      .arg(Format::rate(std::max(0.0, vm.stats.diskReadBps)),
                           Format::rate(std::max(0.0, vm.stats.diskWriteBps)));
        break;
    case NetworkIoColumn:
        if (vm.stats.isValid())
            tip = tr("Received: %1\nSent: %2")
                      .arg(Format::rate(std::max(0.0, vm.stats.netRxBps)),
                           Format::rate(std::max(0.0, vm.stats.netTxBps)));
        break;
    default:
        break;
    }
    if (!isHostOnline(vm.hostId)) {
        const QString note
            = tr("Host %1 is not connected: this is the last known state.").arg(vm.hostName);
        tip = tip.isEmpty() ? note : tip + u'\n' + note;
    }
    if (tip.isEmpty())
        return {};
    return tip;
}

QVariant VmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return isNumericColumn(section) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                        : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case HostColumn:
        return tr("Host");
    case VcpusColumn:
        return tr("vCPUs");
    case MemoryColumn:
        return tr("Memory");
    case CpuColumn:
        return tr("CPU");
    case MemoryUsedColumn:
        return tr("Memory Used");
    case DiskIoColumn:
        return tr("Disk I/O");
    case NetworkIoColumn:
        return tr("Network I/O");
    case NamespaceColumn:
        return tr("Namespace");
    default:
        return {};
    }
}

} // namespace Corral
