#include "consolewindow.h"
#include "credentialdialog.h"
#include "fakevncserver.h"
#include "rfb/vncsession.h"
#include "vnctab.h"
#include "vncview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

VncTab *makeTab(FakeVnc::Server &server, const QString &title = u"lab1/vm1 — screen"_s)
{
    auto session = std::make_unique<VncSession>();
    return new VncTab(
        std::move(session),
        [opener = server.opener()](VncSession *s) { s->connectVia(opener, u"lab1/vm1"_s); }, title,
        u"vm1"_s);
}

QImage viewPicture(VncTab *tab)
{
    return tab->view()->viewport()->grab().toImage();
}

QPoint viewportPoint(VncTab *tab, const QPoint &fb)
{
    const QRectF image = tab->view()->imageRect();
    const QSize size = tab->session()->framebufferSize();
    return QPoint(int(image.x() + (fb.x() + 0.5) * image.width() / size.width()),
                  int(image.y() + (fb.y() + 0.5) * image.height() / size.height()));
}

bool showsPattern(VncTab *tab)
{
    const QImage picture = viewPicture(tab);
    for (const QPoint fb : {QPoint(50, 50), QPoint(250, 150), QPoint(350, 250)}) {
        if (picture.pixel(viewportPoint(tab, fb)) != FakeVnc::patternColor(fb.x(), fb.y()))
            return false;
    }
    return true;
}

CredentialDialog *openCredentialDialog(VncTab *tab)
{
    const QList<CredentialDialog *> dialogs = tab->findChildren<CredentialDialog *>();
    for (CredentialDialog *d : dialogs) {
        if (d->isVisible())
            return d;
    }
    return nullptr;
}

} // namespace

class TestVncTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectsAndShowsScreen();
    void toolbarActions();
    void detachAndAttachKeepTheConnection();
    void fullScreenKeepsTheConnection();
    void sendKeyMenu();
    void typeClipboard();
    void screenshot();
    void ledIndicators();
    void passwordPrompt();
    void cancelledPasswordFails();
    void closeAndReconnect();

private:
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
};

void TestVncTab::connectsAndShowsScreen()
{
    FakeVnc::Server server;
    ConsoleWindow window;
    VncTab *tab = makeTab(server);
    QCOMPARE(tab->sessionState(), SessionTab::State::Connecting);
    window.addTab(tab);
    window.resize(900, 560);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QCOMPARE(window.tabWidget()->tabText(0), u"lab1/vm1 — screen"_s);
    QVERIFY(window.tabWidget()->tabIcon(0).isNull());
    QTRY_VERIFY(showsPattern(tab));
    QCOMPARE(tab->findChild<QLabel *>(u"vncResolution"_s)->text(), u"400 × 300"_s);
    QCOMPARE(tab->stateText(), u"Connected"_s);
    saveScreenshot(&window, u"vnc-tab"_s);
}

void TestVncTab::toolbarActions()
{
    FakeVnc::Server server;
    std::unique_ptr<VncTab> tab(makeTab(server));
    tab->resize(700, 500);
    tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab.get()));
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);

    // Every action has a shortcut and a tool tip that names it.
    for (int i = 0; i < int(VncTab::Action::ActionCount); ++i) {
        QAction *a = tab->action(VncTab::Action(i));
        QVERIFY(a);
        QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->objectName()));
        QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(a->toolTip()));
    }
    QCOMPARE(tab->action(VncTab::Action::FullScreen)->shortcut(), QKeySequence(Qt::Key_F11));
    QCOMPARE(tab->action(VncTab::Action::GrabKeyboard)->shortcut(),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G));
    QCOMPARE(tab->action(VncTab::Action::Screenshot)->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));

    // Fit and 1:1 are exclusive and follow the view.
    QAction *fit = tab->action(VncTab::Action::FitToWindow);
    QAction *actual = tab->action(VncTab::Action::ActualSize);
    QVERIFY(fit->isChecked());
    actual->trigger();
    QCOMPARE(tab->view()->scaleMode(), VncView::ScaleMode::Actual);
    QVERIFY(!fit->isChecked());
    tab->view()->setScaleMode(VncView::ScaleMode::Fit);
    QVERIFY(fit->isChecked());
    QVERIFY(!actual->isChecked());

    // Grab follows the view both ways, with an indicator.
    QAction *grab = tab->action(VncTab::Action::GrabKeyboard);
    auto *indicator = tab->findChild<QLabel *>(u"grabIndicator"_s);
    QVERIFY(!indicator->isVisible());
    grab->trigger();
    QVERIFY(tab->view()->isKeyboardGrabbed());
    QVERIFY(indicator->isVisible());
    tab->view()->setKeyboardGrabbed(false);
    QVERIFY(!grab->isChecked());
    QVERIFY(!indicator->isVisible());

    // Refresh asks for the whole screen again.
    const int full = server.fullUpdateRequests;
    tab->action(VncTab::Action::Refresh)->trigger();
    QTRY_COMPARE(server.fullUpdateRequests, full + 1);

    // Input actions need a live session.
    tab->closeSession();
    QVERIFY(!tab->action(VncTab::Action::SendKey)->isEnabled());
    QVERIFY(!tab->action(VncTab::Action::TypeClipboard)->isEnabled());
    QVERIFY(tab->action(VncTab::Action::Screenshot)->isEnabled()); // the last picture
}

void TestVncTab::detachAndAttachKeepTheConnection()
{
    FakeVnc::Server first;
    FakeVnc::Server second;
    ConsoleWindow window;
    VncTab *a = makeTab(first, u"lab1/vm1 — screen"_s);
    VncTab *b = makeTab(second, u"lab1/vm2 — screen"_s);
    window.addTab(a);
    window.addTab(b);
    window.resize(900, 560);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(b->sessionState(), SessionTab::State::Connected);
    QTRY_VERIFY(showsPattern(b));
    QTRY_VERIFY(b->session()->hasExtendedKeyEvents());
    QCOMPARE(second.connectionCount(), 1);

    QPointer<ConsoleWindow> other = window.detachTab(1);
    QVERIFY(other);
    QCOMPARE(other->currentTab(), b);
    QCOMPARE(b->window(), other.data());
    QVERIFY(QTest::qWaitForWindowExposed(other.data()));
    QCOMPARE(b->sessionState(), SessionTab::State::Connected);
    QTRY_VERIFY(showsPattern(b));
    // Input still reaches the same connection.
    b->view()->sendKeys({{0xff0d, 0x1c}});
    QTRY_COMPARE(second.keys.size(), 2);
    saveScreenshot(other.data(), u"vnc-tab-detached"_s);

    other->moveTabToPrimary(0);
    QTRY_VERIFY(other.isNull());
    QCOMPARE(window.count(), 2);
    QCOMPARE(window.currentTab(), b);
    QCOMPARE(b->sessionState(), SessionTab::State::Connected);
    QTRY_VERIFY(showsPattern(b));
    b->view()->sendKeys({{0xff1b, 0x01}});
    QTRY_COMPARE(second.keys.size(), 4);

    // One connection all along, for both tabs.
    QCOMPARE(second.connectionCount(), 1);
    QCOMPARE(first.connectionCount(), 1);
    QVERIFY(second.protocolError.isEmpty());
}

void TestVncTab::fullScreenKeepsTheConnection()
{
    FakeVnc::Server server;
    ConsoleWindow window;
    VncTab *tab = makeTab(server);
    window.addTab(tab);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QTRY_VERIFY(showsPattern(tab));

    tab->action(VncTab::Action::FullScreen)->trigger();
    QVERIFY(tab->isFullScreen());
    QWidget *full = tab->fullScreenWindow();
    QVERIFY(full);
    QVERIFY(full->isWindow());
    QCOMPARE(tab->view()->window(), full);
    QVERIFY(QTest::qWaitForWindowExposed(full));
    QVERIFY(full->windowState() & Qt::WindowFullScreen);
    QVERIFY(tab->findChild<QPushButton *>(u"leaveFullScreenButton"_s)->isVisible());
    QTRY_VERIFY(showsPattern(tab));
    QVERIFY(full->findChild<QWidget *>(u"fullScreenBar"_s)->isVisible());
    saveScreenshot(full, u"vnc-tab-fullscreen"_s);

    // Esc goes to the guest, it does not leave full screen.
    QTest::keyClick(tab->view(), Qt::Key_Escape);
    QTRY_COMPARE(server.keys.size(), 2);
    QCOMPARE(server.keys.first().keysym, 0xff1bu);
    QVERIFY(tab->isFullScreen());

    // F11 (the action's shortcut, also in the full-screen window) leaves.
    QPointer<QWidget> gone = full;
    QTest::keyClick(tab->view(), Qt::Key_F11);
    QVERIFY(!tab->isFullScreen());
    QCOMPARE(tab->view()->window(), &window);
    QVERIFY(!tab->action(VncTab::Action::FullScreen)->isChecked());
    QTRY_VERIFY(gone.isNull());
    QTRY_VERIFY(showsPattern(tab));

    // Closing the full-screen window only leaves full screen.
    tab->setFullScreen(true);
    QVERIFY(tab->fullScreenWindow()->close() == false);
    QTRY_VERIFY(!tab->isFullScreen());
    QCOMPARE(tab->sessionState(), SessionTab::State::Connected);
    QCOMPARE(server.connectionCount(), 1);
}

void TestVncTab::sendKeyMenu()
{
    FakeVnc::Server server;
    std::unique_ptr<VncTab> tab(makeTab(server));
    tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab.get()));
    QTRY_VERIFY(tab->session()->hasExtendedKeyEvents());
    QMenu *menu = tab->sendKeyMenu();
    auto *ctrlAltDel = menu->findChild<QAction *>(u"sendKey.ctrl-alt-del"_s);
    auto *ctrlAltF2 = tab->findChild<QAction *>(u"sendKey.ctrl-alt-f2"_s);
    auto *cmdTab = tab->findChild<QAction *>(u"sendKey.cmd-tab"_s);
    QVERIFY(ctrlAltDel && ctrlAltF2 && cmdTab);
    QCOMPARE(ctrlAltDel->text(), u"Ctrl+Alt+Del"_s);

    ctrlAltDel->trigger();
    QTRY_COMPARE(server.keys.size(), 6);
    const quint32 wire[] = {0x1d, 0x38, 0xd3, 0xd3, 0x38, 0x1d};
    for (int i = 0; i < 6; ++i) {
        QVERIFY(server.keys.at(i).extended);
        QCOMPARE(server.keys.at(i).keycode, wire[i]);
        QCOMPARE(server.keys.at(i).down, i < 3);
    }
    server.keys.clear();
    ctrlAltF2->trigger();
    cmdTab->trigger();
    QTRY_COMPARE(server.keys.size(), 10);
    QCOMPARE(server.keys.at(2).keysym, 0xffbfu); // F2
    QCOMPARE(server.keys.at(6).keycode, 0xdbu); // Super_L (e0 5b)
    QCOMPARE(server.keys.at(7).keysym, 0xff09u);
}

void TestVncTab::typeClipboard()
{
    FakeVnc::Server server;
    std::unique_ptr<VncTab> tab(makeTab(server));
    tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab.get()));
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QGuiApplication::clipboard()->clear();
    tab->action(VncTab::Action::TypeClipboard)->trigger();
    QVERIFY(tab->statusMessage().contains(u"no text"_s));

    QGuiApplication::clipboard()->setText(u"Hi\n"_s);
    tab->action(VncTab::Action::TypeClipboard)->trigger();
    QTRY_COMPARE(server.keys.size(), 6);
    QCOMPARE(server.keys.at(0).keysym, quint32('H'));
    QCOMPARE(server.keys.at(2).keysym, quint32('i'));
    QCOMPARE(server.keys.at(4).keysym, 0xff0du);
    QVERIFY(tab->statusMessage().startsWith(u"Typing 3"_s));
}

void TestVncTab::screenshot()
{
    FakeVnc::Server server;
    std::unique_ptr<VncTab> tab(makeTab(server));
    tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab.get()));
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QTRY_VERIFY(tab->session()->frameCount() > 0);

    const QString suggested = tab->defaultScreenshotPath();
    QVERIFY2(QFileInfo(suggested).fileName().startsWith(u"vm1-"_s), qPrintable(suggested));
    QVERIFY(suggested.endsWith(u".png"_s));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"shot.png"_s);
    QSignalSpy saved(tab.get(), &VncTab::screenshotSaved);
    tab->saveScreenshotTo(path);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().at(0).toString(), path);
    QCOMPARE(saved.first().at(1).toString(), QString());
    const QImage image(path);
    QCOMPARE(image.size(), QSize(400, 300));
    QCOMPARE(image.pixel(250, 150), FakeVnc::patternColor(250, 150));
    QVERIFY(tab->statusMessage().startsWith(u"Saved "_s));

    // The action asks for the file name without blocking.
    tab->action(VncTab::Action::Screenshot)->trigger();
    QPointer<QWidget> dialog = tab->findChild<QWidget *>(u"screenshotDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->close();
    QTRY_VERIFY(dialog.isNull());
}

void TestVncTab::ledIndicators()
{
    FakeVnc::Options options;
    options.leds = 4; // Caps Lock
    FakeVnc::Server server(options);
    std::unique_ptr<VncTab> tab(makeTab(server));
    tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab.get()));
    auto *leds = tab->findChild<QWidget *>(u"ledIndicators"_s);
    QTRY_VERIFY(leds->isVisible());
    QVERIFY(tab->findChild<QLabel *>(u"ledCaps"_s)->isEnabled());
    QVERIFY(!tab->findChild<QLabel *>(u"ledNum"_s)->isEnabled());
    QVERIFY(!tab->findChild<QLabel *>(u"ledScroll"_s)->isEnabled());
    QVERIFY(tab->findChild<QLabel *>(u"ledCaps"_s)->toolTip().contains(u"on"_s));
}

void TestVncTab::passwordPrompt()
{
    FakeVnc::Options options;
    options.vncAuth = true;
    FakeVnc::Server server(options);
    std::unique_ptr<VncTab> tab(makeTab(server));
    tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab.get()));
    QTRY_COMPARE(tab->session()->state(), VncSession::State::Authenticating);
    QCOMPARE(tab->sessionState(), SessionTab::State::Connecting);
    QCOMPARE(tab->view()->overlayTitle(), u"Waiting for the password…"_s);
    CredentialDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openCredentialDialog(tab.get())));
    QCOMPARE(dialog->request().kind, CredentialRequest::Kind::Password);
    auto *edit = dialog->findChild<QLineEdit *>(u"answerEdit"_s);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    edit->setText(u"secret"_s);
    dialog->accept();
    QTRY_COMPARE(server.authResponses.size(), 1);
    QCOMPARE(server.authResponses.first().size(), 16);
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QTRY_VERIFY(showsPattern(tab.get()));
}

void TestVncTab::cancelledPasswordFails()
{
    FakeVnc::Options options;
    options.vncAuth = true;
    FakeVnc::Server server(options);
    std::unique_ptr<VncTab> tab(makeTab(server));
    tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab.get()));
    CredentialDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openCredentialDialog(tab.get())));
    dialog->reject();
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Failed);
    QVERIFY(tab->canReconnect());
    QVERIFY(tab->view()->overlayTitle().startsWith(u"Failed: "_s));
    QVERIFY(server.authResponses.isEmpty());
}

void TestVncTab::closeAndReconnect()
{
    FakeVnc::Server server;
    ConsoleWindow window;
    VncTab *tab = makeTab(server);
    window.addTab(tab);
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QVERIFY(!tab->canReconnect());
    auto *reconnectAction = window.findChild<QAction *>(u"console.reconnect"_s);
    QVERIFY(!reconnectAction->isEnabled());

    tab->closeSession();
    QCOMPARE(tab->sessionState(), SessionTab::State::Closed);
    QCOMPARE(tab->stateText(), u"Disconnected"_s);
    QVERIFY(tab->canReconnect());
    QVERIFY(reconnectAction->isEnabled());
    QVERIFY(!window.tabWidget()->tabIcon(0).isNull());
    QTRY_VERIFY(!server.hasClient());

    // The overlay's button and the window's action reconnect with the same connector.
    tab->view()->overlayButton()->click();
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QCOMPARE(server.connectionCount(), 2);

    // Dropped by the server: the tab waits to reconnect; Reconnect skips the wait.
    server.dropClient();
    QTRY_COMPARE(tab->session()->state(), VncSession::State::Reconnecting);
    QCOMPARE(tab->sessionState(), SessionTab::State::Connecting);
    QVERIFY(tab->stateText().startsWith(u"Reconnecting"_s));
    QVERIFY(reconnectAction->isEnabled());
    reconnectAction->trigger();
    // At once, not after the wait.
    QCOMPARE(tab->session()->state(), VncSession::State::Connecting);
    QTRY_COMPARE(tab->sessionState(), SessionTab::State::Connected);
    QCOMPARE(server.connectionCount(), 3);

    // Closing the tab ends the connection.
    window.closeTab(0);
    QTRY_VERIFY(!server.hasClient());
}

QTEST_MAIN(TestVncTab)
#include "tst_vnctab.moc"
