#include "terminal_p.h"

namespace Corral {

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
