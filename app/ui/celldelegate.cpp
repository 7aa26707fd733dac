#include "celldelegate.h"

#include <QApplication>
#include <QPainter>

namespace Corral {

QStyle *CellDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = {};
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    return style;
}

void CellDelegate::paintProgressBar(QPainter *painter, const QStyleOptionViewItem &option,
                                    int progress, const QString &text, bool showSelection) const
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.palette = option.palette;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.state = option.state | QStyle::State_Horizontal;
    if (!showSelection)
        bar.state &= ~QStyle::State_Selected;
    bar.minimum = 0;
    bar.maximum = progress < 0 ? 0 : 100; // minimum == maximum: a busy bar
    bar.progress = std::max(0, progress);
    bar.text = text;
    bar.textVisible = !text.isEmpty();
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

} // namespace Corral
