// TerminalWidget's core: construction, actions, geometry, feeding and frame scheduling,
// scrolling and the search logic. The rest of the widget lives in
// terminalwidget_paint.cpp (fonts, metrics, painting), terminalwidget_selection.cpp (selection,
// clipboard, paste, URLs) and terminalwidget_input.cpp (keyboard, IME, focus, mouse, context
// menu); the find bar's widgets are a TerminalSearchBar.

#include "terminalwidget.h"

#include "icons.h"
#include "terminalsearchbar.h"
#include "terminalwidget_p.h"

#include <QAction>
#include <QCursor>
#include <QFontDatabase>
#include <QFontInfo>
#include <QScrollBar>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Corral {

using namespace TerminalLayout;

TerminalWidget::TerminalWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_terminal(new Terminal(24, 80, Terminal::DefaultScrollback, this))
{
    setObjectName(u"terminalWidget"_s);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAutoFillBackground(false);
    viewport()->setMouseTracking(true);
    viewport()->setCursor(Qt::IBeamCursor);

    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!QFontInfo(font).fixedPitch()) {
        font.setFamily(u"monospace"_s);
        font.setStyleHint(QFont::TypeWriter);
    }
    m_baseFont = font;
    updateFontMetrics();

    m_paintTimer.setSingleShot(true);
    m_paintTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_paintTimer, &QTimer::timeout, this, &TerminalWidget::onPaintTimer);
    m_flashTimer.setSingleShot(true);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flash = false;
        viewport()->update();
    });
    m_autoScrollTimer.setInterval(50);
    connect(&m_autoScrollTimer, &QTimer::timeout, this, [this] {
        if (!m_selecting || m_autoScrollDelta == 0)
            return;
        scrollLines(m_autoScrollDelta);
        const QPoint pos = viewport()->mapFromGlobal(QCursor::pos());
        m_selEnd = m_selectMode == SelectMode::Char ? boundaryAt(pos) : cellAt(pos);
        updateSelection();
    });

    connect(m_terminal, &Terminal::outputReady, this, &TerminalWidget::sendBytes);
    connect(m_terminal, &Terminal::titleChanged, this, &TerminalWidget::titleChanged);
    connect(m_terminal, &Terminal::bell, this, &TerminalWidget::onBell);
    connect(m_terminal, &Terminal::scrollbackChanged, this, &TerminalWidget::onScrollbackChanged);
    connect(m_terminal, &Terminal::altScreenChanged, this, [this] {
        m_fullRepaint = true;
        setViewTop(0);
        schedulePaint();
    });
    m_scrollbackLines = m_terminal->scrollbackLines();

    createActions();
    createSearchBar();
    syncScrollBar();
}

TerminalWidget::~TerminalWidget()
{
    // The Terminal is a child QObject; disconnect first so its destruction cannot call back
    // into a half-destroyed widget.
    m_terminal->disconnect(this);
}

void TerminalWidget::createActions()
{
    struct Def
    {
        Action action;
        QString text;
        const char *icon;
        QList<QKeySequence> keys;
        void (TerminalWidget::*slot)();
    };
    const Def defs[] = {
        {Action::Copy,
         tr("&Copy"),
         nullptr,
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
         &TerminalWidget::copy},
        {Action::Paste,
         tr("&Paste"),
         nullptr,
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), QKeySequence(Qt::SHIFT | Qt::Key_Insert)},
         &TerminalWidget::paste},
        {Action::SelectAll,
         tr("Select &All"),
         nullptr,
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
         &TerminalWidget::selectAll},
        {Action::Find,
         tr("&Find…"),
         "search",
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
         &TerminalWidget::showSearchBar},
        {Action::ZoomIn,
         tr("Zoom &In"),
         nullptr,
         {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)},
         &TerminalWidget::zoomIn},
        {Action::ZoomOut,
         tr("Zoom &Out"),
         nullptr,
         {QKeySequence(Qt::CTRL | Qt::Key_Minus)},
         &TerminalWidget::zoomOut},
        {Action::ZoomReset,
         tr("&Reset Zoom"),
         nullptr,
         {QKeySequence(Qt::CTRL | Qt::Key_0)},
         &TerminalWidget::resetZoom},
        {Action::ClearScrollback,
         tr("C&lear Scrollback"),
         "clear",
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)},
         &TerminalWidget::clearScrollback},
    };
    static const char *const names[] = {"copy",   "paste",   "selectAll", "find",
                                        "zoomIn", "zoomOut", "zoomReset", "clearScrollback"};
    for (const Def &def : defs) {
        auto *action = new QAction(def.text, this);
        action->setObjectName(u"terminal."_s + QLatin1StringView(names[int(def.action)]));
        if (def.icon)
            action->setIcon(Icons::symbolic(QString::fromLatin1(def.icon)));
        action->setShortcuts(def.keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, def.slot);
        addAction(action);
        m_actions[int(def.action)] = action;
    }
}

void TerminalWidget::createSearchBar()
{
    m_searchBar = new TerminalSearchBar(this);
    connect(m_searchBar, &TerminalSearchBar::textEdited, this,
            &TerminalWidget::onSearchTextChanged);
    connect(m_searchBar, &TerminalSearchBar::findRequested, this,
            [this](bool backward) { find(m_searchBar->text(), backward); });
    connect(m_searchBar, &TerminalSearchBar::closeRequested, this, &TerminalWidget::hideSearchBar);
    m_searchBar->hide();
}

// --- Font, zoom and geometry -------------------------------------------------------------------

void TerminalWidget::setTerminalFont(const QFont &font)
{
    m_baseFont = font;
    m_zoom = 0;
    updateFontMetrics();
    updateTerminalSize();
    updateGeometry();
}

void TerminalWidget::zoomIn()
{
    if (m_baseFont.pointSizeF() + m_zoom + 1 > MaxPointSize)
        return;
    m_zoom += 1;
    updateFontMetrics();
    updateTerminalSize();
}

void TerminalWidget::zoomOut()
{
    if (m_baseFont.pointSizeF() + m_zoom - 1 < MinPointSize)
        return;
    m_zoom -= 1;
    updateFontMetrics();
    updateTerminalSize();
}

void TerminalWidget::resetZoom()
{
    if (m_zoom == 0)
        return;
    m_zoom = 0;
    updateFontMetrics();
    updateTerminalSize();
}

QSize TerminalWidget::sizeHint() const
{
    const int frame = 2 * frameWidth();
    const int scrollBar = verticalScrollBar()->sizeHint().width();
    return {80 * m_cellWidth + MarginLeft + MarginRight + frame + scrollBar,
            24 * m_cellHeight + MarginTop + MarginBottom + frame};
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    positionSearchBar();
    updateTerminalSize();
}

void TerminalWidget::positionSearchBar()
{
    if (!m_searchBar)
        return;
    const QSize hint = m_searchBar->sizeHint();
    const QRect vp = viewport()->geometry();
    const int width = std::max(100, std::min(std::max(hint.width(), 360), vp.width() - 8));
    m_searchBar->setGeometry(vp.right() - width - 4, vp.top() + 4, width, hint.height());
}

void TerminalWidget::updateTerminalSize()
{
    const QSize vp = viewport()->size();
    const int cols = std::max(2, (vp.width() - MarginLeft - MarginRight) / m_cellWidth);
    const int rows = std::max(1, (vp.height() - MarginTop - MarginBottom) / m_cellHeight);
    m_fullRepaint = true;
    viewport()->update();
    if (cols == m_terminal->cols() && rows == m_terminal->rows())
        return;
    m_terminal->resize(rows, cols);
    m_scrollbackLines = m_terminal->scrollbackLines();
    setViewTop(m_viewTop);
    syncScrollBar();
    Q_EMIT terminalSizeChanged(cols, rows);
}

QRect TerminalWidget::cellRect(int row, int col) const
{
    return {MarginLeft + col * m_cellWidth, MarginTop + (row - m_viewTop) * m_cellHeight,
            m_cellWidth, m_cellHeight};
}

int TerminalWidget::displayRowAt(int y) const
{
    const int dy = y - MarginTop;
    return dy < 0 ? -1 - (-dy - 1) / m_cellHeight : dy / m_cellHeight;
}

TerminalWidget::LinePos TerminalWidget::boundaryAt(const QPoint &pos) const
{
    const int rows = m_terminal->rows();
    const int cols = m_terminal->cols();
    const int displayRow = std::clamp(displayRowAt(pos.y()), 0, rows - 1);
    const int col = std::clamp((pos.x() - MarginLeft + m_cellWidth / 2) / m_cellWidth, 0, cols);
    return {lineOf(m_viewTop + displayRow), col};
}

TerminalWidget::LinePos TerminalWidget::cellAt(const QPoint &pos) const
{
    const int rows = m_terminal->rows();
    const int cols = m_terminal->cols();
    const int displayRow = std::clamp(displayRowAt(pos.y()), 0, rows - 1);
    const int x = pos.x() - MarginLeft;
    const int col = std::clamp(x < 0 ? 0 : x / m_cellWidth, 0, cols - 1);
    return {lineOf(m_viewTop + displayRow), col};
}

// --- Feeding and frames ------------------------------------------------------------------

void TerminalWidget::feed(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_feeding = true;
    m_feedEstimate = -1;
    if (needsAnchor()) {
        m_feedEstimate = int(bytes.count('\n') + bytes.count('\v') + bytes.count('\f'));
        // Only a feed that can fill the scrollback needs the anchor.
        if (m_scrollbackLines + m_feedEstimate + 2 * m_terminal->rows() + 64
            >= m_terminal->scrollbackLimit())
            m_feedAnchor = captureAnchor();
    }
    m_terminal->feed(bytes);
    m_feeding = false;
    m_feedAnchor.reset();
    schedulePaint();
}

bool TerminalWidget::needsAnchor() const
{
    return m_viewTop != 0 || m_hasSelection || m_hasMatch || m_selecting;
}

std::optional<TerminalWidget::Anchor> TerminalWidget::captureAnchor() const
{
    // A non-blank line of the view (blank ones match anywhere), and the one below it.
    const int rows = m_terminal->rows();
    for (int row = m_viewTop; row < m_viewTop + rows - 1; ++row) {
        QString text = m_terminal->lineText(row);
        if (!text.trimmed().isEmpty())
            return Anchor{row, std::move(text), m_terminal->lineText(row + 1)};
    }
    return std::nullopt;
}

int TerminalWidget::measureShift(const Anchor &anchor, int estimate) const
{
    // The anchor moved up by as many lines as were pushed; look near the estimate first.
    const int top = -m_scrollbackLines;
    const int maxShift = anchor.row - top;
    const int limit = std::min(maxShift, 2 * estimate + 2 * m_terminal->rows() + 64);
    auto matches = [&](int shift) {
        const int row = anchor.row - shift;
        return m_terminal->lineText(row) == anchor.text
            && m_terminal->lineText(row + 1) == anchor.next;
    };
    estimate = std::clamp(estimate, 1, std::max(1, limit));
    for (int dist = 0;; ++dist) {
        const int up = estimate + dist;
        const int down = estimate - dist;
        if (up > limit && down < 1)
            return -1;
        if (up <= limit && matches(up))
            return up;
        if (dist > 0 && down >= 1 && matches(down))
            return down;
    }
}

void TerminalWidget::schedulePaint()
{
    if (m_paintTimer.isActive())
        return;
    const qint64 since = m_sinceFrame.isValid() ? m_sinceFrame.elapsed() : FrameMs;
    m_paintTimer.start(int(std::max<qint64>(0, FrameMs - since)));
}

void TerminalWidget::flushPendingPaint()
{
    m_paintTimer.stop();
    onPaintTimer();
    viewport()->repaint();
}

void TerminalWidget::onPaintTimer()
{
    m_sinceFrame.start();
    if (m_scrollBarDirty)
        syncScrollBar();
    const QRect damage = m_terminal->takeDamage();
    if (!isVisible()) {
        // Nothing to paint into; show the whole screen when it is shown again.
        m_fullRepaint = true;
        return;
    }
    if (m_fullRepaint) {
        m_fullRepaint = false;
        viewport()->update();
        return;
    }
    const int rows = m_terminal->rows();
    const int width = viewport()->width();
    auto updateRows = [this, rows, width](int firstDisplay, int lastDisplay) {
        firstDisplay = std::max(firstDisplay, 0);
        lastDisplay = std::min(lastDisplay, rows - 1);
        if (firstDisplay > lastDisplay)
            return;
        viewport()->update(0, MarginTop + firstDisplay * m_cellHeight, width,
                           (lastDisplay - firstDisplay + 1) * m_cellHeight);
    };
    if (!damage.isEmpty())
        updateRows(damage.top() - m_viewTop, damage.bottom() - m_viewTop);
    const TermCursor cursor = m_terminal->cursor();
    const int cursorRow = cursor.row - m_viewTop;
    if (cursorRow != m_paintedCursorRow || cursor.col != m_paintedCursor.col
        || cursor.visible != m_paintedCursor.visible || cursor.shape != m_paintedCursor.shape) {
        updateRows(m_paintedCursorRow, m_paintedCursorRow);
        updateRows(cursorRow, cursorRow);
    }
}

void TerminalWidget::onScrollbackChanged(int lines)
{
    // Emitted once per Terminal operation with the new count. Below the limit the difference
    // is what was pushed (or popped back on a resize); at the limit every push also drops the
    // oldest line, so the count says nothing and the view's text is looked up instead.
    const int delta = lines - m_scrollbackLines;
    int pushed = delta;
    m_scrollbackLines = lines;
    if (m_feeding && lines >= m_terminal->scrollbackLimit() && m_feedEstimate >= 0) {
        pushed = std::max({delta, m_feedEstimate, 1});
        if (m_feedAnchor) {
            const int shift = measureShift(*m_feedAnchor, pushed);
            if (shift >= 0)
                pushed = std::max(shift, delta);
        }
    }
    m_linesPushed += pushed;
    if (m_viewTop != 0) {
        // Keep showing the same lines while the user looks at older output.
        const int wanted = m_viewTop - pushed;
        m_viewTop = std::clamp(wanted, -m_scrollbackLines, 0);
        if (m_viewTop != wanted)
            m_fullRepaint = true;
    }
    m_scrollBarDirty = true;
    schedulePaint();
}

void TerminalWidget::syncScrollBar()
{
    m_scrollBarDirty = false;
    QScrollBar *bar = verticalScrollBar();
    m_syncingScrollBar = true;
    bar->setRange(0, m_scrollbackLines);
    bar->setPageStep(m_terminal->rows());
    bar->setSingleStep(1);
    bar->setValue(m_scrollbackLines + m_viewTop);
    m_syncingScrollBar = false;
}

void TerminalWidget::scrollContentsBy(int, int)
{
    if (m_syncingScrollBar)
        return;
    QScrollBar *bar = verticalScrollBar();
    m_viewTop = std::clamp(bar->value() - bar->maximum(), -m_scrollbackLines, 0);
    m_hoverActive = false;
    viewport()->update();
}

void TerminalWidget::setViewTop(int row)
{
    row = std::clamp(row, -m_scrollbackLines, 0);
    if (row == m_viewTop) {
        return;
    }
    m_viewTop = row;
    m_hoverActive = false;
    viewport()->update();
    syncScrollBar();
}

void TerminalWidget::scrollLines(int lines)
{
    if (m_scrollBarDirty)
        syncScrollBar();
    setViewTop(m_viewTop + lines);
}

void TerminalWidget::scrollToBottom()
{
    setViewTop(0);
}

void TerminalWidget::scrollToRow(int row)
{
    const int rows = m_terminal->rows();
    if (row >= m_viewTop && row < m_viewTop + rows)
        return;
    setViewTop(row - rows / 2);
}

void TerminalWidget::clearScrollback()
{
    // Screen rows keep their line numbers: the selection on the screen stays where it is.
    const qint64 pushed = m_linesPushed;
    m_terminal->clearScrollback();
    m_linesPushed = pushed;
    m_scrollbackLines = m_terminal->scrollbackLines();
    if (m_hasSelection && rowOf(m_selStart.line) < 0)
        clearSelection();
    if (m_hasMatch && rowOf(m_matchPos.line) < 0)
        m_hasMatch = false;
    m_viewTop = 0;
    syncScrollBar();
    viewport()->update();
}

void TerminalWidget::onBell()
{
    Q_EMIT bellRang();
    m_flash = true;
    viewport()->update();
    m_flashTimer.start(FlashMs);
}

// --- Search ------------------------------------------------------------------------------

void TerminalWidget::showSearchBar()
{
    m_searchBar->show();
    m_searchBar->raise();
    positionSearchBar();
    if (m_hasSelection && m_selStart.line == m_selStop.line)
        m_searchBar->setText(selectedText());
    m_searchBar->focusSearchField();
}

void TerminalWidget::hideSearchBar()
{
    if (m_searchBar->isHidden())
        return;
    m_searchBar->hide();
    if (m_hasMatch) {
        m_hasMatch = false;
        repaintLines(m_matchPos.line, m_matchPos.line);
    }
    m_searchBar->setNotFound(false);
    setFocus(Qt::OtherFocusReason);
}

bool TerminalWidget::isSearchBarVisible() const
{
    return m_searchBar && !m_searchBar->isHidden();
}

Terminal::Match TerminalWidget::currentMatch() const
{
    if (!m_hasMatch)
        return {};
    return {rowOf(m_matchPos.line), m_matchPos.col, m_matchLength, true};
}

void TerminalWidget::onSearchTextChanged(const QString &text)
{
    // Typing extends the current match where it can: search again from just after its start.
    if (m_hasMatch) {
        m_hasMatch = false;
        repaintLines(m_matchPos.line, m_matchPos.line);
        m_matchPos.col += 1;
        const Terminal::Match match
            = m_terminal->findBackward(text, rowOf(m_matchPos.line), m_matchPos.col);
        m_matchPos.col -= 1;
        if (match.valid && !text.isEmpty()) {
            m_hasMatch = true;
            m_matchPos = {lineOf(match.row), match.col};
            m_matchLength = match.length;
            m_searchBar->setNotFound(false);
            scrollToRow(match.row);
            repaintLines(m_matchPos.line, m_matchPos.line);
            return;
        }
    }
    find(text, true);
}

bool TerminalWidget::find(const QString &needle, bool backward)
{
    if (m_hasMatch)
        repaintLines(m_matchPos.line, m_matchPos.line);
    if (needle.isEmpty()) {
        m_hasMatch = false;
        m_searchBar->setNotFound(false);
        return false;
    }
    const int rows = m_terminal->rows();
    const int top = -m_scrollbackLines;
    Terminal::Match match;
    if (m_hasMatch) {
        const int row = rowOf(m_matchPos.line);
        match = backward ? m_terminal->findBackward(needle, row, m_matchPos.col)
                         : m_terminal->findForward(needle, row, m_matchPos.col);
    }
    if (!match.valid) {
        // From the end (or the beginning), which also wraps around after the last match.
        match = backward ? m_terminal->findBackward(needle, rows - 1, m_terminal->cols())
                         : m_terminal->findForward(needle, top, -1);
    }
    m_hasMatch = match.valid;
    m_searchBar->setNotFound(!match.valid);
    if (!match.valid)
        return false;
    m_matchPos = {lineOf(match.row), match.col};
    m_matchLength = match.length;
    scrollToRow(match.row);
    repaintLines(m_matchPos.line, m_matchPos.line);
    return true;
}

} // namespace Corral
