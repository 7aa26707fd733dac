#pragma once

// The cell model shared by the screen and the scrollback (private to core/term).

#include <QtGlobal>

#include <vterm.h>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <vector>

namespace Corral::TermDetail {

inline constexpr int MaxDimension = 2000;

inline constexpr int MaxCombining = VTERM_MAX_CHARS_PER_CELL - 1;

inline int clampDimension(int v)
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
inline constexpr int ExtraColShift = 21;

inline int extraCol(const Cell &e)
{
    return int(e.chFlags >> ExtraColShift);
}

inline Cell makeExtra(quint32 cp, int col)
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

inline bool sameCell(const Cell &a, const Cell &b)
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

inline bool isBlank(const Cell &c)
{
    return (c.chFlags & (CharMask | Underline | Reverse | Strike | WideLeft | WideRight)) == 0
        && VTERM_COLOR_IS_DEFAULT_BG(&c.bg);
}

inline void removeExtras(Row &row, int from, int to)
{
    std::erase_if(row.extras, [from, to](const Cell &e) {
        const int col = extraCol(e);
        return col >= from && col < to;
    });
}

} // namespace Corral::TermDetail
