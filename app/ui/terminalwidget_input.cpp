// TerminalWidget's input handling: shortcut routing, key presses, input methods, focus, mouse
// (selection gestures, mouse reporting, links, wheel) and the context menu. The mapping of Qt
// keys and buttons to Terminal input is in terminalinput.cpp.

#include "terminalwidget.h"

#include "terminalinput.h"
#include "terminalsearchbar.h"
#include "terminalwidget_p.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QStyleHints>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Corral {

using namespace TerminalLayout;

// --- Keyboard ----------------------------------------------------------------------------

bool TerminalWidget::isOwnShortcut(QKeyEvent *event) const
{
    const Qt::KeyboardModifiers mods = event->modifiers()
        & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    const QKeyCombination combo(mods, Qt::Key(event->key()));
    // "Ctrl++" arrives as Ctrl+Shift+Plus on most layouts.
    const QKeyCombination unshifted(mods & ~Qt::ShiftModifier, Qt::Key(event->key()));
    const bool symbol = event->key() < Qt::Key_A || event->key() > Qt::Key_Z;
    for (QAction *action : m_actions) {
        const QList<QKeySequence> keys = action->shortcuts();
        for (const QKeySequence &seq : keys) {
            if (seq.count() == 1 && (seq[0] == combo || (symbol && seq[0] == unshifted)))
                return true;
        }
    }
    return false;
}

bool TerminalWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (m_searchBar->isAncestorOf(focusWidget()))
            return QAbstractScrollArea::event(event);
        const Qt::KeyboardModifiers mods = key->modifiers();
        const bool ctrlShift = (mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier);
        const bool ctrlPage = (mods & Qt::ControlModifier)
            && (key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown);
        // Everything but our own and the window's Ctrl+Shift / Ctrl+PgUp/PgDn shortcuts goes
        // to the remote side, even keys the window has other shortcuts for.
        if (!isOwnShortcut(key) && !ctrlShift && !ctrlPage) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool TerminalWidget::focusNextPrevChild(bool next)
{
    // Tab is a key for the remote side, except inside the search bar.
    if (m_searchBar && m_searchBar->isAncestorOf(focusWidget()))
        return QAbstractScrollArea::focusNextPrevChild(next);
    return false;
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    if (isOwnShortcut(event)) {
        // The shortcut map did not take it (e.g. a synthesised event): run the action here.
        const Qt::KeyboardModifiers mods = event->modifiers();
        const QKeyCombination combo(mods, Qt::Key(event->key()));
        const QKeyCombination unshifted(mods & ~Qt::ShiftModifier, Qt::Key(event->key()));
        for (QAction *action : m_actions) {
            const QList<QKeySequence> keys = action->shortcuts();
            for (const QKeySequence &seq : keys) {
                if (seq.count() == 1 && (seq[0] == combo || seq[0] == unshifted)) {
                    action->trigger();
                    return;
                }
            }
        }
    }
    const Qt::KeyboardModifiers mods = event->modifiers();
    if ((mods & Qt::ShiftModifier) && !(mods & (Qt::ControlModifier | Qt::AltModifier))) {
        switch (event->key()) {
        case Qt::Key_PageUp:
            scrollLines(-std::max(1, m_terminal->rows() - 1));
            return;
        case Qt::Key_PageDown:
            scrollLines(std::max(1, m_terminal->rows() - 1));
            return;
        default:
            break;
        }
    }
    if (sendKeyEvent(*m_terminal, *event)) {
        scrollToBottom();
        viewport()->setCursor(Qt::BlankCursor);
        event->accept();
        return;
    }
    event->ignore();
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent *event)
{
    if (!event->commitString().isEmpty()) {
        m_terminal->sendText(event->commitString());
        scrollToBottom();
    }
    event->accept();
}

QVariant TerminalWidget::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImCursorRectangle: {
        const TermCursor cursor = m_terminal->cursor();
        return QRect(viewport()->mapTo(this, cellRect(cursor.row, cursor.col).topLeft()),
                     QSize(m_cellWidth, m_cellHeight));
    }
    case Qt::ImFont:
        return m_font;
    case Qt::ImHints:
        return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

void TerminalWidget::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    m_terminal->focusChanged(true);
    const int row = m_terminal->cursor().row;
    repaintLines(lineOf(row), lineOf(row));
}

void TerminalWidget::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    m_terminal->focusChanged(false);
    const int row = m_terminal->cursor().row;
    repaintLines(lineOf(row), lineOf(row));
}

// --- Mouse -------------------------------------------------------------------------------

bool TerminalWidget::reportsMouse(Qt::KeyboardModifiers mods) const
{
    return m_terminal->mouseMode() != Terminal::MouseMode::Off && !(mods & Qt::ShiftModifier);
}

bool TerminalWidget::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave && m_hoverActive) {
        m_hoverActive = false;
        repaintLines(m_hover.line, m_hover.line);
    }
    if (event->type() == QEvent::ToolTip && m_hoverActive) {
        auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(),
                           tr("%1\nCtrl+click to open").arg(m_hover.url.toDisplayString()),
                           viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    const Qt::KeyboardModifiers mods = event->modifiers();
    m_pressPos = pos;
    viewport()->setCursor(Qt::IBeamCursor);

    if (event->button() == Qt::LeftButton && (mods & Qt::ControlModifier)) {
        updateHover(pos, mods);
        if (m_hoverActive) {
            QDesktopServices::openUrl(m_hover.url);
            return;
        }
    }
    if (reportsMouse(mods)) {
        const LinePos cell = cellAt(pos);
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        const Terminal::MouseButton button = terminalButton(event->button());
        if (button != Terminal::MouseButton::None
            && m_terminal->mouseButton(button, true, row, cell.col, terminalModifiers(mods))) {
            m_reportedButtons |= event->button();
            m_lastMouseCell = QPoint(cell.col, row);
            return;
        }
    }
    switch (event->button()) {
    case Qt::LeftButton: {
        const bool triple = m_lastDoubleClick.isValid()
            && m_lastDoubleClick.elapsed()
                < QGuiApplication::styleHints()->mouseDoubleClickInterval()
            && (pos - m_doubleClickPos).manhattanLength()
                < QGuiApplication::styleHints()->startDragDistance();
        m_lastDoubleClick.invalidate();
        m_selecting = true;
        if (triple) {
            m_selectMode = SelectMode::Line;
            m_selAnchor = m_selEnd = cellAt(pos);
        } else if ((mods & Qt::ShiftModifier) && m_hasSelection
                   && m_selectMode == SelectMode::Char) {
            m_selEnd = boundaryAt(pos);
        } else {
            clearSelection();
            m_selectMode = SelectMode::Char;
            m_selAnchor = m_selEnd = boundaryAt(pos);
        }
        updateSelection();
        break;
    }
    case Qt::MiddleButton:
        pasteSelection();
        break;
    default:
        break;
    }
}

void TerminalWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (reportsMouse(mods)) {
        mousePressEvent(event);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_selecting = true;
    m_selectMode = SelectMode::Word;
    m_selAnchor = m_selEnd = cellAt(pos);
    updateSelection();
    m_lastDoubleClick.start();
    m_doubleClickPos = pos;
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        m_selEnd = m_selectMode == SelectMode::Char ? boundaryAt(pos) : cellAt(pos);
        updateSelection();
        const int height = viewport()->height();
        m_autoScrollDelta = pos.y() < 0 ? -1 : (pos.y() >= height ? 1 : 0);
        if (m_autoScrollDelta != 0 && !m_autoScrollTimer.isActive())
            m_autoScrollTimer.start();
        else if (m_autoScrollDelta == 0)
            m_autoScrollTimer.stop();
        return;
    }
    if (reportsMouse(mods)) {
        const Terminal::MouseMode mode = m_terminal->mouseMode();
        const bool wanted = mode == Terminal::MouseMode::Move
            || (mode == Terminal::MouseMode::Drag && m_reportedButtons != Qt::NoButton);
        const LinePos cell = cellAt(pos);
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        if (wanted && QPoint(cell.col, row) != m_lastMouseCell) {
            m_lastMouseCell = QPoint(cell.col, row);
            m_terminal->mouseMove(row, cell.col, terminalModifiers(mods));
        }
    }
    updateHover(pos, mods);
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_reportedButtons & event->button()) {
        m_reportedButtons &= ~event->button();
        const LinePos cell = cellAt(pos);
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        m_terminal->mouseButton(terminalButton(event->button()), false, row, cell.col,
                                terminalModifiers(event->modifiers()));
        return;
    }
    if (event->button() == Qt::LeftButton && m_selecting) {
        m_selecting = false;
        m_autoScrollTimer.stop();
        copySelectionToX11();
    }
}

void TerminalWidget::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    event->accept();
    m_wheelRemainder += delta;
    const int steps = m_wheelRemainder / 120;
    m_wheelRemainder -= steps * 120;
    if (steps == 0)
        return;
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (reportsMouse(mods)) {
        const LinePos cell = cellAt(event->position().toPoint());
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        const auto button
            = steps > 0 ? Terminal::MouseButton::WheelUp : Terminal::MouseButton::WheelDown;
        for (int i = 0; i < std::abs(steps); ++i)
            m_terminal->mouseButton(button, true, row, cell.col, terminalModifiers(mods));
        return;
    }
    if (m_terminal->altScreen()) {
        // Full-screen programs without mouse support (less, man) scroll with the arrow keys.
        const auto key = steps > 0 ? Terminal::Key::Up : Terminal::Key::Down;
        for (int i = 0; i < std::abs(steps) * WheelLines; ++i)
            m_terminal->sendKey(key);
        return;
    }
    scrollLines(-steps * WheelLines);
}

void TerminalWidget::contextMenuEvent(QContextMenuEvent *event)
{
    if (event->reason() == QContextMenuEvent::Mouse && reportsMouse(event->modifiers()))
        return; // the right button went to the remote side
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPoint pos = viewport()->mapFromGlobal(event->globalPos());
    const int displayRow = displayRowAt(pos.y());
    const QUrl url = pos.x() >= MarginLeft
        ? urlAt(m_viewTop + displayRow, (pos.x() - MarginLeft) / m_cellWidth)
        : QUrl();
    if (!url.isEmpty()) {
        QAction *open = menu->addAction(tr("Open Lin&k"));
        connect(open, &QAction::triggered, this, [url] { QDesktopServices::openUrl(url); });
        QAction *copyLink = menu->addAction(tr("Copy Link &Address"));
        copyLink->setObjectName(u"terminal.copyLink"_s);
        connect(copyLink, &QAction::triggered, this, [url] {
            QGuiApplication::clipboard()->setText(url.toString(), QClipboard::Clipboard);
        });
        menu->addSeparator();
    }
    action(Action::Copy)->setEnabled(m_hasSelection);
    action(Action::Paste)->setEnabled(!QGuiApplication::clipboard()->text().isEmpty());
    action(Action::ZoomOut)->setEnabled(m_baseFont.pointSizeF() + m_zoom - 1 >= MinPointSize);
    action(Action::ZoomIn)->setEnabled(m_baseFont.pointSizeF() + m_zoom + 1 <= MaxPointSize);
    action(Action::ZoomReset)->setEnabled(m_zoom != 0);
    menu->addAction(action(Action::Copy));
    menu->addAction(action(Action::Paste));
    menu->addAction(action(Action::SelectAll));
    menu->addSeparator();
    menu->addAction(action(Action::Find));
    menu->addSeparator();
    menu->addAction(action(Action::ZoomIn));
    menu->addAction(action(Action::ZoomOut));
    menu->addAction(action(Action::ZoomReset));
    menu->addSeparator();
    menu->addAction(action(Action::ClearScrollback));
    connect(menu, &QMenu::aboutToHide, this, [this] {
        // Re-enable for the keyboard: their slots check for themselves.
        for (QAction *a : m_actions)
            a->setEnabled(true);
    });
    menu->popup(event->globalPos());
}

} // namespace Corral
