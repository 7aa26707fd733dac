#pragma once

#include "terminal_cell.h"

namespace Corral::TermDetail {

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

} // namespace Corral::TermDetail
