// TerminalWidget's selection and what builds on it: cell text, word and line selection,
// the clipboard and X11 selection, pasting (with the multi-line confirmation) and URL
// detection under the pointer.

#include "terminalwidget.h"

#include "pastedialog.h"
#include "terminalwidget_p.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Corral {

using namespace TerminalLayout;

namespace {

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

} // namespace Corral
