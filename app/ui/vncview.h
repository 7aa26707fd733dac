#pragma once

#include "rfb/keymap.h"
#include "rfb/vncsession.h"

#include <QAbstractScrollArea>
#include <QDeadlineTimer>
#include <QImage>
#include <QList>
#include <QPointer>
#include <QTimer>

class QPushButton;

namespace Corral {

// A live VM screen: paints a VncSession's front buffer and turns keys, pointer, wheel and
// clipboard changes into the session's input. Connection problems are drawn over the screen
// (Connecting…, Reconnecting in 3 s, Failed: … with a Reconnect button), never in a dialog.
//
// Thread: the GUI thread. Does not own the session (the VncTab does); setSession() may be
// called once. Only damaged parts are repainted, straight from the front buffer under its
// lock (no copy per frame). Scaling: Fit (keep the aspect ratio, letterbox; fast scaling
// while frames stream, smooth once idle) or Actual (one framebuffer pixel per device pixel,
// with scroll bars).
//
// Keys: the XT scancode of the physical key (from the native scan code) and the keysym of
// what it types go to VncSession::sendKey; the session uses the scancode when the server has
// QEMU's extended key events. While the keyboard is grabbed every key goes to the guest
// (Tab, Alt+Tab, Super…) except the release combination Ctrl+Alt+G; otherwise the window's
// shortcuts (F11, Ctrl+Shift+…) stay with Corral. Keys still down are released when the view
// loses focus or is hidden. In view-only mode nothing is sent.
//
// Emits keyboardGrabChanged(), scaleModeChanged(), reconnectRequested() (the overlay's
// button on a Failed or Closed session; a Reconnecting one is told reconnectNow() directly)
// and pointerAtTopEdge() when the pointer touches the top edge (for a full-screen bar).
class VncView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VncView)

public:
    enum class ScaleMode : quint8 { Fit, Actual };
    Q_ENUM(ScaleMode)

    explicit VncView(QWidget *parent = nullptr);
    ~VncView() override;

    void setSession(VncSession *session);
    VncSession *session() const { return m_session; }

    ScaleMode scaleMode() const { return m_scaleMode; }
    void setScaleMode(ScaleMode mode);
    bool isViewOnly() const { return m_viewOnly; }
    void setViewOnly(bool viewOnly);
    // The grab mode; the keyboard is actually grabbed while the view is visible.
    bool isKeyboardGrabbed() const { return m_grabbed; }
    void setKeyboardGrabbed(bool grabbed);
    // Shown instead of the reconnect countdown while the VM is known not to run
    // ("Waiting for vm1 to start…"); empty to go back to the countdown.
    void setWaitingText(const QString &text);

    // Framebuffer pixels per viewport (logical) pixel, and where the framebuffer is drawn.
    qreal scale() const;
    QRectF imageRect() const;
    // A viewport position in framebuffer coordinates (clamped to the framebuffer).
    QPoint toFramebuffer(const QPointF &viewportPos) const;

    QImage snapshot() const;
    // Presses the keys in order and releases them in reverse (Send Key menu).
    void sendKeys(const QList<Rfb::KeyStroke> &keys);
    // Releases, in the guest, every key this view pressed and has not released yet.
    void releasePressedKeys();
    int pressedKeyCount() const { return int(m_pressed.size()); }

    // The connection overlay's title and detail (empty while connected), for tests.
    QString overlayTitle() const { return m_overlayTitle; }
    QString overlayDetail() const { return m_overlayDetail; }
    QPushButton *overlayButton() const { return m_overlayButton; }
    bool isGrabHintVisible() const { return m_hintVisible; }
    QSize sizeHint() const override;

    static int hintDurationMs() { return 3500; }

Q_SIGNALS:
    void keyboardGrabChanged(bool grabbed);
    void scaleModeChanged(Corral::VncView::ScaleMode mode);
    void reconnectRequested();
    void pointerAtTopEdge();

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct PressedKey
    {
        quint64 id = 0; // native scan code, or the Qt key when there is none
        Rfb::KeyStroke stroke;
    };

    // vncview.cpp: geometry, painting, overlay
    void onStateChanged(VncSession::State state);
    void onFrameUpdated(const QRegion &damage);
    void onResized(const QSize &size);
    void onCursorChanged(const QImage &image, const QPoint &hotspot);
    void updateScrollBars();
    void updateOverlay();
    void layoutOverlay();
    void updateCursor();
    void paintOverlay(QPainter &painter);
    void paintGrabHint(QPainter &painter);
    QRectF mapFromFramebuffer(const QRectF &rect) const;
    QSizeF framebufferSizeF() const;
    bool isLive() const;

    // vncview_input.cpp: keys, pointer, wheel, clipboard, grab
    bool isReservedShortcut(QKeyEvent *event) const;
    static bool isReleaseCombination(const QKeyEvent *event);
    bool canSendInput() const;
    void applyGrab();
    void showGrabHint();
    void mouseEvent(QMouseEvent *event);
    void sendPointer(const QPointF &viewportPos, int buttons);
    void sendLocalClipboard(bool force);
    void onClipboardReceived(const QString &text);

    QPointer<VncSession> m_session;
    ScaleMode m_scaleMode = ScaleMode::Fit;
    bool m_viewOnly = false;
    bool m_grabbed = false;
    bool m_grabApplied = false;
    bool m_smooth = false;
    QTimer m_idleTimer; // frames stopped: repaint smoothly
    QSize m_fbSize;

    QList<PressedKey> m_pressed;
    int m_buttons = 0;
    QPoint m_lastPointer{-1, -1};
    int m_lastMask = -1;
    QPoint m_wheelRemainder;
    QString m_lastClipboard; // sent or received; not sent again

    QImage m_cursorImage;
    QPoint m_cursorHotspot;
    bool m_haveCursor = false;

    QString m_overlayTitle;
    QString m_overlayDetail;
    QString m_waitingText;
    QPushButton *m_overlayButton = nullptr;
    QRect m_overlayBox;
    QRect m_titleRect;
    QRect m_detailRect;
    QTimer m_countdownTimer;
    QDeadlineTimer m_reconnectDeadline; // for the countdown
    int m_backoffMs = 0; // mirrors the session's 1, 2, 4… 10 s
    bool m_hintVisible = false;
    QTimer m_hintTimer;
};

} // namespace Corral
