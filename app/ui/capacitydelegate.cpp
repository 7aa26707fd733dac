#include "capacitydelegate.h"

#include "theme.h"

#include <QApplication>
#include <QPainter>

namespace Corral {

namespace {
constexpr int barHeight = 4;
constexpr int barMargin = 4;
} // namespace

CapacityDelegate::CapacityDelegate(int usageRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_usageRole(usageRole)
{ }

void CapacityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant usageValue = index.data(m_usageRole);
    const double usage = usageValue.isValid() ? usageValue.toDouble() : -1.0;
    if (usage < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The text sits a little higher to leave room for the bar below it.
    QStyleOptionViewItem textOption = option;
    initStyleOption(&textOption, index);
    textOption.rect.setBottom(option.rect.bottom() - barHeight - 3);
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    textOption.backgroundBrush = Qt::NoBrush;
    textOption.state &= ~QStyle::State_HasFocus;
    // Selection was painted with the full-height background; keep text colours consistent.
    style->drawControl(QStyle::CE_ItemViewItem, &textOption, painter, widget);

    const QPalette &palette = option.palette;
    const QRect track(option.rect.left() + barMargin, option.rect.bottom() - barHeight - 2,
                      option.rect.width() - 2 * barMargin, barHeight);
    if (track.width() <= 0)
        return;
    QColor fill = palette.color(QPalette::Highlight);
    if (usage > 1.0)
        fill = Theme::errorColor(palette);
    else if (usage > 0.85)
        fill = Theme::warningColor(palette);
    if (option.state & QStyle::State_Selected)
        fill = palette.color(QPalette::HighlightedText);
    QColor trackColor = palette.color(QPalette::Text);
    trackColor.setAlphaF(0.15f);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, barHeight / 2.0, barHeight / 2.0);
    QRect filled = track;
    filled.setWidth(std::max(1, int(track.width() * std::min(usage, 1.0))));
    painter->setBrush(fill);
    painter->drawRoundedRect(filled, barHeight / 2.0, barHeight / 2.0);
    painter->restore();
}

QSize CapacityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 4) + barHeight + 4);
    size.setWidth(std::max(size.width(), 110));
    return size;
}

} // namespace Corral
