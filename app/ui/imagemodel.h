#pragma once

#include "store/imagerepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QMetaType>

namespace Corral {

// One host's replica of an image as the Replicas column shows it: the host's name and the
// replica's state. ImageModel::ReplicasRole holds a QList of these, ordered by host name.
struct ReplicaBadge
{
    qint64 hostId = 0;
    QString host;
    ImageReplica::State state = ImageReplica::State::Missing;

    friend bool operator==(const ReplicaBadge &, const ReplicaBadge &) = default;
};
using ReplicaBadges = QList<ReplicaBadge>;

// The image library's catalog for the Images page, one row per image. Lives on the GUI thread
// and knows nothing of the ImageLibrary: the page hands it each new catalog with setImages(),
// which applies the difference (removed rows, changed cells, new rows appended) so selections
// and scroll positions survive. Host ids in the replicas are shown with the names given to
// setHostNames(). Editing a name does not change the model: it asks for a rename with
// renameRequested(), and the catalog that comes back after the rename shows it.
class ImageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageModel)

public:
    enum Column : int {
        NameColumn,
        KindColumn,
        FormatColumn,
        VirtualSizeColumn,
        ActualSizeColumn,
        Sha256Column,
        ReplicasColumn,
        DescriptionColumn,
        ColumnCount
    };

    enum Role : int {
        NameRole = Qt::UserRole + 1, // QString, on every column
        SortRole,
        FilterRole, // name, description and format, on the name column
        ReplicasRole, // ReplicaBadges, on the replicas column
    };

    explicit ImageModel(QObject *parent = nullptr);

    void setImages(const QList<ImageRecord> &images);
    void setHostNames(const QHash<qint64, QString> &names);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const ImageRecord &imageAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &name) const;
    QStringList names() const;
    QString hostName(qint64 hostId) const;

    ReplicaBadges badges(const ImageRecord &image) const;
    // "lab1 ✓ / lab2 … / lab3 ✗ missing"
    QString replicaText(const ImageRecord &image) const;
    // "lab1: present", one line per host
    QString replicaToolTip(const ImageRecord &image) const;
    static QString replicaStateLabel(ImageReplica::State state);
    // The first 12 hex digits, "not verified" when there is no checksum yet.
    static QString shortSha256(const QString &sha256);

Q_SIGNALS:
    // The name was edited in a view: the page asks the library to rename the image.
    void renameRequested(const QString &name, const QString &newName);

private:
    QVariant displayData(const ImageRecord &image, int column) const;
    QVariant sortData(const ImageRecord &image, int column) const;
    QVariant toolTip(const ImageRecord &image, int column) const;

    QList<ImageRecord> m_rows;
    QHash<qint64, QString> m_hostNames;
    QIcon m_diskIcon;
    QIcon m_isoIcon;
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::ReplicaBadge)
Q_DECLARE_METATYPE(Corral::ReplicaBadges)
