#include "namespacemodel.h"

#include "formatting.h"
#include "icons.h"

#include "fleet/workloadcatalog.h"

#include <QGuiApplication>
#include <QPalette>

namespace Corral {

namespace {

double ratio(qint64 used, qint64 quota)
{
    return quota > 0 ? double(used) / double(quota) : -1.0;
}

} // namespace

NamespaceModel::NamespaceModel(QObject *parent)
    : KeyedTableModel<NamespaceRow>(parent)
    , m_icon(Icons::symbolic(QStringLiteral("namespace")))
{ }

void NamespaceModel::setRows(const QList<NamespaceRow> &rows)
{
    applyRows(rows);
}

QList<NamespaceRow> NamespaceModel::rowsOf(const WorkloadCatalog &catalog)
{
    QList<NamespaceRow> rows;
    const QList<NamespaceConfig> namespaces = catalog.namespaces();
    for (const NamespaceConfig &ns : namespaces)
        rows.append({ns, catalog.usage(ns.name), false});
    const QStringList foreign = catalog.foreignNamespaces();
    for (const QString &name : foreign) {
        NamespaceConfig ns;
        ns.name = name;
        rows.append({ns, catalog.usage(name), true});
    }
    return rows;
}

int NamespaceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::pair<int, int> NamespaceModel::changedColumns(const NamespaceRow &before,
                                                   const NamespaceRow &after) const
{
    if (before == after)
        return {-1, -1};
    return columnSpan(ColumnCount, [&](int column) {
        return before.foreign != after.foreign || cellDiffers(before, after, column)
            || usage(before, column) != usage(after, column);
    });
}

QList<int> NamespaceModel::changedRoles() const
{
    return {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, ForeignRole, SortRole, UsageRole};
}

QString NamespaceModel::usageText(qint64 used, qint64 quota)
{
    if (quota <= 0)
        return QString::number(used);
    //: Used / quota of a namespace
    return tr("%1 / %2").arg(used).arg(quota);
}

QString NamespaceModel::memoryText(qint64 usedMiB, qint64 quotaMiB)
{
    // "0 / 64 GiB" reads better than "0 KiB / 64 GiB".
    const QString used = usedMiB == 0 ? QStringLiteral("0") : Format::kibibytes(usedMiB * 1024);
    if (quotaMiB <= 0)
        return used;
    return tr("%1 / %2").arg(used, Format::kibibytes(quotaMiB * 1024));
}

double NamespaceModel::usage(const NamespaceRow &row, int column)
{
    switch (column) {
    case VmsColumn:
        return ratio(row.usage.vms, row.config.maxVms);
    case VcpusColumn:
        return ratio(row.usage.vcpus, row.config.maxVcpus);
    case MemoryColumn:
        return ratio(row.usage.memoryMiB, row.config.maxMemoryMiB);
    default:
        return -1.0;
    }
}

QVariant NamespaceModel::roleData(const NamespaceRow &row, int column, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        if (column == NameColumn)
            return m_icon;
        return {};
    case Qt::ForegroundRole:
        if (row.foreign)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        // Centred over the quota bars.
        if (column == VmsColumn || column == VcpusColumn || column == MemoryColumn)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return {};
    case NameRole:
        return row.config.name;
    case ForeignRole:
        return row.foreign;
    case SortRole:
        return sortData(row, column);
    case UsageRole:
        return usage(row, column);
    default:
        return {};
    }
}

QVariant NamespaceModel::displayData(const NamespaceRow &row, int column) const
{
    const NamespaceConfig &ns = row.config;
    switch (column) {
    case NameColumn:
        return ns.name;
    case VmsColumn:
        return usageText(row.usage.vms, ns.maxVms);
    case VcpusColumn:
        return usageText(row.usage.vcpus, ns.maxVcpus);
    case MemoryColumn:
        return memoryText(row.usage.memoryMiB, ns.maxMemoryMiB);
    case HostsColumn:
        return ns.dedicatedHosts.join(QStringLiteral(", "));
    case DescriptionColumn:
        return ns.description;
    default:
        return {};
    }
}

QVariant NamespaceModel::sortData(const NamespaceRow &row, int column) const
{
    switch (column) {
    case NameColumn:
        // The default namespace first, then by name; foreign ones after the catalog's.
        return QString(QString::number(row.config.name == defaultNamespace() ? 0
                                           : row.foreign                     ? 2
                                                                             : 1)
                       + row.config.name);
    case VmsColumn:
        return row.usage.vms;
    case VcpusColumn:
        return row.usage.vcpus;
    case MemoryColumn:
        return row.usage.memoryMiB;
    case HostsColumn:
        return row.config.dedicatedHosts.join(u',');
    case DescriptionColumn:
        return row.config.description;
    default:
        return {};
    }
}

QString NamespaceModel::toolTip(const NamespaceRow &row, int column) const
{
    if (row.foreign)
        return tr("%1: made by another console; no quota here.").arg(row.config.name);
    const NamespaceConfig &ns = row.config;
    switch (column) {
    case NameColumn:
        if (ns.name == defaultNamespace())
            return tr("VMs deployed without a namespace, and VMs Corral did not create, are in "
                      "the default namespace.");
        return ns.description.isEmpty() ? ns.name : ns.description;
    case VmsColumn:
        return ns.maxVms > 0 ? tr("%n VM(s) of at most %1", nullptr, row.usage.vms).arg(ns.maxVms)
                             : tr("%n VM(s), no limit", nullptr, row.usage.vms);
    case VcpusColumn:
        return ns.maxVcpus > 0
            ? tr("%n vCPU(s) of at most %1", nullptr, row.usage.vcpus).arg(ns.maxVcpus)
            : tr("%n vCPU(s), no limit", nullptr, row.usage.vcpus);
    case MemoryColumn:
        return ns.maxMemoryMiB > 0
            ? tr("%1 of at most %2 of memory")
                  .arg(Format::kibibytes(row.usage.memoryMiB * 1024),
                       Format::kibibytes(ns.maxMemoryMiB * 1024))
            : tr("%1 of memory, no limit").arg(Format::kibibytes(row.usage.memoryMiB * 1024));
    case HostsColumn:
        return ns.dedicatedHosts.isEmpty()
            ? tr("No dedicated hosts: the VMs go to any shared host.")
            : tr("The VMs run on these hosts only, and no other namespace uses them.");
    default:
        return {};
    }
}

QVariant NamespaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool numeric
            = section == VmsColumn || section == VcpusColumn || section == MemoryColumn;
        return numeric ? QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter)
                       : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case VmsColumn:
        return tr("VMs");
    case VcpusColumn:
        return tr("vCPUs");
    case MemoryColumn:
        return tr("Memory");
    case HostsColumn:
        return tr("Dedicated Hosts");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace Corral
