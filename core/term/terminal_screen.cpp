#include "terminal_p.h"

namespace Corral {

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

} // namespace Corral
