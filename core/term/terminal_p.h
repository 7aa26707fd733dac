#pragma once

// Terminal's private state, shared by the terminal*.cpp files of core/term.

#include "terminal.h"
#include "terminal_cell.h"
#include "terminal_scrollback.h"

#include <vterm.h>

#include <functional>
#include <limits>
#include <memory>
#include <string>

namespace Corral {

namespace TermDetail {

// libvterm 0.1.4 keeps room for 16 CSI arguments and writes past the end on a 17th (a remote
// crash), so every separator after the 15th is dropped together with its digits.
inline constexpr int MaxCsiArgs = 16;

// libvterm 0.1.4 has no concealed attribute (SGR 8/28 are ignored), so conceal rides on the
// otherwise unused alternative-font attribute: font 9 (SGR 19) means concealed.
inline constexpr int ConcealFont = 9;

struct VTermDeleter
{
    void operator()(VTerm *vt) const { vterm_free(vt); }
};

// Where libvterm's parser is, mirrored byte by byte outside plain text (see Private::process).
enum class ParseState : quint8 {
    Normal,
    Esc,
    CsiLeader,
    CsiArgs,
    CsiIntermed,
    String,
    EscInString
};

} // namespace TermDetail

// The helpers above are for these files only; the header is not installed or included elsewhere.
using namespace TermDetail;

// libvterm's state layer drives our own screen model. (Its screen layer moves the whole
// screen buffer in memory for every line that scrolls and converts each pushed line cell by
// cell; with a ring of rows a scroll costs a handful of pointer moves.)
struct Terminal::Private
{
    explicit Private(int rows, int cols, int scrollbackLimit);

    // input pipeline
    void process(const char *p, const char *end);
    void writeRange(const char *from, const char *to);
    void flushTo(const char *p);
    void skipByte(const char *p);
    void writeCarry();
    void writeLiteral(const char *s, size_t n);
    void replaceInvalid(const char *at);
    void endString(const char *p, bool terminated);
    bool unsafeStatusRequest() const;
    void finishSgr(const char *finalByte);
    void cutAndCheckCursor(const char *p);
    void clampCursor();
    void cancelSequence(const char *finalByte);
    const char *discard(const char *p, const char *end);
    void resetMargins();

    // screen model
    Buffer &screen() { return m_buffers[m_active]; }
    const Buffer &screen() const { return m_buffers[m_active]; }
    // the row glyphs went to last; scrolling, resizing and switching screens forget it
    Row &glyphRow(int row)
    {
        if (row != m_glyphRowIndex) {
            m_glyphRow = &screen().row(row);
            m_glyphRowIndex = row;
        }
        return *m_glyphRow;
    }
    void forgetGlyphRow() { m_glyphRowIndex = -1; }
    Cell eraseCell() const { return Cell{0, m_penFg, m_penBg}; }
    void blankOut(Row &row, int col);
    void fixWideEdges(Row &row, int from, int to);
    void clearRow(Row &row, const Cell &fill);
    void eraseRect(int top, int bottom, int left, int right, bool selective);
    void moveCells(VTermRect dest, VTermRect src);
    void resizeBuffer(int index, int rows, int cols, VTermPos *delta);
    void addDamage(int row, int col, int rows, int cols)
    {
        m_dmgTop = std::min(m_dmgTop, row);
        m_dmgLeft = std::min(m_dmgLeft, col);
        m_dmgBottom = std::max(m_dmgBottom, row + rows);
        m_dmgRight = std::max(m_dmgRight, col + cols);
    }

    // reading
    LineView lineView(int row) const;
    TermCell toTermCell(const Cell &c) const;
    quint32 rgb(VTermColor c) const;
    void lineWithColumns(int row, QString &text, std::vector<int> &startCol,
                         std::vector<int> &endCol) const;

    // probes: run a libvterm input call and see what it would send
    QByteArray probe(const std::function<void()> &call) const;

    // libvterm callbacks
    static int onPutGlyph(VTermGlyphInfo *info, VTermPos pos, void *user);
    static int onMoveCursor(VTermPos pos, VTermPos oldpos, int visible, void *user);
    static int onScrollRect(VTermRect rect, int downward, int rightward, void *user);
    static int onMoveRect(VTermRect dest, VTermRect src, void *user);
    static int onErase(VTermRect rect, int selective, void *user);
    static int onInitPen(void *user);
    static int onSetPenAttr(VTermAttr attr, VTermValue *val, void *user);
    static int onSetTermProp(VTermProp prop, VTermValue *val, void *user);
    static int onBell(void *user);
    static int onResize(int rows, int cols, VTermPos *delta, void *user);
    static int onSetLineInfo(int row, const VTermLineInfo *newinfo, const VTermLineInfo *oldinfo,
                             void *user);
    static void onOutput(const char *s, size_t len, void *user);

    std::unique_ptr<VTerm, VTermDeleter> m_vt;
    VTermState *m_state = nullptr;
    int m_rows;
    int m_cols;
    Buffer m_buffers[2]; // main, alternate
    int m_active = 0;
    Scrollback m_scrollback;
    VTermColor m_defaultFg{};
    VTermColor m_defaultBg{};
    Cell m_blank{};
    quint32 m_penFlags = 0;
    VTermColor m_penFg{};
    VTermColor m_penBg{};
    std::vector<Cell> m_scratch;
    std::vector<Cell> m_scratchExtras;
    Row *m_glyphRow = nullptr;
    int m_glyphRowIndex = -1;

    // input pipeline state; survives between feed() calls
    ParseState m_ps = ParseState::Normal;
    quint8 m_u8Need = 0; // continuation bytes still expected
    quint8 m_u8Have = 0; // bytes of the pending sequence so far
    uchar m_u8Lo = 0x80;
    uchar m_u8Hi = 0xbf;
    char32_t m_u8Cp = 0;
    bool m_afterNonAscii = false;
    bool m_glyphSeen = false; // libvterm surely has a glyph to repeat (REP)
    int m_csiArg = 0; // index of the argument being read
    bool m_csiPrivate = false; // leader or intermediate bytes present: not an SGR
    bool m_csiDropping = false;
    int m_csiVal[MaxCsiArgs]{};
    bool m_csiMore[MaxCsiArgs]{};
    int m_stringLen = 0;
    bool m_stringDcs = false;
    const char *m_rangeBegin = nullptr;
    std::string m_carry;
    bool m_carrying = false;
    bool m_cursorOutside = false;
    bool m_discard = false; // drop the rest of an escape sequence cut by a resize
    uchar m_escIntermediate = 0; // the first one of an ESC sequence; 0xff for more than one

    // state from callbacks
    int m_dmgTop = std::numeric_limits<int>::max();
    int m_dmgLeft = std::numeric_limits<int>::max();
    int m_dmgBottom = -1;
    int m_dmgRight = -1;
    TermCursor m_cursor;
    QString m_title;
    bool m_altScreen = false;
    bool m_reverse = false;
    MouseMode m_mouse = MouseMode::Off;

    // output and deferred signals
    int m_opDepth = 0;
    QByteArray m_out;
    mutable QByteArray *m_probe = nullptr;
    bool m_bell = false;
    bool m_scrollbackDirty = false;
    QString m_reportedTitle;
    bool m_reportedAlt = false;
};

} // namespace Corral
