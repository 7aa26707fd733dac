// TerminalWidget's rendering: fonts and cell metrics, colours, the paint loop (rows as runs of
// equal style, decorations, fallback glyphs), the cursor and damage-driven repaints.

#include "terminalwidget.h"

#include "terminalwidget_p.h"
#include "theme.h"

#include <QFontMetrics>
#include <QFontMetricsF>
#include <QPaintEvent>
#include <QPainter>
#include <QVarLengthArray>

#include <algorithm>

namespace Corral {

using namespace TerminalLayout;

// --- Fonts and metrics -------------------------------------------------------------------

void TerminalWidget::updateFontMetrics()
{
    QFont font = m_baseFont;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() + m_zoom);
    else
        font.setPixelSize(std::max(4, font.pixelSize() + int(m_zoom)));
    font.setKerning(false);
    font.setStyleStrategy(QFont::PreferDefault);
    m_font = font;

    // Cells are whole pixels. Fonts whose advance is fractional get letter spacing that makes
    // every glyph exactly one cell wide, so a run drawn with one drawText() stays on the grid.
    m_cellWidth = std::max(1, qRound(QFontMetricsF(font).horizontalAdvance(u'M')));
    for (int i = 0; i < 4; ++i) {
        QFont f = font;
        f.setBold(i & 1);
        f.setItalic(i & 2);
        const qreal advance = QFontMetricsF(f).horizontalAdvance(u'M');
        if (!qFuzzyCompare(advance, qreal(m_cellWidth)))
            f.setLetterSpacing(QFont::AbsoluteSpacing, m_cellWidth - advance);
        m_fonts[i] = f;
    }
    const QFontMetrics fm(m_fonts[0]);
    m_cellHeight = std::max(1, std::max(fm.height(), fm.lineSpacing()));
    m_ascent = fm.ascent() + (m_cellHeight - fm.height()) / 2;
    m_underlinePos = std::max(1, fm.underlinePos());
    m_lineWidth = std::max(1, fm.lineWidth());
    m_fitsCell.clear();
    m_fullRepaint = true;
    viewport()->update();
}

const QFont &TerminalWidget::fontFor(bool bold, bool italic) const
{
    return m_fonts[(bold ? 1 : 0) | (italic ? 2 : 0)];
}

bool TerminalWidget::fitsCell(char32_t ch)
{
    auto it = m_fitsCell.constFind(ch);
    if (it != m_fitsCell.cend())
        return *it;
    const QFontMetricsF fm(m_fonts[0]);
    const QString text = QString::fromUcs4(&ch, 1);
    const bool fits = fm.inFontUcs4(ch) && qAbs(fm.horizontalAdvance(text) - m_cellWidth) < 0.05;
    m_fitsCell.insert(ch, fits);
    return fits;
}

// --- Painting ----------------------------------------------------------------------------

TerminalWidget::Colors TerminalWidget::colors() const
{
    const QPalette &pal = palette();
    Colors c;
    c.fg = pal.color(QPalette::Text).rgb();
    c.bg = pal.color(QPalette::Base).rgb();
    if (m_terminal->reverseVideo())
        std::swap(c.fg, c.bg);
    c.selFg = pal.color(QPalette::Active, QPalette::HighlightedText).rgb();
    c.selBg = pal.color(QPalette::Active, QPalette::Highlight).rgb();
    c.matchFg = qRgb(0, 0, 0);
    c.matchBg = Theme::isDark(pal) ? qRgb(0xf0, 0xb7, 0x2f) : qRgb(0xff, 0xd3, 0x3d);
    c.link = pal.color(QPalette::Link).rgb();
    return c;
}

void TerminalWidget::paintEvent(QPaintEvent *event)
{
    ++m_framesPainted;
    QPainter p(viewport());
    const Colors c = colors();
    const QRect clip = event->rect();
    const int rows = m_terminal->rows();
    const int width = viewport()->width();

    if (clip.top() < MarginTop)
        p.fillRect(QRect(0, 0, width, MarginTop), QColor(c.bg));
    const int first = std::max(0, displayRowAt(clip.top()));
    const int last = std::min(rows - 1, displayRowAt(clip.bottom()));
    for (int row = first; row <= last; ++row)
        paintRow(p, row, c);
    const int gridBottom = MarginTop + rows * m_cellHeight;
    if (clip.bottom() >= gridBottom)
        p.fillRect(QRect(0, gridBottom, width, viewport()->height() - gridBottom), QColor(c.bg));
    paintCursor(p, c);
    if (m_flash) {
        QColor flash(c.fg);
        flash.setAlpha(48);
        p.fillRect(viewport()->rect(), flash);
    }
}

void TerminalWidget::paintRow(QPainter &p, int displayRow, const Colors &c)
{
    const int row = m_viewTop + displayRow;
    const int cols = m_terminal->cols();
    const qint64 line = lineOf(row);
    const int y = MarginTop + displayRow * m_cellHeight;
    const int baseline = y + m_ascent;
    p.fillRect(QRect(0, y, viewport()->width(), m_cellHeight), QColor(c.bg));

    m_rowCells.resize(cols);
    for (int col = 0; col < cols; ++col)
        m_rowCells[col] = m_terminal->cell(row, col);

    const TermCursor cursor = m_terminal->cursor();
    const bool blockCursor = cursor.visible && cursor.row == row && hasFocus()
        && cursor.shape == TermCursor::Shape::Block;
    const bool matchOnRow = m_hasMatch && m_matchPos.line == line;
    const bool hoverOnRow = m_hoverActive && m_hover.line == line;
    const bool selectionOnRow = m_hasSelection && m_selStart.line <= line && m_selStop.line >= line;

    struct Style
    {
        QRgb fg;
        QRgb bg;
        quint8 font;
        bool underline;
        bool strike;
        bool sameText(const Style &o) const
        {
            return fg == o.fg && font == o.font && underline == o.underline && strike == o.strike;
        }
    };
    QVarLengthArray<Style, 256> styles(cols);
    for (int col = 0; col < cols; ++col) {
        const TermCell &cell = m_rowCells[col];
        Style s;
        s.fg = cell.defaultFg ? c.fg : (cell.fg | 0xff000000u);
        s.bg = cell.defaultBg ? c.bg : (cell.bg | 0xff000000u);
        if (cell.reverse)
            std::swap(s.fg, s.bg);
        if (cell.conceal)
            s.fg = s.bg;
        s.font = (cell.bold ? 1 : 0) | (cell.italic ? 2 : 0);
        s.underline = cell.underline;
        s.strike = cell.strike;
        if (selectionOnRow && isSelected(line, col)) {
            s.fg = c.selFg;
            s.bg = c.selBg;
        } else if (matchOnRow && col >= m_matchPos.col && col < m_matchPos.col + m_matchLength) {
            s.fg = c.matchFg;
            s.bg = c.matchBg;
        }
        if (hoverOnRow && col >= m_hover.startCol && col < m_hover.endCol)
            s.underline = true;
        if (blockCursor && (col == cursor.col || (col == cursor.col + 1 && cell.width == 0))) {
            std::swap(s.fg, s.bg);
            if (s.fg == s.bg)
                s.bg = c.fg, s.fg = c.bg;
        }
        styles[col] = s;
    }

    // Backgrounds: one rectangle per run of equal colour; the row is already the default.
    for (int col = 0; col < cols;) {
        const QRgb bg = styles[col].bg;
        int end = col + 1;
        while (end < cols && styles[end].bg == bg)
            ++end;
        if (bg != c.bg)
            p.fillRect(
                QRect(MarginLeft + col * m_cellWidth, y, (end - col) * m_cellWidth, m_cellHeight),
                QColor(bg));
        col = end;
    }

    // Text: one drawText() per run of cells with the same foreground, font and decorations;
    // the run may cross background changes. Glyphs that do not fit one cell of the primary
    // font (wide characters, fallback fonts, combining marks) are drawn on their own.
    int lastFont = -1;
    QRgb lastPen = 0;
    bool havePen = false;
    auto setStyle = [&](const Style &s) {
        if (lastFont != s.font) {
            p.setFont(m_fonts[s.font]);
            lastFont = s.font;
        }
        if (!havePen || lastPen != s.fg) {
            p.setPen(QColor(s.fg));
            lastPen = s.fg;
            havePen = true;
        }
    };
    auto decorate = [&](const Style &s, int col, int cells) {
        const int x = MarginLeft + col * m_cellWidth;
        if (s.underline)
            p.fillRect(QRect(x, std::min(baseline + m_underlinePos, y + m_cellHeight - m_lineWidth),
                             cells * m_cellWidth, m_lineWidth),
                       QColor(s.fg));
        if (s.strike)
            p.fillRect(QRect(x, y + m_cellHeight / 2, cells * m_cellWidth, m_lineWidth),
                       QColor(s.fg));
    };
    QString run;
    run.reserve(cols);
    int runStart = 0;
    int runCells = 0;
    int runTextCells = 0; // without trailing blanks
    Style runStyle{};
    auto flush = [&] {
        if (runCells == 0)
            return;
        if (runTextCells > 0) {
            setStyle(runStyle);
            run.truncate(runTextCells);
            p.drawText(QPoint(MarginLeft + runStart * m_cellWidth, baseline), run);
        }
        if (runStyle.underline || runStyle.strike)
            decorate(runStyle, runStart, runCells);
        run.clear();
        runCells = 0;
        runTextCells = 0;
    };
    auto append = [&](int col, const Style &s, QChar ch, bool blank) {
        if (runCells > 0 && !(s.sameText(runStyle) && col == runStart + runCells))
            flush();
        if (runCells == 0) {
            if (blank && !s.underline && !s.strike)
                return;
            runStart = col;
            runStyle = s;
        }
        run.append(ch);
        ++runCells;
        if (!blank)
            runTextCells = runCells;
    };

    for (int col = 0; col < cols; ++col) {
        const TermCell &cell = m_rowCells[col];
        if (cell.width == 0)
            continue;
        const Style &s = styles[col];
        const char32_t ch = cell.ch;
        if (ch == 0 || ch == U' ') {
            append(col, s, u' ', true);
            continue;
        }
        if (cell.width == 1 && ch < 0x80) {
            append(col, s, QChar(char16_t(ch)), false);
            continue;
        }
        const QString text = m_terminal->cellText(row, col);
        if (cell.width == 1 && text.size() == 1 && fitsCell(ch)) {
            append(col, s, text.front(), false);
            continue;
        }
        flush();
        const int cells = std::clamp(int(cell.width), 1, cols - col);
        setStyle(s);
        const QRect rect(MarginLeft + col * m_cellWidth, y, cells * m_cellWidth, m_cellHeight);
        if (cells > 1 || !fitsCell(ch)) {
            // Fallback glyphs: centred in their cells, clipped so they cannot smear neighbours.
            p.save();
            p.setClipRect(rect);
            p.drawText(rect, Qt::AlignCenter | Qt::TextSingleLine, text);
            p.restore();
        } else {
            p.drawText(QPoint(rect.x(), baseline), text);
        }
        decorate(s, col, cells);
    }
    flush();
}

void TerminalWidget::paintCursor(QPainter &p, const Colors &c)
{
    const TermCursor cursor = m_terminal->cursor();
    m_paintedCursor = cursor;
    m_paintedCursorRow = cursor.row - m_viewTop;
    if (!cursor.visible || m_paintedCursorRow < 0 || m_paintedCursorRow >= m_terminal->rows())
        return;
    const TermCell cell = m_terminal->cell(cursor.row, cursor.col);
    QColor color(cell.defaultFg ? c.fg : (cell.fg | 0xff000000u));
    if (cell.reverse)
        color = QColor(cell.defaultBg ? c.bg : (cell.bg | 0xff000000u));
    const int cells = cell.width == 2 ? 2 : 1;
    const QRect rect(MarginLeft + cursor.col * m_cellWidth,
                     MarginTop + m_paintedCursorRow * m_cellHeight, cells * m_cellWidth,
                     m_cellHeight);
    switch (cursor.shape) {
    case TermCursor::Shape::Block:
        if (!hasFocus()) {
            p.setPen(color);
            p.setBrush(Qt::NoBrush);
            p.drawRect(rect.adjusted(0, 0, -1, -1));
        }
        break; // a focused block cursor is painted with the row (inverted colours)
    case TermCursor::Shape::Underline:
        p.fillRect(QRect(rect.left(), rect.bottom() - 1, rect.width(), 2), color);
        break;
    case TermCursor::Shape::Bar:
        p.fillRect(QRect(rect.left(), rect.top(), hasFocus() ? 2 : 1, rect.height()), color);
        break;
    }
}

void TerminalWidget::repaintLines(qint64 first, qint64 last)
{
    if (first > last)
        std::swap(first, last);
    const int rows = m_terminal->rows();
    const int top = std::max(0, rowOf(first) - m_viewTop);
    const int bottom = std::min(rows - 1, rowOf(last) - m_viewTop);
    if (top > bottom)
        return;
    viewport()->update(0, MarginTop + top * m_cellHeight, viewport()->width(),
                       (bottom - top + 1) * m_cellHeight);
}

void TerminalWidget::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_fullRepaint = true;
        viewport()->update();
    }
}

} // namespace Corral
