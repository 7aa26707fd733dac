#include "consoletab.h"
#include "consolewindow.h"
#include "store/storeservice.h"
#include "terminalwidget.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

// What a FakeStream saw, kept outside it so a test can look after the stream is deleted.
struct StreamLog
{
    QStringList calls; // "resize 80x24", "open", "close", "reconnect"
    QByteArray written;
    int count(const QString &call) const { return int(calls.count(call)); }
};

class FakeStream final : public ConsoleStream
{
public:
    FakeStream(std::shared_ptr<StreamLog> log, QString title)
        : m_log(std::move(log))
        , m_title(std::move(title))
    { }

    QString title() const override { return m_title; }
    void open() override { m_log->calls.append(u"open"_s); }
    void write(const QByteArray &bytes) override { m_log->written += bytes; }
    void resize(int cols, int rows) override
    {
        m_log->calls.append(u"resize %1x%2"_s.arg(cols).arg(rows));
    }
    void reconnect() override
    {
        m_log->calls.append(u"reconnect"_s);
        setState(State::Connecting);
    }
    void close() override
    {
        m_log->calls.append(u"close"_s);
        setState(State::Closed);
    }

    void receive(const QByteArray &bytes) { Q_EMIT dataReceived(bytes); }
    void set(State state, const QString &error = {}) { setState(state, error); }

private:
    std::shared_ptr<StreamLog> m_log;
    QString m_title;
};

struct Session
{
    ConsoleTab *tab = nullptr;
    FakeStream *stream = nullptr;
    std::shared_ptr<StreamLog> log;
};

Session makeSession(const QString &title = u"lab1 — shell"_s)
{
    Session s;
    s.log = std::make_shared<StreamLog>();
    auto stream = std::make_unique<FakeStream>(s.log, title);
    s.stream = stream.get();
    s.tab = new ConsoleTab(std::move(stream));
    return s;
}

QWidget *banner(ConsoleTab *tab)
{
    return tab->findChild<QWidget *>(u"consoleBanner"_s);
}

QString bannerText(ConsoleTab *tab)
{
    return tab->findChild<QLabel *>(u"bannerText"_s)->text();
}

} // namespace

class TestConsoleWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAfterWiring();
    void dataFlowsBothWays();
    void bannerFollowsState();
    void titleFollowsTerminal();
    void addTabShowsWindow();
    void tabIconsShowStateAndActivity();
    void switchTabs();
    void detachKeepsSession();
    void moveBackToPrimary();
    void closingTabClosesStream();
    void lastTabClosesWindow();
    void lastTabClosesDetachedWindow();
    void deletingPrimaryClosesEverything();
    void closingWindowAsksForLiveSessions();
    void geometryIsRemembered();

private:
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
};

void TestConsoleWindow::opensAfterWiring()
{
    Session s = makeSession();
    std::unique_ptr<ConsoleTab> owner(s.tab);
    QCOMPARE(s.log->calls, QStringList({u"resize 80x24"_s, u"open"_s}));
    QCOMPARE(s.tab->stream(), s.stream);
    QCOMPARE(s.stream->parent(), s.tab);
    QCOMPARE(s.tab->state(), ConsoleStream::State::Connecting);

    // A later terminal resize reaches the stream.
    s.tab->resize(900, 600);
    s.tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(s.tab));
    const Terminal *term = s.tab->terminalWidget()->terminal();
    QTRY_COMPARE(s.log->calls.last(), u"resize %1x%2"_s.arg(term->cols()).arg(term->rows()));
    QVERIFY(term->cols() != 80);
}

void TestConsoleWindow::dataFlowsBothWays()
{
    Session s = makeSession();
    std::unique_ptr<ConsoleTab> owner(s.tab);
    s.stream->set(ConsoleStream::State::Connected);
    s.tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(s.tab));
    s.stream->receive("$ hello\r\n$ ");
    const Terminal *term = s.tab->terminalWidget()->terminal();
    QCOMPARE(term->lineText(0), u"$ hello"_s);
    QCOMPARE(term->lineText(1), u"$"_s);

    QTest::keyClicks(s.tab->terminalWidget(), u"ls"_s);
    QTest::keyClick(s.tab->terminalWidget(), Qt::Key_Return);
    QCOMPARE(s.log->written, QByteArray("ls\r"));
    // Terminal replies (device attributes) go the same way.
    s.log->written.clear();
    s.stream->receive("\x1b[c");
    QVERIFY(s.log->written.startsWith("\x1b[?"));
}

void TestConsoleWindow::bannerFollowsState()
{
    Session s = makeSession();
    std::unique_ptr<ConsoleTab> owner(s.tab);
    s.tab->resize(700, 400);
    s.tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(s.tab));
    auto *reconnect = s.tab->findChild<QPushButton *>(u"reconnectButton"_s);
    auto *busy = s.tab->findChild<QProgressBar *>(u"bannerBusy"_s);
    QVERIFY(reconnect && busy);

    QVERIFY(banner(s.tab)->isVisible());
    QCOMPARE(bannerText(s.tab), u"Connecting…"_s);
    QVERIFY(busy->isVisible());
    QVERIFY(!reconnect->isVisible());

    s.stream->set(ConsoleStream::State::Connected);
    QVERIFY(!banner(s.tab)->isVisible());

    s.stream->set(ConsoleStream::State::Failed, u"Connection refused"_s);
    QVERIFY(banner(s.tab)->isVisible());
    QVERIFY(bannerText(s.tab).contains(u"Connection refused"_s));
    QVERIFY(reconnect->isVisible());
    QVERIFY(!busy->isVisible());
    saveScreenshot(s.tab, u"console-failed"_s);

    QCOMPARE(s.log->count(u"reconnect"_s), 0);
    reconnect->click();
    QCOMPARE(s.log->count(u"reconnect"_s), 1);
    QCOMPARE(bannerText(s.tab), u"Connecting…"_s);

    s.stream->set(ConsoleStream::State::Connected);
    QVERIFY(!banner(s.tab)->isVisible());

    s.stream->set(ConsoleStream::State::Closed);
    QVERIFY(banner(s.tab)->isVisible());
    QCOMPARE(bannerText(s.tab), u"Session ended."_s);
    QVERIFY(reconnect->isVisible());
    QCOMPARE(s.log->count(u"open"_s), 1);
}

void TestConsoleWindow::titleFollowsTerminal()
{
    Session s = makeSession(u"lab1 — shell"_s);
    std::unique_ptr<ConsoleTab> owner(s.tab);
    QSignalSpy spy(s.tab, &ConsoleTab::titleChanged);
    QCOMPARE(s.tab->title(), u"lab1 — shell"_s);
    s.stream->receive("\x1b]0;vim notes.txt\x07");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(s.tab->title(), u"lab1 — shell: vim notes.txt"_s);
}

void TestConsoleWindow::addTabShowsWindow()
{
    ConsoleWindow window;
    QVERIFY(window.isPrimary());
    QCOMPARE(window.primaryWindow(), &window);
    Session a = makeSession(u"lab1 — shell"_s);
    window.addTab(a.tab);
    QVERIFY(window.isVisible());
    QCOMPARE(window.count(), 1);
    QCOMPARE(window.currentTab(), a.tab);
    QCOMPARE(a.tab->window(), &window);
    QCOMPARE(window.tabWidget()->tabText(0), u"lab1 — shell"_s);
    QVERIFY(window.windowTitle().contains(u"lab1 — shell"_s));

    Session b = makeSession(u"lab1/vm1 — serial"_s);
    window.addTab(b.tab);
    QCOMPARE(window.count(), 2);
    QCOMPARE(window.currentTab(), b.tab);
    b.stream->set(ConsoleStream::State::Connected);
    b.stream->receive("\x1b[1;32muser@vm1\x1b[0m:\x1b[1;34m~\x1b[0m$ ls --color\r\n"
                      "\x1b[1;34mbin\x1b[0m  \x1b[1;32mrun.sh\x1b[0m  notes.txt\r\n$ ");
    b.tab->terminalWidget()->flushPendingPaint();
    saveScreenshot(&window, u"console-window"_s);
}

void TestConsoleWindow::tabIconsShowStateAndActivity()
{
    ConsoleWindow window;
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    window.addTab(a.tab);
    window.addTab(b.tab);
    QTabWidget *tabs = window.tabWidget();
    a.stream->set(ConsoleStream::State::Connected);
    b.stream->set(ConsoleStream::State::Connected);
    QVERIFY(tabs->tabIcon(0).isNull());
    QVERIFY(tabs->tabIcon(1).isNull());

    // Output in the hidden tab marks it until it is shown.
    QSignalSpy activity(a.tab, &ConsoleTab::activity);
    a.stream->receive("build finished\r\n");
    QCOMPARE(activity.size(), 1);
    a.stream->receive("more\r\n");
    QCOMPARE(activity.size(), 1);
    QVERIFY(a.tab->hasUnseenActivity());
    QVERIFY(!tabs->tabIcon(0).isNull());
    QVERIFY(tabs->tabToolTip(0).contains(u"new output"_s));

    // Output in the visible tab does not.
    b.stream->receive("typing\r\n");
    QVERIFY(!b.tab->hasUnseenActivity());

    // A bell in the hidden tab.
    a.stream->receive("\a");
    QVERIFY(a.tab->hasUnseenBell());
    QVERIFY(tabs->tabToolTip(0).contains(u"bell"_s));

    tabs->setCurrentIndex(0);
    QVERIFY(!a.tab->hasUnseenActivity());
    QVERIFY(!a.tab->hasUnseenBell());
    QVERIFY(tabs->tabIcon(0).isNull());

    // State markers.
    b.stream->set(ConsoleStream::State::Failed, u"Host unreachable"_s);
    QVERIFY(!tabs->tabIcon(1).isNull());
    QVERIFY(tabs->tabToolTip(1).contains(u"Host unreachable"_s));
    b.stream->set(ConsoleStream::State::Connected);
    QVERIFY(tabs->tabIcon(1).isNull());
}

void TestConsoleWindow::switchTabs()
{
    ConsoleWindow window;
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    Session c = makeSession(u"c"_s);
    window.addTab(a.tab);
    window.addTab(b.tab);
    window.addTab(c.tab);
    auto *next = window.findChild<QAction *>(u"console.nextTab"_s);
    auto *previous = window.findChild<QAction *>(u"console.previousTab"_s);
    QVERIFY(next && previous);
    QCOMPARE(next->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QCOMPARE(window.currentTab(), c.tab);
    next->trigger();
    QCOMPARE(window.currentTab(), a.tab);
    previous->trigger();
    QCOMPARE(window.currentTab(), c.tab);
    previous->trigger();
    QCOMPARE(window.currentTab(), b.tab);
}

void TestConsoleWindow::detachKeepsSession()
{
    ConsoleWindow window;
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    window.addTab(a.tab);
    window.addTab(b.tab);
    b.stream->set(ConsoleStream::State::Connected);
    b.stream->receive("still here");

    auto *detach = window.findChild<QAction *>(u"console.detachTab"_s);
    QVERIFY(detach);
    QCOMPARE(detach->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(detach->isEnabled());
    QCOMPARE(window.currentTab(), b.tab);
    detach->trigger();

    QCOMPARE(window.count(), 1);
    QCOMPARE(window.currentTab(), a.tab);
    QVERIFY(window.isVisible());
    const QList<ConsoleWindow *> detached = window.detachedWindows();
    QCOMPARE(detached.size(), 1);
    ConsoleWindow *other = detached.first();
    QVERIFY(!other->isPrimary());
    QCOMPARE(other->primaryWindow(), &window);
    QVERIFY(other->isVisible());
    QCOMPARE(other->count(), 1);
    QCOMPARE(other->currentTab(), b.tab);
    QCOMPARE(b.tab->window(), other);
    // Same session: no close, no second open, the screen kept.
    QCOMPARE(b.log->calls.count(u"open"_s), 1);
    QCOMPARE(b.log->calls.count(u"close"_s), 0);
    QCOMPARE(b.log->calls.count(u"reconnect"_s), 0);
    QCOMPARE(b.tab->state(), ConsoleStream::State::Connected);
    QCOMPARE(b.tab->terminalWidget()->terminal()->lineText(0), u"still here"_s);

    // Data still flows both ways in the new window.
    b.stream->receive("\r\nmore");
    QCOMPARE(b.tab->terminalWidget()->terminal()->lineText(1), u"more"_s);
    QTest::keyClick(b.tab->terminalWidget(), Qt::Key_X);
    QCOMPARE(b.log->written, QByteArray("x"));

    // A window's only tab cannot be detached again.
    QVERIFY(!other->findChild<QAction *>(u"console.detachTab"_s)->isEnabled());
    QVERIFY(!detach->isEnabled());
}

void TestConsoleWindow::moveBackToPrimary()
{
    ConsoleWindow window;
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    window.addTab(a.tab);
    window.addTab(b.tab);
    QPointer<ConsoleWindow> other = window.detachTab(1);
    QVERIFY(other);
    auto *attach = other->findChild<QAction *>(u"console.attachTab"_s);
    QVERIFY(attach && attach->isEnabled());
    QVERIFY(!window.findChild<QAction *>(u"console.attachTab"_s)->isVisible());
    attach->trigger();
    QCOMPARE(window.count(), 2);
    QCOMPARE(window.currentTab(), b.tab);
    QCOMPARE(b.tab->window(), &window);
    QCOMPARE(b.log->calls.count(u"close"_s), 0);
    QCOMPARE(b.log->calls.count(u"open"_s), 1);
    // The emptied detached window closes and deletes itself.
    QTRY_VERIFY(other.isNull());
}

void TestConsoleWindow::closingTabClosesStream()
{
    ConsoleWindow window;
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    window.addTab(a.tab);
    window.addTab(b.tab);
    a.stream->set(ConsoleStream::State::Connected);
    QPointer<ConsoleTab> tab = a.tab;
    Q_EMIT window.tabWidget()->tabCloseRequested(0);
    QVERIFY(tab.isNull());
    QCOMPARE(a.log->calls.count(u"close"_s), 1);
    QCOMPARE(window.count(), 1);
    QVERIFY(window.isVisible());
    QCOMPARE(b.log->calls.count(u"close"_s), 0);

    // Ctrl+Shift+W closes the current tab.
    auto *close = window.findChild<QAction *>(u"console.closeTab"_s);
    QCOMPARE(close->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    close->trigger();
    QCOMPARE(b.log->calls.count(u"close"_s), 1);
}

void TestConsoleWindow::lastTabClosesWindow()
{
    ConsoleWindow window;
    Session a = makeSession();
    window.addTab(a.tab);
    QVERIFY(window.isVisible());
    window.closeTab(0);
    QCOMPARE(a.log->calls.count(u"close"_s), 1);
    QVERIFY(!window.isVisible());
    QCOMPARE(window.count(), 0);

    // The primary window is reused for the next session.
    Session b = makeSession();
    window.addTab(b.tab);
    QVERIFY(window.isVisible());
}

void TestConsoleWindow::lastTabClosesDetachedWindow()
{
    ConsoleWindow window;
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    window.addTab(a.tab);
    window.addTab(b.tab);
    QPointer<ConsoleWindow> other = window.detachTab(0);
    QVERIFY(other);
    QCOMPARE(other->currentTab(), a.tab);
    other->closeTab(0);
    QCOMPARE(a.log->calls.count(u"close"_s), 1);
    QTRY_VERIFY(other.isNull());
    QVERIFY(window.detachedWindows().isEmpty());
    QCOMPARE(window.count(), 1);
    QCOMPARE(b.log->calls.count(u"close"_s), 0);
}

void TestConsoleWindow::deletingPrimaryClosesEverything()
{
    auto window = std::make_unique<ConsoleWindow>();
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    window->addTab(a.tab);
    window->addTab(b.tab);
    QPointer<ConsoleWindow> other = window->detachTab(1);
    window.reset();
    QVERIFY(other.isNull());
    QCOMPARE(a.log->calls.count(u"close"_s), 1);
    QCOMPARE(b.log->calls.count(u"close"_s), 1);
}

void TestConsoleWindow::closingWindowAsksForLiveSessions()
{
    ConsoleWindow window;
    Session a = makeSession(u"a"_s);
    Session b = makeSession(u"b"_s);
    window.addTab(a.tab);
    window.addTab(b.tab);
    a.stream->set(ConsoleStream::State::Connected);
    b.stream->set(ConsoleStream::State::Connected);

    // Answers the question the window asks from its modal loop.
    QString question;
    auto answer = [&question](QMessageBox::ButtonRole role) {
        QTimer::singleShot(0, qApp, [&question, role] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), u"closeSessionsBox"_s);
            question = box->text();
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == role)
                    button->click();
            }
        });
    };
    answer(QMessageBox::RejectRole);
    QVERIFY(!window.close());
    QVERIFY(question.contains(u"2 open session"_s)); // "(s)" until corral_en.qm is loaded
    QVERIFY(window.isVisible());
    QCOMPARE(window.count(), 2);
    QCOMPARE(a.log->calls.count(u"close"_s), 0);

    answer(QMessageBox::AcceptRole);
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    QCOMPARE(window.count(), 0);
    QCOMPARE(a.log->calls.count(u"close"_s), 1);
    QCOMPARE(b.log->calls.count(u"close"_s), 1);

    // One live session (or none) closes without a question.
    Session c = makeSession(u"c"_s);
    Session d = makeSession(u"d"_s);
    window.addTab(c.tab);
    window.addTab(d.tab);
    c.stream->set(ConsoleStream::State::Connected);
    d.stream->set(ConsoleStream::State::Failed, u"gone"_s);
    question.clear();
    QVERIFY(window.close());
    QVERIFY(question.isEmpty());
    QCOMPARE(c.log->calls.count(u"close"_s), 1);
}

void TestConsoleWindow::geometryIsRemembered()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StoreService store(dir.filePath(u"corral.sqlite"_s));
    {
        ConsoleWindow window(&store);
        Session a = makeSession();
        window.addTab(a.tab);
        // Shown once the remembered geometry (none yet) has been read.
        QTRY_VERIFY(window.isVisible());
        QCOMPARE(window.currentTab(), a.tab);
        window.resize(777, 555);
        QTRY_COMPARE(window.size(), QSize(777, 555));
        window.close();
        QCOMPARE(a.log->calls.count(u"close"_s), 1);
    }
    ConsoleWindow window(&store);
    Session b = makeSession();
    window.addTab(b.tab);
    QTRY_VERIFY(window.isVisible());
    QCOMPARE(window.size(), QSize(777, 555));
}

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
