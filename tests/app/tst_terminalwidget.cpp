#include "pastedialog.h"
#include "terminalwidget.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

// Everything the widget sent since the spy was created, as one byte string.
QByteArray sent(const QSignalSpy &spy)
{
    QByteArray all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).toByteArray();
    return all;
}

QByteArray numberedLines(int count, int needleAt = -1)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i) {
        bytes += "line " + QByteArray::number(i);
        if (i == needleAt)
            bytes += " needle";
        bytes += "\r\n";
    }
    return bytes;
}

void wheel(TerminalWidget &w, int delta, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    const QPointF pos = w.cellRect(2, 2).center();
    QWheelEvent event(pos, w.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                      mods, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w.viewport(), &event);
}

QPoint cellPoint(const TerminalWidget &w, int row, int col)
{
    const QRect r = w.cellRect(row, col);
    return {r.left() + 1, r.center().y()};
}

} // namespace

class TestTerminalWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void feedShowsText();
    void feedIsPaintedOncePerFrame();
    void keys_data();
    void keys();
    void ownShortcutsStayLocal();
    void resizeEmitsSizeFromFontMetrics();
    void zoomChangesSize();
    void selectionCopiesToClipboard();
    void mouseSelection();
    void singleLinePasteDoesNotAsk();
    void multiLinePasteAsks();
    void multiLinePasteCancelled();
    void dontAskAgain();
    void bracketedPaste();
    void searchFindsScrollback();
    void searchBarUi();
    void urlDetection_data();
    void urlDetection();
    void wheelScrollsScrollback();
    void wheelWithMouseReporting();
    void wheelOnAltScreen();
    void outputKeepsScrolledPosition();
    void outputKeepsPositionAtScrollbackLimit();
    void selectionFollowsScrolledText();
    void shiftPageUpScrolls();
    void coloredCellIsPainted();
    void bell();
    void titleChanged();

private:
    void showWidget(TerminalWidget &w, QSize size = QSize(640, 400))
    {
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setFocus();
    }
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
};

void TestTerminalWidget::init()
{
    QGuiApplication::clipboard()->clear();
}

void TestTerminalWidget::feedShowsText()
{
    TerminalWidget w;
    w.feed("hello\r\nworld\x1b[31m red\x1b[0m");
    QCOMPARE(w.terminal()->lineText(0), u"hello"_s);
    QCOMPARE(w.terminal()->lineText(1), u"world red"_s);
}

void TestTerminalWidget::feedIsPaintedOncePerFrame()
{
    TerminalWidget w;
    showWidget(w);
    w.flushPendingPaint();
    const int before = w.framesPainted();
    for (int i = 0; i < 200; ++i)
        w.feed("some output " + QByteArray::number(i) + "\r\n");
    // 200 feeds, but painting waits for the next frame.
    QCOMPARE(w.framesPainted(), before);
    QTRY_VERIFY(w.framesPainted() > before);
    QVERIFY(w.framesPainted() - before <= 3);
    QCOMPARE(w.terminal()->lineText(w.terminal()->rows() - 2), u"some output 199"_s);
}

void TestTerminalWidget::keys_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("enter") << int(Qt::Key_Return) << 0 << u"\r"_s << QByteArray("\r");
    QTest::newRow("up") << int(Qt::Key_Up) << 0 << QString() << QByteArray("\x1b[A");
    QTest::newRow("left") << int(Qt::Key_Left) << 0 << QString() << QByteArray("\x1b[D");
    QTest::newRow("ctrl+c") << int(Qt::Key_C) << int(Qt::ControlModifier) << u"\x03"_s
                            << QByteArray("\x03");
    QTest::newRow("ctrl+d") << int(Qt::Key_D) << int(Qt::ControlModifier) << u"\x04"_s
                            << QByteArray("\x04");
    QTest::newRow("letter") << int(Qt::Key_A) << 0 << u"a"_s << QByteArray("a");
    QTest::newRow("shifted") << int(Qt::Key_A) << int(Qt::ShiftModifier) << u"A"_s
                             << QByteArray("A");
    QTest::newRow("utf-8") << int(Qt::Key_Adiaeresis) << 0 << u"ä"_s << QByteArray("\xc3\xa4");
    QTest::newRow("alt+x") << int(Qt::Key_X) << int(Qt::AltModifier) << u"x"_s
                           << QByteArray("\x1bx");
    QTest::newRow("tab") << int(Qt::Key_Tab) << 0 << u"\t"_s << QByteArray("\t");
    QTest::newRow("backtab") << int(Qt::Key_Backtab) << int(Qt::ShiftModifier) << QString()
                             << QByteArray("\x1b[Z");
    QTest::newRow("backspace") << int(Qt::Key_Backspace) << 0 << u"\b"_s << QByteArray("\x7f");
    QTest::newRow("escape") << int(Qt::Key_Escape) << 0 << u"\x1b"_s << QByteArray("\x1b");
    QTest::newRow("delete") << int(Qt::Key_Delete) << 0 << QString() << QByteArray("\x1b[3~");
    QTest::newRow("f1") << int(Qt::Key_F1) << 0 << QString() << QByteArray("\x1bOP");
    QTest::newRow("f5") << int(Qt::Key_F5) << 0 << QString() << QByteArray("\x1b[15~");
    QTest::newRow("page down") << int(Qt::Key_PageDown) << 0 << QString() << QByteArray("\x1b[6~");
    QTest::newRow("ctrl+left") << int(Qt::Key_Left) << int(Qt::ControlModifier) << QString()
                               << QByteArray("\x1b[1;5D");
}

void TestTerminalWidget::keys()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    TerminalWidget w;
    showWidget(w);
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    QKeyEvent press(QEvent::KeyPress, key, Qt::KeyboardModifiers(modifiers), text);
    QApplication::sendEvent(&w, &press);
    QVERIFY(press.isAccepted());
    QCOMPARE(sent(spy), expected);
}

void TestTerminalWidget::ownShortcutsStayLocal()
{
    TerminalWidget w;
    showWidget(w);
    w.feed("copy me");
    w.setSelection(0, 0, 0, 4);
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    QTest::keyClick(&w, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"copy"_s);
    QCOMPARE(sent(spy), QByteArray());
    // Ctrl+Shift+F opens the search bar instead of reaching the remote side.
    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(w.isSearchBarVisible());
    QCOMPARE(sent(spy), QByteArray());
}

void TestTerminalWidget::resizeEmitsSizeFromFontMetrics()
{
    TerminalWidget w;
    const QFont font = w.terminalFont();
    QCOMPARE(w.cellSize().width(), qRound(QFontMetricsF(font).horizontalAdvance(u'M')));
    const QFontMetrics fm(font);
    QCOMPARE(w.cellSize().height(), std::max(fm.height(), fm.lineSpacing()));

    showWidget(w);
    QSignalSpy spy(&w, &TerminalWidget::terminalSizeChanged);
    w.resize(900, 500);
    QTRY_VERIFY(!spy.isEmpty());
    const int cols = spy.last().at(0).toInt();
    const int rows = spy.last().at(1).toInt();
    QCOMPARE(cols, w.terminal()->cols());
    QCOMPARE(rows, w.terminal()->rows());
    const QSize vp = w.viewport()->size();
    const QSize cell = w.cellSize();
    // The grid fills the viewport up to less than one cell of margin on each axis.
    QVERIFY(cols * cell.width() <= vp.width());
    QVERIFY((cols + 1) * cell.width() > vp.width() - 8);
    QVERIFY(rows * cell.height() <= vp.height());
    QVERIFY((rows + 1) * cell.height() > vp.height() - 8);

    spy.clear();
    w.resize(w.width() + 4 * cell.width(), w.height());
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.last().at(0).toInt(), cols + 4);
    QCOMPARE(spy.last().at(1).toInt(), rows);
}

void TestTerminalWidget::zoomChangesSize()
{
    TerminalWidget w;
    showWidget(w, QSize(800, 500));
    const int cols = w.terminal()->cols();
    const int rows = w.terminal()->rows();
    const qreal size = w.terminalFont().pointSizeF();
    QSignalSpy spy(&w, &TerminalWidget::terminalSizeChanged);

    // Ctrl+= and Ctrl++ zoom in, one point per step (a step may keep the cell width).
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(w.terminalFont().pointSizeF(), size + 1);
    QTest::keyClick(&w, Qt::Key_Plus, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(w.terminalFont().pointSizeF(), size + 3);
    QVERIFY(!spy.isEmpty());
    QVERIFY(w.terminal()->cols() < cols);
    QVERIFY(w.terminal()->rows() < rows);
    QCOMPARE(spy.last().at(0).toInt(), w.terminal()->cols());

    for (int i = 0; i < 6; ++i)
        QTest::keyClick(&w, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(w.terminalFont().pointSizeF(), size - 3);
    QVERIFY(w.terminal()->cols() > cols);
    QVERIFY(w.terminal()->rows() > rows);

    QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(w.terminalFont().pointSizeF(), size);
    QCOMPARE(w.terminal()->cols(), cols);
    QCOMPARE(w.terminal()->rows(), rows);
    QCOMPARE(spy.last().at(0).toInt(), cols);
}

void TestTerminalWidget::selectionCopiesToClipboard()
{
    TerminalWidget w;
    showWidget(w);
    w.feed("alpha beta gamma\r\nsecond line   \r\nthird");
    w.setSelection(0, 6, 0, 10);
    QVERIFY(w.hasSelection());
    QCOMPARE(w.selectedText(), u"beta"_s);
    w.copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"beta"_s);
    // Across lines: trailing blanks are trimmed, lines joined with \n.
    w.setSelection(0, 11, 2, 3);
    QCOMPARE(w.selectedText(), u"gamma\nsecond line\nthi"_s);
    w.selectAll();
    QVERIFY(w.selectedText().startsWith(u"alpha beta gamma\nsecond line\nthird"_s));
    w.clearSelection();
    QVERIFY(!w.hasSelection());
}

void TestTerminalWidget::mouseSelection()
{
    TerminalWidget w;
    showWidget(w);
    w.feed("alpha beta gamma\r\nsecond line");
    w.flushPendingPaint();
    QWidget *vp = w.viewport();
    QTest::mousePress(vp, Qt::LeftButton, {}, cellPoint(w, 0, 6));
    QTest::mouseMove(vp, cellPoint(w, 0, 10));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, cellPoint(w, 0, 10));
    QCOMPARE(w.selectedText(), u"beta"_s);
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (clipboard->supportsSelection())
        QCOMPARE(clipboard->text(QClipboard::Selection), u"beta"_s);
    QTest::keyClick(&w, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(clipboard->text(), u"beta"_s);

    // Double-click selects a word.
    QTest::mouseDClick(vp, Qt::LeftButton, {}, cellPoint(w, 0, 13));
    QCOMPARE(w.selectedText(), u"gamma"_s);

    // With mouse reporting on, a click goes to the remote side; Shift+drag still selects.
    w.feed("\x1b[?1000h");
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    QTest::mouseClick(vp, Qt::LeftButton, {}, cellPoint(w, 1, 0));
    QVERIFY(sent(spy).startsWith("\x1b[M"));
    QTest::mousePress(vp, Qt::LeftButton, Qt::ShiftModifier, cellPoint(w, 1, 0));
    QTest::mouseMove(vp, cellPoint(w, 1, 6));
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::ShiftModifier, cellPoint(w, 1, 6));
    QCOMPARE(w.selectedText(), u"second"_s);
}

void TestTerminalWidget::singleLinePasteDoesNotAsk()
{
    TerminalWidget w;
    showWidget(w);
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    QGuiApplication::clipboard()->setText(u"echo hello"_s);
    QTest::keyClick(&w, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(sent(spy), QByteArray("echo hello"));
    QVERIFY(!w.findChild<PasteDialog *>());
}

void TestTerminalWidget::multiLinePasteAsks()
{
    TerminalWidget w;
    showWidget(w);
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    QGuiApplication::clipboard()->setText(u"echo one\necho two\n"_s);
    QTest::keyClick(&w, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = w.findChild<PasteDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(sent(spy), QByteArray());
    QVERIFY(dialog->findChild<QLabel *>(u"pasteMessage"_s)->text().contains(u'2'));
    saveScreenshot(dialog, u"paste-dialog"_s);
    dialog->findChild<QPushButton *>(u"pasteButton"_s)->click();
    QCOMPARE(sent(spy), QByteArray("echo one\recho two\r"));
    QTRY_VERIFY(!w.findChild<PasteDialog *>());
    QVERIFY(w.confirmMultiLinePaste());
}

void TestTerminalWidget::multiLinePasteCancelled()
{
    TerminalWidget w;
    showWidget(w);
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    w.pasteText(u"rm -rf /tmp/x\nreboot"_s);
    auto *dialog = w.findChild<PasteDialog *>();
    QVERIFY(dialog);
    dialog->reject();
    QTRY_VERIFY(!w.findChild<PasteDialog *>());
    QCOMPARE(sent(spy), QByteArray());
}

void TestTerminalWidget::dontAskAgain()
{
    TerminalWidget w;
    showWidget(w);
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    w.pasteText(u"a\nb"_s);
    auto *dialog = w.findChild<PasteDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QCheckBox *>(u"pasteDontAsk"_s)->setChecked(true);
    dialog->accept();
    QCOMPARE(sent(spy), QByteArray("a\rb"));
    QVERIFY(!w.confirmMultiLinePaste());
    QTRY_VERIFY(!w.findChild<PasteDialog *>());
    spy.clear();
    w.pasteText(u"c\nd"_s);
    QVERIFY(!w.findChild<PasteDialog *>());
    QCOMPARE(sent(spy), QByteArray("c\rd"));
}

void TestTerminalWidget::bracketedPaste()
{
    TerminalWidget w;
    showWidget(w);
    w.feed("\x1b[?2004h");
    QVERIFY(w.terminal()->bracketedPaste());
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    QGuiApplication::clipboard()->setText(u"ls -l"_s);
    w.paste();
    QCOMPARE(sent(spy), QByteArray("\x1b[200~ls -l\x1b[201~"));
}

void TestTerminalWidget::searchFindsScrollback()
{
    TerminalWidget w;
    showWidget(w);
    const int rows = w.terminal()->rows();
    w.feed(numberedLines(200, 10));
    w.flushPendingPaint();
    QVERIFY(w.terminal()->scrollbackLines() > 150);
    QVERIFY(w.isAtBottom());

    QVERIFY(w.find(u"NEEDLE"_s));
    const Terminal::Match match = w.currentMatch();
    QVERIFY(match.valid);
    QVERIFY(match.row < 0);
    QCOMPARE(match.col, 8);
    QCOMPARE(match.length, 6);
    QCOMPARE(w.terminal()->lineText(match.row), u"line 10 needle"_s);
    QVERIFY(w.firstVisibleRow() <= match.row);
    QVERIFY(match.row < w.firstVisibleRow() + rows);
    QCOMPARE(w.verticalScrollBar()->value(),
             w.verticalScrollBar()->maximum() + w.firstVisibleRow());

    // Older occurrences first, then wrapping around.
    QVERIFY(w.find(u"line 19"_s));
    const int newer = w.currentMatch().row;
    QCOMPARE(w.terminal()->lineText(newer), u"line 199"_s);
    QVERIFY(w.find(u"line 19"_s));
    QCOMPARE(w.terminal()->lineText(w.currentMatch().row), u"line 198"_s);
    QVERIFY(w.find(u"line 19"_s, false));
    QCOMPARE(w.currentMatch().row, newer);

    QVERIFY(!w.find(u"no such text"_s));
    QVERIFY(!w.currentMatch().valid);
}

void TestTerminalWidget::searchBarUi()
{
    TerminalWidget w;
    showWidget(w);
    w.feed(numberedLines(120, 7));
    w.flushPendingPaint();
    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(w.isSearchBarVisible());
    auto *edit = w.findChild<QLineEdit *>(u"terminalSearchEdit"_s);
    auto *status = w.findChild<QLabel *>(u"terminalSearchStatus"_s);
    QVERIFY(edit && status);
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, u"needle"_s);
    QVERIFY(w.currentMatch().valid);
    QCOMPARE(w.terminal()->lineText(w.currentMatch().row), u"line 7 needle"_s);
    QVERIFY(!w.isAtBottom());
    QVERIFY(status->text().isEmpty());
    saveScreenshot(&w, u"terminal-search"_s);

    QTest::keyClicks(edit, u"zzz"_s);
    QVERIFY(!w.currentMatch().valid);
    QCOMPARE(status->text(), u"Not found"_s);

    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!w.isSearchBarVisible());
    QTRY_VERIFY(w.hasFocus());
}

void TestTerminalWidget::urlDetection_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("col");
    QTest::addColumn<QString>("url");
    QTest::newRow("plain") << QByteArray("see https://example.com/a?b=c, ok") << 10
                           << u"https://example.com/a?b=c"_s;
    QTest::newRow("first cell") << QByteArray("see https://example.com/a?b=c, ok") << 4
                                << u"https://example.com/a?b=c"_s;
    QTest::newRow("comma is not part")
        << QByteArray("see https://example.com/a?b=c, ok") << 29 << QString();
    QTest::newRow("before") << QByteArray("see https://example.com/") << 2 << QString();
    QTest::newRow("parenthesised")
        << QByteArray("(http://host.lan/x)") << 5 << u"http://host.lan/x"_s;
    QTest::newRow("wiki brackets")
        << QByteArray("http://w.org/A_(b) end") << 3 << u"http://w.org/A_(b)"_s;
    QTest::newRow("coloured") << QByteArray("\x1b[34mhttps://corral.dev\x1b[0m.") << 17
                              << u"https://corral.dev"_s;
    QTest::newRow("sentence dot") << QByteArray("\x1b[34mhttps://corral.dev\x1b[0m.") << 18
                                  << QString();
    QTest::newRow("no scheme") << QByteArray("www.example.com") << 3 << QString();
}

void TestTerminalWidget::urlDetection()
{
    QFETCH(QByteArray, line);
    QFETCH(int, col);
    QFETCH(QString, url);
    TerminalWidget w;
    w.feed(line);
    QCOMPARE(w.urlAt(0, col), url.isEmpty() ? QUrl() : QUrl(url));
}

void TestTerminalWidget::wheelScrollsScrollback()
{
    TerminalWidget w;
    showWidget(w);
    w.feed(numberedLines(100));
    w.flushPendingPaint();
    QVERIFY(w.isAtBottom());
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    wheel(w, 120);
    QCOMPARE(w.firstVisibleRow(), -3);
    wheel(w, 240);
    QCOMPARE(w.firstVisibleRow(), -9);
    QCOMPARE(w.verticalScrollBar()->value(), w.verticalScrollBar()->maximum() - 9);
    wheel(w, -120);
    QCOMPARE(w.firstVisibleRow(), -6);
    wheel(w, -100000);
    QVERIFY(w.isAtBottom());
    QCOMPARE(sent(spy), QByteArray());
}

void TestTerminalWidget::wheelWithMouseReporting()
{
    TerminalWidget w;
    showWidget(w);
    w.feed(numberedLines(100));
    w.feed("\x1b[?1000h");
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    wheel(w, 120);
    QVERIFY(w.isAtBottom());
    // X10 encoding: ESC [ M, button 64 (wheel up) + 32, then column and row + 33.
    QCOMPARE(sent(spy), QByteArray("\x1b[M`##"));
    spy.clear();
    // Shift bypasses reporting.
    wheel(w, 120, Qt::ShiftModifier);
    QCOMPARE(w.firstVisibleRow(), -3);
    QCOMPARE(sent(spy), QByteArray());
}

void TestTerminalWidget::wheelOnAltScreen()
{
    TerminalWidget w;
    showWidget(w);
    w.feed(numberedLines(100));
    w.feed("\x1b[?1049h");
    QVERIFY(w.terminal()->altScreen());
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    wheel(w, 120);
    QVERIFY(w.isAtBottom());
    QCOMPARE(sent(spy), QByteArray("\x1b[A\x1b[A\x1b[A"));
    spy.clear();
    wheel(w, -120);
    QCOMPARE(sent(spy), QByteArray("\x1b[B\x1b[B\x1b[B"));
}

void TestTerminalWidget::outputKeepsScrolledPosition()
{
    TerminalWidget w;
    showWidget(w);
    w.feed(numberedLines(100));
    w.flushPendingPaint();
    w.scrollLines(-20);
    QCOMPARE(w.firstVisibleRow(), -20);
    const QString top = w.terminal()->lineText(w.firstVisibleRow());
    w.feed(numberedLines(5));
    w.flushPendingPaint();
    QCOMPARE(w.terminal()->lineText(w.firstVisibleRow()), top);
    QCOMPARE(w.firstVisibleRow(), -25);
    QCOMPARE(w.verticalScrollBar()->value(), w.verticalScrollBar()->maximum() - 25);

    // Typing goes back to the bottom; output then follows.
    QTest::keyClick(&w, Qt::Key_A);
    QVERIFY(w.isAtBottom());
    w.feed(numberedLines(5));
    QVERIFY(w.isAtBottom());
}

void TestTerminalWidget::outputKeepsPositionAtScrollbackLimit()
{
    TerminalWidget w;
    showWidget(w);
    w.terminal()->setScrollbackLimit(60);
    w.feed(numberedLines(200));
    QCOMPARE(w.terminal()->scrollbackLines(), 60);
    w.scrollLines(-20);
    const QString top = w.terminal()->lineText(w.firstVisibleRow());
    const QString next = w.terminal()->lineText(w.firstVisibleRow() + 1);
    QVERIFY(top.startsWith(u"line "_s));
    // The scrollback stays full (each new line drops the oldest), yet the view stays on the
    // same text, feed after feed, with and without line feeds of its own.
    w.feed(numberedLines(7));
    QCOMPARE(w.terminal()->lineText(w.firstVisibleRow()), top);
    w.feed("one\r\ntwo\r\n");
    w.feed("three\x1b"
           "D\r");
    QCOMPARE(w.terminal()->lineText(w.firstVisibleRow()), top);
    QCOMPARE(w.terminal()->lineText(w.firstVisibleRow() + 1), next);
    QCOMPARE(w.firstVisibleRow(), -30);

    // Once the text is gone from the scrollback, the view stays at the top.
    w.feed(numberedLines(100));
    QCOMPARE(w.firstVisibleRow(), -60);
}

void TestTerminalWidget::selectionFollowsScrolledText()
{
    TerminalWidget w;
    showWidget(w);
    w.terminal()->setScrollbackLimit(40);
    w.feed(numberedLines(100, 90));
    const int rows = w.terminal()->rows();
    int row = -1;
    for (int r = 0; r < rows; ++r) {
        if (w.terminal()->lineText(r) == u"line 90 needle"_s)
            row = r;
    }
    QVERIFY(row >= 0);
    w.setSelection(row, 8, row, 14);
    QCOMPARE(w.selectedText(), u"needle"_s);
    w.feed(numberedLines(12));
    QCOMPARE(w.selectedText(), u"needle"_s);
    QVERIFY(w.find(u"needle"_s));
    const int matchRow = w.currentMatch().row;
    w.feed(numberedLines(3));
    QCOMPARE(w.currentMatch().row, matchRow - 3);
}

void TestTerminalWidget::shiftPageUpScrolls()
{
    TerminalWidget w;
    showWidget(w);
    w.feed(numberedLines(100));
    const int rows = w.terminal()->rows();
    QSignalSpy spy(&w, &TerminalWidget::sendBytes);
    QTest::keyClick(&w, Qt::Key_PageUp, Qt::ShiftModifier);
    QCOMPARE(w.firstVisibleRow(), -(rows - 1));
    QTest::keyClick(&w, Qt::Key_PageDown, Qt::ShiftModifier);
    QVERIFY(w.isAtBottom());
    QCOMPARE(sent(spy), QByteArray());
}

void TestTerminalWidget::coloredCellIsPainted()
{
    TerminalWidget w;
    showWidget(w);
    // Truecolour background on cells 0-1, then the 256-colour palette's 196 (xterm red).
    w.feed(
        "\x1b[48;2;10;200;30mAB\x1b[0m  \x1b[48;5;196m  \x1b[0m\x1b[1;38;2;250;0;250m\xe2\x96\x88");
    w.flushPendingPaint();
    const QImage image = w.viewport()->grab().toImage();
    const qreal dpr = image.devicePixelRatio();
    auto pixel = [&](int row, int col) {
        const QRect r = w.cellRect(row, col);
        // The top-left corner of a cell is background even under a glyph.
        return image.pixelColor(QPoint(int((r.left() + 1) * dpr), int((r.top() + 1) * dpr))).rgb();
    };
    QCOMPARE(pixel(0, 0), qRgb(10, 200, 30));
    QCOMPARE(pixel(0, 1), qRgb(10, 200, 30));
    QCOMPARE(pixel(0, 2), w.palette().color(QPalette::Base).rgb());
    const TermCell red = w.terminal()->cell(0, 4);
    QVERIFY(!red.defaultBg);
    QCOMPARE(pixel(0, 4), QColor(QRgb(red.bg)).rgb());
    QCOMPARE(red.bg & 0xffffff, 0xff0000u);
    // A full block glyph is drawn in its colour.
    const QRect x = w.cellRect(0, 6);
    bool found = false;
    for (int py = x.top(); py <= x.bottom() && !found; ++py)
        for (int px = x.left(); px <= x.right() && !found; ++px)
            found
                = image.pixelColor(QPoint(int(px * dpr), int(py * dpr))).rgb() == qRgb(250, 0, 250);
    QVERIFY(found);
    saveScreenshot(&w, u"terminal-colours"_s);
}

void TestTerminalWidget::bell()
{
    TerminalWidget w;
    showWidget(w);
    QSignalSpy spy(&w, &TerminalWidget::bellRang);
    w.feed("\a");
    QCOMPARE(spy.size(), 1);
}

void TestTerminalWidget::titleChanged()
{
    TerminalWidget w;
    QSignalSpy spy(&w, &TerminalWidget::titleChanged);
    w.feed("\x1b]2;user@host: ~\x07");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"user@host: ~"_s);
}

QTEST_MAIN(TestTerminalWidget)
#include "tst_terminalwidget.moc"
