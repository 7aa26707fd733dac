#include "hostmodel.h"

#include "fleet/fleet.h"
#include "formatting.h"
#include "icons.h"
#include "theme.h"

#include <QGuiApplication>
#include <QPalette>

namespace Corral {

namespace {

double ratio(double used, double total)
{
    return total > 0 ? used / total : -1.0;
}

} // namespace

HostModel::HostModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    HostInfo probe;
    probe.state = HostState::Connected;
    m_connectedIcon = Icons::hostState(probe);
    probe.config.maintenance = true;
    m_maintenanceIcon = Icons::hostState(probe);
    probe.config.maintenance = false;
    probe.state = HostState::Connecting;
    m_connectingIcon = Icons::hostState(probe);
    probe.state = HostState::Offline;
    m_offlineIcon = Icons::hostState(probe);
    probe.error = QStringLiteral("error");
    m_errorIcon = Icons::hostState(probe);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &HostModel::refreshCountdowns);
}

void HostModel::setFleet(Fleet *fleet)
{
    connect(fleet, &Fleet::hostAdded, this, &HostModel::addOrUpdateHost);
    connect(fleet, &Fleet::hostChanged, this, &HostModel::addOrUpdateHost);
    connect(fleet, &Fleet::hostRemoved, this, &HostModel::removeHost);
    const QList<HostInfo> hosts = fleet->hosts();
    for (const HostInfo &host : hosts)
        addOrUpdateHost(host);
}

int HostModel::rowOf(qint64 hostId) const
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).config.id == hostId)
            return row;
    }
    return -1;
}

int HostModel::connectedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const HostInfo &h) { return h.state == HostState::Connected; }));
}

void HostModel::addOrUpdateHost(const HostInfo &host)
{
    const int row = rowOf(host.config.id);
    if (row < 0) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(host);
        endInsertRows();
    } else {
        if (m_rows.at(row) == host)
            return;
        m_rows[row] = host;
        Q_EMIT dataChanged(
            index(row, 0), index(row, ColumnCount - 1),
            {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, StateRole, SortRole, UsageRole});
    }
    if (host.nextRetry.isValid() && !m_countdown.isActive())
        m_countdown.start();
}

void HostModel::removeHost(qint64 hostId)
{
    const int row = rowOf(hostId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void HostModel::refreshCountdowns()
{
    int first = -1;
    int last = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).state == HostState::Offline && m_rows.at(row).nextRetry.isValid()) {
            if (first < 0)
                first = row;
            last = row;
        }
    }
    if (first < 0) {
        m_countdown.stop();
        return;
    }
    Q_EMIT dataChanged(index(first, StateColumn), index(last, StateColumn),
                       {Qt::DisplayRole, Qt::ToolTipRole});
}

int HostModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HostModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HostModel::stateText(const HostInfo &host, const QDateTime &now)
{
    QString label = hostStateLabel(host.state);
    if (host.config.maintenance) {
        //: Host state of a connected host in maintenance mode
        label = host.state == HostState::Connected ? tr("In maintenance")
                                                   //: Host state: "Offline — maintenance"
                                                   : tr("%1 — maintenance").arg(label);
    }
    if (host.state != HostState::Offline || !host.nextRetry.isValid())
        return label;
    const qint64 seconds = std::max<qint64>(0, (now.msecsTo(host.nextRetry) + 999) / 1000);
    return tr("%1 — retrying in %n s", nullptr, int(seconds)).arg(label);
}

QVariant HostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HostInfo &host = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(host, column);
    case Qt::DecorationRole:
        if (column == StateColumn)
            return stateIcon(host);
        return {};
    case Qt::ToolTipRole:
        return toolTip(host, column);
    case Qt::ForegroundRole:
        if (column == ErrorColumn && !host.error.isEmpty())
            return Theme::errorColor(QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (column == VmsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case HostIdRole:
        return host.config.id;
    case StateRole:
        return int(host.state);
    case SortRole:
        return sortData(host, column);
    case UsageRole:
        if (host.state != HostState::Connected)
            return -1.0;
        if (column == CpuColumn)
            return ratio(host.allocatedVcpus, host.cpus);
        if (column == MemoryColumn)
            return ratio(double(host.allocatedMemoryKiB), double(host.memoryKiB));
        return -1.0;
    default:
        return {};
    }
}

QIcon HostModel::stateIcon(const HostInfo &host) const
{
    switch (host.state) {
    case HostState::Connected:
        return host.config.maintenance ? m_maintenanceIcon : m_connectedIcon;
    case HostState::Connecting:
        return m_connectingIcon;
    case HostState::Offline:
        break;
    }
    return host.error.isEmpty() ? m_offlineIcon : m_errorIcon;
}

QVariant HostModel::displayData(const HostInfo &host, int column) const
{
    const bool known = host.cpus > 0;
    switch (column) {
    case NameColumn:
        return host.config.name;
    case StateColumn:
        return stateText(host, QDateTime::currentDateTimeUtc());
    case AddressColumn:
        return host.config.uri;
    case VmsColumn:
        //: Running VMs / all VMs on a host
        return tr("%1 / %2").arg(host.runningCount).arg(host.vmCount);
    case CpuColumn:
        if (!known)
            return {};
        //: Allocated vCPUs / host CPUs
        return tr("%1 / %2").arg(host.allocatedVcpus).arg(host.cpus);
    case MemoryColumn:
        if (host.memoryKiB <= 0)
            return {};
        return tr("%1 / %2").arg(Format::kibibytes(host.allocatedMemoryKiB),
                                 Format::kibibytes(host.memoryKiB));
    case HypervisorColumn:
        return host.hypervisor;
    case TagsColumn:
        return host.config.tags.join(QStringLiteral(", "));
    case ErrorColumn:
        return host.error;
    default:
        return {};
    }
}

QVariant HostModel::sortData(const HostInfo &host, int column) const
{
    switch (column) {
    case NameColumn:
        return host.config.name;
    case StateColumn:
        return int(host.state);
    case AddressColumn:
        return host.config.uri;
    case VmsColumn:
        return host.vmCount;
    case CpuColumn:
        return ratio(host.allocatedVcpus, host.cpus);
    case MemoryColumn:
        return ratio(double(host.allocatedMemoryKiB), double(host.memoryKiB));
    case HypervisorColumn:
        return host.hypervisor;
    case TagsColumn:
        return host.config.tags.join(u',');
    case ErrorColumn:
        return host.error;
    default:
        return {};
    }
}

QString HostModel::toolTip(const HostInfo &host, int column) const
{
    switch (column) {
    case NameColumn:
        if (!host.hostname.isEmpty() && host.hostname != host.config.name)
            return tr("%1 (reports itself as %2)").arg(host.config.name, host.hostname);
        return host.config.name;
    case StateColumn:
    case ErrorColumn:
        if (!host.error.isEmpty())
            return host.error;
        if (host.config.maintenance)
            return tr("In maintenance: no new VMs are placed on this host.");
        return stateText(host, QDateTime::currentDateTimeUtc());
    case HypervisorColumn:
        if (!host.libvirtVersion.isEmpty())
            return tr("libvirt %1").arg(host.libvirtVersion);
        return {};
    case CpuColumn:
        if (host.cpus > 0)
            return tr("%1 vCPUs of running VMs on %n host CPU(s)", nullptr, host.cpus)
                .arg(host.allocatedVcpus);
        return {};
    case MemoryColumn:
        if (host.memoryKiB > 0)
            return tr("%1 assigned to running VMs of %2 physical memory")
                .arg(Format::kibibytes(host.allocatedMemoryKiB), Format::kibibytes(host.memoryKiB));
        return {};
    default:
        return {};
    }
}

QVariant HostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case AddressColumn:
        return tr("Address");
    case VmsColumn:
        return tr("VMs");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case HypervisorColumn:
        return tr("Hypervisor");
    case TagsColumn:
        return tr("Tags");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace Corral
