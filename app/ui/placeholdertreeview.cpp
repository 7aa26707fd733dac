#include "placeholdertreeview.h"

#include <QPainter>

namespace Corral {

PlaceholderTreeView::PlaceholderTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
}

void PlaceholderTreeView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

void PlaceholderTreeView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                      const QList<int> &roles)
{
    // QTreeView visits every row of the range (height cache, the union of the visual rects of
    // the changed cells), so a stats tick spanning 10k rows costs milliseconds even though
    // only a screenful is visible. The lists here have uniform row heights and no editors:
    // there is nothing per row to refresh, a repaint of the viewport is enough.
    constexpr int wideRange = 64;
    if (uniformRowHeights() && topLeft.isValid() && !topLeft.parent().isValid()
        && bottomRight.row() - topLeft.row() >= wideRange) {
        viewport()->update();
        return;
    }
    QTreeView::dataChanged(topLeft, bottomRight, roles);
}

void PlaceholderTreeView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (m_placeholder.isEmpty() || !model() || model()->rowCount(rootIndex()) > 0)
        return;
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::PlaceholderText);
    painter.setPen(color);
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
}

} // namespace Corral
