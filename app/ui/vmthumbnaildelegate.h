#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

#include <array>

namespace Corral {

// Paints a VM of a VmModel as a tile of the grid view: the picture of its screen
// (VmModel::ThumbnailRole) or a placeholder saying why there is none ("Stopped", "Paused",
// "No display", "Host offline"), and under it the VM's name and a line with its state badge
// and host. Paused VMs show their last picture dimmed. Every tile has the same size.
class VmThumbnailDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmThumbnailDelegate)

public:
    explicit VmThumbnailDelegate(QObject *parent = nullptr);

    // The area the picture is fitted into; default 192×120.
    void setThumbnailSize(QSize size) { m_thumbnailSize = size; }
    QSize thumbnailSize() const { return m_thumbnailSize; }
    // The size of every tile for `option`'s font.
    QSize tileSize(const QStyleOptionViewItem &option) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The text shown instead of a picture for a VM in `state` (empty: a picture is expected).
    static QString placeholderText(int state, bool hostOnline, const QString &error);

private:
    QRect pictureRect(const QRect &tile) const;

    QSize m_thumbnailSize{192, 120};
    std::array<QIcon, 8> m_stateIcons;
};

} // namespace Corral
