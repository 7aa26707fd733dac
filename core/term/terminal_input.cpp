#include "terminal_p.h"

namespace Corral {

namespace {

VTermModifier toVTermMod(int modifiers)
{
    int m = VTERM_MOD_NONE;
    if (modifiers & Terminal::Shift)
        m |= VTERM_MOD_SHIFT;
    if (modifiers & Terminal::Alt)
        m |= VTERM_MOD_ALT;
    if (modifiers & Terminal::Ctrl)
        m |= VTERM_MOD_CTRL;
    return VTermModifier(m);
}

VTermKey toVTermKey(Terminal::Key key)
{
    using K = Terminal::Key;
    switch (key) {
    case K::Enter:
        return VTERM_KEY_ENTER;
    case K::Tab:
        return VTERM_KEY_TAB;
    case K::Backspace:
        return VTERM_KEY_BACKSPACE;
    case K::Escape:
        return VTERM_KEY_ESCAPE;
    case K::Up:
        return VTERM_KEY_UP;
    case K::Down:
        return VTERM_KEY_DOWN;
    case K::Left:
        return VTERM_KEY_LEFT;
    case K::Right:
        return VTERM_KEY_RIGHT;
    case K::Insert:
        return VTERM_KEY_INS;
    case K::Delete:
        return VTERM_KEY_DEL;
    case K::Home:
        return VTERM_KEY_HOME;
    case K::End:
        return VTERM_KEY_END;
    case K::PageUp:
        return VTERM_KEY_PAGEUP;
    case K::PageDown:
        return VTERM_KEY_PAGEDOWN;
    case K::KpEnter:
        return VTERM_KEY_KP_ENTER;
    default:
        break;
    }
    const int f = int(key) - int(K::F1) + 1;
    if (f >= 1 && f <= 12)
        return VTermKey(VTERM_KEY_FUNCTION(f));
    return VTERM_KEY_NONE;
}

// The byte xterm sends for Ctrl plus this character, or -1 (then libvterm's CSI u form).
int controlByte(char32_t ch)
{
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
        return int(ch & 0x1f);
    switch (ch) {
    case ' ':
    case '@':
    case '2':
        return 0x00;
    case '[':
    case '3':
        return 0x1b;
    case '\\':
    case '4':
        return 0x1c;
    case ']':
    case '5':
        return 0x1d;
    case '^':
    case '~':
    case '6':
        return 0x1e;
    case '_':
    case '/':
    case '7':
        return 0x1f;
    case '?':
    case '8':
        return 0x7f;
    default:
        return -1;
    }
}

void appendUtf8(QByteArray &out, char32_t ch)
{
    out.append(QString::fromUcs4(&ch, 1).toUtf8());
}

} // namespace

void Terminal::sendKey(Key key, int modifiers)
{
    const VTermKey k = toVTermKey(key);
    if (k == VTERM_KEY_NONE)
        return;
    ++d->m_opDepth;
    vterm_keyboard_key(d->m_vt.get(), k, toVTermMod(modifiers));
    finishOp();
}

void Terminal::sendChar(char32_t ch, int modifiers)
{
    if (ch == 0 || ch > 0x10ffff || (ch >= 0xd800 && ch <= 0xdfff))
        return;
    ++d->m_opDepth;
    const bool alt = modifiers & Alt;
    if (modifiers & Ctrl) {
        const int byte = controlByte(ch);
        if (byte >= 0) {
            if (alt)
                d->m_out.append('\x1b');
            d->m_out.append(char(byte));
        } else {
            vterm_keyboard_unichar(d->m_vt.get(), uint32_t(ch), toVTermMod(modifiers & ~Shift));
        }
    } else if (alt) {
        // libvterm 0.1.4 prints Alt+character with "%c", which breaks anything beyond Latin-1
        d->m_out.append('\x1b');
        appendUtf8(d->m_out, ch);
    } else {
        vterm_keyboard_unichar(d->m_vt.get(), uint32_t(ch), VTERM_MOD_NONE);
    }
    finishOp();
}

void Terminal::sendText(const QString &text)
{
    if (text.isEmpty())
        return;
    ++d->m_opDepth;
    d->m_out.append(text.toUtf8());
    finishOp();
}

void Terminal::paste(const QString &text)
{
    if (text.isEmpty())
        return;
    QByteArray bytes = text.toUtf8();
    // Pasted lines end in CR like typed ones (what xterm and VTE send).
    bytes.replace("\r\n", "\r");
    bytes.replace('\n', '\r');
    ++d->m_opDepth;
    if (bracketedPaste()) {
        // An ESC inside the paste could close the bracket early and smuggle in commands.
        bytes.replace('\x1b', "");
    }
    vterm_keyboard_start_paste(d->m_vt.get());
    d->m_out.append(bytes);
    vterm_keyboard_end_paste(d->m_vt.get());
    finishOp();
}

bool Terminal::mouseMove(int row, int col, int modifiers)
{
    if (d->m_mouse == MouseMode::Off)
        return false;
    ++d->m_opDepth;
    const qsizetype before = d->m_out.size();
    vterm_mouse_move(d->m_vt.get(), std::clamp(row, 0, d->m_rows - 1),
                     std::clamp(col, 0, d->m_cols - 1), toVTermMod(modifiers));
    const bool sent = d->m_out.size() != before;
    finishOp();
    return sent;
}

bool Terminal::mouseButton(MouseButton button, bool pressed, int row, int col, int modifiers)
{
    if (d->m_mouse == MouseMode::Off || button == MouseButton::None)
        return false;
    int vb = 0;
    switch (button) {
    case MouseButton::Left:
        vb = 1;
        break;
    case MouseButton::Middle:
        vb = 2;
        break;
    case MouseButton::Right:
        vb = 3;
        break;
    case MouseButton::WheelUp:
        vb = 4;
        break;
    case MouseButton::WheelDown:
        vb = 5;
        break;
    case MouseButton::None:
        break;
    }
    ++d->m_opDepth;
    const qsizetype before = d->m_out.size();
    const VTermModifier mod = toVTermMod(modifiers);
    vterm_mouse_move(d->m_vt.get(), std::clamp(row, 0, d->m_rows - 1),
                     std::clamp(col, 0, d->m_cols - 1), mod);
    vterm_mouse_button(d->m_vt.get(), vb, pressed, mod);
    const bool sent = d->m_out.size() != before;
    finishOp();
    return sent;
}

void Terminal::focusChanged(bool focused)
{
    ++d->m_opDepth;
    if (focused)
        vterm_state_focus_in(d->m_state);
    else
        vterm_state_focus_out(d->m_state);
    finishOp();
}

} // namespace Corral
