#include "terminal_p.h"

#include <optional>

namespace Corral {

namespace {

// Longest OSC/DCS payload kept; the rest of an endless string is dropped, not buffered.
constexpr int MaxStringBytes = 4096;

// Conceal on and off, as the font (see ConcealFont).
constexpr char ConcealOn[] = "\x1b[19m";
constexpr char ConcealOff[] = "\x1b[10m";
constexpr char ReplacementChar[] = "\xef\xbf\xbd"; // U+FFFD

bool isPrintableAscii(uchar c)
{
    return c >= 0x20 && c < 0x7f;
}

// Every code point libvterm 0.1.4 gives no width (combining marks, format characters, C1),
// and some more: coarse blocks around them.
bool maybeZeroWidth(char32_t cp)
{
    if (cp < 0x80 || (cp >= 0x2100 && cp < 0xa806))
        return false; // ASCII, and symbols, box drawing, CJK ...
    static constexpr std::pair<char32_t, char32_t> blocks[] = {
        {0x80, 0x9f},       {0x300, 0x36f},     {0x483, 0x489},     {0x591, 0x5c7},
        {0x600, 0x615},     {0x64b, 0x670},     {0x6d6, 0x6ed},     {0x70f, 0x74a},
        {0x7a6, 0x7b0},     {0x7eb, 0x7f3},     {0x901, 0xdff},     {0xe31, 0xecd},
        {0xf18, 0xfc6},     {0x102d, 0x1059},   {0x1160, 0x11ff},   {0x135f, 0x135f},
        {0x1712, 0x1dff},   {0x200b, 0x206f},   {0x20d0, 0x20ef},   {0xa806, 0xa826},
        {0xfb1e, 0xfb1e},   {0xfe00, 0xfe2f},   {0xfeff, 0xfeff},   {0xfff9, 0xfffb},
        {0x10a01, 0x10a3f}, {0x1d167, 0x1d244}, {0xe0000, 0xe01ef},
    };
    for (const auto &[lo, hi] : blocks) {
        if (cp >= lo && cp <= hi)
            return true;
    }
    return false;
}

} // namespace

// --- input pipeline ---------------------------------------------------------------------
//
// libvterm 0.1.4 does not give the same screen for every split of a stream: an OSC/DCS string
// or a UTF-8 sequence cut between two vterm_input_write() calls is lost or mis-decoded, and
// invalid UTF-8 or a run of text that mixes non-ASCII and ASCII decode differently depending
// on where a write starts. So the bytes pass through a small mirror of its parser that
//  - holds an incomplete UTF-8 sequence or string back until it is complete (m_carry),
//  - replaces invalid UTF-8 (and C1 controls in UTF-8) with U+FFFD,
//  - always starts a new write at the first ASCII byte after non-ASCII text, after a string
//    introducer and after a string terminator, so those cuts happen for every split,
//  - maps SGR 8/28 onto a font (conceal).
// It also keeps libvterm 0.1.4 away from its own bugs, each of which a remote side could
// trigger: more than 16 CSI arguments (overflow), REP with nothing to repeat (endless loop),
// DECRQSS it does not know (bad printf), DECRC into a shrunk screen and double-width lines
// on a one-column screen (cursor outside, out-of-bounds line table), margins left behind by
// a resize (negative memmove).
// Plain text and escape sequences are otherwise written through without copying.

void Terminal::Private::writeRange(const char *from, const char *to)
{
    if (from == to)
        return;
    if (m_carrying)
        m_carry.append(from, size_t(to - from));
    else
        vterm_input_write(m_vt.get(), from, size_t(to - from));
}

void Terminal::Private::flushTo(const char *p)
{
    writeRange(m_rangeBegin, p);
    m_rangeBegin = p;
}

void Terminal::Private::skipByte(const char *p)
{
    flushTo(p);
    m_rangeBegin = p + 1;
}

void Terminal::Private::writeCarry()
{
    if (!m_carrying)
        return;
    m_carrying = false;
    if (!m_carry.empty())
        vterm_input_write(m_vt.get(), m_carry.data(), m_carry.size());
    m_carry.clear();
}

void Terminal::Private::writeLiteral(const char *s, size_t n)
{
    flushTo(m_rangeBegin);
    writeCarry();
    vterm_input_write(m_vt.get(), s, n);
}

// The m_u8Have bytes before `at` are not valid UTF-8: write U+FFFD instead of them.
void Terminal::Private::replaceInvalid(const char *at)
{
    if (m_carrying) {
        flushTo(at);
        m_carry.resize(m_carry.size() - std::min<size_t>(m_u8Have, m_carry.size()));
    } else {
        flushTo(at - m_u8Have);
    }
    m_rangeBegin = at;
    writeLiteral(ReplacementChar, sizeof ReplacementChar - 1);
    m_u8Need = 0;
    m_u8Have = 0;
    m_afterNonAscii = true;
    m_glyphSeen = true;
}

// libvterm 0.1.4 answers a DECRQSS it does not know with printf("%.s", int, str), which reads
// an int as a pointer; only the requests it knows reach it.
bool Terminal::Private::unsafeStatusRequest() const
{
    std::string content;
    size_t end = m_carry.size();
    if (end >= 2 && m_carry.compare(end - 2, 2, "\x1b\\") == 0)
        end -= 2;
    else if (end >= 1 && m_carry[end - 1] == '\x07')
        end -= 1;
    for (size_t i = 0; i < end; ++i) {
        const uchar c = uchar(m_carry[i]);
        if (c >= 0x20 && c != 0x7f)
            content += char(c);
    }
    if (content.compare(0, 2, "$q") != 0)
        return false;
    const std::string request = content.substr(2);
    return request != "m" && request != "r" && request != "s" && request != " q"
        && request != "\"q";
}

void Terminal::Private::endString(const char *p, bool terminated)
{
    flushTo(p);
    if (terminated && m_stringDcs && unsafeStatusRequest()) {
        m_carry.assign(1, '\x18'); // CAN: libvterm drops the string
        m_out.append("\x1bP0$r\x1b\\"); // what it would have answered
    }
    writeCarry();
}

void Terminal::Private::finishSgr(const char *finalByte)
{
    // libvterm's own walk over the arguments: 38/48 take their colour arguments along, and
    // sub-parameters (':') belong to the argument before them.
    const int n = m_csiArg + 1;
    bool relevant = false;
    std::optional<bool> conceal;
    for (int i = 0; i < n;) {
        const int v = m_csiVal[i] < 0 ? 0 : m_csiVal[i];
        if (v == 0) {
            conceal = false;
        } else if (v == 8) {
            conceal = true;
            relevant = true;
        } else if (v == 28) {
            conceal = false;
            relevant = true;
        } else if (v >= 10 && v <= 19) {
            relevant = true;
        } else if ((v == 38 || v == 48) && i + 1 < n) {
            i += m_csiVal[i + 1] == 5 ? 2 : m_csiVal[i + 1] == 2 ? 4 : 1;
        }
        while (i < n && m_csiMore[i])
            ++i;
        ++i;
    }
    if (!relevant)
        return;
    flushTo(finalByte);
    VTermValue font{};
    vterm_state_get_penattr(m_state, VTERM_ATTR_FONT, &font);
    const bool on = conceal.value_or(font.number == ConcealFont);
    flushTo(finalByte + 1);
    if (on)
        writeLiteral(ConcealOn, sizeof ConcealOn - 1);
    else
        writeLiteral(ConcealOff, sizeof ConcealOff - 1);
    m_rangeBegin = finalByte + 1;
}

// libvterm 0.1.4 restores a saved cursor without fitting it into a screen that has shrunk
// since, and then indexes its own line table with it. So a sequence that may restore the
// cursor ends a write, and a cursor left outside is pulled back in at once (a resize to the
// same size clamps it and changes nothing else).
void Terminal::Private::cutAndCheckCursor(const char *p)
{
    flushTo(p);
    if (m_cursorOutside)
        clampCursor();
}

void Terminal::Private::clampCursor()
{
    m_cursorOutside = false;
    vterm_set_size(m_vt.get(), m_rows, m_cols);
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    m_cursor.row = pos.row;
    m_cursor.col = pos.col;
}

// Instead of its final byte the sequence gets a CAN, so libvterm drops it.
void Terminal::Private::cancelSequence(const char *finalByte)
{
    flushTo(finalByte);
    m_rangeBegin = finalByte + 1;
    vterm_input_write(m_vt.get(), "\x18", 1);
}

// Skips what is left of an escape sequence that a resize cancelled; returns where the rest of
// the input starts.
const char *Terminal::Private::discard(const char *p, const char *end)
{
    while (m_discard && p < end) {
        const uchar c = uchar(*p);
        switch (m_ps) {
        case ParseState::Normal:
            m_discard = false;
            return p;
        case ParseState::Esc:
            if (c == 0x1b) {
                m_ps = ParseState::Normal; // a new sequence: let it through
                m_discard = false;
                return p;
            }
            if (c == 0x18 || c == 0x1a
                || (c >= 0x30 && c <= 0x7e && c != '[' && c != ']' && c != 'P')) {
                m_ps = ParseState::Normal;
                m_discard = false;
            } else if (c == '[') {
                m_ps = ParseState::CsiLeader;
            } else if (c == ']' || c == 'P') {
                m_ps = ParseState::String;
            }
            break;
        case ParseState::CsiLeader:
        case ParseState::CsiArgs:
        case ParseState::CsiIntermed:
            if (c == 0x1b) {
                m_ps = ParseState::Normal;
                m_discard = false;
                return p;
            }
            if (c == 0x18 || c == 0x1a || c >= 0x40) {
                m_ps = ParseState::Normal;
                m_discard = false;
            }
            break;
        case ParseState::String:
            if (c == 0x07 || c == 0x18 || c == 0x1a) {
                m_ps = ParseState::Normal;
                m_discard = false;
            } else if (c == 0x1b) {
                m_ps = ParseState::EscInString;
            }
            break;
        case ParseState::EscInString:
            if (c == 0x00 || c == 0x7f || (c < 0x20 && c != 0x18 && c != 0x1a && c != 0x1b))
                break;
            m_ps = ParseState::Normal;
            m_discard = false;
            if (c == '\\')
                break;
            // the ESC began a new sequence after all
            vterm_input_write(m_vt.get(), "\x1b", 1);
            m_ps = ParseState::Esc;
            m_escIntermediate = 0;
            return p;
        }
        ++p;
    }
    return p;
}

// libvterm 0.1.4 keeps the top and left margins when the screen shrinks below them and then
// scrolls with a negative height (memory corruption). Like xterm, a resize resets the
// margins; the cursor stays where it was. An escape sequence that the resize cuts in two is
// dropped, so nothing is injected into the middle of it.
void Terminal::Private::resetMargins()
{
    VTerm *vt = m_vt.get();
    if (m_ps != ParseState::Normal) {
        vterm_input_write(vt, "\x18", 1);
        m_discard = true;
        if (m_ps == ParseState::String || m_ps == ParseState::EscInString) {
            m_carry.clear();
            m_carrying = false;
        }
    }
    const bool leftRight
        = probe([vt] { vterm_input_write(vt, "\x1b[?69$p", 7); }).contains("69;1$y");
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    std::string fix = "\x1b[r";
    fix += leftRight ? "\x1b[s" : "\x1b[?69h\x1b[s\x1b[?69l";
    fix += "\x1b[" + std::to_string(pos.row + 1) + ';' + std::to_string(pos.col + 1) + 'H';
    vterm_input_write(vt, fix.data(), fix.size());
    vterm_state_get_cursorpos(m_state, &pos);
    m_cursor.row = pos.row;
    m_cursor.col = pos.col;
    m_cursorOutside = false;
}

void Terminal::Private::process(const char *p, const char *end)
{
    if (m_discard)
        p = discard(p, end);
    m_rangeBegin = p;
    while (p < end) {
        const uchar c = uchar(*p);
        switch (m_ps) {
        case ParseState::Normal:
            if (m_u8Need) {
                if (c >= m_u8Lo && c <= m_u8Hi) {
                    ++p;
                    ++m_u8Have;
                    m_u8Lo = 0x80;
                    m_u8Hi = 0xbf;
                    m_u8Cp = (m_u8Cp << 6) | (c & 0x3f);
                    if (--m_u8Need == 0) {
                        if (m_u8Cp >= 0x80 && m_u8Cp <= 0x9f) {
                            // C1 controls written as UTF-8: libvterm gives them width -1 and
                            // moves the cursor a column back, off the screen from column 0
                            replaceInvalid(p);
                            continue;
                        }
                        m_u8Have = 0;
                        m_afterNonAscii = true;
                        // a mark that libvterm cannot attach leaves it nothing to repeat
                        m_glyphSeen = !maybeZeroWidth(m_u8Cp);
                        if (m_carrying) {
                            flushTo(p);
                            writeCarry();
                        }
                    }
                } else {
                    replaceInvalid(p); // and look at this byte again
                }
                continue;
            }
            if (isPrintableAscii(c)) {
                if (m_afterNonAscii) {
                    flushTo(p);
                    m_afterNonAscii = false;
                }
                m_glyphSeen = true;
                ++p;
                while (p < end && isPrintableAscii(uchar(*p)))
                    ++p;
                continue;
            }
            ++p;
            if (c < 0x80) {
                m_afterNonAscii = false;
                if (c == 0x1b) {
                    m_ps = ParseState::Esc;
                    m_escIntermediate = 0;
                }
                continue; // C0 controls and DEL leave the parser in text
            }
            m_u8Have = 1;
            m_u8Lo = 0x80;
            m_u8Hi = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                m_u8Need = 1;
                m_u8Cp = c & 0x1f;
            } else if (c >= 0xe0 && c <= 0xef) {
                m_u8Need = 2;
                m_u8Cp = c & 0x0f;
                if (c == 0xe0)
                    m_u8Lo = 0xa0;
                else if (c == 0xed)
                    m_u8Hi = 0x9f;
            } else if (c >= 0xf0 && c <= 0xf4) {
                m_u8Need = 3;
                m_u8Cp = c & 0x07;
                if (c == 0xf0)
                    m_u8Lo = 0x90;
                else if (c == 0xf4)
                    m_u8Hi = 0x8f;
            } else {
                replaceInvalid(p);
            }
            continue;

        case ParseState::Esc:
            ++p;
            if (c == 0x18 || c == 0x1a) {
                m_ps = ParseState::Normal;
            } else if (c == 0x1b) {
                m_escIntermediate = 0;
            } else if (c >= 0x20 && c <= 0x2f) {
                m_escIntermediate = m_escIntermediate ? 0xff : c;
            } else if (c == '[') {
                m_ps = ParseState::CsiLeader;
                m_csiArg = 0;
                m_csiVal[0] = -1;
                m_csiMore[0] = false;
                m_csiPrivate = false;
                m_csiDropping = false;
            } else if (c == ']' || c == 'P') {
                // the string goes to libvterm in one piece, whatever the chunks
                m_ps = ParseState::String;
                m_stringLen = 0;
                m_stringDcs = c == 'P';
                flushTo(p);
                m_carrying = true;
            } else if (c >= 0x30 && c <= 0x7e) {
                m_ps = ParseState::Normal;
                if (c == '8' && !m_escIntermediate) {
                    cutAndCheckCursor(p); // DECRC
                } else if (m_escIntermediate == '#' && (c == '3' || c == '4' || c == '6')) {
                    // Double-width/height lines: drawn single anyway, and libvterm 0.1.4
                    // puts the cursor at column -1 on one in a screen one column wide.
                    cancelSequence(p - 1);
                }
            }
            // NUL, DEL, other C0 controls, intermediates and bytes >= 0x80 keep the escape
            continue;

        case ParseState::CsiLeader:
        case ParseState::CsiArgs:
        case ParseState::CsiIntermed:
            if (c < 0x20 || c == 0x7f) {
                ++p;
                if (c == 0x18 || c == 0x1a) {
                    m_ps = ParseState::Normal;
                } else if (c == 0x1b) {
                    m_ps = ParseState::Esc;
                    m_escIntermediate = 0;
                }
                continue;
            }
            if (m_ps == ParseState::CsiLeader) {
                if (c >= 0x3c && c <= 0x3f) {
                    m_csiPrivate = true;
                    ++p;
                    continue;
                }
                m_ps = ParseState::CsiArgs;
            }
            if (m_ps == ParseState::CsiArgs) {
                if ((c >= '0' && c <= '9') || c == ':' || c == ';') {
                    if (m_csiDropping) {
                        skipByte(p);
                    } else if (c >= '0' && c <= '9') {
                        int &v = m_csiVal[m_csiArg];
                        v = std::min((v < 0 ? 0 : v) * 10 + (c - '0'), 1000000);
                    } else if (m_csiArg + 1 == MaxCsiArgs) {
                        m_csiDropping = true;
                        skipByte(p);
                    } else {
                        m_csiMore[m_csiArg] = c == ':';
                        ++m_csiArg;
                        m_csiVal[m_csiArg] = -1;
                        m_csiMore[m_csiArg] = false;
                    }
                    ++p;
                    continue;
                }
                m_ps = ParseState::CsiIntermed;
            }
            ++p;
            if (c >= 0x20 && c <= 0x2f) {
                m_csiPrivate = true;
                continue;
            }
            m_ps = ParseState::Normal;
            if (c == 'm' && !m_csiPrivate)
                finishSgr(p - 1);
            else if (c == 'h' || c == 'l' || c == 'u')
                cutAndCheckCursor(p); // the modes 1048/1049 and SCORC restore the cursor
            else if (c == 'b' && !m_csiPrivate && !m_glyphSeen)
                cancelSequence(p - 1); // REP with nothing to repeat: libvterm loops for ever
            // any other final byte is libvterm's business; anything else ends the CSI unused
            continue;

        case ParseState::String:
            if (c == 0x07 || c == 0x18 || c == 0x1a) {
                ++p;
                m_ps = ParseState::Normal;
                endString(p, c == 0x07);
            } else if (c == 0x1b) {
                ++p;
                m_ps = ParseState::EscInString;
            } else if (c < 0x20 || c == 0x7f) {
                ++p;
            } else if (m_stringLen >= MaxStringBytes) {
                skipByte(p);
                ++p;
            } else {
                ++m_stringLen;
                ++p;
            }
            continue;

        case ParseState::EscInString:
            if (c == 0x00 || c == 0x7f || (c < 0x20 && c != 0x18 && c != 0x1a && c != 0x1b)) {
                ++p;
                continue;
            }
            if (c == '\\') {
                ++p;
                m_ps = ParseState::Normal;
                endString(p, true);
                continue;
            }
            // the string is abandoned and this byte continues the new escape sequence
            m_ps = ParseState::Esc;
            m_escIntermediate = 0;
            endString(p, false);
            continue;
        }
    }

    // End of this chunk: keep what libvterm must not see yet.
    if (m_ps == ParseState::String || m_ps == ParseState::EscInString) {
        flushTo(end);
    } else if (m_ps == ParseState::Normal && m_u8Need) {
        if (!m_carrying) {
            flushTo(end - m_u8Have);
            m_carrying = true;
        }
        flushTo(end);
    } else {
        flushTo(end);
    }
    m_rangeBegin = nullptr;
}

} // namespace Corral
