#pragma once

#include <QStyledItemDelegate>

namespace Corral {

// A delegate that draws its own content over the view's usual cell background (selection,
// hover, alternating rows): progress bars, badges.
class CellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CellDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    // Paints the cell without its text or icon; returns the style to draw the rest with.
    QStyle *paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const;
    // A progress bar filling the cell: `progress` in percent, or < 0 for a busy bar.
    void paintProgressBar(QPainter *painter, const QStyleOptionViewItem &option, int progress,
                          const QString &text, bool showSelection) const;
};

} // namespace Corral
