#include "configmodel.h"

#include "formatting.h"
#include "icons.h"

namespace Corral {

ConfigModel::ConfigModel(QObject *parent)
    : KeyedTableModel<VmConfig>(parent)
    , m_icon(Icons::symbolic(QStringLiteral("config")))
{ }

void ConfigModel::setConfigs(const QList<VmConfig> &configs)
{
    applyRows(configs);
}

QStringList ConfigModel::names() const
{
    QStringList names;
    names.reserve(m_rows.size());
    for (const VmConfig &config : m_rows)
        names.append(config.name);
    return names;
}

int ConfigModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::pair<int, int> ConfigModel::changedColumns(const VmConfig &before, const VmConfig &after) const
{
    if (before == after)
        return {-1, -1};
    return columnSpan(ColumnCount,
                      [&](int column) { return cellDiffers(before, after, column); });
}

QList<int> ConfigModel::changedRoles() const
{
    return {Qt::DisplayRole, Qt::ToolTipRole, SortRole};
}

QString ConfigModel::portsText(const QList<quint16> &ports)
{
    QStringList parts;
    parts.reserve(ports.size());
    for (quint16 port : ports)
        parts.append(QString::number(port));
    return parts.join(QStringLiteral(", "));
}

QString ConfigModel::tagText(const VmConfig &config)
{
    if (config.hostTag.isEmpty())
        return {};
    return config.tagRequired ? tr("%1 (required)").arg(config.hostTag)
                              : tr("%1 (preferred)").arg(config.hostTag);
}

QString ConfigModel::diskText(qint64 diskGiB)
{
    if (diskGiB <= 0)
        return tr("Image size");
    return Format::kibibytes(diskGiB * 1024 * 1024);
}

QVariant ConfigModel::roleData(const VmConfig &config, int column, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        if (column == NameColumn)
            return m_icon;
        return {};
    case Qt::TextAlignmentRole:
        if (column == VcpusColumn || column == MemoryColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        // Sizes and "Image size" alike, clear of the tag column's text.
        if (column == DiskColumn)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return {};
    case NameRole:
        return config.name;
    case SortRole:
        return sortData(config, column);
    default:
        return {};
    }
}

QVariant ConfigModel::displayData(const VmConfig &config, int column) const
{
    switch (column) {
    case NameColumn:
        return config.name;
    case ProfileColumn:
        return guestProfileLabel(config.profile);
    case ImageColumn:
        return config.image;
    case VcpusColumn:
        return config.vcpus;
    case MemoryColumn:
        return Format::kibibytes(config.memoryMiB * 1024);
    case DiskColumn:
        return diskText(config.diskGiB);
    case TagColumn:
        return tagText(config);
    case PortsColumn:
        return portsText(config.ports);
    case DescriptionColumn:
        return config.description;
    default:
        return {};
    }
}

QVariant ConfigModel::sortData(const VmConfig &config, int column) const
{
    switch (column) {
    case NameColumn:
        return config.name;
    case ProfileColumn:
        return guestProfileLabel(config.profile);
    case ImageColumn:
        return config.image;
    case VcpusColumn:
        return config.vcpus;
    case MemoryColumn:
        return config.memoryMiB;
    case DiskColumn:
        return config.diskGiB;
    case TagColumn:
        return config.hostTag;
    case PortsColumn:
        return config.ports.isEmpty() ? 0 : int(config.ports.constFirst());
    case DescriptionColumn:
        return config.description;
    default:
        return {};
    }
}

QString ConfigModel::toolTip(const VmConfig &config, int column) const
{
    switch (column) {
    case NameColumn:
        return config.description.isEmpty() ? config.name : config.description;
    case DiskColumn:
        if (config.diskGiB <= 0)
            return tr("The VM's disk has the virtual size of its base image.");
        return tr("The VM's disk has a virtual size of %1.")
            .arg(Format::kibibytes(config.diskGiB * 1024 * 1024));
    case TagColumn:
        if (config.hostTag.isEmpty())
            return {};
        return config.tagRequired
            ? tr("Deployed only onto hosts tagged %1.").arg(config.hostTag)
            : tr("Hosts tagged %1 are preferred; others are used when they are full.")
                  .arg(config.hostTag);
    case PortsColumn:
        if (config.ports.isEmpty())
            return {};
        return tr("Guest ports exposed on the host: %1").arg(portsText(config.ports));
    default:
        return {};
    }
}

QVariant ConfigModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (section == DiskColumn)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        const bool numeric = section == VcpusColumn || section == MemoryColumn;
        return numeric ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ProfileColumn:
        return tr("Profile");
    case ImageColumn:
        return tr("Image");
    case VcpusColumn:
        return tr("vCPUs");
    case MemoryColumn:
        return tr("Memory");
    case DiskColumn:
        return tr("Disk");
    case TagColumn:
        return tr("Host Tag");
    case PortsColumn:
        return tr("Ports");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace Corral
