#pragma once

#include <QStyledItemDelegate>

namespace Corral {

// Draws a cell's text with a thin usage bar along its bottom edge; the bar's fill comes from
// the model's usage role (0..1, more than 1 when over-committed, negative = no bar).
class CapacityDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapacityDelegate)

public:
    explicit CapacityDelegate(int usageRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_usageRole;
};

} // namespace Corral
