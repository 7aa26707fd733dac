// End-to-end: keys typed into Corral's VNC view on a German keyboard reach a lab guest as the
// characters printed on the keys. The view gets the key events Qt's xcb platform delivers for
// a German (XKB "de") keyboard — X keycode, key and text — on the real widget; Corral sends
// scancodes (QEMU's extended key event) through the host's SSH session to the lab VM's QEMU
// display, and the guest's console has a German keymap. So "z" on the German keyboard must
// come out as "z", not as the "y" a US mapping of the same key would give.
//
// (The X keycodes are synthesised rather than typed into Xvfb with xdotool: Xvfb in Debian 12
// ignores keymap uploads from setxkbmap/xkbcomp, so its keyboard stays US.)
#include "labsupport.h"

#include "vncview.h"

#include "fleet/fleet.h"
#include "fleet/remoteaccess.h"
#include "fleet/taskmanager.h"
#include "rfb/vncsession.h"

#include <QApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Corral;
using LabSupport::labDir;
using LabSupport::Output;

namespace {

} // namespace

class tst_VncKeyboard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;
    const QString m_vm = QStringLiteral("lab2/lab2-vm2");

    Output corralctl(const QStringList &args)
    {
        return LabSupport::corralctl(m_dir.filePath(QStringLiteral("corral.sqlite")), args, 60000);
    }
    Output inGuest(const QString &command)
    {
        return corralctl({QStringLiteral("ssh"), m_vm, QStringLiteral("--"), command});
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (labDir().isEmpty())
            QSKIP("CORRAL_LAB_DIR is not set: run through scripts/test, which starts the lab");
        const QString failure = LabSupport::openLabFleet(m_dir, m_store, m_fleet, 0);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const VmInfo vm = *m_fleet->resolveVm(m_vm);
        if (vm.state != VmState::Running) {
            const quint64 id = m_fleet->runOperation(VmOperation::Start, VmKey{vm.hostId, vm.uuid});
            QVERIFY(QTest::qWaitFor([&] { return m_fleet->tasks()->task(id).isFinished(); }, 90000));
        }
        // The guest boots; then its console gets the German keymap.
        QVERIFY(QTest::qWaitFor([&] { return inGuest(QStringLiteral("true")).code == 0; }, 120000));
        const Output loaded = inGuest(QStringLiteral("loadkmap < /etc/de.bmap && rm -f /tmp/typed /tmp/tzped"));
        QVERIFY2(loaded.code == 0, loaded.err.constData());
    }

    void cleanupTestCase()
    {
        m_fleet.reset();
        m_store.reset();
    }

    void germanLayoutTypesGermanCharacters()
    {
        const VmInfo vm = *m_fleet->resolveVm(m_vm);
        VncSession session;
        QSignalSpy first(&session, &VncSession::firstFrame);
        session.connectVia(m_fleet->remote()->vncOpener(VmKey{vm.hostId, vm.uuid}), vm.name, false);
        VncView view;
        view.setSession(&session);
        view.resize(800, 500);
        view.show();
        QVERIFY2(first.wait(30000), qPrintable(session.errorText()));
        QVERIFY(session.hasExtendedKeyEvents());

        // On the German layout: z and y swap places, "-" is where the US "/" is, ö where ";"
        // is, "/" is Shift+7 and ">" is Shift on the extra ISO key next to the left Shift.
        struct Stroke
        {
            quint32 keycode; // X keycode (evdev + 8), as xcb reports it
            int key;
            const char16_t *text;
            bool shift;
        };
        const Stroke strokes[] = {
            {26, Qt::Key_E, u"e", false},        {54, Qt::Key_C, u"c", false},
            {43, Qt::Key_H, u"h", false},        {32, Qt::Key_O, u"o", false},
            {65, Qt::Key_Space, u" ", false},    {29, Qt::Key_Z, u"z", false},
            {52, Qt::Key_Y, u"y", false},        {61, Qt::Key_Minus, u"-", false},
            {47, Qt::Key_Odiaeresis, u"\u00f6", false},
            {65, Qt::Key_Space, u" ", false},    {94, Qt::Key_Greater, u">", true},
            {65, Qt::Key_Space, u" ", false},    {16, Qt::Key_Slash, u"/", true},
            {28, Qt::Key_T, u"t", false},        {58, Qt::Key_M, u"m", false},
            {33, Qt::Key_P, u"p", false},        {16, Qt::Key_Slash, u"/", true},
            {28, Qt::Key_T, u"t", false},        {52, Qt::Key_Y, u"y", false},
            {33, Qt::Key_P, u"p", false},        {26, Qt::Key_E, u"e", false},
            {40, Qt::Key_D, u"d", false},        {36, Qt::Key_Return, u"\r", false},
        };
        constexpr quint32 LeftShift = 50;
        auto send = [&](QEvent::Type type, int key, quint32 keycode, Qt::KeyboardModifiers mods,
                        const QString &text) {
            QKeyEvent event(type, key, mods, keycode, 0, 0, text);
            QApplication::sendEvent(&view, &event);
        };
        for (const Stroke &s : strokes) {
            const QString text = QString::fromUtf16(s.text);
            const Qt::KeyboardModifiers mods = s.shift ? Qt::ShiftModifier : Qt::NoModifier;
            if (s.shift)
                send(QEvent::KeyPress, Qt::Key_Shift, LeftShift, Qt::ShiftModifier, {});
            send(QEvent::KeyPress, s.key, s.keycode, mods, text);
            send(QEvent::KeyRelease, s.key, s.keycode, mods, text);
            if (s.shift)
                send(QEvent::KeyRelease, Qt::Key_Shift, LeftShift, Qt::NoModifier, {});
        }

        // What the guest's shell wrote.
        QByteArray content;
        QVERIFY2(QTest::qWaitFor([&] {
            const Output o = inGuest(QStringLiteral("cat /tmp/typed 2>/dev/null | od -An -tx1"));
            content = o.out.simplified();
            return o.code == 0 && !content.isEmpty();
        }, 20000), "the typed command did not run in the guest (nothing in /tmp/typed)");
        // "zy-ö\n" in UTF-8 (the guest's console is in Unicode mode): 7a 79 2d c3 b6 0a
        QCOMPARE(content, QByteArray("7a 79 2d c3 b6 0a"));
        QCOMPARE(view.pressedKeyCount(), 0);
    }
};

QTEST_MAIN(tst_VncKeyboard)
#include "tst_vnckeyboard.moc"
