#include "imagemodel.h"

#include "formatting.h"
#include "icons.h"
#include "theme.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>

#include <algorithm>

namespace Corral {

namespace {

constexpr int ShortShaLength = 12;

// Rows are matched by catalog id, so a renamed image stays the same row (and stays selected).
QString keyOf(const ImageRecord &image)
{
    return image.id != 0 ? u'#' + QString::number(image.id) : u'n' + image.name;
}

bool sameReplicas(const QList<ImageReplica> &a, const QList<ImageReplica> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const ImageReplica &x, const ImageReplica &y) {
                          return x.hostId == y.hostId && x.volume == y.volume && x.state == y.state
                              && x.updated == y.updated;
                      });
}

// The columns whose content differs, as a [first, last] span; {-1, -1} when none does.
std::pair<int, int> changedColumns(const ImageRecord &a, const ImageRecord &b)
{
    const bool changed[ImageModel::ColumnCount] = {
        a.name != b.name,
        a.kind != b.kind,
        a.format != b.format,
        a.virtualSize != b.virtualSize,
        a.actualSize != b.actualSize,
        a.sha256 != b.sha256,
        !sameReplicas(a.replicas, b.replicas),
        a.description != b.description,
    };
    int first = -1;
    int last = -1;
    for (int column = 0; column < ImageModel::ColumnCount; ++column) {
        if (!changed[column])
            continue;
        if (first < 0)
            first = column;
        last = column;
    }
    // The name column's filter text includes the format and the description.
    if (first > 0 && (changed[ImageModel::FormatColumn] || changed[ImageModel::DescriptionColumn]))
        first = ImageModel::NameColumn;
    return {first, last};
}

} // namespace

ImageModel::ImageModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_diskIcon(Icons::symbolic(QStringLiteral("disk")))
    , m_isoIcon(Icons::symbolic(QStringLiteral("disc")))
{ }

void ImageModel::setImages(const QList<ImageRecord> &images)
{
    QHash<QString, int> incoming;
    incoming.reserve(images.size());
    for (int i = 0; i < int(images.size()); ++i)
        incoming.insert(keyOf(images.at(i)), i);

    // Removals, from the bottom up, one per contiguous range.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(keyOf(m_rows.at(row))))
            continue;
        int first = row;
        while (first > 0 && !incoming.contains(keyOf(m_rows.at(first - 1))))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }

    // Changes in place: one dataChanged per run of changed rows, over the changed columns.
    QSet<QString> present;
    int runFirst = -1;
    int runLeft = ColumnCount;
    int runRight = -1;
    const auto flush = [&](int lastRow) {
        if (runFirst >= 0) {
            Q_EMIT dataChanged(index(runFirst, runLeft), index(lastRow, runRight),
                               {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, Qt::DecorationRole,
                                Qt::ForegroundRole, NameRole, SortRole, FilterRole, ReplicasRole});
        }
        runFirst = -1;
        runLeft = ColumnCount;
        runRight = -1;
    };
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const QString key = keyOf(m_rows.at(row));
        present.insert(key);
        const ImageRecord &next = images.at(incoming.value(key));
        const auto [left, right] = changedColumns(m_rows.at(row), next);
        if (left < 0) {
            flush(row - 1);
            continue;
        }
        m_rows[row] = next;
        if (runFirst < 0)
            runFirst = row;
        runLeft = std::min(runLeft, left);
        runRight = std::max(runRight, right);
    }
    flush(int(m_rows.size()) - 1);

    // New images, appended in the catalog's order (the views sort through a proxy).
    QList<ImageRecord> added;
    for (const ImageRecord &image : images) {
        if (!present.contains(keyOf(image)))
            added.append(image);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

void ImageModel::setHostNames(const QHash<qint64, QString> &names)
{
    if (names == m_hostNames)
        return;
    m_hostNames = names;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, ReplicasColumn), index(int(m_rows.size()) - 1, ReplicasColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole, SortRole, ReplicasRole});
    }
}

int ImageModel::rowOf(const QString &name) const
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).name == name)
            return row;
    }
    return -1;
}

QStringList ImageModel::names() const
{
    QStringList list;
    list.reserve(m_rows.size());
    for (const ImageRecord &image : m_rows)
        list.append(image.name);
    return list;
}

QString ImageModel::hostName(qint64 hostId) const
{
    const QString name = m_hostNames.value(hostId);
    //: A host that is no longer configured, by its catalog id
    return name.isEmpty() ? tr("host #%1").arg(hostId) : name;
}

ReplicaBadges ImageModel::badges(const ImageRecord &image) const
{
    ReplicaBadges list;
    list.reserve(image.replicas.size());
    for (const ImageReplica &replica : image.replicas)
        list.append({replica.hostId, hostName(replica.hostId), replica.state});
    std::sort(list.begin(), list.end(), [](const ReplicaBadge &a, const ReplicaBadge &b) {
        return Format::naturalCompare(a.host, b.host) < 0;
    });
    return list;
}

QString ImageModel::replicaStateLabel(ImageReplica::State state)
{
    switch (state) {
    case ImageReplica::State::Present:
        return tr("present");
    case ImageReplica::State::Transferring:
        return tr("transferring");
    case ImageReplica::State::Failed:
        return tr("failed");
    case ImageReplica::State::Missing:
        return tr("missing");
    }
    return {};
}

QString ImageModel::replicaText(const ImageRecord &image) const
{
    QStringList parts;
    const ReplicaBadges list = badges(image);
    for (const ReplicaBadge &badge : list) {
        switch (badge.state) {
        case ImageReplica::State::Present:
            //: A host that holds the image
            parts.append(tr("%1 ✓").arg(badge.host));
            break;
        case ImageReplica::State::Transferring:
            //: A host the image is being transferred to
            parts.append(tr("%1 …").arg(badge.host));
            break;
        case ImageReplica::State::Failed:
            parts.append(tr("%1 ✗ failed").arg(badge.host));
            break;
        case ImageReplica::State::Missing:
            parts.append(tr("%1 ✗ missing").arg(badge.host));
            break;
        }
    }
    if (parts.isEmpty())
        return tr("on no host");
    return parts.join(QStringLiteral(" / "));
}

QString ImageModel::replicaToolTip(const ImageRecord &image) const
{
    QStringList lines;
    const ReplicaBadges list = badges(image);
    for (const ReplicaBadge &badge : list) {
        //: Replica tooltip line: "lab1: present"
        lines.append(tr("%1: %2").arg(badge.host, replicaStateLabel(badge.state)));
    }
    if (lines.isEmpty())
        return tr("No host holds this image.");
    return lines.join(u'\n');
}

QString ImageModel::shortSha256(const QString &sha256)
{
    if (sha256.isEmpty())
        return tr("not verified");
    return sha256.left(ShortShaLength);
}

int ImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImageRecord &image = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(image, column);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(image.name) : displayData(image, column);
    case Qt::DecorationRole:
        if (column == NameColumn)
            return image.kind == u"iso" ? m_isoIcon : m_diskIcon;
        return {};
    case Qt::ToolTipRole:
        return toolTip(image, column);
    case Qt::ForegroundRole:
        if ((column == Sha256Column && image.sha256.isEmpty())
            || (column == ReplicasColumn && image.replicas.isEmpty())) {
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        }
        return {};
    case Qt::FontRole:
        if (column == Sha256Column && !image.sha256.isEmpty())
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::TextAlignmentRole:
        if (column == VirtualSizeColumn || column == ActualSizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NameRole:
        return image.name;
    case SortRole:
        return sortData(image, column);
    case FilterRole:
        if (column == NameColumn)
            return QString(image.name + u'\n' + image.description + u'\n' + image.format);
        return {};
    case ReplicasRole:
        if (column == ReplicasColumn)
            return QVariant::fromValue(badges(image));
        return {};
    default:
        return {};
    }
}

QVariant ImageModel::displayData(const ImageRecord &image, int column) const
{
    switch (column) {
    case NameColumn:
        return image.name;
    case KindColumn:
        if (image.kind == u"iso")
            return tr("ISO");
        if (image.kind == u"disk")
            return tr("Disk");
        return image.kind;
    case FormatColumn:
        return image.format;
    case VirtualSizeColumn:
        return image.virtualSize > 0 ? Format::bytes(image.virtualSize) : QString();
    case ActualSizeColumn:
        return image.actualSize > 0 ? Format::bytes(image.actualSize) : QString();
    case Sha256Column:
        return shortSha256(image.sha256);
    case ReplicasColumn:
        return replicaText(image);
    case DescriptionColumn:
        // One line in the table; the tooltip has all of it.
        return image.description.section(u'\n', 0, 0);
    default:
        return {};
    }
}

QVariant ImageModel::sortData(const ImageRecord &image, int column) const
{
    switch (column) {
    case NameColumn:
        return image.name;
    case KindColumn:
        return image.kind;
    case FormatColumn:
        return image.format;
    case VirtualSizeColumn:
        return qulonglong(image.virtualSize);
    case ActualSizeColumn:
        return qulonglong(image.actualSize);
    case Sha256Column:
        return image.sha256;
    case ReplicasColumn:
        return int(std::count_if(image.replicas.cbegin(), image.replicas.cend(),
                                 [](const ImageReplica &replica) {
                                     return replica.state == ImageReplica::State::Present;
                                 }));
    case DescriptionColumn:
        return image.description;
    default:
        return {};
    }
}

QVariant ImageModel::toolTip(const ImageRecord &image, int column) const
{
    switch (column) {
    case NameColumn:
        return image.description.isEmpty() ? image.name
                                           : QString(image.name + u'\n' + image.description);
    case VirtualSizeColumn:
        return tr("%1 bytes as the guest sees it").arg(image.virtualSize);
    case ActualSizeColumn:
        return tr("%1 bytes in the file").arg(image.actualSize);
    case Sha256Column:
        if (image.sha256.isEmpty())
            return tr("No checksum yet: Verify computes it on a host.");
        return tr("SHA-256 %1").arg(image.sha256);
    case ReplicasColumn:
        return replicaToolTip(image);
    case DescriptionColumn:
        return image.description;
    default:
        return {};
    }
}

bool ImageModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    const QString name = m_rows.at(index.row()).name;
    const QString newName = value.toString().trimmed();
    if (newName.isEmpty() || newName == name)
        return false;
    Q_EMIT renameRequested(name, newName);
    // The row shows the new name once the catalog has it.
    return false;
}

Qt::ItemFlags ImageModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ImageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case FormatColumn:
        return tr("Format");
    case VirtualSizeColumn:
        return tr("Virtual Size");
    case ActualSizeColumn:
        return tr("Actual Size");
    case Sha256Column:
        return tr("SHA-256");
    case ReplicasColumn:
        return tr("Replicas");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace Corral
