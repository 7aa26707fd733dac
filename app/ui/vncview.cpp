// VncView: construction, geometry (scale modes, scrolling), painting from the session's front
// buffer, the remote cursor and the connection overlay. Input is in vncview_input.cpp.

#include "vncview.h"

#include "theme.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPaintEvent>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

// Damage with more rectangles than this is repainted as its bounding rectangle.
constexpr int MaxDamageRects = 48;
constexpr int IdleRepaintMs = 250;
constexpr int OverlayPadding = 16;
constexpr int OverlaySpacing = 10;

QColor letterboxColor()
{
    return QColor(0x16, 0x17, 0x19);
}

} // namespace

VncView::VncView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(u"vncView"_s);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    // Keys go to the guest as keys; an input method on this side would eat them.
    setAttribute(Qt::WA_InputMethodEnabled, false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAutoFillBackground(false);

    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(IdleRepaintMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        m_smooth = true;
        viewport()->update();
    });
    m_hintTimer.setSingleShot(true);
    m_hintTimer.setInterval(hintDurationMs());
    connect(&m_hintTimer, &QTimer::timeout, this, [this] {
        m_hintVisible = false;
        viewport()->update();
    });
    m_countdownTimer.setInterval(250);
    connect(&m_countdownTimer, &QTimer::timeout, this, &VncView::updateOverlay);

    m_overlayButton = new QPushButton(viewport());
    m_overlayButton->setObjectName(u"vncOverlayButton"_s);
    // Tab belongs to the guest; the button is for the mouse (and the window's Reconnect).
    m_overlayButton->setFocusPolicy(Qt::NoFocus);
    m_overlayButton->setCursor(Qt::ArrowCursor);
    m_overlayButton->hide();
    connect(m_overlayButton, &QPushButton::clicked, this, [this] {
        if (m_session && m_session->state() == VncSession::State::Reconnecting) {
            m_backoffMs = 0;
            m_session->reconnectNow();
        } else {
            Q_EMIT reconnectRequested();
        }
    });

    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, [this] {
        if (hasFocus())
            sendLocalClipboard(false);
    });
    updateOverlay();
    updateCursor();
}

VncView::~VncView() = default;

void VncView::setSession(VncSession *session)
{
    Q_ASSERT(!m_session);
    m_session = session;
    if (!m_session)
        return;
    connect(m_session, &VncSession::stateChanged, this, &VncView::onStateChanged);
    connect(m_session, &VncSession::frameUpdated, this, &VncView::onFrameUpdated);
    connect(m_session, &VncSession::framebufferResized, this, &VncView::onResized);
    connect(m_session, &VncSession::cursorChanged, this, &VncView::onCursorChanged);
    connect(m_session, &VncSession::clipboardReceived, this, &VncView::onClipboardReceived);
    m_fbSize = m_session->framebufferSize();
    updateScrollBars();
    onStateChanged(m_session->state());
}

void VncView::setScaleMode(ScaleMode mode)
{
    if (mode == m_scaleMode)
        return;
    m_scaleMode = mode;
    const Qt::ScrollBarPolicy policy
        = mode == ScaleMode::Fit ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded;
    setHorizontalScrollBarPolicy(policy);
    setVerticalScrollBarPolicy(policy);
    updateScrollBars();
    updateCursor();
    viewport()->update();
    Q_EMIT scaleModeChanged(mode);
}

void VncView::setViewOnly(bool viewOnly)
{
    if (viewOnly == m_viewOnly)
        return;
    if (viewOnly) {
        releasePressedKeys();
        if (m_buttons && canSendInput())
            m_session->sendPointer(m_lastPointer, 0);
        m_buttons = 0;
    }
    m_viewOnly = viewOnly;
    updateCursor();
}

void VncView::setWaitingText(const QString &text)
{
    if (text == m_waitingText)
        return;
    m_waitingText = text;
    updateOverlay();
}

QSizeF VncView::framebufferSizeF() const
{
    return QSizeF(m_fbSize);
}

qreal VncView::scale() const
{
    if (m_scaleMode == ScaleMode::Actual || m_fbSize.isEmpty())
        return 1.0 / devicePixelRatioF();
    const QSize vp = viewport()->size();
    return std::min(qreal(vp.width()) / m_fbSize.width(), qreal(vp.height()) / m_fbSize.height());
}

QRectF VncView::imageRect() const
{
    if (m_fbSize.isEmpty())
        return {};
    const QSizeF vp = viewport()->size();
    const qreal s = scale();
    // Whole device pixels, so that neighbouring damage rectangles meet without seams.
    const QSizeF shown(std::floor(m_fbSize.width() * s), std::floor(m_fbSize.height() * s));
    const qreal x = shown.width() <= vp.width() ? std::floor((vp.width() - shown.width()) / 2)
                                                : -horizontalScrollBar()->value();
    const qreal y = shown.height() <= vp.height() ? std::floor((vp.height() - shown.height()) / 2)
                                                  : -verticalScrollBar()->value();
    return QRectF(QPointF(x, y), shown);
}

QRectF VncView::mapFromFramebuffer(const QRectF &rect) const
{
    const QRectF image = imageRect();
    if (image.isEmpty())
        return {};
    const qreal sx = image.width() / m_fbSize.width();
    const qreal sy = image.height() / m_fbSize.height();
    return QRectF(image.x() + rect.x() * sx, image.y() + rect.y() * sy, rect.width() * sx,
                  rect.height() * sy);
}

QPoint VncView::toFramebuffer(const QPointF &viewportPos) const
{
    const QRectF image = imageRect();
    if (image.isEmpty())
        return {};
    const qreal x = (viewportPos.x() - image.x()) * m_fbSize.width() / image.width();
    const qreal y = (viewportPos.y() - image.y()) * m_fbSize.height() / image.height();
    return QPoint(std::clamp(int(std::floor(x)), 0, m_fbSize.width() - 1),
                  std::clamp(int(std::floor(y)), 0, m_fbSize.height() - 1));
}

QImage VncView::snapshot() const
{
    return m_session ? m_session->snapshot() : QImage();
}

QSize VncView::sizeHint() const
{
    QSize size = m_fbSize.isEmpty() ? QSize(1024, 768) : m_fbSize;
    if (m_scaleMode == ScaleMode::Actual)
        size = (QSizeF(size) / devicePixelRatioF()).toSize();
    if (const QScreen *s = screen()) {
        const QSize available = s->availableSize() * 0.85;
        size = size.boundedTo(available);
    }
    const int frame = 2 * frameWidth();
    return size + QSize(frame, frame);
}

bool VncView::isLive() const
{
    return m_session && m_session->state() == VncSession::State::Connected;
}

void VncView::updateScrollBars()
{
    if (m_scaleMode == ScaleMode::Fit || m_fbSize.isEmpty()) {
        horizontalScrollBar()->setRange(0, 0);
        verticalScrollBar()->setRange(0, 0);
        return;
    }
    const qreal s = scale();
    const QSize shown(int(std::floor(m_fbSize.width() * s)),
                      int(std::floor(m_fbSize.height() * s)));
    const QSize vp = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, shown.width() - vp.width()));
    verticalScrollBar()->setRange(0, std::max(0, shown.height() - vp.height()));
    horizontalScrollBar()->setPageStep(vp.width());
    verticalScrollBar()->setPageStep(vp.height());
    horizontalScrollBar()->setSingleStep(32);
    verticalScrollBar()->setSingleStep(32);
}

void VncView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    layoutOverlay();
    updateCursor();
}

void VncView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void VncView::onStateChanged(VncSession::State state)
{
    switch (state) {
    case VncSession::State::Connected:
        m_backoffMs = 0;
        m_lastClipboard.clear();
        m_lastPointer = QPoint(-1, -1);
        m_lastMask = -1;
        if (hasFocus())
            sendLocalClipboard(true);
        break;
    case VncSession::State::Reconnecting:
        // The session waits 1, 2, 4… up to 10 s between attempts and does not say how long;
        // the countdown follows the same rule.
        m_backoffMs = m_backoffMs == 0 ? 1000 : std::min(m_backoffMs * 2, 10000);
        m_reconnectDeadline.setRemainingTime(m_backoffMs);
        break;
    default:
        break;
    }
    if (state != VncSession::State::Connected) {
        // Keys held in a connection that is gone must not be released in the next one.
        m_pressed.clear();
        m_buttons = 0;
    }
    if (state == VncSession::State::Reconnecting)
        m_countdownTimer.start();
    else
        m_countdownTimer.stop();
    updateOverlay();
    updateCursor();
    viewport()->update();
}

void VncView::onResized(const QSize &size)
{
    m_fbSize = size;
    updateScrollBars();
    updateGeometry();
    updateCursor();
    viewport()->update();
}

void VncView::onFrameUpdated(const QRegion &damage)
{
    if (!isVisible())
        return;
    if (m_smooth) {
        // Leaving the smooth idle picture: repaint all of it fast, not a patchwork.
        m_smooth = false;
        viewport()->update();
    } else if (damage.rectCount() > MaxDamageRects) {
        viewport()->update(
            mapFromFramebuffer(damage.boundingRect()).toAlignedRect().adjusted(-1, -1, 1, 1));
    } else {
        QRegion region;
        for (const QRect &r : damage)
            region += mapFromFramebuffer(r).toAlignedRect().adjusted(-1, -1, 1, 1);
        viewport()->update(region);
    }
    if (std::abs(scale() - 1.0) > 1e-6)
        m_idleTimer.start();
}

void VncView::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    const QRegion exposed = event->region();
    const QRect image = imageRect().toRect();
    const bool haveImage = m_session && !image.isEmpty();

    const QRegion outside = haveImage ? exposed - image : exposed;
    for (const QRect &r : outside)
        p.fillRect(r, letterboxColor());

    if (haveImage) {
        const qreal sx = qreal(image.width()) / m_fbSize.width();
        const qreal sy = qreal(image.height()) / m_fbSize.height();
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_smooth);
        p.translate(image.topLeft());
        p.scale(sx, sy);
        const VncSession::FrameLock frame = m_session->lockFrame();
        const QImage &front = frame.image();
        for (const QRect &r : exposed &image) {
            // The framebuffer pixels under r, rounded outward; the clip keeps the edges.
            const QRectF source((r.x() - image.x()) / sx, (r.y() - image.y()) / sy, r.width() / sx,
                                r.height() / sy);
            const QRect src = source.toAlignedRect().adjusted(-1, -1, 1, 1) & front.rect();
            if (!src.isEmpty())
                p.drawImage(src.topLeft(), front, src);
        }
        p.resetTransform();
    }
    if (!m_overlayTitle.isEmpty())
        paintOverlay(p);
    if (m_hintVisible)
        paintGrabHint(p);
}

void VncView::updateOverlay()
{
    const VncSession::State state = m_session ? m_session->state() : VncSession::State::Idle;
    const QString error = m_session ? m_session->errorText() : QString();
    const QString label = m_session ? m_session->label() : QString();
    QString title;
    QString detail;
    QString button;
    switch (state) {
    case VncSession::State::Idle:
        title = tr("Not connected");
        break;
    case VncSession::State::Connecting:
        title = !m_waitingText.isEmpty() ? m_waitingText
            : label.isEmpty()            ? tr("Connecting…")
                                         : tr("Connecting to %1…").arg(label);
        break;
    case VncSession::State::Authenticating:
        title = tr("Waiting for the password…");
        detail = tr("The VNC server of %1 asks for a password.").arg(label);
        break;
    case VncSession::State::Connected:
        break;
    case VncSession::State::Reconnecting: {
        const int seconds = int((m_reconnectDeadline.remainingTime() + 999) / 1000);
        if (!m_waitingText.isEmpty())
            title = m_waitingText;
        else if (seconds > 0)
            title = tr("Reconnecting in %n s…", nullptr, seconds);
        else
            title = tr("Reconnecting…");
        detail = error;
        button = tr("Reconnect Now");
        break;
    }
    case VncSession::State::Closed:
        title = tr("Disconnected");
        detail = error;
        button = tr("Reconnect");
        break;
    case VncSession::State::Failed:
        title = tr("Failed: %1").arg(error);
        button = tr("Reconnect");
        break;
    }
    const bool changed = title != m_overlayTitle || detail != m_overlayDetail
        || button != m_overlayButton->text() || button.isEmpty() == m_overlayButton->isVisible();
    if (!changed)
        return;
    m_overlayTitle = title;
    m_overlayDetail = detail;
    m_overlayButton->setText(button);
    m_overlayButton->setVisible(!button.isEmpty());
    layoutOverlay();
    viewport()->update();
}

void VncView::layoutOverlay()
{
    if (m_overlayTitle.isEmpty()) {
        m_overlayBox = {};
        return;
    }
    const QRect vp = viewport()->rect();
    const int width = std::clamp(vp.width() - 40, 120, 480);
    const int textWidth = width - 2 * OverlayPadding;
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    const QRect titleSize = QFontMetrics(titleFont).boundingRect(
        QRect(0, 0, textWidth, 10000), Qt::TextWordWrap | Qt::AlignHCenter, m_overlayTitle);
    QRect detailSize;
    if (!m_overlayDetail.isEmpty())
        detailSize = fontMetrics().boundingRect(
            QRect(0, 0, textWidth, 10000), Qt::TextWordWrap | Qt::AlignHCenter, m_overlayDetail);
    const QSize buttonSize
        = m_overlayButton->isVisibleTo(viewport()) ? m_overlayButton->sizeHint() : QSize();
    int height = 2 * OverlayPadding + titleSize.height();
    if (!detailSize.isEmpty())
        height += OverlaySpacing + detailSize.height();
    if (buttonSize.isValid())
        height += OverlaySpacing + buttonSize.height();
    m_overlayBox = QRect(0, 0, width, height);
    m_overlayBox.moveCenter(vp.center());
    int y = m_overlayBox.top() + OverlayPadding;
    m_titleRect = QRect(m_overlayBox.left() + OverlayPadding, y, textWidth, titleSize.height());
    y += titleSize.height() + OverlaySpacing;
    m_detailRect = {};
    if (!detailSize.isEmpty()) {
        m_detailRect
            = QRect(m_overlayBox.left() + OverlayPadding, y, textWidth, detailSize.height());
        y += detailSize.height() + OverlaySpacing;
    }
    if (buttonSize.isValid()) {
        m_overlayButton->resize(buttonSize);
        m_overlayButton->move(m_overlayBox.center().x() - buttonSize.width() / 2, y);
    }
}

void VncView::paintOverlay(QPainter &p)
{
    // The last picture stays visible, dimmed, under the message.
    p.fillRect(viewport()->rect(), QColor(0, 0, 0, 110));
    const QPalette pal = palette();
    QColor box = pal.color(QPalette::Window);
    box.setAlpha(238);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(box);
    p.drawRoundedRect(QRectF(m_overlayBox).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    p.setRenderHint(QPainter::Antialiasing, false);

    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    const bool failed = m_session && m_session->state() == VncSession::State::Failed;
    p.setPen(failed ? Theme::errorColor(pal) : pal.color(QPalette::WindowText));
    p.setFont(titleFont);
    p.drawText(m_titleRect, Qt::TextWordWrap | Qt::AlignHCenter, m_overlayTitle);
    if (!m_overlayDetail.isEmpty()) {
        p.setFont(font());
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(m_detailRect, Qt::TextWordWrap | Qt::AlignHCenter, m_overlayDetail);
    }
}

void VncView::paintGrabHint(QPainter &p)
{
    const QString text = tr("Press Ctrl+Alt+G to release the keyboard");
    QFont hintFont = font();
    hintFont.setBold(true);
    const QFontMetrics fm(hintFont);
    QRect box(0, 0, fm.horizontalAdvance(text) + 32, fm.height() + 16);
    box.moveCenter(QPoint(viewport()->width() / 2, 0));
    box.moveTop(12);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 190));
    p.drawRoundedRect(box, box.height() / 2.0, box.height() / 2.0);
    p.setPen(Qt::white);
    p.setFont(hintFont);
    p.drawText(box, Qt::AlignCenter, text);
}

void VncView::onCursorChanged(const QImage &image, const QPoint &hotspot)
{
    m_haveCursor = true;
    m_cursorImage = image;
    m_cursorHotspot = hotspot;
    updateCursor();
}

void VncView::updateCursor()
{
    if (!isLive() || m_viewOnly) {
        viewport()->setCursor(Qt::ArrowCursor);
        return;
    }
    // The guest draws its pointer: either as the shape it sent, or into the picture itself,
    // where a local arrow on top would only be in the way.
    if (!m_haveCursor || m_cursorImage.isNull() || m_cursorImage.size().isEmpty()) {
        viewport()->setCursor(Qt::BlankCursor);
        return;
    }
    const qreal dpr = devicePixelRatioF();
    const qreal s = scale();
    QImage image = m_cursorImage;
    QPointF hotspot = m_cursorHotspot;
    const QSize deviceSize(std::max(1, qRound(image.width() * s * dpr)),
                           std::max(1, qRound(image.height() * s * dpr)));
    if (deviceSize != image.size())
        image = image.scaled(deviceSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    hotspot *= s;
    QPixmap pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(dpr);
    viewport()->setCursor(QCursor(pixmap, qRound(hotspot.x()), qRound(hotspot.y())));
}

} // namespace Corral
