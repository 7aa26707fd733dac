#include "terminal_p.h"

#include <QPointer>

namespace Corral {

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

QByteArray Terminal::Private::probe(const std::function<void()> &call) const
{
    QByteArray bytes;
    m_probe = &bytes;
    call();
    m_probe = nullptr;
    return bytes;
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

} // namespace Corral
