#include "terminalwidget.h"

#include "icons.h"
#include "pastedialog.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QShortcut>
#include <QStyleHints>
#include <QToolButton>
#include <QToolTip>
#include <QVarLengthArray>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

constexpr int FrameMs = 16;
constexpr int FlashMs = 120;
constexpr int MarginLeft = 4;
constexpr int MarginRight = 2;
constexpr int MarginTop = 2;
constexpr int MarginBottom = 2;
constexpr int WheelLines = 3;
constexpr qreal MinPointSize = 5;
constexpr qreal MaxPointSize = 48;

std::optional<Terminal::Key> mapKey(int key, bool keypad)
{
    switch (key) {
    case Qt::Key_Return:
        return Terminal::Key::Enter;
    case Qt::Key_Enter:
        return keypad ? Terminal::Key::KpEnter : Terminal::Key::Enter;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return Terminal::Key::Tab;
    case Qt::Key_Backspace:
        return Terminal::Key::Backspace;
    case Qt::Key_Escape:
        return Terminal::Key::Escape;
    case Qt::Key_Up:
        return Terminal::Key::Up;
    case Qt::Key_Down:
        return Terminal::Key::Down;
    case Qt::Key_Left:
        return Terminal::Key::Left;
    case Qt::Key_Right:
        return Terminal::Key::Right;
    case Qt::Key_Insert:
        return Terminal::Key::Insert;
    case Qt::Key_Delete:
        return Terminal::Key::Delete;
    case Qt::Key_Home:
        return Terminal::Key::Home;
    case Qt::Key_End:
        return Terminal::Key::End;
    case Qt::Key_PageUp:
        return Terminal::Key::PageUp;
    case Qt::Key_PageDown:
        return Terminal::Key::PageDown;
    default:
        break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return Terminal::Key(int(Terminal::Key::F1) + (key - Qt::Key_F1));
    return std::nullopt;
}

bool isWordChar(QStringView text)
{
    if (text.isEmpty())
        return false;
    const QChar ch = text.front();
    if (ch.isSpace())
        return false;
    if (ch.isLetterOrNumber() || ch.unicode() >= 0x80)
        return true;
    return u"-_./~:@%+=&?#$!*"_s.contains(ch);
}

QString normalizedPaste(QString text)
{
    // A terminal's Enter is CR; pasted LF line ends would reach the remote as ^J.
    text.replace(u"\r\n"_s, u"\r"_s);
    text.replace(u'\n', u'\r');
    return text;
}

} // namespace

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
    auto *bar = new QFrame(this);
    bar->setObjectName(u"terminalSearchBar"_s);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::Window);
    bar->setCursor(Qt::ArrowCursor);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 3, 4, 3);
    layout->setSpacing(2);

    m_searchEdit = new QLineEdit(bar);
    m_searchEdit->setObjectName(u"terminalSearchEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Find in scrollback"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setMinimumWidth(180);
    m_searchEdit->addAction(Icons::symbolic(u"search"_s), QLineEdit::LeadingPosition);
    layout->addWidget(m_searchEdit, 1);

    m_searchStatus = new QLabel(bar);
    m_searchStatus->setObjectName(u"terminalSearchStatus"_s);
    layout->addWidget(m_searchStatus);

    auto button = [bar, layout](const QString &name, const QString &icon, const QString &tip) {
        auto *b = new QToolButton(bar);
        b->setObjectName(name);
        b->setIcon(Icons::symbolic(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::TabFocus);
        layout->addWidget(b);
        return b;
    };
    QToolButton *previous = button(u"terminalSearchPrevious"_s, u"find-previous"_s,
                                   tr("Previous match, towards older output (Enter)"));
    QToolButton *next = button(u"terminalSearchNext"_s, u"find-next"_s,
                               tr("Next match, towards newer output (Shift+Enter)"));
    QToolButton *close = button(u"terminalSearchClose"_s, u"close"_s, tr("Close (Esc)"));

    connect(m_searchEdit, &QLineEdit::textEdited, this, &TerminalWidget::onSearchTextChanged);
    connect(m_searchEdit, &QLineEdit::returnPressed, this,
            [this] { find(m_searchEdit->text(), true); });
    connect(previous, &QToolButton::clicked, this, [this] { find(m_searchEdit->text(), true); });
    connect(next, &QToolButton::clicked, this, [this] { find(m_searchEdit->text(), false); });
    connect(close, &QToolButton::clicked, this, &TerminalWidget::hideSearchBar);
    auto *shiftEnter = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_searchEdit);
    shiftEnter->setContext(Qt::WidgetShortcut);
    connect(shiftEnter, &QShortcut::activated, this, [this] { find(m_searchEdit->text(), false); });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), bar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &TerminalWidget::hideSearchBar);

    m_searchBar = bar;
    bar->hide();
}

// --- Font and geometry -------------------------------------------------------------------

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

// --- Selection ---------------------------------------------------------------------------

QString TerminalWidget::rowText(int row, int startCol, int endCol, QList<int> *columns) const
{
    QString text;
    const int cols = m_terminal->cols();
    endCol = std::min(endCol, cols);
    for (int col = std::max(0, startCol); col < endCol; ++col) {
        const TermCell cell = m_terminal->cell(row, col);
        if (cell.width == 0)
            continue;
        const qsizetype before = text.size();
        if (cell.ch == 0)
            text.append(u' ');
        else if (cell.ch < 0x80)
            text.append(QChar(char16_t(cell.ch)));
        else
            text.append(m_terminal->cellText(row, col));
        if (columns) {
            for (qsizetype i = before; i < text.size(); ++i)
                columns->append(col);
        }
    }
    return text;
}

TerminalWidget::LinePos TerminalWidget::wordStart(LinePos pos) const
{
    const int row = rowOf(pos.line);
    if (!isWordChar(m_terminal->cellText(row, pos.col)))
        return pos;
    int col = pos.col;
    while (col > 0) {
        int prev = col - 1;
        if (prev > 0 && m_terminal->cell(row, prev).width == 0)
            --prev;
        if (!isWordChar(m_terminal->cellText(row, prev)))
            break;
        col = prev;
    }
    return {pos.line, col};
}

TerminalWidget::LinePos TerminalWidget::wordEnd(LinePos pos) const
{
    const int row = rowOf(pos.line);
    const int cols = m_terminal->cols();
    auto next = [this, row, cols](int col) {
        ++col;
        while (col < cols && m_terminal->cell(row, col).width == 0)
            ++col;
        return col;
    };
    if (!isWordChar(m_terminal->cellText(row, pos.col)))
        return {pos.line, next(pos.col)};
    int col = pos.col;
    for (;;) {
        const int n = next(col);
        if (n >= cols || !isWordChar(m_terminal->cellText(row, n)))
            return {pos.line, n};
        col = n;
    }
}

void TerminalWidget::updateSelection()
{
    const LinePos oldStart = m_selStart;
    const LinePos oldStop = m_selStop;
    const bool had = m_hasSelection;
    const LinePos lo = std::min(m_selAnchor, m_selEnd);
    const LinePos hi = std::max(m_selAnchor, m_selEnd);
    switch (m_selectMode) {
    case SelectMode::Char:
        m_selStart = lo;
        m_selStop = hi;
        break;
    case SelectMode::Word:
        m_selStart = wordStart(lo);
        m_selStop = wordEnd(hi);
        break;
    case SelectMode::Line:
        m_selStart = {lo.line, 0};
        m_selStop = {hi.line, m_terminal->cols()};
        break;
    }
    m_hasSelection = m_selStart < m_selStop;
    if (had)
        repaintLines(oldStart.line, oldStop.line);
    if (m_hasSelection)
        repaintLines(m_selStart.line, m_selStop.line);
}

bool TerminalWidget::isSelected(qint64 line, int col) const
{
    const LinePos pos{line, col};
    return m_hasSelection && m_selStart <= pos && pos < m_selStop;
}

bool TerminalWidget::hasSelection() const
{
    return m_hasSelection;
}

QString TerminalWidget::selectedText() const
{
    if (!m_hasSelection)
        return {};
    QStringList lines;
    const int cols = m_terminal->cols();
    for (qint64 line = m_selStart.line; line <= m_selStop.line; ++line) {
        const int row = rowOf(line);
        if (row < -m_scrollbackLines || row >= m_terminal->rows())
            continue;
        const int start = line == m_selStart.line ? m_selStart.col : 0;
        const int end = line == m_selStop.line ? m_selStop.col : cols;
        QString text = rowText(row, start, end);
        while (text.endsWith(u' '))
            text.chop(1);
        lines.append(text);
    }
    return lines.join(u'\n');
}

void TerminalWidget::setSelection(int startRow, int startCol, int endRow, int endCol)
{
    m_selectMode = SelectMode::Char;
    m_selAnchor = {lineOf(startRow), startCol};
    m_selEnd = {lineOf(endRow), endCol};
    updateSelection();
}

void TerminalWidget::selectAll()
{
    m_selectMode = SelectMode::Char;
    m_selAnchor = {lineOf(-m_scrollbackLines), 0};
    m_selEnd = {lineOf(m_terminal->rows() - 1), m_terminal->cols()};
    updateSelection();
    copySelectionToX11();
}

void TerminalWidget::clearSelection()
{
    if (!m_hasSelection)
        return;
    m_hasSelection = false;
    repaintLines(m_selStart.line, m_selStop.line);
}

void TerminalWidget::copy()
{
    if (m_hasSelection)
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Clipboard);
}

void TerminalWidget::copySelectionToX11()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (m_hasSelection && clipboard->supportsSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
}

void TerminalWidget::paste()
{
    pasteText(QGuiApplication::clipboard()->text(QClipboard::Clipboard));
}

void TerminalWidget::pasteSelection()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    pasteText(clipboard->text(clipboard->supportsSelection() ? QClipboard::Selection
                                                             : QClipboard::Clipboard));
}

void TerminalWidget::pasteText(const QString &text)
{
    if (text.isEmpty())
        return;
    const bool multiLine = text.contains(u'\n') || text.contains(u'\r');
    if (multiLine && m_confirmPaste) {
        showPasteDialog(text);
        return;
    }
    scrollToBottom();
    m_terminal->paste(normalizedPaste(text));
}

void TerminalWidget::showPasteDialog(const QString &text)
{
    if (m_pasteDialog)
        return; // one question at a time; the user is answering it
    auto *dialog = new PasteDialog(text, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pasteDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, text] {
        if (dialog->dontAskAgain())
            m_confirmPaste = false;
        scrollToBottom();
        m_terminal->paste(normalizedPaste(text));
        setFocus();
    });
    connect(dialog, &QDialog::rejected, this, [this] { setFocus(); });
    dialog->open();
}

// --- URLs --------------------------------------------------------------------------------

TerminalWidget::UrlSpan TerminalWidget::urlSpanAt(int row, int col) const
{
    if (row < -m_scrollbackLines || row >= m_terminal->rows() || col < 0
        || col >= m_terminal->cols())
        return {};
    QList<int> columns;
    const QString text = rowText(row, 0, m_terminal->cols(), &columns);
    static const QRegularExpression re(uR"(https?://[^\s<>"'`{}|\\^]+)"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        qsizetype start = m.capturedStart();
        qsizetype end = m.capturedEnd();
        // Trailing punctuation usually belongs to the sentence, not the URL; a closing
        // bracket belongs to the URL only when it opened one.
        while (end > start) {
            const QChar last = text.at(end - 1);
            if (u".,;:!?"_s.contains(last)) {
                --end;
                continue;
            }
            if (last == u')' || last == u']') {
                const QChar open = last == u')' ? u'(' : u'[';
                const QStringView url = QStringView(text).mid(start, end - start);
                if (url.count(open) < url.count(last)) {
                    --end;
                    continue;
                }
            }
            break;
        }
        if (end - start <= 8)
            continue;
        const int startCol = columns.at(start);
        const int endCol = columns.at(end - 1) + 1;
        const bool wide = m_terminal->cell(row, endCol - 1).width == 2;
        const int stop = endCol + (wide ? 1 : 0);
        if (col >= startCol && col < stop) {
            const QUrl url(text.mid(start, end - start), QUrl::StrictMode);
            if (!url.isValid())
                return {};
            return {lineOf(row), startCol, stop, url};
        }
    }
    return {};
}

QUrl TerminalWidget::urlAt(int row, int col) const
{
    return urlSpanAt(row, col).url;
}

void TerminalWidget::updateHover(const QPoint &pos, Qt::KeyboardModifiers mods)
{
    const int displayRow = displayRowAt(pos.y());
    UrlSpan span;
    if (displayRow >= 0 && displayRow < m_terminal->rows() && pos.x() >= MarginLeft)
        span = urlSpanAt(m_viewTop + displayRow, (pos.x() - MarginLeft) / m_cellWidth);
    const bool active = !span.url.isEmpty();
    const bool changed = active != m_hoverActive
        || (active
            && (span.line != m_hover.line || span.startCol != m_hover.startCol
                || span.endCol != m_hover.endCol));
    if (changed) {
        if (m_hoverActive)
            repaintLines(m_hover.line, m_hover.line);
        m_hover = span;
        m_hoverActive = active;
        if (active)
            repaintLines(span.line, span.line);
    }
    const bool pointing = active && (mods & Qt::ControlModifier);
    viewport()->setCursor(pointing ? Qt::PointingHandCursor
                                   : (reportsMouse(mods) ? Qt::ArrowCursor : Qt::IBeamCursor));
}

// --- Search ------------------------------------------------------------------------------

void TerminalWidget::showSearchBar()
{
    m_searchBar->show();
    m_searchBar->raise();
    positionSearchBar();
    if (m_hasSelection && m_selStart.line == m_selStop.line)
        m_searchEdit->setText(selectedText());
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
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
    setSearchNotFound(false);
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
            setSearchNotFound(false);
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
        setSearchNotFound(false);
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
    setSearchNotFound(!match.valid);
    if (!match.valid)
        return false;
    m_matchPos = {lineOf(match.row), match.col};
    m_matchLength = match.length;
    scrollToRow(match.row);
    repaintLines(m_matchPos.line, m_matchPos.line);
    return true;
}

void TerminalWidget::setSearchNotFound(bool notFound)
{
    m_searchStatus->setText(notFound ? tr("Not found") : QString());
    QPalette pal = m_searchEdit->parentWidget()->palette();
    if (notFound) {
        const QColor error = Theme::errorColor(pal);
        QColor tint = pal.color(QPalette::Base);
        tint = QColor::fromRgbF(tint.redF() * 0.8 + error.redF() * 0.2,
                                tint.greenF() * 0.8 + error.greenF() * 0.2,
                                tint.blueF() * 0.8 + error.blueF() * 0.2);
        pal.setColor(QPalette::Base, tint);
        QPalette statusPal = m_searchStatus->palette();
        statusPal.setColor(QPalette::WindowText, error);
        m_searchStatus->setPalette(statusPal);
    }
    m_searchEdit->setPalette(pal);
}

// --- Keyboard ----------------------------------------------------------------------------

int TerminalWidget::termModifiers(Qt::KeyboardModifiers mods) const
{
    int m = Terminal::NoModifier;
    if (mods & Qt::ShiftModifier)
        m |= Terminal::Shift;
    if (mods & Qt::AltModifier)
        m |= Terminal::Alt;
    if (mods & Qt::ControlModifier)
        m |= Terminal::Ctrl;
    return m;
}

bool TerminalWidget::isOwnShortcut(QKeyEvent *event) const
{
    const Qt::KeyboardModifiers mods = event->modifiers()
        & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    const QKeyCombination combo(mods, Qt::Key(event->key()));
    // "Ctrl++" arrives as Ctrl+Shift+Plus on most layouts.
    const QKeyCombination unshifted(mods & ~Qt::ShiftModifier, Qt::Key(event->key()));
    const bool symbol = event->key() < Qt::Key_A || event->key() > Qt::Key_Z;
    for (QAction *action : m_actions) {
        const QList<QKeySequence> keys = action->shortcuts();
        for (const QKeySequence &seq : keys) {
            if (seq.count() == 1 && (seq[0] == combo || (symbol && seq[0] == unshifted)))
                return true;
        }
    }
    return false;
}

bool TerminalWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (m_searchBar->isAncestorOf(focusWidget()))
            return QAbstractScrollArea::event(event);
        const Qt::KeyboardModifiers mods = key->modifiers();
        const bool ctrlShift = (mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier);
        const bool ctrlPage = (mods & Qt::ControlModifier)
            && (key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown);
        // Everything but our own and the window's Ctrl+Shift / Ctrl+PgUp/PgDn shortcuts goes
        // to the remote side, even keys the window has other shortcuts for.
        if (!isOwnShortcut(key) && !ctrlShift && !ctrlPage) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool TerminalWidget::focusNextPrevChild(bool next)
{
    // Tab is a key for the remote side, except inside the search bar.
    if (m_searchBar && m_searchBar->isAncestorOf(focusWidget()))
        return QAbstractScrollArea::focusNextPrevChild(next);
    return false;
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    if (isOwnShortcut(event)) {
        // The shortcut map did not take it (e.g. a synthesised event): run the action here.
        const Qt::KeyboardModifiers mods = event->modifiers();
        const QKeyCombination combo(mods, Qt::Key(event->key()));
        const QKeyCombination unshifted(mods & ~Qt::ShiftModifier, Qt::Key(event->key()));
        for (QAction *action : m_actions) {
            const QList<QKeySequence> keys = action->shortcuts();
            for (const QKeySequence &seq : keys) {
                if (seq.count() == 1 && (seq[0] == combo || seq[0] == unshifted)) {
                    action->trigger();
                    return;
                }
            }
        }
    }
    const Qt::KeyboardModifiers mods = event->modifiers();
    if ((mods & Qt::ShiftModifier) && !(mods & (Qt::ControlModifier | Qt::AltModifier))) {
        switch (event->key()) {
        case Qt::Key_PageUp:
            scrollLines(-std::max(1, m_terminal->rows() - 1));
            return;
        case Qt::Key_PageDown:
            scrollLines(std::max(1, m_terminal->rows() - 1));
            return;
        default:
            break;
        }
    }
    if (sendKeyEvent(event)) {
        scrollToBottom();
        viewport()->setCursor(Qt::BlankCursor);
        event->accept();
        return;
    }
    event->ignore();
}

bool TerminalWidget::sendKeyEvent(QKeyEvent *event)
{
    const int key = event->key();
    const Qt::KeyboardModifiers qmods = event->modifiers();
    int mods = termModifiers(qmods);
    if (auto mapped = mapKey(key, qmods & Qt::KeypadModifier)) {
        if (key == Qt::Key_Backtab)
            mods |= Terminal::Shift;
        m_terminal->sendKey(*mapped, mods);
        return true;
    }
    const QString text = event->text();
    if (mods & Terminal::Ctrl) {
        char32_t ch = 0;
        if (key >= Qt::Key_A && key <= Qt::Key_Z)
            ch = U'a' + char32_t(key - Qt::Key_A);
        else if (key >= 0x20 && key < 0x7f)
            ch = char32_t(key);
        else if (!text.isEmpty() && text.front() >= u' ')
            ch = text.toUcs4().value(0);
        if (ch == 0)
            return false;
        m_terminal->sendChar(ch, mods);
        return true;
    }
    if (mods & Terminal::Alt) {
        QList<uint> chars;
        if (!text.isEmpty() && text.front() >= u' ')
            chars = text.toUcs4();
        else if (key >= Qt::Key_A && key <= Qt::Key_Z)
            chars = {uint((mods & Terminal::Shift) ? 'A' : 'a') + uint(key - Qt::Key_A)};
        else if (key >= 0x20 && key < 0x7f)
            chars = {uint(key)};
        if (chars.isEmpty())
            return false;
        for (uint ch : std::as_const(chars))
            m_terminal->sendChar(char32_t(ch), mods);
        return true;
    }
    if (text.isEmpty())
        return false;
    // Control characters without Ctrl come from odd layouts/IMs; let the Terminal map them.
    if (text.size() == 1 && text.front() < u' ') {
        m_terminal->sendChar(char32_t(text.front().unicode()), mods);
        return true;
    }
    if (text.front() == QChar(0x7f))
        return false;
    m_terminal->sendText(text);
    return true;
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent *event)
{
    if (!event->commitString().isEmpty()) {
        m_terminal->sendText(event->commitString());
        scrollToBottom();
    }
    event->accept();
}

QVariant TerminalWidget::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImCursorRectangle: {
        const TermCursor cursor = m_terminal->cursor();
        return QRect(viewport()->mapTo(this, cellRect(cursor.row, cursor.col).topLeft()),
                     QSize(m_cellWidth, m_cellHeight));
    }
    case Qt::ImFont:
        return m_font;
    case Qt::ImHints:
        return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

void TerminalWidget::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    m_terminal->focusChanged(true);
    const int row = m_terminal->cursor().row;
    repaintLines(lineOf(row), lineOf(row));
}

void TerminalWidget::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    m_terminal->focusChanged(false);
    const int row = m_terminal->cursor().row;
    repaintLines(lineOf(row), lineOf(row));
}

// --- Mouse -------------------------------------------------------------------------------

bool TerminalWidget::reportsMouse(Qt::KeyboardModifiers mods) const
{
    return m_terminal->mouseMode() != Terminal::MouseMode::Off && !(mods & Qt::ShiftModifier);
}

namespace {

Terminal::MouseButton terminalButton(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton:
        return Terminal::MouseButton::Left;
    case Qt::MiddleButton:
        return Terminal::MouseButton::Middle;
    case Qt::RightButton:
        return Terminal::MouseButton::Right;
    default:
        return Terminal::MouseButton::None;
    }
}

} // namespace

bool TerminalWidget::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave && m_hoverActive) {
        m_hoverActive = false;
        repaintLines(m_hover.line, m_hover.line);
    }
    if (event->type() == QEvent::ToolTip && m_hoverActive) {
        auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(),
                           tr("%1\nCtrl+click to open").arg(m_hover.url.toDisplayString()),
                           viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    const Qt::KeyboardModifiers mods = event->modifiers();
    m_pressPos = pos;
    viewport()->setCursor(Qt::IBeamCursor);

    if (event->button() == Qt::LeftButton && (mods & Qt::ControlModifier)) {
        updateHover(pos, mods);
        if (m_hoverActive) {
            QDesktopServices::openUrl(m_hover.url);
            return;
        }
    }
    if (reportsMouse(mods)) {
        const LinePos cell = cellAt(pos);
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        const Terminal::MouseButton button = terminalButton(event->button());
        if (button != Terminal::MouseButton::None
            && m_terminal->mouseButton(button, true, row, cell.col, termModifiers(mods))) {
            m_reportedButtons |= event->button();
            m_lastMouseCell = QPoint(cell.col, row);
            return;
        }
    }
    switch (event->button()) {
    case Qt::LeftButton: {
        const bool triple = m_lastDoubleClick.isValid()
            && m_lastDoubleClick.elapsed()
                < QGuiApplication::styleHints()->mouseDoubleClickInterval()
            && (pos - m_doubleClickPos).manhattanLength()
                < QGuiApplication::styleHints()->startDragDistance();
        m_lastDoubleClick.invalidate();
        m_selecting = true;
        if (triple) {
            m_selectMode = SelectMode::Line;
            m_selAnchor = m_selEnd = cellAt(pos);
        } else if ((mods & Qt::ShiftModifier) && m_hasSelection
                   && m_selectMode == SelectMode::Char) {
            m_selEnd = boundaryAt(pos);
        } else {
            clearSelection();
            m_selectMode = SelectMode::Char;
            m_selAnchor = m_selEnd = boundaryAt(pos);
        }
        updateSelection();
        break;
    }
    case Qt::MiddleButton:
        pasteSelection();
        break;
    default:
        break;
    }
}

void TerminalWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (reportsMouse(mods)) {
        mousePressEvent(event);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_selecting = true;
    m_selectMode = SelectMode::Word;
    m_selAnchor = m_selEnd = cellAt(pos);
    updateSelection();
    m_lastDoubleClick.start();
    m_doubleClickPos = pos;
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        m_selEnd = m_selectMode == SelectMode::Char ? boundaryAt(pos) : cellAt(pos);
        updateSelection();
        const int height = viewport()->height();
        m_autoScrollDelta = pos.y() < 0 ? -1 : (pos.y() >= height ? 1 : 0);
        if (m_autoScrollDelta != 0 && !m_autoScrollTimer.isActive())
            m_autoScrollTimer.start();
        else if (m_autoScrollDelta == 0)
            m_autoScrollTimer.stop();
        return;
    }
    if (reportsMouse(mods)) {
        const Terminal::MouseMode mode = m_terminal->mouseMode();
        const bool wanted = mode == Terminal::MouseMode::Move
            || (mode == Terminal::MouseMode::Drag && m_reportedButtons != Qt::NoButton);
        const LinePos cell = cellAt(pos);
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        if (wanted && QPoint(cell.col, row) != m_lastMouseCell) {
            m_lastMouseCell = QPoint(cell.col, row);
            m_terminal->mouseMove(row, cell.col, termModifiers(mods));
        }
    }
    updateHover(pos, mods);
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_reportedButtons & event->button()) {
        m_reportedButtons &= ~event->button();
        const LinePos cell = cellAt(pos);
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        m_terminal->mouseButton(terminalButton(event->button()), false, row, cell.col,
                                termModifiers(event->modifiers()));
        return;
    }
    if (event->button() == Qt::LeftButton && m_selecting) {
        m_selecting = false;
        m_autoScrollTimer.stop();
        copySelectionToX11();
    }
}

void TerminalWidget::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    event->accept();
    m_wheelRemainder += delta;
    const int steps = m_wheelRemainder / 120;
    m_wheelRemainder -= steps * 120;
    if (steps == 0)
        return;
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (reportsMouse(mods)) {
        const LinePos cell = cellAt(event->position().toPoint());
        const int row = std::clamp(rowOf(cell.line), 0, m_terminal->rows() - 1);
        const auto button
            = steps > 0 ? Terminal::MouseButton::WheelUp : Terminal::MouseButton::WheelDown;
        for (int i = 0; i < std::abs(steps); ++i)
            m_terminal->mouseButton(button, true, row, cell.col, termModifiers(mods));
        return;
    }
    if (m_terminal->altScreen()) {
        // Full-screen programs without mouse support (less, man) scroll with the arrow keys.
        const auto key = steps > 0 ? Terminal::Key::Up : Terminal::Key::Down;
        for (int i = 0; i < std::abs(steps) * WheelLines; ++i)
            m_terminal->sendKey(key);
        return;
    }
    scrollLines(-steps * WheelLines);
}

void TerminalWidget::contextMenuEvent(QContextMenuEvent *event)
{
    if (event->reason() == QContextMenuEvent::Mouse && reportsMouse(event->modifiers()))
        return; // the right button went to the remote side
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPoint pos = viewport()->mapFromGlobal(event->globalPos());
    const int displayRow = displayRowAt(pos.y());
    const QUrl url = pos.x() >= MarginLeft
        ? urlAt(m_viewTop + displayRow, (pos.x() - MarginLeft) / m_cellWidth)
        : QUrl();
    if (!url.isEmpty()) {
        QAction *open = menu->addAction(tr("Open Lin&k"));
        connect(open, &QAction::triggered, this, [url] { QDesktopServices::openUrl(url); });
        QAction *copyLink = menu->addAction(tr("Copy Link &Address"));
        copyLink->setObjectName(u"terminal.copyLink"_s);
        connect(copyLink, &QAction::triggered, this, [url] {
            QGuiApplication::clipboard()->setText(url.toString(), QClipboard::Clipboard);
        });
        menu->addSeparator();
    }
    action(Action::Copy)->setEnabled(m_hasSelection);
    action(Action::Paste)->setEnabled(!QGuiApplication::clipboard()->text().isEmpty());
    action(Action::ZoomOut)->setEnabled(m_baseFont.pointSizeF() + m_zoom - 1 >= MinPointSize);
    action(Action::ZoomIn)->setEnabled(m_baseFont.pointSizeF() + m_zoom + 1 <= MaxPointSize);
    action(Action::ZoomReset)->setEnabled(m_zoom != 0);
    menu->addAction(action(Action::Copy));
    menu->addAction(action(Action::Paste));
    menu->addAction(action(Action::SelectAll));
    menu->addSeparator();
    menu->addAction(action(Action::Find));
    menu->addSeparator();
    menu->addAction(action(Action::ZoomIn));
    menu->addAction(action(Action::ZoomOut));
    menu->addAction(action(Action::ZoomReset));
    menu->addSeparator();
    menu->addAction(action(Action::ClearScrollback));
    connect(menu, &QMenu::aboutToHide, this, [this] {
        // Re-enable for the keyboard: their slots check for themselves.
        for (QAction *a : m_actions)
            a->setEnabled(true);
    });
    menu->popup(event->globalPos());
}

} // namespace Corral
