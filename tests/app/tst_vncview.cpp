#include "fakevncserver.h"
#include "rfb/vncsession.h"
#include "vncview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

// A server, a session connected to it and a view of the session in a shown window.
struct Fixture
{
    explicit Fixture(FakeVnc::Options options = {}, QSize size = QSize(800, 400))
        : server(std::move(options))
    {
        window.resize(size);
        auto *layout = new QVBoxLayout(&window);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(0);
        view = new VncView(&window);
        layout->addWidget(view);
        other = new QLineEdit(&window);
        other->setObjectName(u"otherWidget"_s);
        other->setFixedHeight(0);
        layout->addWidget(other);
        view->setSession(&session);
    }

    bool showAndConnect()
    {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        QSignalSpy first(&session, &VncSession::firstFrame);
        session.connectToHost(u"127.0.0.1"_s, server.port());
        return first.wait(10000);
    }

    QImage grab() const { return view->viewport()->grab().toImage(); }

    // Where the centre of framebuffer pixel `fb` is drawn.
    QPoint viewportPoint(const QPoint &fb) const
    {
        const QRectF image = view->imageRect();
        const QSize size = session.framebufferSize();
        return QPoint(int(image.x() + (fb.x() + 0.5) * image.width() / size.width()),
                      int(image.y() + (fb.y() + 0.5) * image.height() / size.height()));
    }

    FakeVnc::Server server;
    VncSession session;
    QWidget window;
    VncView *view = nullptr;
    QLineEdit *other = nullptr;
};

QKeyEvent keyEvent(QEvent::Type type, int key, quint32 xKeycode, const QString &text = {},
                   Qt::KeyboardModifiers mods = Qt::NoModifier, bool autoRepeat = false)
{
    return QKeyEvent(type, key, mods, xKeycode, 0, 0, text, autoRepeat);
}

void press(QWidget *w, int key, quint32 xKeycode, const QString &text = {},
           Qt::KeyboardModifiers mods = Qt::NoModifier, bool autoRepeat = false)
{
    QKeyEvent e = keyEvent(QEvent::KeyPress, key, xKeycode, text, mods, autoRepeat);
    QApplication::sendEvent(w, &e);
}

void release(QWidget *w, int key, quint32 xKeycode, const QString &text = {},
             Qt::KeyboardModifiers mods = Qt::NoModifier, bool autoRepeat = false)
{
    QKeyEvent e = keyEvent(QEvent::KeyRelease, key, xKeycode, text, mods, autoRepeat);
    QApplication::sendEvent(w, &e);
}

QString describe(const QList<FakeVnc::KeyEvent> &keys)
{
    QStringList out;
    for (const FakeVnc::KeyEvent &k : keys)
        out << u"%1 %2"_s.arg(k.down ? u"down"_s : u"up"_s).arg(k.keysym, 0, 16)
                + (k.extended ? u" xt "_s + QString::number(k.keycode, 16) : QString());
    return out.join(u", ");
}

} // namespace

class TestVncView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void firstFramePaintedFit();
    void actualSizeScrolls();
    void pointerMapsThroughScale();
    void wheelSendsButtonClicks();
    void keysUseScancodesWithExtendedKeyEvents();
    void keysUseKeysymsOtherwise();
    void autoRepeatAndUnknownReleases();
    void keyboardGrabRoutesEverything();
    void focusOutReleasesPressedKeys();
    void viewOnlySendsNothing();
    void sendKeysPressesAndReleasesInReverse();
    void overlayFollowsState();
    void overlayWaitingAndFailed();
    void remoteCursorBecomesWidgetCursor();
    void clipboardBothWays();

private:
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
};

void TestVncView::init()
{
    QGuiApplication::clipboard()->clear();
}

void TestVncView::firstFramePaintedFit()
{
    Fixture f;
    QCOMPARE(f.view->overlayTitle(), u"Not connected"_s);
    QVERIFY(f.showAndConnect());
    QCOMPARE(f.session.framebufferSize(), QSize(400, 300));
    QCOMPARE(f.view->scaleMode(), VncView::ScaleMode::Fit);
    QVERIFY(f.view->overlayTitle().isEmpty());

    // 800x400 viewport, 400x300 screen: scaled by 4/3 to 533x400, centred.
    const QRectF image = f.view->imageRect();
    QCOMPARE(image, QRectF(133, 0, 533, 400));
    QTRY_COMPARE(f.grab().pixel(f.viewportPoint(QPoint(50, 50))), FakeVnc::patternColor(50, 50));
    const QImage shot = f.grab();
    for (int by = 0; by < 3; ++by) {
        for (int bx = 0; bx < 4; ++bx) {
            const QPoint fb(bx * 100 + 50, by * 100 + 50);
            QCOMPARE(shot.pixel(f.viewportPoint(fb)), FakeVnc::patternColor(fb.x(), fb.y()));
        }
    }
    // Edges of blocks land where the scale puts them.
    QCOMPARE(shot.pixel(f.viewportPoint(QPoint(99, 120))), FakeVnc::patternColor(99, 120));
    QCOMPARE(shot.pixel(f.viewportPoint(QPoint(100, 120))), FakeVnc::patternColor(100, 120));
    // Letterbox left and right, not the picture.
    const QRgb left = shot.pixel(10, 200);
    QVERIFY(qGray(left) < 40);
    QCOMPARE(shot.pixel(790, 200), left);
    saveScreenshot(&f.window, u"vnc-view-fit"_s);
}

void TestVncView::actualSizeScrolls()
{
    Fixture f({}, QSize(300, 200));
    QVERIFY(f.showAndConnect());
    QSignalSpy modes(f.view, &VncView::scaleModeChanged);
    f.view->setScaleMode(VncView::ScaleMode::Actual);
    QCOMPARE(modes.size(), 1);
    QCOMPARE(f.view->scale(), 1.0);
    QTRY_VERIFY(f.view->horizontalScrollBar()->maximum() > 0);
    QVERIFY(f.view->verticalScrollBar()->maximum() > 0);
    QCOMPARE(f.view->imageRect().topLeft(), QPointF(0, 0));
    QImage shot = f.grab();
    QCOMPARE(shot.pixel(50, 50), FakeVnc::patternColor(50, 50));
    QCOMPARE(shot.pixel(150, 50), FakeVnc::patternColor(150, 50));

    f.view->horizontalScrollBar()->setValue(100);
    f.view->verticalScrollBar()->setValue(100);
    QCOMPARE(f.view->toFramebuffer(QPointF(50, 50)), QPoint(150, 150));
    shot = f.grab();
    QCOMPARE(shot.pixel(50, 50), FakeVnc::patternColor(150, 150));
    QCOMPARE(shot.pixel(160, 10), FakeVnc::patternColor(260, 110));

    // Back to fit: no scroll bars, the whole screen scaled down.
    f.view->setScaleMode(VncView::ScaleMode::Fit);
    QCOMPARE(f.view->horizontalScrollBar()->maximum(), 0);
    QVERIFY(f.view->scale() < 1.0);
    shot = f.grab();
    QCOMPARE(shot.pixel(f.viewportPoint(QPoint(350, 250))), FakeVnc::patternColor(350, 250));
}

void TestVncView::pointerMapsThroughScale()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    QWidget *vp = f.view->viewport();
    // Viewport (133 + 4/3 * x, 4/3 * y) shows framebuffer (x, y).
    QCOMPARE(f.view->toFramebuffer(QPointF(133, 0)), QPoint(0, 0));
    QCOMPARE(f.view->toFramebuffer(QPointF(133 + 200, 200)), QPoint(150, 150));
    QCOMPARE(f.view->toFramebuffer(QPointF(5000, 5000)), QPoint(399, 299));

    QTest::mouseMove(vp, QPoint(333, 200));
    QTRY_VERIFY(!f.server.pointers.isEmpty());
    QCOMPARE(f.server.pointers.last().position, QPoint(150, 150));
    QCOMPARE(f.server.pointers.last().buttons, 0);

    QTest::mousePress(vp, Qt::LeftButton, {}, QPoint(133 + 40, 40));
    QTRY_COMPARE(f.server.pointers.last().buttons, 1);
    QCOMPARE(f.server.pointers.last().position, QPoint(30, 30));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, QPoint(133 + 40, 40));
    QTRY_COMPARE(f.server.pointers.last().buttons, 0);
    QTest::mousePress(vp, Qt::RightButton, {}, QPoint(600, 300));
    QTRY_COMPARE(f.server.pointers.last().buttons, 4);
    QTest::mouseRelease(vp, Qt::RightButton, {}, QPoint(600, 300));
    QTRY_COMPARE(f.server.pointers.last().buttons, 0);

    // Moves over the letterbox are not sent.
    const qsizetype before = f.server.pointers.size();
    QTest::mouseMove(vp, QPoint(20, 100));
    QTest::mouseMove(vp, QPoint(333, 100));
    QTRY_COMPARE(f.server.pointers.size(), before + 1);
    QCOMPARE(f.server.pointers.last().position, QPoint(150, 75));
}

void TestVncView::wheelSendsButtonClicks()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    QWidget *vp = f.view->viewport();
    auto wheel = [vp](QPoint delta) {
        const QPointF pos(333, 200);
        QWheelEvent e(pos, vp->mapToGlobal(pos), QPoint(), delta, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
        QApplication::sendEvent(vp, &e);
    };
    wheel(QPoint(0, 120));
    QTRY_COMPARE(f.server.pointers.size(), 2);
    QCOMPARE(f.server.pointers.at(0).buttons, 1 << 3);
    QCOMPARE(f.server.pointers.at(0).position, QPoint(150, 150));
    QCOMPARE(f.server.pointers.at(1).buttons, 0);
    wheel(QPoint(0, -240));
    QTRY_COMPARE(f.server.pointers.size(), 6);
    QCOMPARE(f.server.pointers.at(2).buttons, 1 << 4);
    QCOMPARE(f.server.pointers.at(4).buttons, 1 << 4);
    // Touchpads: fractions add up to one notch.
    wheel(QPoint(0, 60));
    wheel(QPoint(0, 60));
    QTRY_COMPARE(f.server.pointers.size(), 8);
    QCOMPARE(f.server.pointers.at(6).buttons, 1 << 3);
    // Horizontal: left is button 6 (bit 5), right button 7 (bit 6).
    wheel(QPoint(120, 0));
    wheel(QPoint(-120, 0));
    QTRY_COMPARE(f.server.pointers.size(), 12);
    QCOMPARE(f.server.pointers.at(8).buttons, 1 << 5);
    QCOMPARE(f.server.pointers.at(10).buttons, 1 << 6);
    QCOMPARE(f.server.pointers.at(11).buttons, 0);
}

void TestVncView::keysUseScancodesWithExtendedKeyEvents()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    QTRY_VERIFY(f.session.hasExtendedKeyEvents());
    QWidget *v = f.view;
    // X keycodes are evdev + 8: Up is 103 + 8, A 30 + 8, Right Ctrl 97 + 8, ISO <> 86 + 8.
    press(v, Qt::Key_Up, 111);
    release(v, Qt::Key_Up, 111);
    press(v, Qt::Key_A, 38, u"a"_s);
    release(v, Qt::Key_A, 38, u"a"_s);
    press(v, Qt::Key_Control, 105);
    release(v, Qt::Key_Control, 105, {}, Qt::ControlModifier);
    press(v, Qt::Key_Less, 94, u"<"_s);
    release(v, Qt::Key_Less, 94, u"<"_s);
    QTRY_COMPARE(f.server.keys.size(), 8);
    QCOMPARE(describe(f.server.keys),
             u"down ff52 xt c8, up ff52 xt c8, down 61 xt 1e, up 61 xt 1e, "
             "down ffe4 xt 9d, up ffe4 xt 9d, down 3c xt 56, up 3c xt 56"_s);

    // Without a native scan code (a synthesised event), layout-free keys still get theirs.
    f.server.keys.clear();
    press(v, Qt::Key_Return, 0, u"\r"_s);
    release(v, Qt::Key_Return, 0, u"\r"_s);
    press(v, Qt::Key_Z, 0, u"z"_s);
    release(v, Qt::Key_Z, 0, u"z"_s);
    QTRY_COMPARE(f.server.keys.size(), 4);
    QCOMPARE(describe(f.server.keys), u"down ff0d xt 1c, up ff0d xt 1c, down 7a, up 7a"_s);
}

void TestVncView::keysUseKeysymsOtherwise()
{
    FakeVnc::Options options;
    options.extendedKeys = false;
    Fixture f(options);
    QVERIFY(f.showAndConnect());
    QVERIFY(!f.session.hasExtendedKeyEvents());
    press(f.view, Qt::Key_Up, 111);
    release(f.view, Qt::Key_Up, 111);
    press(f.view, Qt::Key_Q, 24, u"Q"_s, Qt::ShiftModifier);
    release(f.view, Qt::Key_Q, 24, u"Q"_s, Qt::ShiftModifier);
    QTRY_COMPARE(f.server.keys.size(), 4);
    QCOMPARE(describe(f.server.keys), u"down ff52, up ff52, down 51, up 51"_s);
}

void TestVncView::autoRepeatAndUnknownReleases()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    QTRY_VERIFY(f.session.hasExtendedKeyEvents());
    // Auto-repeat arrives as release + press pairs: the guest sees presses only.
    press(f.view, Qt::Key_X, 53, u"x"_s);
    release(f.view, Qt::Key_X, 53, u"x"_s, {}, true);
    press(f.view, Qt::Key_X, 53, u"x"_s, {}, true);
    release(f.view, Qt::Key_X, 53, u"x"_s);
    // A release of a key pressed elsewhere is not passed on.
    release(f.view, Qt::Key_Y, 29, u"y"_s);
    QTRY_COMPARE(f.server.keys.size(), 3);
    QCOMPARE(describe(f.server.keys), u"down 78 xt 2d, down 78 xt 2d, up 78 xt 2d"_s);
    QCOMPARE(f.view->pressedKeyCount(), 0);
}

void TestVncView::keyboardGrabRoutesEverything()
{
    Fixture f;
    auto *fullScreen = new QAction(u"Full Screen"_s, &f.window);
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    fullScreen->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    f.window.addAction(fullScreen);
    QSignalSpy triggered(fullScreen, &QAction::triggered);
    QVERIFY(f.showAndConnect());
    QTRY_VERIFY(f.session.hasExtendedKeyEvents());
    f.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    f.view->setFocus();
    QTRY_VERIFY(f.view->hasFocus());

    // Not grabbed: the window's shortcuts stay with Corral, other keys go to the guest.
    QTest::keyClick(f.view, Qt::Key_F11);
    QCOMPARE(triggered.size(), 1);
    QTest::keyClick(f.view, Qt::Key_Escape);
    QTRY_COMPARE(f.server.keys.size(), 2);
    QCOMPARE(f.server.keys.first().keysym, 0xff1bu);

    QSignalSpy grabs(f.view, &VncView::keyboardGrabChanged);
    f.view->setKeyboardGrabbed(true);
    QCOMPARE(grabs.size(), 1);
    QVERIFY(f.view->isKeyboardGrabbed());
    QCOMPARE(QWidget::keyboardGrabber(), f.view);
    QVERIFY(f.view->isGrabHintVisible());
    saveScreenshot(&f.window, u"vnc-view-grab-hint"_s);

    // Grabbed: F11 and Tab go to the guest too.
    f.server.keys.clear();
    QTest::keyClick(f.view, Qt::Key_F11);
    QTest::keyClick(f.view, Qt::Key_Tab);
    QTRY_COMPARE(f.server.keys.size(), 4);
    QCOMPARE(triggered.size(), 1);
    QCOMPARE(f.server.keys.at(0).keysym, 0xffc8u);
    QCOMPARE(f.server.keys.at(2).keysym, 0xff09u);

    // The hint goes away by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!f.view->isGrabHintVisible(), VncView::hintDurationMs() + 2000);

    // Ctrl+Alt+G releases; Ctrl and Alt, already down in the guest, come up again.
    f.server.keys.clear();
    press(f.view, Qt::Key_Control, 37);
    press(f.view, Qt::Key_Alt, 64, {}, Qt::ControlModifier);
    press(f.view, Qt::Key_G, 42, u"\a"_s, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(!f.view->isKeyboardGrabbed());
    QCOMPARE(grabs.size(), 2);
    QCOMPARE(QWidget::keyboardGrabber(), nullptr);
    release(f.view, Qt::Key_G, 42, u"\a"_s, Qt::ControlModifier | Qt::AltModifier);
    release(f.view, Qt::Key_Alt, 64, {}, Qt::ControlModifier | Qt::AltModifier);
    release(f.view, Qt::Key_Control, 37, {}, Qt::ControlModifier);
    QTRY_COMPARE(f.server.keys.size(), 4);
    QCOMPARE(describe(f.server.keys),
             u"down ffe3 xt 1d, down ffe9 xt 38, up ffe9 xt 38, up ffe3 xt 1d"_s);

    // Hidden, the grab is let go; shown again, taken again.
    f.view->setKeyboardGrabbed(true);
    QCOMPARE(QWidget::keyboardGrabber(), f.view);
    f.view->hide();
    QCOMPARE(QWidget::keyboardGrabber(), nullptr);
    QVERIFY(f.view->isKeyboardGrabbed());
    f.view->show();
    QCOMPARE(QWidget::keyboardGrabber(), f.view);
    f.view->setKeyboardGrabbed(false);
    QCOMPARE(QWidget::keyboardGrabber(), nullptr);
}

void TestVncView::focusOutReleasesPressedKeys()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    QTRY_VERIFY(f.session.hasExtendedKeyEvents());
    f.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    f.view->setFocus();
    QTRY_VERIFY(f.view->hasFocus());
    press(f.view, Qt::Key_Shift, 50);
    press(f.view, Qt::Key_A, 38, u"A"_s, Qt::ShiftModifier);
    QCOMPARE(f.view->pressedKeyCount(), 2);
    f.other->setFocus();
    QTRY_VERIFY(!f.view->hasFocus());
    QCOMPARE(f.view->pressedKeyCount(), 0);
    QTRY_COMPARE(f.server.keys.size(), 4);
    QCOMPARE(describe(f.server.keys),
             u"down ffe1 xt 2a, down 41 xt 1e, up 41 xt 1e, up ffe1 xt 2a"_s);
}

void TestVncView::viewOnlySendsNothing()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    f.view->setViewOnly(true);
    QCOMPARE(f.view->viewport()->cursor().shape(), Qt::ArrowCursor);
    press(f.view, Qt::Key_A, 38, u"a"_s);
    release(f.view, Qt::Key_A, 38, u"a"_s);
    QTest::mouseClick(f.view->viewport(), Qt::LeftButton, {}, QPoint(300, 200));
    // Something the server must see after the ignored input, to know that it was ignored.
    f.view->setViewOnly(false);
    press(f.view, Qt::Key_B, 56, u"b"_s);
    QTRY_COMPARE(f.server.keys.size(), 1);
    QCOMPARE(f.server.keys.first().keysym, quint32('b'));
    QVERIFY(f.server.pointers.isEmpty());
}

void TestVncView::sendKeysPressesAndReleasesInReverse()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    QTRY_VERIFY(f.session.hasExtendedKeyEvents());
    const std::optional<Rfb::KeyCombo> combo = Rfb::sendKeyCombo(u"ctrl-alt-del"_s);
    QVERIFY(combo);
    f.view->sendKeys(combo->keys);
    QTRY_COMPARE(f.server.keys.size(), 6);
    QCOMPARE(describe(f.server.keys),
             u"down ffe3 xt 1d, down ffe9 xt 38, down ffff xt d3, "
             "up ffff xt d3, up ffe9 xt 38, up ffe3 xt 1d"_s);
}

void TestVncView::overlayFollowsState()
{
    // A server that accepts and never speaks: the session stays in Connecting.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Fixture f;
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    f.session.connectToHost(u"127.0.0.1"_s, silent.serverPort());
    QVERIFY(f.view->overlayTitle().startsWith(u"Connecting to 127.0.0.1:"_s));
    QVERIFY(!f.view->overlayButton()->isVisible());
    saveScreenshot(&f.window, u"vnc-view-connecting"_s);
    f.session.disconnectFromHost();
    QCOMPARE(f.view->overlayTitle(), u"Disconnected"_s);
    QVERIFY(f.view->overlayButton()->isVisible());

    // Through an opener, with automatic reconnects.
    QSignalSpy first(&f.session, &VncSession::firstFrame);
    f.session.connectVia(f.server.opener(), u"lab1/vm1"_s);
    QVERIFY(first.wait(10000));
    QVERIFY(f.view->overlayTitle().isEmpty());
    QVERIFY(!f.view->overlayButton()->isVisible());
    QCOMPARE(f.server.connectionCount(), 1);

    f.server.dropClient();
    QTRY_COMPARE(f.session.state(), VncSession::State::Reconnecting);
    QCOMPARE(f.view->overlayTitle(), u"Reconnecting in 1 s…"_s);
    // Why: "The VNC server closed the connection." (or a reset, depending on timing).
    QVERIFY(f.view->overlayDetail().contains(u"VNC server"_s));
    QVERIFY(f.view->overlayButton()->isVisible());
    QCOMPARE(f.view->overlayButton()->text(), u"Reconnect Now"_s);
    saveScreenshot(&f.window, u"vnc-view-reconnecting"_s);
    // The picture stays (dimmed) under the message.
    const QImage shot = f.grab();
    QVERIFY(shot.pixel(f.viewportPoint(QPoint(50, 50))) != FakeVnc::patternColor(50, 50));

    // Back by itself after a second.
    QTRY_COMPARE_WITH_TIMEOUT(f.session.state(), VncSession::State::Connected, 5000);
    QCOMPARE(f.server.connectionCount(), 2);
    QTRY_VERIFY(f.view->overlayTitle().isEmpty());

    // The button skips the wait (the second wait would be 2 s).
    f.server.dropClient();
    QTRY_COMPARE(f.session.state(), VncSession::State::Reconnecting);
    f.view->overlayButton()->click();
    QCOMPARE(f.session.state(), VncSession::State::Connecting);
    QTRY_COMPARE(f.session.state(), VncSession::State::Connected);
    QCOMPARE(f.server.connectionCount(), 3);
}

void TestVncView::overlayWaitingAndFailed()
{
    Fixture f;
    f.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.window));
    auto failure = std::make_shared<QString>(u"vm1 is not running."_s);
    f.session.connectVia(f.server.opener(failure), u"lab1/vm1"_s);
    QTRY_COMPARE(f.session.state(), VncSession::State::Reconnecting);
    QVERIFY(f.view->overlayTitle().startsWith(u"Reconnecting in"_s));
    QCOMPARE(f.view->overlayDetail(), u"vm1 is not running."_s);
    f.view->setWaitingText(u"Waiting for vm1 to start…"_s);
    QCOMPARE(f.view->overlayTitle(), u"Waiting for vm1 to start…"_s);
    QCOMPARE(f.view->overlayDetail(), u"vm1 is not running."_s);
    saveScreenshot(&f.window, u"vnc-view-waiting"_s);
    f.view->setWaitingText({});
    QVERIFY(f.view->overlayTitle().startsWith(u"Reconnecting"_s));
    f.session.disconnectFromHost();

    // A refusal is final: Failed, with the server's reason and a Reconnect button.
    FakeVnc::Options refusing;
    refusing.refusal = u"Too many clients"_s;
    FakeVnc::Server server(refusing);
    f.session.connectToHost(u"127.0.0.1"_s, server.port());
    QTRY_COMPARE(f.session.state(), VncSession::State::Failed);
    QVERIFY2(f.view->overlayTitle().startsWith(u"Failed: "_s), qPrintable(f.view->overlayTitle()));
    QVERIFY(f.view->overlayTitle().contains(u"Too many clients"_s));
    QVERIFY(f.view->overlayButton()->isVisible());
    QCOMPARE(f.view->overlayButton()->text(), u"Reconnect"_s);
    saveScreenshot(&f.window, u"vnc-view-failed"_s);
    QSignalSpy reconnect(f.view, &VncView::reconnectRequested);
    f.view->overlayButton()->click();
    QCOMPARE(reconnect.size(), 1);
}

void TestVncView::remoteCursorBecomesWidgetCursor()
{
    Fixture plain;
    QVERIFY(plain.showAndConnect());
    // No shape from the server: it draws the pointer into the picture; none on top.
    QCOMPARE(plain.view->viewport()->cursor().shape(), Qt::BlankCursor);

    FakeVnc::Options options;
    options.cursor = true;
    Fixture f(options);
    QVERIFY(f.showAndConnect());
    QTRY_COMPARE(f.view->viewport()->cursor().shape(), Qt::BitmapCursor);
    // 8x8 scaled by 4/3.
    const QCursor cursor = f.view->viewport()->cursor();
    QCOMPARE(cursor.pixmap().size(), QSize(11, 11));
    QCOMPARE(cursor.hotSpot(), QPoint(4, 5));
    f.view->setScaleMode(VncView::ScaleMode::Actual);
    QCOMPARE(f.view->viewport()->cursor().pixmap().size(), QSize(8, 8));
    QCOMPARE(f.view->viewport()->cursor().hotSpot(), QPoint(3, 4));

    // The server hides its pointer.
    Q_EMIT f.session.cursorChanged(QImage(), QPoint());
    QCOMPARE(f.view->viewport()->cursor().shape(), Qt::BlankCursor);
}

void TestVncView::clipboardBothWays()
{
    Fixture f;
    QVERIFY(f.showAndConnect());
    f.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    f.view->setFocus();
    QTRY_VERIFY(f.view->hasFocus());

    QGuiApplication::clipboard()->setText(u"from the desk"_s);
    QTRY_COMPARE(f.server.cutTexts, QStringList{u"from the desk"_s});

    // Not while another widget has focus; then on focus in.
    f.other->setFocus();
    QTRY_VERIFY(!f.view->hasFocus());
    QGuiApplication::clipboard()->setText(u"second"_s);
    f.view->setFocus();
    QTRY_COMPARE(f.server.cutTexts, (QStringList{u"from the desk"_s, u"second"_s}));

    // From the guest to the clipboard, not echoed back.
    f.server.sendCutText(u"from the guest"_s);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), u"from the guest"_s);
    f.other->setFocus();
    f.view->setFocus();
    press(f.view, Qt::Key_A, 38, u"a"_s); // a marker the server sees after any echo
    QTRY_COMPARE(f.server.keys.size(), 1);
    QCOMPARE(f.server.cutTexts.size(), 2);
    QVERIFY(f.server.protocolError.isEmpty());
}

QTEST_MAIN(TestVncView)
#include "tst_vncview.moc"
