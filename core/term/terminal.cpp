#include "terminal.h"

#include <QPointer>

#include <vterm.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

namespace Corral {

namespace {

constexpr int MaxDimension = 2000;

// libvterm 0.1.4 keeps room for 16 CSI arguments and writes past the end on a 17th (a remote
// crash), so every separator after the 15th is dropped together with its digits.
constexpr int MaxCsiArgs = 16;

// Longest OSC/DCS payload kept; the rest of an endless string is dropped, not buffered.
constexpr int MaxStringBytes = 4096;

// libvterm 0.1.4 has no concealed attribute (SGR 8/28 are ignored), so conceal rides on the
// otherwise unused alternative-font attribute: font 9 (SGR 19) means concealed.
constexpr int ConcealFont = 9;
constexpr char ConcealOn[] = "\x1b[19m";
constexpr char ConcealOff[] = "\x1b[10m";
constexpr char ReplacementChar[] = "\xef\xbf\xbd"; // U+FFFD

constexpr int MaxCombining = VTERM_MAX_CHARS_PER_CELL - 1;

int clampDimension(int v)
{
    return std::clamp(v, 1, MaxDimension);
}

// One cell, on the screen and in the scrollback alike: 12 bytes. The code point and the
// attributes share a word; colours stay libvterm's own (indexed, RGB or default) and are
// resolved when read.
struct Cell
{
    quint32 chFlags;
    VTermColor fg;
    VTermColor bg;
};
static_assert(sizeof(VTermColor) == 4);
static_assert(sizeof(Cell) == 12);

enum CellFlag : quint32 {
    CharMask = 0x1fffff,
    Bold = 1u << 21,
    Italic = 1u << 22,
    Underline = 1u << 23,
    Reverse = 1u << 24,
    Strike = 1u << 25,
    Blink = 1u << 26,
    Conceal = 1u << 27,
    WideLeft = 1u << 28,
    WideRight = 1u << 29,
    Combining = 1u << 30, // marks for this cell are in the line's extras
    Protected = 1u << 31, // DECSCA
};

// A combining mark: the cell's chFlags holds code point | column << 21 (columns stay below
// MaxDimension < 2^11); the colours are unused.
constexpr int ExtraColShift = 21;

int extraCol(const Cell &e)
{
    return int(e.chFlags >> ExtraColShift);
}

Cell makeExtra(quint32 cp, int col)
{
    return Cell{(cp & CharMask) | (quint32(col) << ExtraColShift), {}, {}};
}

struct Row
{
    std::vector<Cell> cells;
    std::vector<Cell> extras; // usually empty
    int used = 0; // cells from here on are the default blank and have no marks
};

// A screen's rows, reached through an index so that scrolling moves indexes, not cells.
struct Buffer
{
    std::vector<Row> pool;
    std::vector<int> order; // screen row -> pool index

    int size() const { return int(order.size()); }
    Row &row(int i) { return pool[size_t(order[size_t(i)])]; }
    const Row &row(int i) const { return pool[size_t(order[size_t(i)])]; }

    std::vector<Row> take()
    {
        std::vector<Row> rows;
        rows.reserve(order.size());
        for (int i : order)
            rows.push_back(std::move(pool[size_t(i)]));
        pool.clear();
        order.clear();
        return rows;
    }
    void assign(std::vector<Row> rows)
    {
        pool = std::move(rows);
        order.resize(pool.size());
        std::iota(order.begin(), order.end(), 0);
    }
};

bool sameCell(const Cell &a, const Cell &b)
{
    return std::memcmp(&a, &b, sizeof(Cell)) == 0;
}

// What the readers need of a line, wherever it lives.
struct LineView
{
    const Cell *cells = nullptr;
    int count = 0;
    const Cell *extras = nullptr;
    int extraCount = 0;
};

bool isBlank(const Cell &c)
{
    return (c.chFlags & (CharMask | Underline | Reverse | Strike | WideLeft | WideRight)) == 0
        && VTERM_COLOR_IS_DEFAULT_BG(&c.bg);
}

void removeExtras(Row &row, int from, int to)
{
    std::erase_if(row.extras, [from, to](const Cell &e) {
        const int col = extraCol(e);
        return col >= from && col < to;
    });
}

// Lines pushed off the top of the screen, newest last. Cells live in one arena: lines are
// appended at the head and dropped from the tail, so the live region is contiguous and is
// moved to the front when the head reaches the end. Steady state allocates nothing.
class Scrollback
{
public:
    explicit Scrollback(int limit) { setLimit(limit); }

    int size() const { return m_count; }
    int limit() const { return m_limit; }

    // Returns how many lines were dropped.
    int setLimit(int limit)
    {
        limit = std::max(0, limit);
        int dropped = 0;
        while (m_count > limit) {
            dropOldest();
            ++dropped;
        }
        std::vector<Desc> ring(size_t(std::max(1, limit)));
        for (int i = 0; i < m_count; ++i)
            ring[size_t(i)] = m_ring[slot(i)];
        m_ring = std::move(ring);
        m_first = 0;
        m_limit = limit;
        if (m_count == 0)
            m_head = m_tail = 0;
        return dropped;
    }

    void clear()
    {
        m_count = 0;
        m_first = 0;
        m_head = m_tail = 0;
    }

    void push(const Row &row, int cols)
    {
        if (m_limit == 0)
            return;
        int count = std::min({cols, int(row.cells.size()), row.used});
        while (count > 0 && isBlank(row.cells[size_t(count - 1)]))
            --count;
        int extras = 0;
        for (const Cell &e : row.extras)
            extras += extraCol(e) < count ? 1 : 0;
        if (m_count == m_limit)
            dropOldest();
        const size_t at = reserve(size_t(count) + size_t(extras));
        Cell *out = m_arena.data() + at;
        std::copy_n(row.cells.data(), count, out);
        Cell *extra = out + count;
        for (const Cell &e : row.extras) {
            if (extraCol(e) < count)
                *extra++ = e;
        }
        m_head = at + size_t(count) + size_t(extras);
        m_ring[slot(m_count)] = Desc{at, quint32(count), quint32(extras)};
        ++m_count;
    }

    // Takes the newest line back into `row` (the screen grew taller).
    bool pop(Row &row, int cols, const Cell &blank)
    {
        if (m_count == 0)
            return false;
        const LineView l = line(0);
        const int n = std::min(cols, l.count);
        row.cells.assign(size_t(cols), blank);
        std::copy_n(l.cells, n, row.cells.data());
        row.used = n;
        if (n > 0 && (row.cells[size_t(n - 1)].chFlags & WideLeft) && n == cols)
            row.cells[size_t(n - 1)] = blank; // its right half did not fit
        row.extras.clear();
        for (int e = 0; e < l.extraCount; ++e) {
            const int col = extraCol(l.extras[e]);
            if (col < n && (row.cells[size_t(col)].chFlags & Combining))
                row.extras.push_back(l.extras[e]);
        }
        --m_count;
        m_head = m_ring[slot(m_count)].offset;
        if (m_count == 0)
            m_head = m_tail = 0;
        return true;
    }

    // index 0 is the newest line
    LineView line(int index) const
    {
        if (index < 0 || index >= m_count)
            return {};
        const Desc &d = m_ring[slot(m_count - 1 - index)];
        const Cell *base = m_arena.data() + d.offset;
        return LineView{base, int(d.cells), base + d.cells, int(d.extras)};
    }

private:
    struct Desc
    {
        size_t offset = 0;
        quint32 cells = 0;
        quint32 extras = 0;
    };

    size_t slot(int i) const { return size_t(m_first + i) % m_ring.size(); }

    void dropOldest()
    {
        m_first = int(size_t(m_first + 1) % m_ring.size());
        --m_count;
        if (m_count == 0)
            m_head = m_tail = 0;
        else
            m_tail = m_ring[size_t(m_first)].offset;
    }

    size_t reserve(size_t n)
    {
        if (m_count == 0)
            m_head = m_tail = 0;
        if (m_head + n <= m_arena.size())
            return m_head;
        // Move the live region to the front; grow when it fills most of the arena, so the
        // copying stays proportional to what was pushed.
        const size_t live = m_head - m_tail;
        if (live + n > m_arena.size() * 3 / 4) {
            std::vector<Cell> bigger(std::max<size_t>(4096, (live + n) * 2));
            std::copy(m_arena.begin() + ptrdiff_t(m_tail), m_arena.begin() + ptrdiff_t(m_head),
                      bigger.begin());
            m_arena = std::move(bigger);
        } else {
            std::copy(m_arena.begin() + ptrdiff_t(m_tail), m_arena.begin() + ptrdiff_t(m_head),
                      m_arena.begin());
        }
        for (int i = 0; i < m_count; ++i)
            m_ring[slot(i)].offset -= m_tail;
        m_head = live;
        m_tail = 0;
        return m_head;
    }

    std::vector<Cell> m_arena;
    std::vector<Desc> m_ring;
    size_t m_head = 0; // end of the newest line
    size_t m_tail = 0; // start of the oldest line
    int m_first = 0; // ring slot of the oldest line
    int m_count = 0;
    int m_limit = 0;
};

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

Terminal::Private::Private(int rows, int cols, int scrollbackLimit)
    : m_vt(vterm_new(clampDimension(rows), clampDimension(cols)))
    , m_rows(clampDimension(rows))
    , m_cols(clampDimension(cols))
    , m_scrollback(scrollbackLimit)
{
    static const VTermStateCallbacks stateCallbacks = {
        &Private::onPutGlyph,   &Private::onMoveCursor,  &Private::onScrollRect,
        &Private::onMoveRect,   &Private::onErase,       &Private::onInitPen,
        &Private::onSetPenAttr, &Private::onSetTermProp, &Private::onBell,
        &Private::onResize,     &Private::onSetLineInfo,
    };
    VTerm *vt = m_vt.get();
    vterm_set_utf8(vt, 1);
    vterm_output_set_callback(vt, &Private::onOutput, this);
    m_state = vterm_obtain_state(vt);
    vterm_state_get_default_colors(m_state, &m_defaultFg, &m_defaultBg);
    m_blank = Cell{0, m_defaultFg, m_defaultBg};
    m_penFg = m_defaultFg;
    m_penBg = m_defaultBg;
    for (Buffer &buffer : m_buffers) {
        std::vector<Row> rows(static_cast<size_t>(m_rows));
        for (Row &row : rows)
            row.cells.assign(size_t(m_cols), m_blank);
        buffer.assign(std::move(rows));
    }
    vterm_state_set_callbacks(m_state, &stateCallbacks, this);
    vterm_state_reset(m_state, 1);
    m_carry.reserve(64);
}

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

// --- screen model -------------------------------------------------------------------------

// The cell loses its glyph (half of a wide glyph that is being overwritten) but keeps colours.
void Terminal::Private::blankOut(Row &row, int col)
{
    Cell &c = row.cells[size_t(col)];
    if (c.chFlags & Combining)
        removeExtras(row, col, col + 1);
    c.chFlags &= ~(CharMask | WideLeft | WideRight | Combining);
}

// Cells [from, to) are about to change: a wide glyph reaching into them from either side
// loses its other half.
void Terminal::Private::fixWideEdges(Row &row, int from, int to)
{
    if (from > 0 && from < m_cols && (row.cells[size_t(from)].chFlags & WideRight))
        blankOut(row, from - 1);
    if (to > 0 && to < m_cols && (row.cells[size_t(to - 1)].chFlags & WideLeft))
        blankOut(row, to);
}

void Terminal::Private::clearRow(Row &row, const Cell &fill)
{
    if (sameCell(fill, m_blank)) {
        std::fill(row.cells.begin(), row.cells.begin() + std::min(row.used, m_cols), fill);
        row.used = 0;
    } else {
        std::fill(row.cells.begin(), row.cells.end(), fill);
        row.used = m_cols;
    }
    row.extras.clear();
}

void Terminal::Private::eraseRect(int top, int bottom, int left, int right, bool selective)
{
    top = std::max(top, 0);
    bottom = std::min(bottom, m_rows);
    left = std::max(left, 0);
    right = std::min(right, m_cols);
    if (top >= bottom || left >= right)
        return;
    const Cell fill = eraseCell();
    const bool blank = sameCell(fill, m_blank);
    Buffer &rows = screen();
    for (int r = top; r < bottom; ++r) {
        Row &row = rows.row(r);
        if (!selective && left == 0 && right == m_cols) {
            clearRow(row, fill);
            continue;
        }
        if (!blank)
            row.used = std::max(row.used, right);
        fixWideEdges(row, left, right);
        for (int c = left; c < right; ++c) {
            Cell &cell = row.cells[size_t(c)];
            if (selective && (cell.chFlags & Protected))
                continue;
            if (cell.chFlags & Combining)
                removeExtras(row, c, c + 1);
            cell = fill;
        }
    }
    addDamage(top, left, bottom - top, right - left);
}

// Copies the cells of `src` onto `dest` (same size, may overlap), marks included.
void Terminal::Private::moveCells(VTermRect dest, VTermRect src)
{
    const int height = src.end_row - src.start_row;
    const int width = src.end_col - src.start_col;
    if (height <= 0 || width <= 0)
        return;
    Buffer &rows = screen();
    const bool upwards = dest.start_row <= src.start_row;
    for (int i = 0; i < height; ++i) {
        const int k = upwards ? i : height - 1 - i;
        Row &from = rows.row(src.start_row + k);
        Row &to = rows.row(dest.start_row + k);
        to.used = std::max(to.used, dest.end_col);
        m_scratch.assign(from.cells.begin() + src.start_col,
                         from.cells.begin() + src.start_col + width);
        m_scratchExtras.clear();
        for (const Cell &e : from.extras) {
            const int col = extraCol(e);
            if (col >= src.start_col && col < src.end_col)
                m_scratchExtras.push_back(
                    makeExtra(e.chFlags, col - src.start_col + dest.start_col));
        }
        fixWideEdges(to, dest.start_col, dest.end_col);
        removeExtras(to, dest.start_col, dest.end_col);
        std::copy(m_scratch.begin(), m_scratch.end(), to.cells.begin() + dest.start_col);
        to.extras.insert(to.extras.end(), m_scratchExtras.begin(), m_scratchExtras.end());
        // halves cut off at the edges of the moved block
        Cell &first = to.cells[size_t(dest.start_col)];
        if (first.chFlags & WideRight)
            blankOut(to, dest.start_col);
        Cell &last = to.cells[size_t(dest.end_col - 1)];
        if ((last.chFlags & WideLeft)
            && (dest.end_col >= m_cols || !(to.cells[size_t(dest.end_col)].chFlags & WideRight)))
            blankOut(to, dest.end_col - 1);
    }
    addDamage(dest.start_row, dest.start_col, height, width);
}

int Terminal::Private::onPutGlyph(VTermGlyphInfo *info, VTermPos pos, void *user)
{
    auto *d = static_cast<Private *>(user);
    if (pos.row < 0 || pos.row >= d->m_rows || pos.col < 0 || pos.col >= d->m_cols)
        return 1;
    Row &row = d->glyphRow(pos.row);
    Cell &target = row.cells[size_t(pos.col)];
    const quint32 first = info->chars[0];
    // the common case: one narrow glyph without marks over a cell that is no part of a wide one
    if (info->width == 1 && first && first <= 0x10ffff && !info->chars[1] && !info->protected_cell
        && !(target.chFlags & (WideLeft | WideRight | Combining))) {
        target = Cell{d->m_penFlags | first, d->m_penFg, d->m_penBg};
        if (pos.col >= row.used)
            row.used = pos.col + 1;
        d->addDamage(pos.row, pos.col, 1, 1);
        return 1;
    }
    const int width = info->width == 2 && pos.col + 1 < d->m_cols ? 2 : 1;
    row.used = std::max(row.used, pos.col + width);
    d->fixWideEdges(row, pos.col, pos.col + width);
    Cell &cell = row.cells[size_t(pos.col)];
    if (cell.chFlags & Combining)
        removeExtras(row, pos.col, pos.col + 1);
    quint32 ch = info->chars[0];
    if (ch > 0x10ffff)
        ch = 0xfffd;
    quint32 flags = d->m_penFlags | (info->protected_cell ? quint32(Protected) : 0u);
    if (ch) {
        for (int k = 1; k <= MaxCombining && info->chars[k]; ++k) {
            flags |= Combining;
            row.extras.push_back(makeExtra(info->chars[k], pos.col));
        }
    }
    if (width == 2) {
        Cell &right = row.cells[size_t(pos.col + 1)];
        if (right.chFlags & Combining)
            removeExtras(row, pos.col + 1, pos.col + 2);
        right = Cell{(flags & ~Combining) | WideRight, d->m_penFg, d->m_penBg};
        flags |= WideLeft;
    }
    cell = Cell{flags | ch, d->m_penFg, d->m_penBg};
    d->addDamage(pos.row, pos.col, 1, width);
    return 1;
}

int Terminal::Private::onMoveCursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
{
    auto *d = static_cast<Private *>(user);
    // the cells under the old and new cursor need repainting (two columns: it may be wide)
    d->addDamage(oldpos.row, oldpos.col, 1, 2);
    d->addDamage(pos.row, pos.col, 1, 2);
    d->m_cursor.row = pos.row;
    d->m_cursor.col = pos.col;
    d->m_cursor.visible = visible != 0;
    if (pos.row < 0 || pos.row >= d->m_rows || pos.col < 0 || pos.col >= d->m_cols)
        d->m_cursorOutside = true;
    return 1;
}

int Terminal::Private::onScrollRect(VTermRect rect, int downward, int rightward, void *user)
{
    auto *d = static_cast<Private *>(user);
    rect.start_row = std::max(rect.start_row, 0);
    rect.end_row = std::min(rect.end_row, d->m_rows);
    rect.start_col = std::max(rect.start_col, 0);
    rect.end_col = std::min(rect.end_col, d->m_cols);
    const int height = rect.end_row - rect.start_row;
    const int width = rect.end_col - rect.start_col;
    if (height <= 0 || width <= 0 || (downward == 0 && rightward == 0))
        return 1;
    d->addDamage(rect.start_row, rect.start_col, height, width);
    Buffer &rows = d->screen();
    d->forgetGlyphRow();
    if (rightward == 0 && rect.start_col == 0 && rect.end_col == d->m_cols) {
        // whole lines: rotate them, then clear the ones that came in
        const Cell fill = d->eraseCell();
        const auto first = rows.order.begin() + rect.start_row;
        const auto last = rows.order.begin() + rect.end_row;
        if (downward > 0) {
            const int n = std::min(downward, height);
            if (rect.start_row == 0 && d->m_active == 0) {
                for (int i = 0; i < n; ++i)
                    d->m_scrollback.push(rows.row(i), d->m_cols);
                d->m_scrollbackDirty = d->m_scrollbackDirty || d->m_scrollback.limit() > 0;
            }
            std::rotate(first, first + n, last);
            for (int r = rect.end_row - n; r < rect.end_row; ++r)
                d->clearRow(rows.row(r), fill);
        } else {
            const int n = std::min(-downward, height);
            std::rotate(first, last - n, last);
            for (int r = rect.start_row; r < rect.start_row + n; ++r)
                d->clearRow(rows.row(r), fill);
        }
        return 1;
    }
    if (std::abs(downward) >= height || std::abs(rightward) >= width) {
        d->eraseRect(rect.start_row, rect.end_row, rect.start_col, rect.end_col, false);
        return 1;
    }
    VTermRect src = rect;
    VTermRect dest = rect;
    if (downward >= 0) {
        src.start_row += downward;
        dest.end_row -= downward;
    } else {
        src.end_row += downward;
        dest.start_row -= downward;
    }
    if (rightward >= 0) {
        src.start_col += rightward;
        dest.end_col -= rightward;
    } else {
        src.end_col += rightward;
        dest.start_col -= rightward;
    }
    d->moveCells(dest, src);
    if (downward > 0)
        d->eraseRect(rect.end_row - downward, rect.end_row, rect.start_col, rect.end_col, false);
    else if (downward < 0)
        d->eraseRect(rect.start_row, rect.start_row - downward, rect.start_col, rect.end_col,
                     false);
    if (rightward > 0)
        d->eraseRect(rect.start_row, rect.end_row, rect.end_col - rightward, rect.end_col, false);
    else if (rightward < 0)
        d->eraseRect(rect.start_row, rect.end_row, rect.start_col, rect.start_col - rightward,
                     false);
    return 1;
}

int Terminal::Private::onMoveRect(VTermRect dest, VTermRect src, void *user)
{
    auto *d = static_cast<Private *>(user);
    const int height = src.end_row - src.start_row;
    const int width = src.end_col - src.start_col;
    if (height != dest.end_row - dest.start_row || width != dest.end_col - dest.start_col
        || src.start_row < 0 || dest.start_row < 0 || src.start_col < 0 || dest.start_col < 0
        || src.end_row > d->m_rows || dest.end_row > d->m_rows || src.end_col > d->m_cols
        || dest.end_col > d->m_cols)
        return 1;
    d->moveCells(dest, src);
    return 1;
}

int Terminal::Private::onErase(VTermRect rect, int selective, void *user)
{
    auto *d = static_cast<Private *>(user);
    d->eraseRect(rect.start_row, rect.end_row, rect.start_col, rect.end_col, selective != 0);
    return 1;
}

int Terminal::Private::onInitPen(void *user)
{
    auto *d = static_cast<Private *>(user);
    d->m_penFlags = 0;
    d->m_penFg = d->m_defaultFg;
    d->m_penBg = d->m_defaultBg;
    return 1;
}

int Terminal::Private::onSetPenAttr(VTermAttr attr, VTermValue *val, void *user)
{
    auto *d = static_cast<Private *>(user);
    auto set = [d](quint32 flag, bool on) {
        d->m_penFlags = on ? (d->m_penFlags | flag) : (d->m_penFlags & ~flag);
    };
    switch (attr) {
    case VTERM_ATTR_BOLD:
        set(Bold, val->boolean);
        return 1;
    case VTERM_ATTR_UNDERLINE:
        set(Underline, val->number != 0);
        return 1;
    case VTERM_ATTR_ITALIC:
        set(Italic, val->boolean);
        return 1;
    case VTERM_ATTR_BLINK:
        set(Blink, val->boolean);
        return 1;
    case VTERM_ATTR_REVERSE:
        set(Reverse, val->boolean);
        return 1;
    case VTERM_ATTR_STRIKE:
        set(Strike, val->boolean);
        return 1;
    case VTERM_ATTR_FONT:
        set(Conceal, val->number == ConcealFont);
        return 1;
    case VTERM_ATTR_FOREGROUND:
        d->m_penFg = val->color;
        return 1;
    case VTERM_ATTR_BACKGROUND:
        d->m_penBg = val->color;
        return 1;
    default:
        return 0;
    }
}

int Terminal::Private::onSetTermProp(VTermProp prop, VTermValue *val, void *user)
{
    auto *d = static_cast<Private *>(user);
    switch (prop) {
    case VTERM_PROP_CURSORVISIBLE:
        d->m_cursor.visible = val->boolean != 0;
        d->addDamage(d->m_cursor.row, d->m_cursor.col, 1, 2);
        return 1;
    case VTERM_PROP_CURSORBLINK:
        d->m_cursor.blink = val->boolean != 0;
        return 1;
    case VTERM_PROP_ALTSCREEN: {
        const int want = val->boolean ? 1 : 0;
        if (want != d->m_active) {
            d->m_active = want;
            d->forgetGlyphRow();
            if (want) {
                for (Row &row : d->m_buffers[1].pool)
                    d->clearRow(row, d->m_blank);
            }
            d->addDamage(0, 0, d->m_rows, d->m_cols);
        }
        d->m_altScreen = want != 0;
        return 1;
    }
    case VTERM_PROP_TITLE:
        // libvterm 0.1.4 hands over the whole title as one NUL-terminated string
        d->m_title = val->string ? QString::fromUtf8(val->string) : QString();
        return 1;
    case VTERM_PROP_ICONNAME:
        return 1;
    case VTERM_PROP_REVERSE:
        d->m_reverse = val->boolean != 0;
        d->addDamage(0, 0, d->m_rows, d->m_cols);
        return 1;
    case VTERM_PROP_CURSORSHAPE:
        d->m_cursor.shape = val->number == VTERM_PROP_CURSORSHAPE_UNDERLINE
            ? TermCursor::Shape::Underline
            : val->number == VTERM_PROP_CURSORSHAPE_BAR_LEFT ? TermCursor::Shape::Bar
                                                             : TermCursor::Shape::Block;
        d->addDamage(d->m_cursor.row, d->m_cursor.col, 1, 2);
        return 1;
    case VTERM_PROP_MOUSE:
        d->m_mouse = val->number == VTERM_PROP_MOUSE_CLICK ? MouseMode::Click
            : val->number == VTERM_PROP_MOUSE_DRAG         ? MouseMode::Drag
            : val->number == VTERM_PROP_MOUSE_MOVE         ? MouseMode::Move
                                                           : MouseMode::Off;
        return 1;
    default:
        return 0;
    }
}

int Terminal::Private::onBell(void *user)
{
    static_cast<Private *>(user)->m_bell = true;
    return 1;
}

// Fewer rows: blank lines under the cursor go first, then lines above it scroll off the top
// (into the scrollback for the main screen), then lines below it. More rows: lines come back
// from the scrollback while there are any, blank ones are added below. No reflow, like
// libvterm 0.1.4's own screen.
void Terminal::Private::resizeBuffer(int index, int rows, int cols, VTermPos *delta)
{
    forgetGlyphRow();
    std::vector<Row> buffer = m_buffers[index].take();
    const bool active = index == m_active;
    const int oldRows = int(buffer.size());
    for (Row &row : buffer) {
        const int oldCols = int(row.cells.size());
        row.cells.resize(size_t(cols), m_blank);
        row.used = std::min(row.used, cols);
        if (cols < oldCols) {
            removeExtras(row, cols, MaxDimension + 1);
            if (row.cells[size_t(cols - 1)].chFlags & WideLeft)
                blankOut(row, cols - 1);
        }
    }
    if (rows < oldRows) {
        int excess = oldRows - rows;
        auto blankRow = [](const Row &row) {
            return std::all_of(row.cells.begin(), row.cells.end(), isBlank);
        };
        // where the cursor is, or for the screen not shown, its last line with something on it
        int keep = oldRows - 1;
        if (active) {
            keep = std::clamp(m_cursor.row, 0, oldRows - 1);
        } else {
            while (keep > 0 && blankRow(buffer[size_t(keep)]))
                --keep;
        }
        while (excess > 0 && int(buffer.size()) - 1 > keep && blankRow(buffer.back())) {
            buffer.pop_back();
            --excess;
        }
        const int top = std::min(excess, keep); // lines above the kept one scroll off
        if (top > 0) {
            if (index == 0) {
                for (int i = 0; i < top; ++i)
                    m_scrollback.push(buffer[size_t(i)], cols);
                m_scrollbackDirty = m_scrollbackDirty || m_scrollback.limit() > 0;
            }
            buffer.erase(buffer.begin(), buffer.begin() + top);
            if (active)
                delta->row -= top;
        }
        buffer.resize(size_t(rows)); // and what is still too much goes from the bottom
    } else if (rows > oldRows) {
        int popped = 0;
        if (index == 0 && active) {
            Row row;
            while (oldRows + popped < rows && m_scrollback.pop(row, cols, m_blank)) {
                buffer.insert(buffer.begin(), std::move(row));
                row = Row();
                ++popped;
            }
            if (popped) {
                delta->row += popped;
                m_scrollbackDirty = true;
            }
        }
        Row blank;
        blank.cells.assign(size_t(cols), m_blank);
        buffer.resize(size_t(rows), blank);
    }
    m_buffers[index].assign(std::move(buffer));
}

int Terminal::Private::onResize(int rows, int cols, VTermPos *delta, void *user)
{
    auto *d = static_cast<Private *>(user);
    rows = clampDimension(rows);
    cols = clampDimension(cols);
    d->m_cols = cols; // blankOut and friends look at the new width
    d->resizeBuffer(1 - d->m_active, rows, cols, delta);
    d->resizeBuffer(d->m_active, rows, cols, delta);
    d->m_rows = rows;
    d->addDamage(0, 0, rows, cols);
    return 1;
}

int Terminal::Private::onSetLineInfo(int, const VTermLineInfo *, const VTermLineInfo *, void *)
{
    return 1; // double-width/height lines are drawn single
}

void Terminal::Private::onOutput(const char *s, size_t len, void *user)
{
    auto *d = static_cast<Private *>(user);
    if (d->m_probe)
        d->m_probe->append(s, qsizetype(len));
    else
        d->m_out.append(s, qsizetype(len));
}

QByteArray Terminal::Private::probe(const std::function<void()> &call) const
{
    QByteArray bytes;
    m_probe = &bytes;
    call();
    m_probe = nullptr;
    return bytes;
}

// --- reading ------------------------------------------------------------------------------

LineView Terminal::Private::lineView(int row) const
{
    if (row >= 0) {
        if (row >= m_rows)
            return {};
        const Row &r = screen().row(row);
        return LineView{r.cells.data(), int(r.cells.size()), r.extras.data(), int(r.extras.size())};
    }
    return m_scrollback.line(-row - 1);
}

quint32 Terminal::Private::rgb(VTermColor c) const
{
    // xterm-256color's cube and grey ramp; libvterm 0.1.4 uses its own levels for 16..255
    // and lets only the first 16 entries be changed.
    if (VTERM_COLOR_IS_INDEXED(&c) && c.indexed.idx >= 16) {
        const int i = c.indexed.idx;
        if (i >= 232) {
            const quint32 g = quint32(8 + 10 * (i - 232));
            return (g << 16) | (g << 8) | g;
        }
        static constexpr quint32 level[6] = {0, 95, 135, 175, 215, 255};
        const int v = i - 16;
        return (level[v / 36] << 16) | (level[(v / 6) % 6] << 8) | level[v % 6];
    }
    vterm_state_convert_color_to_rgb(m_state, &c);
    return (quint32(c.rgb.red) << 16) | (quint32(c.rgb.green) << 8) | c.rgb.blue;
}

TermCell Terminal::Private::toTermCell(const Cell &c) const
{
    TermCell t;
    const quint32 f = c.chFlags;
    t.ch = f & CharMask;
    t.width = (f & WideRight) ? 0 : (f & WideLeft) ? 2 : 1;
    t.defaultFg = VTERM_COLOR_IS_DEFAULT_FG(&c.fg);
    t.defaultBg = VTERM_COLOR_IS_DEFAULT_BG(&c.bg);
    t.fg = rgb(c.fg);
    t.bg = rgb(c.bg);
    t.bold = f & Bold;
    t.italic = f & Italic;
    t.underline = f & Underline;
    t.reverse = f & Reverse;
    t.strike = f & Strike;
    t.blink = f & Blink;
    t.conceal = f & Conceal;
    return t;
}

namespace {

void appendCodePoint(QString &s, quint32 cp)
{
    if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return;
    const char32_t c = char32_t(cp);
    s.append(QString::fromUcs4(&c, 1));
}

void appendCellText(QString &s, const LineView &l, int col)
{
    const quint32 f = l.cells[col].chFlags;
    appendCodePoint(s, f & CharMask);
    if ((f & CharMask) && (f & Combining)) {
        for (int e = 0; e < l.extraCount; ++e) {
            if (extraCol(l.extras[e]) == col)
                appendCodePoint(s, l.extras[e].chFlags & CharMask);
        }
    }
}

} // namespace

// The line's text (trailing blanks trimmed) and, per UTF-16 unit, the columns it covers.
void Terminal::Private::lineWithColumns(int row, QString &text, std::vector<int> &startCol,
                                        std::vector<int> &endCol) const
{
    text.clear();
    startCol.clear();
    endCol.clear();
    const LineView l = lineView(row);
    for (int col = 0; col < l.count; ++col) {
        const quint32 f = l.cells[col].chFlags;
        if (f & WideRight)
            continue;
        const qsizetype before = text.size();
        if (f & CharMask)
            appendCellText(text, l, col);
        else
            text.append(u' ');
        const int width = (f & WideLeft) ? 2 : 1;
        for (qsizetype i = before; i < text.size(); ++i) {
            startCol.push_back(col);
            endCol.push_back(col + width);
        }
    }
    qsizetype n = text.size();
    while (n > 0 && text.at(n - 1) == u' ')
        --n;
    text.truncate(n);
    startCol.resize(size_t(n));
    endCol.resize(size_t(n));
}

// --- Terminal -----------------------------------------------------------------------------

Terminal::Terminal(int rows, int cols, int scrollbackLimit, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(rows, cols, scrollbackLimit))
{ }

Terminal::~Terminal() = default;

void Terminal::feed(QByteArrayView bytes)
{
    ++d->m_opDepth;
    if (!bytes.isEmpty())
        d->process(bytes.data(), bytes.data() + bytes.size());
    if (d->m_cursorOutside)
        d->clampCursor(); // whatever else put it there, it does not stay
    finishOp();
}

void Terminal::finishOp()
{
    if (--d->m_opDepth > 0)
        return;
    QPointer<Terminal> guard(this);
    if (!d->m_out.isEmpty()) {
        QByteArray out;
        out.swap(d->m_out);
        Q_EMIT outputReady(out);
        if (!guard)
            return;
    }
    if (d->m_title != d->m_reportedTitle) {
        d->m_reportedTitle = d->m_title;
        Q_EMIT titleChanged(d->m_title);
        if (!guard)
            return;
    }
    if (d->m_altScreen != d->m_reportedAlt) {
        d->m_reportedAlt = d->m_altScreen;
        Q_EMIT altScreenChanged(d->m_altScreen);
        if (!guard)
            return;
    }
    if (d->m_scrollbackDirty) {
        d->m_scrollbackDirty = false;
        Q_EMIT scrollbackChanged(d->m_scrollback.size());
        if (!guard)
            return;
    }
    if (d->m_bell) {
        d->m_bell = false;
        Q_EMIT bell();
    }
}

int Terminal::rows() const
{
    return d->m_rows;
}

int Terminal::cols() const
{
    return d->m_cols;
}

void Terminal::resize(int rows, int cols)
{
    rows = clampDimension(rows);
    cols = clampDimension(cols);
    if (rows == d->m_rows && cols == d->m_cols)
        return;
    ++d->m_opDepth;
    vterm_set_size(d->m_vt.get(), rows, cols);
    d->resetMargins();
    d->addDamage(0, 0, d->m_rows, d->m_cols);
    finishOp();
}

int Terminal::scrollbackLines() const
{
    return d->m_scrollback.size();
}

int Terminal::scrollbackLimit() const
{
    return d->m_scrollback.limit();
}

void Terminal::setScrollbackLimit(int lines)
{
    ++d->m_opDepth;
    if (d->m_scrollback.setLimit(lines) > 0)
        d->m_scrollbackDirty = true;
    finishOp();
}

void Terminal::clearScrollback()
{
    ++d->m_opDepth;
    if (d->m_scrollback.size() > 0) {
        d->m_scrollback.clear();
        d->m_scrollbackDirty = true;
    }
    finishOp();
}

TermCell Terminal::cell(int row, int col) const
{
    const LineView l = d->lineView(row);
    if (col < 0 || col >= l.count)
        return d->toTermCell(d->m_blank);
    return d->toTermCell(l.cells[col]);
}

QString Terminal::cellText(int row, int col) const
{
    QString s;
    const LineView l = d->lineView(row);
    if (col >= 0 && col < l.count)
        appendCellText(s, l, col);
    return s;
}

QString Terminal::lineText(int row) const
{
    QString text;
    std::vector<int> startCol, endCol;
    d->lineWithColumns(row, text, startCol, endCol);
    return text;
}

QStringList Terminal::screenText() const
{
    QStringList lines;
    lines.reserve(d->m_rows);
    for (int row = 0; row < d->m_rows; ++row)
        lines.append(lineText(row));
    return lines;
}

TermCursor Terminal::cursor() const
{
    return d->m_cursor;
}

QString Terminal::title() const
{
    return d->m_title;
}

bool Terminal::altScreen() const
{
    return d->m_altScreen;
}

// libvterm 0.1.4 tracks DECSET 2004 and DECCKM but reports neither as a property; asking its
// keyboard layer what it would send tells without parsing the stream a second time.
bool Terminal::bracketedPaste() const
{
    return !d->probe([this] { vterm_keyboard_start_paste(d->m_vt.get()); }).isEmpty();
}

Terminal::MouseMode Terminal::mouseMode() const
{
    return d->m_mouse;
}

bool Terminal::applicationCursorKeys() const
{
    const QByteArray up
        = d->probe([this] { vterm_keyboard_key(d->m_vt.get(), VTERM_KEY_UP, VTERM_MOD_NONE); });
    return up.startsWith("\x1bO");
}

bool Terminal::reverseVideo() const
{
    return d->m_reverse;
}

QRect Terminal::takeDamage()
{
    QRect r;
    if (d->m_dmgBottom > d->m_dmgTop && d->m_dmgRight > d->m_dmgLeft) {
        r = QRect(QPoint(d->m_dmgLeft, d->m_dmgTop), QPoint(d->m_dmgRight - 1, d->m_dmgBottom - 1))
            & QRect(0, 0, d->m_cols, d->m_rows);
    }
    d->m_dmgTop = d->m_dmgLeft = std::numeric_limits<int>::max();
    d->m_dmgBottom = d->m_dmgRight = -1;
    return r;
}

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

Terminal::Match Terminal::findBackward(const QString &needle, int row, int col) const
{
    Match m;
    if (needle.isEmpty())
        return m;
    const int top = -d->m_scrollback.size();
    const int bottom = d->m_rows - 1;
    if (row > bottom) {
        row = bottom;
        col = std::numeric_limits<int>::max();
    }
    QString text;
    std::vector<int> startCol, endCol;
    for (int r = row; r >= top; --r) {
        d->lineWithColumns(r, text, startCol, endCol);
        // the last place a match can start (Qt 6.4 "finds" a NUL at the very end)
        qsizetype from = text.size() - needle.size();
        while (from >= 0) {
            const qsizetype i = text.lastIndexOf(needle, from, Qt::CaseInsensitive);
            if (i < 0 || i + needle.size() > text.size())
                break;
            if (r != row || startCol[size_t(i)] < col) {
                m.row = r;
                m.col = startCol[size_t(i)];
                m.length = endCol[size_t(i + needle.size() - 1)] - m.col;
                m.valid = true;
                return m;
            }
            from = i - 1;
        }
    }
    return m;
}

Terminal::Match Terminal::findForward(const QString &needle, int row, int col) const
{
    Match m;
    if (needle.isEmpty())
        return m;
    const int top = -d->m_scrollback.size();
    const int bottom = d->m_rows - 1;
    if (row < top) {
        row = top;
        col = -1;
    }
    QString text;
    std::vector<int> startCol, endCol;
    for (int r = row; r <= bottom; ++r) {
        d->lineWithColumns(r, text, startCol, endCol);
        qsizetype from = 0;
        while (from <= text.size()) {
            const qsizetype i = text.indexOf(needle, from, Qt::CaseInsensitive);
            if (i < 0 || i + needle.size() > text.size())
                break;
            if (r != row || startCol[size_t(i)] > col) {
                m.row = r;
                m.col = startCol[size_t(i)];
                m.length = endCol[size_t(i + needle.size() - 1)] - m.col;
                m.valid = true;
                return m;
            }
            from = i + 1;
        }
    }
    return m;
}

} // namespace Corral
