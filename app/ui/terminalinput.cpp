// Keyboard and mouse input mapping for TerminalWidget: Qt keys, modifiers and buttons to their
// Terminal counterparts (see terminalinput.h).

#include "terminalinput.h"

#include <QKeyEvent>
#include <QList>
#include <QString>

#include <utility>

namespace Corral {

std::optional<Terminal::Key> mapKey(const QKeyEvent &event)
{
    const int key = event.key();
    const bool keypad = event.modifiers() & Qt::KeypadModifier;
    switch (key) {
    case Qt::Key_Return:
        return Terminal::Key::Enter;
    case Qt::Key_Enter:
        return keypad ? Terminal::Key::KpEnter : Terminal::Key::Enter;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return Terminal::Key::Tab;
    case Qt::Key_Backspace:
        return Terminal::Key::Backspace;
    case Qt::Key_Escape:
        return Terminal::Key::Escape;
    case Qt::Key_Up:
        return Terminal::Key::Up;
    case Qt::Key_Down:
        return Terminal::Key::Down;
    case Qt::Key_Left:
        return Terminal::Key::Left;
    case Qt::Key_Right:
        return Terminal::Key::Right;
    case Qt::Key_Insert:
        return Terminal::Key::Insert;
    case Qt::Key_Delete:
        return Terminal::Key::Delete;
    case Qt::Key_Home:
        return Terminal::Key::Home;
    case Qt::Key_End:
        return Terminal::Key::End;
    case Qt::Key_PageUp:
        return Terminal::Key::PageUp;
    case Qt::Key_PageDown:
        return Terminal::Key::PageDown;
    default:
        break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return Terminal::Key(int(Terminal::Key::F1) + (key - Qt::Key_F1));
    return std::nullopt;
}

int terminalModifiers(Qt::KeyboardModifiers mods)
{
    int m = Terminal::NoModifier;
    if (mods & Qt::ShiftModifier)
        m |= Terminal::Shift;
    if (mods & Qt::AltModifier)
        m |= Terminal::Alt;
    if (mods & Qt::ControlModifier)
        m |= Terminal::Ctrl;
    return m;
}

Terminal::MouseButton terminalButton(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton:
        return Terminal::MouseButton::Left;
    case Qt::MiddleButton:
        return Terminal::MouseButton::Middle;
    case Qt::RightButton:
        return Terminal::MouseButton::Right;
    default:
        return Terminal::MouseButton::None;
    }
}

bool sendKeyEvent(Terminal &terminal, const QKeyEvent &event)
{
    const int key = event.key();
    const Qt::KeyboardModifiers qmods = event.modifiers();
    int mods = terminalModifiers(qmods);
    if (auto mapped = mapKey(event)) {
        if (key == Qt::Key_Backtab)
            mods |= Terminal::Shift;
        terminal.sendKey(*mapped, mods);
        return true;
    }
    const QString text = event.text();
    if (mods & Terminal::Ctrl) {
        char32_t ch = 0;
        if (key >= Qt::Key_A && key <= Qt::Key_Z)
            ch = U'a' + char32_t(key - Qt::Key_A);
        else if (key >= 0x20 && key < 0x7f)
            ch = char32_t(key);
        else if (!text.isEmpty() && text.front() >= u' ')
            ch = text.toUcs4().value(0);
        if (ch == 0)
            return false;
        terminal.sendChar(ch, mods);
        return true;
    }
    if (mods & Terminal::Alt) {
        QList<uint> chars;
        if (!text.isEmpty() && text.front() >= u' ')
            chars = text.toUcs4();
        else if (key >= Qt::Key_A && key <= Qt::Key_Z)
            chars = {uint((mods & Terminal::Shift) ? 'A' : 'a') + uint(key - Qt::Key_A)};
        else if (key >= 0x20 && key < 0x7f)
            chars = {uint(key)};
        if (chars.isEmpty())
            return false;
        for (uint ch : std::as_const(chars))
            terminal.sendChar(char32_t(ch), mods);
        return true;
    }
    if (text.isEmpty())
        return false;
    // Control characters without Ctrl come from odd layouts/IMs; let the Terminal map them.
    if (text.size() == 1 && text.front() < u' ') {
        terminal.sendChar(char32_t(text.front().unicode()), mods);
        return true;
    }
    if (text.front() == QChar(0x7f))
        return false;
    terminal.sendText(text);
    return true;
}

} // namespace Corral
