#pragma once

#include "term/terminal.h"

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QElapsedTimer>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPoint>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <compare>
#include <optional>

class QAction;
class QMenu;
class QPainter;

namespace Corral {

class PasteDialog;
class TerminalSearchBar;

// A terminal view: paints a Terminal (screen + scrollback) in the system's fixed-pitch font
// and turns keys, mouse, pastes and focus changes into Terminal input. Bytes from the remote
// side go in through feed(); bytes for the remote side come out of sendBytes().
//
// Thread: the GUI thread. Owns its Terminal. Painting is coalesced: feed() updates the
// Terminal at once and repaints at most once per frame, only the damaged rows.
//
// Rows are Terminal rows: 0 .. rows()-1 the live screen, negative rows the scrollback.
// Emits sendBytes (input and terminal replies), terminalSizeChanged after every Terminal
// resize, titleChanged (OSC 0/2) and bellRang (BEL, after a short visual flash starts).
//
// Shortcuts (active while the widget has focus; everything else goes to the remote side):
// Ctrl+Shift+C copy, Ctrl+Shift+V / Shift+Insert paste, Ctrl+Shift+A select all,
// Ctrl+Shift+F find, Ctrl+Shift+K clear scrollback, Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0 zoom,
// Shift+PgUp/PgDn scroll.
//
// The implementation is split by responsibility: terminalwidget.cpp (construction, geometry,
// feeding, frames, scrolling, search), terminalwidget_paint.cpp (fonts, metrics, painting),
// terminalwidget_selection.cpp (selection, clipboard, paste, URLs), terminalwidget_input.cpp
// (keyboard, focus, mouse, context menu), with terminalinput.h (Qt to Terminal input mapping)
// and terminalsearchbar.h (the find bar's widgets).
class TerminalWidget final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalWidget)

public:
    enum class Action : quint8 {
        Copy,
        Paste,
        SelectAll,
        Find,
        ZoomIn,
        ZoomOut,
        ZoomReset,
        ClearScrollback,
        ActionCount
    };

    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    Terminal *terminal() const { return m_terminal; }
    QAction *action(Action action) const { return m_actions[int(action)]; }

    // Remote output: fed to the Terminal now, painted with the next frame.
    void feed(const QByteArray &bytes);
    // Paints what is pending now instead of with the next frame (tests and benchmarks).
    void flushPendingPaint();
    int framesPainted() const { return m_framesPainted; }

    // Font and zoom. The base size is the system fixed font's unless setTerminalFont() says.
    void setTerminalFont(const QFont &font);
    QFont terminalFont() const { return m_font; }
    void zoomIn();
    void zoomOut();
    void resetZoom();
    QSize cellSize() const { return {m_cellWidth, m_cellHeight}; }
    // The viewport rectangle of the cell at Terminal (row, col) in the current scroll position.
    QRect cellRect(int row, int col) const;
    QSize sizeHint() const override;

    // Scrollback view: the Terminal row shown at the top (0 when following the output).
    int firstVisibleRow() const { return m_viewTop; }
    bool isAtBottom() const { return m_viewTop == 0; }
    void scrollLines(int lines); // negative: towards older output
    void scrollToBottom();
    void scrollToRow(int row); // makes `row` visible, centred when it has to move

    // Selection, in Terminal rows; end column exclusive.
    bool hasSelection() const;
    QString selectedText() const;
    void setSelection(int startRow, int startCol, int endRow, int endCol);
    void selectAll();
    void clearSelection();
    void copy(); // to the clipboard
    void paste(); // from the clipboard
    void pasteSelection(); // from the X11 selection (middle-click), else the clipboard
    // Pastes through Terminal::paste (bracketed when the remote asked). Text with line breaks
    // is confirmed first with a window-modal PasteDialog unless confirmations are off.
    void pasteText(const QString &text);
    bool confirmMultiLinePaste() const { return m_confirmPaste; }
    void setConfirmMultiLinePaste(bool confirm) { m_confirmPaste = confirm; }

    // Search in scrollback and screen (case-insensitive).
    void showSearchBar();
    void hideSearchBar();
    bool isSearchBarVisible() const;
    // Finds `needle` above (backward) or below the current match, or from the bottom when
    // there is none; selects and scrolls to the match. Returns whether one was found.
    bool find(const QString &needle, bool backward = true);
    Terminal::Match currentMatch() const;

    // The http(s) URL covering Terminal (row, col), or an empty URL.
    QUrl urlAt(int row, int col) const;

    void clearScrollback();

Q_SIGNALS:
    void sendBytes(const QByteArray &bytes);
    void terminalSizeChanged(int cols, int rows);
    void titleChanged(const QString &title);
    void bellRang();

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool focusNextPrevChild(bool next) override;

private:
    // Selection and match positions survive scrolling output: rows are counted from the first
    // line this terminal ever had ("line numbers"), not from the top of the screen.
    struct LinePos
    {
        qint64 line = 0;
        int col = 0;
        friend auto operator<=>(const LinePos &, const LinePos &) = default;
    };
    enum class SelectMode : quint8 { Char, Word, Line };
    struct Colors
    {
        QRgb fg;
        QRgb bg;
        QRgb selFg;
        QRgb selBg;
        QRgb matchFg;
        QRgb matchBg;
        QRgb link;
    };
    // Text that was on screen (or in the view) before a feed, to find how far it moved when
    // the scrollback is full and its line count no longer says.
    struct Anchor
    {
        int row = 0;
        QString text;
        QString next;
    };
    struct UrlSpan
    {
        qint64 line = 0;
        int startCol = 0;
        int endCol = 0; // exclusive
        QUrl url;
    };

    void createActions();
    void createSearchBar();
    void positionSearchBar();
    void updateFontMetrics();
    void updateTerminalSize();
    void schedulePaint();
    void onPaintTimer();
    void syncScrollBar();
    void setViewTop(int row);
    void onScrollbackChanged(int lines);
    bool needsAnchor() const;
    std::optional<Anchor> captureAnchor() const;
    int measureShift(const Anchor &anchor, int estimate) const;
    void onBell();

    Colors colors() const;
    void paintRow(QPainter &p, int displayRow, const Colors &c);
    void paintCursor(QPainter &p, const Colors &c);
    const QFont &fontFor(bool bold, bool italic) const;
    bool fitsCell(char32_t ch);

    qint64 lineOf(int row) const { return row + m_linesPushed; }
    int rowOf(qint64 line) const { return int(line - m_linesPushed); }
    int displayRowAt(int y) const;
    LinePos boundaryAt(const QPoint &pos) const; // nearest column boundary
    LinePos cellAt(const QPoint &pos) const; // the cell under pos
    QString rowText(int row, int startCol, int endCol, QList<int> *columns = nullptr) const;
    LinePos wordStart(LinePos pos) const;
    LinePos wordEnd(LinePos pos) const;
    void updateSelection();
    bool isSelected(qint64 line, int col) const;
    void copySelectionToX11();
    void updateHover(const QPoint &pos, Qt::KeyboardModifiers mods);
    UrlSpan urlSpanAt(int row, int col) const;
    void repaintLines(qint64 first, qint64 last);

    bool reportsMouse(Qt::KeyboardModifiers mods) const;
    bool isOwnShortcut(QKeyEvent *event) const;
    void showPasteDialog(const QString &text);
    void onSearchTextChanged(const QString &text);

    Terminal *m_terminal = nullptr;
    QFont m_baseFont;
    QFont m_font;
    QFont m_fonts[4]; // regular, bold, italic, bold italic
    qreal m_zoom = 0; // points added to the base size
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    int m_underlinePos = 1;
    int m_lineWidth = 1;
    QHash<char32_t, bool> m_fitsCell;

    // View and painting.
    int m_viewTop = 0;
    int m_scrollbackLines = 0;
    qint64 m_linesPushed = 0;
    bool m_feeding = false;
    int m_feedEstimate = 0; // line feeds in the bytes being fed
    std::optional<Anchor> m_feedAnchor;
    bool m_fullRepaint = true;
    bool m_scrollBarDirty = false;
    bool m_syncingScrollBar = false;
    QRect m_pendingDamage; // display rows x columns
    TermCursor m_paintedCursor;
    int m_paintedCursorRow = -1;
    QTimer m_paintTimer;
    QElapsedTimer m_sinceFrame;
    int m_framesPainted = 0;
    QList<TermCell> m_rowCells;
    bool m_flash = false;
    QTimer m_flashTimer;
    int m_wheelRemainder = 0;

    // Selection.
    bool m_selecting = false;
    SelectMode m_selectMode = SelectMode::Char;
    LinePos m_selAnchor;
    LinePos m_selEnd;
    LinePos m_selStart; // normalised, word/line expanded; [m_selStart, m_selStop)
    LinePos m_selStop;
    bool m_hasSelection = false;
    QElapsedTimer m_lastDoubleClick;
    QPoint m_doubleClickPos;
    QPoint m_pressPos;
    QTimer m_autoScrollTimer;
    int m_autoScrollDelta = 0;

    // Mouse reporting: the last reported cell, to report motion per cell only.
    QPoint m_lastMouseCell{-1, -1};
    Qt::MouseButtons m_reportedButtons;

    // URLs under the pointer.
    UrlSpan m_hover;
    bool m_hoverActive = false;

    // Search.
    TerminalSearchBar *m_searchBar = nullptr;
    bool m_hasMatch = false;
    LinePos m_matchPos;
    int m_matchLength = 0;

    bool m_confirmPaste = true;
    QPointer<PasteDialog> m_pasteDialog;
    QAction *m_actions[int(Action::ActionCount)] = {};
};

} // namespace Corral
