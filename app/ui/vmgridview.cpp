#include "vmgridview.h"

#include "vmmodel.h"
#include "vmthumbnaildelegate.h"

#include <QHideEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace Corral {

namespace {

constexpr int TileSpacing = 8;
// Scrolling and resizing come in bursts; the visible set is computed once they pause.
constexpr int VisibleUpdateDelayMs = 120;

} // namespace

VmGridView::VmGridView(QWidget *parent)
    : QListView(parent)
{
    m_delegate = new VmThumbnailDelegate(this);
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setUniformItemSizes(true);
    setSelectionRectVisible(true);
    setMouseTracking(true); // hover highlight
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSpacing(0);
    updateGrid();

    m_visibleTimer.setSingleShot(true);
    m_visibleTimer.setInterval(VisibleUpdateDelayMs);
    connect(&m_visibleTimer, &QTimer::timeout, this, &VmGridView::updateVisibleKeys);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            &VmGridView::scheduleVisibleUpdate);
}

void VmGridView::updateGrid()
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QSize tile = m_delegate->tileSize(option);
    setGridSize(tile + QSize(TileSpacing, TileSpacing));
    verticalScrollBar()->setSingleStep(std::max(1, gridSize().height() / 4));
}

void VmGridView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    QListView::setModel(model);
    if (model) {
        setModelColumn(VmModel::NameColumn);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            m_modelConnections << connect(model, signal, this, &VmGridView::scheduleVisibleUpdate);
        m_modelConnections << connect(model, &QAbstractItemModel::rowsMoved, this,
                                      &VmGridView::scheduleVisibleUpdate)
                           << connect(model, &QAbstractItemModel::layoutChanged, this,
                                      &VmGridView::scheduleVisibleUpdate)
                           << connect(model, &QAbstractItemModel::modelReset, this,
                                      &VmGridView::scheduleVisibleUpdate);
    }
    scheduleVisibleUpdate();
}

void VmGridView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                             const QList<int> &roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    // A tile shows more than its cell (state, host), but the list view repaints only changes
    // that include its own column.
    const bool ownColumn
        = topLeft.column() <= modelColumn() && modelColumn() <= bottomRight.column();
    if (ownColumn || !topLeft.isValid() || topLeft.parent() != rootIndex() || !isVisible())
        return;
    constexpr int wideRange = 64;
    if (bottomRight.row() - topLeft.row() >= wideRange) {
        viewport()->update();
        return;
    }
    const QRect area = viewport()->rect();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QRect tile = visualRect(model()->index(row, modelColumn(), rootIndex()));
        if (tile.intersects(area))
            viewport()->update(tile);
    }
}

void VmGridView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

QList<VmKey> VmGridView::visibleKeys() const
{
    QList<VmKey> keys;
    if (!model() || !isVisible() || model()->rowCount(rootIndex()) == 0)
        return keys;
    // Tiles sit in grid cells; probing the viewport at less than half a cell apart hits every
    // tile of which more than a sliver shows, whatever the layout's offsets.
    const QRect area = viewport()->rect();
    const int stepX = std::max(8, gridSize().width() / 3);
    const int stepY = std::max(8, gridSize().height() / 3);
    QList<int> rows;
    const auto probe = [&](int x, int y) {
        const QModelIndex index = indexAt(QPoint(x, y));
        if (index.isValid() && !rows.contains(index.row()))
            rows.append(index.row());
    };
    for (int y = area.top();; y = std::min(y + stepY, area.bottom())) {
        for (int x = area.left();; x = std::min(x + stepX, area.right())) {
            probe(x, y);
            if (x >= area.right())
                break;
        }
        if (y >= area.bottom())
            break;
    }
    std::sort(rows.begin(), rows.end());
    keys.reserve(rows.size());
    for (int row : std::as_const(rows)) {
        const QVariant key = model()->index(row, modelColumn(), rootIndex()).data(VmModel::KeyRole);
        if (key.canConvert<VmKey>())
            keys.append(key.value<VmKey>());
    }
    return keys;
}

void VmGridView::updateVisibleKeys()
{
    m_visibleTimer.stop();
    executeDelayedItemsLayout(); // indexAt() needs the tiles placed
    QList<VmKey> keys = visibleKeys();
    if (keys == m_visible)
        return;
    m_visible = std::move(keys);
    Q_EMIT visibleKeysChanged(m_visible);
}

void VmGridView::scheduleVisibleUpdate()
{
    if (!m_visibleTimer.isActive())
        m_visibleTimer.start();
}

void VmGridView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_placeholder.isEmpty() || !model() || model()->rowCount(rootIndex()) > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
}

void VmGridView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    scheduleVisibleUpdate();
}

void VmGridView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    scheduleVisibleUpdate();
}

void VmGridView::showEvent(QShowEvent *event)
{
    QListView::showEvent(event);
    scheduleVisibleUpdate();
}

void VmGridView::hideEvent(QHideEvent *event)
{
    QListView::hideEvent(event);
    // Hidden (list mode, another page): nothing of it is on screen.
    if (!event->spontaneous())
        updateVisibleKeys();
}

void VmGridView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGrid();
}

} // namespace Corral
