#include "rfb/keymap.h"

#include <QSet>
#include <QTest>

using namespace Corral;
using namespace Corral::Rfb;
using namespace Qt::StringLiterals;

class TestKeymap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysym_data();
    void keysym();
    void modifiersLeftAndRight_data();
    void modifiersLeftAndRight();
    void evdev_data();
    void evdev();
    void evdevCoversIsoKeyboard();
    void xKeycodeIsEvdevPlusEight();
    void windowsScanCodes();
    void scancodeForKeysymAgreesWithEvdev();
    void combos();
    void comboEventsPressThenReleaseReversed();
    void usLayout_data();
    void usLayout();
    void usLayoutCoversPrintableAscii();
};

void TestKeymap::keysym_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<quint32>("keysym");

    const int none = Qt::NoModifier;
    const int shift = Qt::ShiftModifier;
    const int ctrl = Qt::ControlModifier;
    const int keypad = Qt::KeypadModifier;
    auto row = [](const char *name, int key, const QString &text, int mods, quint32 keysym) {
        QTest::newRow(name) << key << text << mods << keysym;
    };
    // Characters come from the text.
    row("a", Qt::Key_A, u"a"_s, none, 0x61);
    row("A", Qt::Key_A, u"A"_s, shift, 0x41);
    row("digit", Qt::Key_5, u"5"_s, none, 0x35);
    row("punctuation", Qt::Key_Semicolon, u";"_s, none, 0x3b);
    row("shifted punctuation", Qt::Key_Colon, u":"_s, shift, 0x3a);
    row("space", Qt::Key_Space, u" "_s, none, 0x20);
    row("latin-1", Qt::Key_Adiaeresis, u"ä"_s, none, 0xe4);
    row("german AltGr at", Qt::Key_At, u"@"_s, Qt::GroupSwitchModifier, 0x40);
    row("euro (unicode)", Qt::Key_unknown, u"€"_s, none, 0x010020ac);
    row("cyrillic", 0x416, u"ж"_s, none, 0x01000436);
    row("outside the BMP", Qt::Key_unknown, u"😀"_s, none, 0x0101f600);
    // Ctrl letters carry control characters as text: the key decides.
    row("ctrl+c", Qt::Key_C, u"\x03"_s, ctrl, 0x63);
    row("ctrl+shift+c", Qt::Key_C, u"\x03"_s, ctrl | shift, 0x43);
    row("synthesised letter without text", Qt::Key_Q, QString(), none, 0x71);
    // Keys that are not characters.
    row("Return", Qt::Key_Return, u"\r"_s, none, 0xff0d);
    row("Enter (keypad)", Qt::Key_Enter, u"\r"_s, keypad, 0xff8d);
    row("Tab", Qt::Key_Tab, u"\t"_s, none, 0xff09);
    row("Backtab", Qt::Key_Backtab, QString(), shift, 0xff09);
    row("BackSpace", Qt::Key_Backspace, u"\b"_s, none, 0xff08);
    row("Escape", Qt::Key_Escape, u"\x1b"_s, none, 0xff1b);
    row("Delete", Qt::Key_Delete, u"\x7f"_s, none, 0xffff);
    row("Insert", Qt::Key_Insert, QString(), none, 0xff63);
    row("Home", Qt::Key_Home, QString(), none, 0xff50);
    row("End", Qt::Key_End, QString(), none, 0xff57);
    row("PageUp", Qt::Key_PageUp, QString(), none, 0xff55);
    row("PageDown", Qt::Key_PageDown, QString(), none, 0xff56);
    row("Left", Qt::Key_Left, QString(), none, 0xff51);
    row("Up", Qt::Key_Up, QString(), none, 0xff52);
    row("Right", Qt::Key_Right, QString(), none, 0xff53);
    row("Down", Qt::Key_Down, QString(), none, 0xff54);
    row("F1", Qt::Key_F1, QString(), none, 0xffbe);
    row("F12", Qt::Key_F12, QString(), none, 0xffc9);
    row("F24", Qt::Key_F24, QString(), none, 0xffd5);
    row("Print", Qt::Key_Print, QString(), none, 0xff61);
    row("Pause", Qt::Key_Pause, QString(), none, 0xff13);
    row("Menu", Qt::Key_Menu, QString(), none, 0xff67);
    row("CapsLock", Qt::Key_CapsLock, QString(), none, 0xffe5);
    row("NumLock", Qt::Key_NumLock, QString(), none, 0xff7f);
    row("ScrollLock", Qt::Key_ScrollLock, QString(), none, 0xff14);
    row("AltGr", Qt::Key_AltGr, QString(), none, 0xfe03);
    row("Super", Qt::Key_Meta, QString(), none, 0xffeb);
    row("Super_R", Qt::Key_Super_R, QString(), none, 0xffec);
    row("dead acute", Qt::Key_Dead_Acute, QString(), none, 0xfe51);
    row("dead diaeresis", Qt::Key_Dead_Diaeresis, QString(), none, 0xfe57);
    // Keypad.
    row("KP_7", Qt::Key_7, u"7"_s, keypad, 0xffb7);
    row("KP_0", Qt::Key_0, u"0"_s, keypad, 0xffb0);
    row("KP_Home (Num Lock off)", Qt::Key_Home, QString(), keypad, 0xff95);
    row("KP_Begin", Qt::Key_Clear, QString(), keypad, 0xff9d);
    row("KP_Add", Qt::Key_Plus, u"+"_s, keypad, 0xffab);
    row("KP_Subtract", Qt::Key_Minus, u"-"_s, keypad, 0xffad);
    row("KP_Multiply", Qt::Key_Asterisk, u"*"_s, keypad, 0xffaa);
    row("KP_Divide", Qt::Key_Slash, u"/"_s, keypad, 0xffaf);
    row("KP_Decimal", Qt::Key_Period, u"."_s, keypad, 0xffae);
    row("KP_Separator", Qt::Key_Comma, u","_s, keypad, 0xffac);
    row("KP_Delete", Qt::Key_Delete, QString(), keypad, 0xff9f);
    // Nothing to send.
    row("unknown", Qt::Key_unknown, QString(), none, 0);
    row("volume up", Qt::Key_VolumeUp, QString(), none, 0);
}

void TestKeymap::keysym()
{
    QFETCH(int, key);
    QFETCH(QString, text);
    QFETCH(int, modifiers);
    QFETCH(quint32, keysym);
    QCOMPARE(keysymForKey(key, text, Qt::KeyboardModifiers(modifiers)), keysym);
}

void TestKeymap::modifiersLeftAndRight_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<quint32>("scancode");
    QTest::addColumn<quint32>("keysym");
    QTest::newRow("Shift_L") << int(Qt::Key_Shift) << 0x2au << 0xffe1u;
    QTest::newRow("Shift_R") << int(Qt::Key_Shift) << 0x36u << 0xffe2u;
    QTest::newRow("Shift unknown side") << int(Qt::Key_Shift) << 0u << 0xffe1u;
    QTest::newRow("Control_L") << int(Qt::Key_Control) << 0x1du << 0xffe3u;
    QTest::newRow("Control_R") << int(Qt::Key_Control) << 0xe01du << 0xffe4u;
    QTest::newRow("Alt_L") << int(Qt::Key_Alt) << 0x38u << 0xffe9u;
    QTest::newRow("Alt_R") << int(Qt::Key_Alt) << 0xe038u << 0xffeau;
    QTest::newRow("Super_L") << int(Qt::Key_Meta) << 0xe05bu << 0xffebu;
    QTest::newRow("Super_R") << int(Qt::Key_Meta) << 0xe05cu << 0xffecu;
}

void TestKeymap::modifiersLeftAndRight()
{
    QFETCH(int, key);
    QFETCH(quint32, scancode);
    QFETCH(quint32, keysym);
    QCOMPARE(keysymForKey(key, QString(), Qt::NoModifier, scancode), keysym);
}

void TestKeymap::evdev_data()
{
    QTest::addColumn<quint32>("evdev");
    QTest::addColumn<quint32>("xt");
    auto row = [](const char *name, quint32 evdev, quint32 xt) {
        QTest::newRow(name) << evdev << xt;
    };
    row("Escape", 1, 0x01);
    row("1", 2, 0x02);
    row("0", 11, 0x0b);
    row("BackSpace", 14, 0x0e);
    row("Tab", 15, 0x0f);
    row("Q", 16, 0x10);
    row("Return", 28, 0x1c);
    row("Control_L", 29, 0x1d);
    row("A", 30, 0x1e);
    row("grave", 41, 0x29);
    row("Shift_L", 42, 0x2a);
    row("backslash", 43, 0x2b);
    row("Z", 44, 0x2c);
    row("slash", 53, 0x35);
    row("Shift_R", 54, 0x36);
    row("KP_Multiply", 55, 0x37);
    row("Alt_L", 56, 0x38);
    row("space", 57, 0x39);
    row("Caps_Lock", 58, 0x3a);
    row("F1", 59, 0x3b);
    row("F10", 68, 0x44);
    row("Num_Lock", 69, 0x45);
    row("Scroll_Lock", 70, 0x46);
    row("KP_7", 71, 0x47);
    row("KP_Subtract", 74, 0x4a);
    row("KP_Add", 78, 0x4e);
    row("KP_0", 82, 0x52);
    row("KP_Decimal", 83, 0x53);
    row("less (ISO 102nd key)", 86, 0x56);
    row("F11", 87, 0x57);
    row("F12", 88, 0x58);
    row("KP_Enter", 96, 0xe01c);
    row("Control_R", 97, 0xe01d);
    row("KP_Divide", 98, 0xe035);
    row("Print", 99, 0xe037);
    row("Alt_R / AltGr", 100, 0xe038);
    row("Home", 102, 0xe047);
    row("Up", 103, 0xe048);
    row("Prior", 104, 0xe049);
    row("Left", 105, 0xe04b);
    row("Right", 106, 0xe04d);
    row("End", 107, 0xe04f);
    row("Down", 108, 0xe050);
    row("Next", 109, 0xe051);
    row("Insert", 110, 0xe052);
    row("Delete", 111, 0xe053);
    row("KP_Equal", 117, 0x59);
    row("Pause", 119, 0xe046);
    row("Super_L", 125, 0xe05b);
    row("Super_R", 126, 0xe05c);
    row("Menu", 127, 0xe05d);
    row("F13", 183, 0x5d);
    row("F24", 194, 0x6f);
    row("Japanese Ro", 89, 0x73);
    row("Yen", 124, 0x7d);
    row("none", 0, 0);
    row("unused 84", 84, 0);
    row("volume up (multimedia)", 115, 0);
    row("out of range", 100000, 0);
}

void TestKeymap::evdev()
{
    QFETCH(quint32, evdev);
    QFETCH(quint32, xt);
    QCOMPARE(xtScancodeForEvdev(evdev), xt);
}

void TestKeymap::evdevCoversIsoKeyboard()
{
    // Every key of a 105-key ISO keyboard has a distinct scancode.
    QList<quint32> keys;
    for (quint32 code = 1; code <= 83; ++code)
        keys.append(code);
    keys << 86 << 87 << 88 << 96 << 97 << 98 << 99 << 100;
    for (quint32 code = 102; code <= 111; ++code)
        keys.append(code);
    keys << 119 << 125 << 126 << 127;
    QCOMPARE(keys.size(), 105);
    QSet<quint32> seen;
    for (quint32 code : keys) {
        const quint32 xt = xtScancodeForEvdev(code);
        QVERIFY2(xt != 0, qPrintable(u"evdev %1"_s.arg(code)));
        QVERIFY2(!seen.contains(xt),
                 qPrintable(u"evdev %1 repeats 0x%2"_s.arg(code).arg(xt, 0, 16)));
        seen.insert(xt);
        // Extended codes keep the prefix in the high byte and a 7-bit make code.
        QVERIFY(xt < 0x80 || ((xt >> 8) == 0xe0 && (xt & 0xff) < 0x80));
    }
}

void TestKeymap::xKeycodeIsEvdevPlusEight()
{
    QCOMPARE(xtScancodeForXKeycode(9), 0x01u); // Escape
    QCOMPARE(xtScancodeForXKeycode(38), 0x1eu); // A
    QCOMPARE(xtScancodeForXKeycode(94), 0x56u); // ISO <>
    QCOMPARE(xtScancodeForXKeycode(105), 0xe01du); // Control_R
    QCOMPARE(xtScancodeForXKeycode(111), 0xe048u); // Up
    QCOMPARE(xtScancodeForXKeycode(0), 0u);
    QCOMPARE(xtScancodeForXKeycode(7), 0u);
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    QCOMPARE(xtScancodeFromNative(111), 0xe048u);
#endif
}

void TestKeymap::windowsScanCodes()
{
    QCOMPARE(xtScancodeForWindows(0x1e), 0x1eu);
    QCOMPARE(xtScancodeForWindows(0x11d), 0xe01du);
    QCOMPARE(xtScancodeForWindows(0x148), 0xe048u);
    QCOMPARE(xtScancodeForWindows(0x145), 0x45u); // Num Lock
    QCOMPARE(xtScancodeForWindows(0x45), 0xe046u); // Pause
    QCOMPARE(xtScancodeForWindows(0), 0u);
}

void TestKeymap::scancodeForKeysymAgreesWithEvdev()
{
    namespace K = Keysym;
    const struct
    {
        quint32 keysym;
        quint32 evdev;
    } pairs[] = {
        {K::Escape, 1},    {K::BackSpace, 14},  {K::Tab, 15},       {K::Return, 28},
        {K::ControlL, 29}, {K::ShiftL, 42},     {K::ShiftR, 54},    {K::AltL, 56},
        {K::Space, 57},    {K::CapsLock, 58},   {K::F1, 59},        {K::F1 + 9, 68},
        {K::NumLock, 69},  {K::ScrollLock, 70}, {K::Kp0 + 7, 71},   {K::KpSubtract, 74},
        {K::Kp0 + 5, 76},  {K::KpAdd, 78},      {K::Kp0, 82},       {K::KpDecimal, 83},
        {K::F1 + 10, 87},  {K::F1 + 11, 88},    {K::KpEnter, 96},   {K::ControlR, 97},
        {K::KpDivide, 98}, {K::Print, 99},      {K::AltR, 100},     {K::Home, 102},
        {K::Up, 103},      {K::PageUp, 104},    {K::Left, 105},     {K::Right, 106},
        {K::End, 107},     {K::Down, 108},      {K::PageDown, 109}, {K::Insert, 110},
        {K::Delete, 111},  {K::KpEqual, 117},   {K::Pause, 119},    {K::SuperL, 125},
        {K::SuperR, 126},  {K::Menu, 127},      {K::F1 + 12, 183},  {K::F1 + 23, 194},
    };
    for (const auto &p : pairs) {
        QCOMPARE(scancodeForKeysym(p.keysym), xtScancodeForEvdev(p.evdev));
        QVERIFY(scancodeForKeysym(p.keysym) != 0);
    }
    QCOMPARE(scancodeForKeysym(K::IsoLevel3Shift), 0xe038u);
    // Characters depend on the layout: not here.
    QCOMPARE(scancodeForKeysym('a'), 0u);
    QCOMPARE(scancodeForKeysym(0x010020ac), 0u);
}

void TestKeymap::combos()
{
    const QList<KeyCombo> all = sendKeyCombos();
    QSet<QString> ids;
    for (const KeyCombo &combo : all) {
        QVERIFY(!combo.id.isEmpty());
        QVERIFY(!combo.label.isEmpty());
        QVERIFY(!combo.keys.isEmpty());
        QVERIFY2(!ids.contains(combo.id), qPrintable(combo.id));
        ids.insert(combo.id);
        for (const KeyStroke &key : combo.keys) {
            QVERIFY2(key.keysym != 0 && key.scancode != 0, qPrintable(combo.id));
        }
    }

    const KeyStroke ctrl{0xffe3, 0x1d};
    const KeyStroke alt{0xffe9, 0x38};
    const KeyStroke cmd{0xffeb, 0xe05b};
    auto keys = [](const QString &id) {
        const std::optional<KeyCombo> combo = sendKeyCombo(id);
        return combo ? combo->keys : QList<KeyStroke>();
    };
    QCOMPARE(keys(u"ctrl-alt-del"_s), (QList<KeyStroke>{ctrl, alt, {0xffff, 0xe053}}));
    QCOMPARE(keys(u"ctrl-alt-f1"_s), (QList<KeyStroke>{ctrl, alt, {0xffbe, 0x3b}}));
    QCOMPARE(keys(u"ctrl-alt-f10"_s), (QList<KeyStroke>{ctrl, alt, {0xffc7, 0x44}}));
    QCOMPARE(keys(u"ctrl-alt-f11"_s), (QList<KeyStroke>{ctrl, alt, {0xffc8, 0x57}}));
    QCOMPARE(keys(u"ctrl-alt-f12"_s), (QList<KeyStroke>{ctrl, alt, {0xffc9, 0x58}}));
    QCOMPARE(keys(u"print"_s), (QList<KeyStroke>{{0xff61, 0xe037}}));
    QCOMPARE(keys(u"cmd-q"_s), (QList<KeyStroke>{cmd, {'q', 0x10}}));
    QCOMPARE(keys(u"cmd-tab"_s), (QList<KeyStroke>{cmd, {0xff09, 0x0f}}));
    QCOMPARE(keys(u"cmd-space"_s), (QList<KeyStroke>{cmd, {0x20, 0x39}}));
    QCOMPARE(keys(u"cmd-option-esc"_s), (QList<KeyStroke>{cmd, alt, {0xff1b, 0x01}}));
    QVERIFY(!sendKeyCombo(u"nonsense"_s));

    int consoles = 0;
    for (const KeyCombo &combo : all)
        consoles += combo.group == KeyCombo::Group::Console;
    QCOMPARE(consoles, 12);
}

void TestKeymap::comboEventsPressThenReleaseReversed()
{
    const KeyStroke a{1, 11};
    const KeyStroke b{2, 22};
    const KeyStroke c{3, 33};
    const QList<KeyEventStep> steps = comboEvents({a, b, c});
    const QList<KeyEventStep> expected
        = {{a, true}, {b, true}, {c, true}, {c, false}, {b, false}, {a, false}};
    QCOMPARE(steps, expected);
    QVERIFY(comboEvents({}).isEmpty());
}

void TestKeymap::usLayout_data()
{
    QTest::addColumn<quint32>("keysym");
    QTest::addColumn<quint32>("scancode");
    QTest::addColumn<bool>("shift");
    QTest::newRow("a") << quint32('a') << 0x1eu << false;
    QTest::newRow("A") << quint32('A') << 0x1eu << true;
    QTest::newRow("1") << quint32('1') << 0x02u << false;
    QTest::newRow("!") << quint32('!') << 0x02u << true;
    QTest::newRow("@") << quint32('@') << 0x03u << true;
    QTest::newRow("space") << quint32(' ') << 0x39u << false;
    QTest::newRow("backslash") << quint32('\\') << 0x2bu << false;
    QTest::newRow("|") << quint32('|') << 0x2bu << true;
    QTest::newRow("\"") << quint32('"') << 0x28u << true;
    QTest::newRow("~") << quint32('~') << 0x29u << true;
    QTest::newRow("?") << quint32('?') << 0x35u << true;
    QTest::newRow("Return") << 0xff0du << 0x1cu << false;
    QTest::newRow("Tab") << 0xff09u << 0x0fu << false;
}

void TestKeymap::usLayout()
{
    QFETCH(quint32, keysym);
    QFETCH(quint32, scancode);
    QFETCH(bool, shift);
    const std::optional<UsLayoutKey> key = usLayoutKey(keysym);
    QVERIFY(key);
    QCOMPARE(key->scancode, scancode);
    QCOMPARE(key->shift, shift);
}

void TestKeymap::usLayoutCoversPrintableAscii()
{
    for (quint32 c = 0x20; c <= 0x7e; ++c)
        QVERIFY2(usLayoutKey(c), qPrintable(u"0x%1"_s.arg(c, 0, 16)));
    QVERIFY(!usLayoutKey(0xe4)); // ä: not on a US keyboard
    QVERIFY(!usLayoutKey(0x010020ac)); // €
    QVERIFY(!usLayoutKey(0x7f));
}

QTEST_GUILESS_MAIN(TestKeymap)
#include "tst_keymap.moc"
