#include "replicabadgedelegate.h"

#include "imagemodel.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>

namespace Corral {

namespace {
constexpr int BadgeSpacing = 4;
constexpr int BadgePadding = 6;
constexpr int CellMargin = 4;
} // namespace

ReplicaBadgeDelegate::ReplicaBadgeDelegate(QObject *parent)
    : CellDelegate(parent)
{ }

QColor ReplicaBadgeDelegate::stateColor(ImageReplica::State state, const QPalette &palette)
{
    switch (state) {
    case ImageReplica::State::Present:
        return Theme::successColor(palette);
    case ImageReplica::State::Transferring:
        return palette.color(QPalette::Highlight);
    case ImageReplica::State::Failed:
        return Theme::errorColor(palette);
    case ImageReplica::State::Missing:
        return Theme::warningColor(palette);
    }
    return palette.color(QPalette::Mid);
}

QString ReplicaBadgeDelegate::badgeText(const QString &host, ImageReplica::State state)
{
    switch (state) {
    case ImageReplica::State::Present:
        return tr("%1 ✓").arg(host);
    case ImageReplica::State::Transferring:
        return tr("%1 …").arg(host);
    case ImageReplica::State::Failed:
    case ImageReplica::State::Missing:
        return tr("%1 ✗").arg(host);
    }
    return host;
}

void ReplicaBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const auto badges = index.data(ImageModel::ReplicasRole).value<ReplicaBadges>();
    if (badges.isEmpty()) {
        CellDelegate::paint(painter, option, index);
        return;
    }
    paintBackground(painter, option, index);

    const QFontMetrics metrics(option.font);
    const int height = std::min(option.rect.height() - 4, metrics.height() + 4);
    const int top = option.rect.top() + (option.rect.height() - height) / 2;
    const int right = option.rect.right() - CellMargin;
    int x = option.rect.left() + CellMargin;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(option.font);
    painter->setClipRect(option.rect);
    for (const ReplicaBadge &badge : badges) {
        if (x >= right)
            break;
        const QString text = badgeText(badge.host, badge.state);
        const int width = metrics.horizontalAdvance(text) + 2 * BadgePadding;
        const QRect rect(x, top, width, height);
        const QColor color = stateColor(badge.state, option.palette);
        QColor fill = color;
        fill.setAlphaF(Theme::isDark(option.palette) ? 0.30f : 0.16f);
        painter->setPen(QPen(color, 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0,
                                 height / 2.0);
        painter->setPen(option.state & QStyle::State_Selected
                            ? option.palette.color(QPalette::HighlightedText)
                            : option.palette.color(QPalette::Text));
        painter->drawText(rect, Qt::AlignCenter, text);
        x += width + BadgeSpacing;
    }
    painter->restore();
}

QSize ReplicaBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const auto badges = index.data(ImageModel::ReplicasRole).value<ReplicaBadges>();
    if (badges.isEmpty())
        return CellDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    int width = 2 * CellMargin;
    for (const ReplicaBadge &badge : badges) {
        width += metrics.horizontalAdvance(badgeText(badge.host, badge.state)) + 2 * BadgePadding
            + BadgeSpacing;
    }
    QSize size = CellDelegate::sizeHint(option, index);
    size.setWidth(width);
    size.setHeight(std::max(size.height(), metrics.height() + 6));
    return size;
}

} // namespace Corral
