#include "vmthumbnaildelegate.h"

#include "icons.h"
#include "vmmodel.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace Corral {

namespace {

constexpr int Margin = 6;
constexpr int TextGap = 5;
constexpr int BadgeSize = 12;

QString stateText(VmState state)
{
    switch (state) {
    case VmState::Shutoff:
        return VmThumbnailDelegate::tr("Stopped");
    case VmState::Paused:
        return VmThumbnailDelegate::tr("Paused");
    case VmState::PmSuspended:
        return VmThumbnailDelegate::tr("Suspended");
    case VmState::ShuttingDown:
        return VmThumbnailDelegate::tr("Shutting down");
    case VmState::Crashed:
        return VmThumbnailDelegate::tr("Crashed");
    case VmState::NoState:
    case VmState::Running:
    case VmState::Blocked:
        break;
    }
    return vmStateLabel(state);
}

} // namespace

VmThumbnailDelegate::VmThumbnailDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    for (size_t i = 0; i < m_stateIcons.size(); ++i)
        m_stateIcons[i] = Icons::vmState(VmState(i));
}

QString VmThumbnailDelegate::placeholderText(int state, bool hostOnline, const QString &error)
{
    if (!hostOnline)
        return tr("Host offline");
    const auto vmState = VmState(state);
    if (vmState == VmState::Running || vmState == VmState::Blocked)
        return error.isEmpty() ? QString() : tr("No display");
    return stateText(vmState);
}

QSize VmThumbnailDelegate::tileSize(const QStyleOptionViewItem &option) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int nameHeight = QFontMetrics(bold).height();
    const int lineHeight = std::max(option.fontMetrics.height(), BadgeSize);
    return {m_thumbnailSize.width() + 2 * Margin,
            Margin + m_thumbnailSize.height() + TextGap + nameHeight + 2 + lineHeight + Margin};
}

QSize VmThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return tileSize(option);
}

QRect VmThumbnailDelegate::pictureRect(const QRect &tile) const
{
    const int left = tile.left() + (tile.width() - m_thumbnailSize.width()) / 2;
    return QRect(QPoint(left, tile.top() + Margin), m_thumbnailSize);
}

void VmThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette &pal = opt.palette;
    const QRect tile = opt.rect;
    const bool selected = opt.state & QStyle::State_Selected;
    const bool hovered = opt.state & QStyle::State_MouseOver;
    const bool online = index.data(VmModel::HostOnlineRole).toBool();
    const int state = index.data(VmModel::StateRole).toInt();
    const QImage image = index.data(VmModel::ThumbnailRole).value<QImage>();
    const QString error = index.data(VmModel::ThumbnailErrorRole).toString();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // The tile: selection and hover as a rounded backdrop.
    if (selected || hovered) {
        QColor back = pal.color(QPalette::Active, QPalette::Highlight);
        if (!selected)
            back.setAlpha(50);
        else if (!(opt.state & QStyle::State_Active))
            back = pal.color(QPalette::Inactive, QPalette::Highlight);
        QPainterPath path;
        path.addRoundedRect(QRectF(tile).adjusted(1, 1, -1, -1), 6, 6);
        painter->fillPath(path, back);
    }

    // The screen, or why there is none: a dark screen while one is expected, a neutral card
    // for a VM that has none.
    const QRect frame = pictureRect(tile);
    const QColor screenColor(0x20, 0x22, 0x26);
    const auto vmState = VmState(state);
    const bool paused = vmState == VmState::Paused || vmState == VmState::PmSuspended;
    const bool running = vmState == VmState::Running || vmState == VmState::Blocked;
    const bool showImage = !image.isNull() && online && (running || paused);
    const bool screenLike = showImage || (running && online);
    if (screenLike) {
        painter->fillRect(frame, screenColor);
    } else {
        const QColor base = pal.color(QPalette::Base);
        const QColor text = pal.color(QPalette::Text);
        const auto mix = [&](int a, int b) {
            return (a * 90 + b * 10) / 100;
        };
        painter->fillRect(frame,
                          QColor(mix(base.red(), text.red()), mix(base.green(), text.green()),
                                 mix(base.blue(), text.blue())));
    }
    if (showImage) {
        QSize fitted = image.size().scaled(frame.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(0, 0), fitted);
        target.moveCenter(frame.center());
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(target, image);
        if (paused)
            painter->fillRect(frame, QColor(0, 0, 0, 140));
    }
    QString label = placeholderText(state, online, error);
    if (running && online && image.isNull() && error.isEmpty())
        label = tr("Waiting for the screen…");
    if (!label.isEmpty() && !(showImage && !paused)) {
        QFont font = opt.font;
        font.setBold(showImage);
        painter->setFont(font);
        painter->setPen(screenLike ? QColor(0xe0, 0xe0, 0xe0)
                                   : pal.color(QPalette::Active, QPalette::PlaceholderText));
        painter->drawText(frame.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap, label);
    }
    painter->setPen(pal.color(QPalette::Mid));
    painter->setBrush(Qt::NoBrush);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->drawRect(frame.adjusted(0, 0, -1, -1));

    // Name, then state badge · host.
    const QColor textColor = selected
        ? pal.color(QPalette::Active, QPalette::HighlightedText)
        : pal.color(online ? QPalette::Active : QPalette::Disabled, QPalette::Text);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int textLeft = tile.left() + Margin;
    const int textWidth = tile.width() - 2 * Margin;
    QRect nameRect(textLeft, frame.bottom() + 1 + TextGap, textWidth, boldMetrics.height());
    painter->setFont(bold);
    painter->setPen(textColor);
    painter->drawText(
        nameRect, Qt::AlignHCenter | Qt::AlignVCenter,
        boldMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, textWidth));

    const QFontMetrics metrics(opt.font);
    const QString host = index.siblingAtColumn(VmModel::HostColumn).data().toString();
    const QString detail = vmStateLabel(VmState(state)) + u" · " + host;
    const QString shown = metrics.elidedText(detail, Qt::ElideRight, textWidth - BadgeSize - 4);
    const int lineWidth = BadgeSize + 4 + metrics.horizontalAdvance(shown);
    const int lineHeight = std::max(metrics.height(), BadgeSize);
    const QRect line(textLeft + (textWidth - lineWidth) / 2, nameRect.bottom() + 1 + 2, lineWidth,
                     lineHeight);
    const QRect badge(line.left(), line.top() + (lineHeight - BadgeSize) / 2, BadgeSize, BadgeSize);
    m_stateIcons.at(size_t(state) % m_stateIcons.size())
        .paint(painter, badge, Qt::AlignCenter, online ? QIcon::Normal : QIcon::Disabled);
    painter->setFont(opt.font);
    painter->drawText(line.adjusted(BadgeSize + 4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      shown);

    if (opt.state & QStyle::State_HasFocus && selected) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = tile.adjusted(2, 2, -2, -2);
        focus.backgroundColor = pal.color(QPalette::Highlight);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        if (style)
            style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
    painter->restore();
}

bool VmThumbnailDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QString error = index.data(VmModel::ThumbnailErrorRole).toString();
    if (event && view && event->type() == QEvent::ToolTip && !error.isEmpty()) {
        const QString tip = index.data(Qt::ToolTipRole).toString();
        QToolTip::showText(event->globalPos(), tip.isEmpty() ? error : tip + u'\n' + error, view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Corral
