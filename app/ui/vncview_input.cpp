// VncView's input: shortcut routing, keys (scancode + keysym), the keyboard grab, pointer and
// wheel, and the clipboard in both directions. The key mapping itself is in core/rfb/keymap.

#include "vncview.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

namespace Corral {

namespace {

constexpr int WheelStep = 120; // QWheelEvent::angleDelta() units per notch

int rfbButtons(Qt::MouseButtons buttons)
{
    int mask = 0;
    if (buttons & Qt::LeftButton)
        mask |= 1 << 0;
    if (buttons & Qt::MiddleButton)
        mask |= 1 << 1;
    if (buttons & Qt::RightButton)
        mask |= 1 << 2;
    return mask;
}

} // namespace

bool VncView::canSendInput() const
{
    return !m_viewOnly && isLive();
}

bool VncView::isReleaseCombination(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers()
        & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    return event->key() == Qt::Key_G && mods == (Qt::ControlModifier | Qt::AltModifier);
}

bool VncView::isReservedShortcut(QKeyEvent *event) const
{
    const Qt::KeyboardModifiers mods = event->modifiers()
        & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    const QKeyCombination combo(mods, Qt::Key(event->key()));
    // The actions of the tab and of the window around it (F11, Ctrl+Shift+S, Ctrl+PgDn…).
    for (const QWidget *w = this; w; w = w->parentWidget()) {
        const QList<QAction *> actions = w->actions();
        for (const QAction *action : actions) {
            if (!action->isEnabled())
                continue;
            const QList<QKeySequence> keys = action->shortcuts();
            for (const QKeySequence &seq : keys) {
                if (seq.count() == 1 && seq[0] == combo)
                    return true;
            }
        }
        if (w->isWindow())
            break;
    }
    return false;
}

bool VncView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        // Accepting the override makes the key a key press here instead of a shortcut.
        if (isReleaseCombination(key)
            || (canSendInput() && (m_grabbed || !isReservedShortcut(key)))) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool VncView::focusNextPrevChild(bool)
{
    return false; // Tab is a key for the guest
}

void VncView::keyPressEvent(QKeyEvent *event)
{
    if (isReleaseCombination(event)) {
        // Ctrl and Alt went down in the guest on their way here; let them up again.
        releasePressedKeys();
        setKeyboardGrabbed(!m_grabbed);
        return;
    }
    if (!canSendInput()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const quint32 native = event->nativeScanCode();
    const quint32 scancode = Rfb::xtScancodeFromNative(native);
    const quint32 keysym
        = Rfb::keysymForKey(event->key(), event->text(), event->modifiers(), scancode);
    const quint32 code = scancode ? scancode : Rfb::scancodeForKeysym(keysym);
    if (keysym == 0 && (code == 0 || !m_session->hasExtendedKeyEvents()))
        return;
    event->accept();
    // The release must match the press even if modifiers changed what the key types.
    const quint64 id = native ? quint64(native) : (quint64(1) << 32) | quint32(event->key());
    for (const PressedKey &pressed : std::as_const(m_pressed)) {
        if (pressed.id == id) {
            // Auto-repeat: the guest sees the key go down again, as from a keyboard.
            m_session->sendKey(pressed.stroke.keysym, pressed.stroke.scancode, true);
            return;
        }
    }
    m_pressed.append(PressedKey{id, {keysym, code}});
    m_session->sendKey(keysym, code, true);
}

void VncView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->isAutoRepeat())
        return;
    const quint32 native = event->nativeScanCode();
    const quint64 id = native ? quint64(native) : (quint64(1) << 32) | quint32(event->key());
    for (qsizetype i = 0; i < m_pressed.size(); ++i) {
        if (m_pressed.at(i).id != id)
            continue;
        const Rfb::KeyStroke stroke = m_pressed.takeAt(i).stroke;
        if (m_session && isLive())
            m_session->sendKey(stroke.keysym, stroke.scancode, false);
        event->accept();
        return;
    }
    // Not pressed here (down before the view had focus, or the release combination).
    QAbstractScrollArea::keyReleaseEvent(event);
}

void VncView::releasePressedKeys()
{
    const QList<PressedKey> pressed = std::exchange(m_pressed, {});
    if (!m_session || !isLive())
        return;
    for (auto it = pressed.crbegin(); it != pressed.crend(); ++it)
        m_session->sendKey(it->stroke.keysym, it->stroke.scancode, false);
}

void VncView::sendKeys(const QList<Rfb::KeyStroke> &keys)
{
    if (!canSendInput())
        return;
    const QList<Rfb::KeyEventStep> steps = Rfb::comboEvents(keys);
    for (const Rfb::KeyEventStep &step : steps)
        m_session->sendKey(step.key.keysym, step.key.scancode, step.down);
}

void VncView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    sendLocalClipboard(false);
}

void VncView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    releasePressedKeys();
    if (m_buttons && canSendInput())
        m_session->sendPointer(m_lastPointer, 0);
    m_buttons = 0;
}

void VncView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    applyGrab();
    // Frames that came while hidden were not painted.
    viewport()->update();
}

void VncView::hideEvent(QHideEvent *event)
{
    QAbstractScrollArea::hideEvent(event);
    releasePressedKeys();
    applyGrab();
}

void VncView::setKeyboardGrabbed(bool grabbed)
{
    if (grabbed == m_grabbed)
        return;
    m_grabbed = grabbed;
    applyGrab();
    if (grabbed) {
        showGrabHint();
    } else if (m_hintVisible) {
        m_hintVisible = false;
        m_hintTimer.stop();
        viewport()->update();
    }
    Q_EMIT keyboardGrabChanged(grabbed);
}

void VncView::applyGrab()
{
    const bool want = m_grabbed && isVisible();
    if (want && !m_grabApplied) {
        setFocus(Qt::OtherFocusReason);
        grabKeyboard();
        m_grabApplied = true;
    } else if (!want && m_grabApplied) {
        releaseKeyboard();
        m_grabApplied = false;
    }
}

void VncView::showGrabHint()
{
    m_hintVisible = true;
    m_hintTimer.start();
    viewport()->update();
}

bool VncView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseMove:
        mouseEvent(static_cast<QMouseEvent *>(event));
        return true;
    default:
        return QAbstractScrollArea::viewportEvent(event);
    }
}

void VncView::mouseEvent(QMouseEvent *event)
{
    event->accept();
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick)
        setFocus(Qt::MouseFocusReason);
    if (event->type() == QEvent::MouseMove && event->position().y() < 2)
        Q_EMIT pointerAtTopEdge();
    if (!canSendInput())
        return;
    const int mask = rfbButtons(event->buttons());
    // Moves over the letterbox mean nothing to the guest; drags and releases do.
    if (event->type() == QEvent::MouseMove && mask == 0 && m_buttons == 0
        && !imageRect().contains(event->position()))
        return;
    m_buttons = mask;
    sendPointer(event->position(), mask);
}

void VncView::sendPointer(const QPointF &viewportPos, int buttons)
{
    const QPoint position = toFramebuffer(viewportPos);
    if (position == m_lastPointer && buttons == m_lastMask)
        return;
    m_lastPointer = position;
    m_lastMask = buttons;
    m_session->sendPointer(position, buttons);
}

void VncView::wheelEvent(QWheelEvent *event)
{
    if (!canSendInput()) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    event->accept();
    const QPoint position = toFramebuffer(event->position());
    m_wheelRemainder += event->angleDelta();
    // One press and release of the wheel "button" per notch; touchpads add up to notches.
    auto notches = [this, &position](int &remainder, int positiveBit, int negativeBit) {
        while (std::abs(remainder) >= WheelStep) {
            const int bit = remainder > 0 ? positiveBit : negativeBit;
            remainder -= remainder > 0 ? WheelStep : -WheelStep;
            m_session->sendPointer(position, m_buttons | (1 << bit));
            m_session->sendPointer(position, m_buttons);
        }
    };
    notches(m_wheelRemainder.ry(), 3, 4); // up, down
    notches(m_wheelRemainder.rx(), 5, 6); // left, right
    m_lastPointer = position;
    m_lastMask = m_buttons;
}

void VncView::sendLocalClipboard(bool force)
{
    if (!canSendInput())
        return;
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty() || (!force && text == m_lastClipboard))
        return;
    m_lastClipboard = text;
    m_session->sendClipboard(text);
}

void VncView::onClipboardReceived(const QString &text)
{
    if (text == m_lastClipboard)
        return;
    // Remembered first: the clipboard's change signal must not send it straight back.
    m_lastClipboard = text;
    QGuiApplication::clipboard()->setText(text);
}

} // namespace Corral
