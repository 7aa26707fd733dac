#include "keymap.h"

#include "util/result.h"

#include <QChar>

#include <array>

namespace Corral::Rfb {

namespace {

// Linux input codes (linux/input-event-codes.h) used below by value.
enum Evdev : quint16 {
    EvKpDot = 83,
    EvZenkakuHankaku = 85,
    Ev102nd = 86,
    EvF11 = 87,
    EvF12 = 88,
    EvRo = 89,
    EvKatakana = 90,
    EvHiragana = 91,
    EvHenkan = 92,
    EvKatakanaHiragana = 93,
    EvMuhenkan = 94,
    EvKpJpComma = 95,
    EvKpEnter = 96,
    EvRightCtrl = 97,
    EvKpSlash = 98,
    EvSysRq = 99,
    EvRightAlt = 100,
    EvHome = 102,
    EvUp = 103,
    EvPageUp = 104,
    EvLeft = 105,
    EvRight = 106,
    EvEnd = 107,
    EvDown = 108,
    EvPageDown = 109,
    EvInsert = 110,
    EvDelete = 111,
    EvPower = 116,
    EvKpEqual = 117,
    EvPause = 119,
    EvKpComma = 121,
    EvYen = 124,
    EvLeftMeta = 125,
    EvRightMeta = 126,
    EvCompose = 127,
    EvSleep = 142,
    EvWakeUp = 143,
    EvF13 = 183,
    EvF24 = 194,
    EvPrint = 210,
};

// F13–F24 as QEMU numbers them (its keycodemapdb "qnum" table, which is what its extended key
// event understands); they are not a contiguous run in set 1.
constexpr std::array<quint16, 12> F13ToF24
    = {0x5d, 0x5e, 0x5f, 0x55, 0xe003, 0xe077, 0xe004, 0x5a, 0x74, 0xe079, 0x6d, 0x6f};

constexpr std::array<quint16, 256> makeEvdevTable()
{
    std::array<quint16, 256> t{};
    // Escape (1) through keypad '.' (83): evdev took these numbers from set 1 unchanged.
    for (quint16 code = 1; code <= EvKpDot; ++code)
        t[code] = code;
    t[EvZenkakuHankaku] = 0x76;
    t[Ev102nd] = 0x56; // the extra key left of Z on ISO keyboards
    t[EvF11] = 0x57;
    t[EvF12] = 0x58;
    t[EvRo] = 0x73;
    t[EvKatakana] = 0x78;
    t[EvHiragana] = 0x77;
    t[EvHenkan] = 0x79;
    t[EvKatakanaHiragana] = 0x70;
    t[EvMuhenkan] = 0x7b;
    t[EvKpJpComma] = 0x5c;
    t[EvKpEnter] = 0xe01c;
    t[EvRightCtrl] = 0xe01d;
    t[EvKpSlash] = 0xe035;
    // The Print Screen key: what a PC keyboard sends for it without Alt.
    t[EvSysRq] = 0xe037;
    t[EvRightAlt] = 0xe038;
    t[EvHome] = 0xe047;
    t[EvUp] = 0xe048;
    t[EvPageUp] = 0xe049;
    t[EvLeft] = 0xe04b;
    t[EvRight] = 0xe04d;
    t[EvEnd] = 0xe04f;
    t[EvDown] = 0xe050;
    t[EvPageDown] = 0xe051;
    t[EvInsert] = 0xe052;
    t[EvDelete] = 0xe053;
    t[EvPower] = 0xe05e;
    t[EvKpEqual] = 0x59;
    // Pause really sends e1 1d 45; QEMU takes it as this single extended code.
    t[EvPause] = 0xe046;
    t[EvKpComma] = 0x7e;
    t[EvYen] = 0x7d;
    t[EvLeftMeta] = 0xe05b;
    t[EvRightMeta] = 0xe05c;
    t[EvCompose] = 0xe05d; // the Menu key
    t[EvSleep] = 0xe05f;
    t[EvWakeUp] = 0xe063;
    for (quint16 i = 0; i < F13ToF24.size(); ++i)
        t[EvF13 + i] = F13ToF24[i];
    t[EvPrint] = 0xe037;
    return t;
}

constexpr std::array<quint16, 256> EvdevToXt = makeEvdevTable();

bool isPrintable(char32_t cp)
{
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
        return false;
    return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

quint32 keysymForCodePoint(char32_t cp)
{
    // Latin-1 keysyms are the code points; everything else uses the Unicode keysym range.
    return cp < 0x100 ? quint32(cp) : Keysym::UnicodeOffset + quint32(cp);
}

quint32 keypadKeysym(int key, const QString &text)
{
    if (text.size() == 1 && text.at(0) >= u'0' && text.at(0) <= u'9')
        return Keysym::Kp0 + quint32(text.at(0).unicode() - u'0');
    switch (key) {
    case Qt::Key_0:
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
    case Qt::Key_4:
    case Qt::Key_5:
    case Qt::Key_6:
    case Qt::Key_7:
    case Qt::Key_8:
    case Qt::Key_9:
        return Keysym::Kp0 + quint32(key - Qt::Key_0);
    case Qt::Key_Enter:
    case Qt::Key_Return:
        return Keysym::KpEnter;
    case Qt::Key_Asterisk:
        return Keysym::KpMultiply;
    case Qt::Key_Plus:
        return Keysym::KpAdd;
    case Qt::Key_Minus:
        return Keysym::KpSubtract;
    case Qt::Key_Slash:
        return Keysym::KpDivide;
    case Qt::Key_Period:
        return Keysym::KpDecimal;
    case Qt::Key_Comma:
        return Keysym::KpSeparator;
    case Qt::Key_Equal:
        return Keysym::KpEqual;
    case Qt::Key_Home:
        return Keysym::KpHome;
    case Qt::Key_End:
        return Keysym::KpEnd;
    case Qt::Key_Left:
        return Keysym::KpLeft;
    case Qt::Key_Right:
        return Keysym::KpRight;
    case Qt::Key_Up:
        return Keysym::KpUp;
    case Qt::Key_Down:
        return Keysym::KpDown;
    case Qt::Key_PageUp:
        return Keysym::KpPageUp;
    case Qt::Key_PageDown:
        return Keysym::KpPageDown;
    case Qt::Key_Clear:
        return Keysym::KpBegin;
    case Qt::Key_Insert:
        return Keysym::KpInsert;
    case Qt::Key_Delete:
        return Keysym::KpDelete;
    default:
        return 0;
    }
}

// Keys that are not characters, whatever text Qt attached to them.
quint32 specialKeysym(int key, quint32 scancode)
{
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return Keysym::F1 + quint32(key - Qt::Key_F1);
    // Qt numbers its dead keys in the keysyms' order.
    if (key >= Qt::Key_Dead_Grave && key <= Qt::Key_Dead_Horn)
        return Keysym::DeadGrave + quint32(key - Qt::Key_Dead_Grave);
    switch (key) {
    case Qt::Key_Escape:
        return Keysym::Escape;
    case Qt::Key_Tab:
    case Qt::Key_Backtab: // Shift is held and sent on its own
        return Keysym::Tab;
    case Qt::Key_Backspace:
        return Keysym::BackSpace;
    case Qt::Key_Return:
        return Keysym::Return;
    case Qt::Key_Enter:
        return Keysym::KpEnter;
    case Qt::Key_Insert:
        return Keysym::Insert;
    case Qt::Key_Delete:
        return Keysym::Delete;
    case Qt::Key_Pause:
        return Keysym::Pause;
    case Qt::Key_Print:
        return Keysym::Print;
    case Qt::Key_SysReq:
        return Keysym::SysReq;
    case Qt::Key_Clear:
        return Keysym::Clear;
    case Qt::Key_Home:
        return Keysym::Home;
    case Qt::Key_End:
        return Keysym::End;
    case Qt::Key_Left:
        return Keysym::Left;
    case Qt::Key_Up:
        return Keysym::Up;
    case Qt::Key_Right:
        return Keysym::Right;
    case Qt::Key_Down:
        return Keysym::Down;
    case Qt::Key_PageUp:
        return Keysym::PageUp;
    case Qt::Key_PageDown:
        return Keysym::PageDown;
    case Qt::Key_Shift:
        return scancode == 0x36 ? Keysym::ShiftR : Keysym::ShiftL;
    case Qt::Key_Control:
        return scancode == 0xe01d ? Keysym::ControlR : Keysym::ControlL;
    case Qt::Key_Alt:
        return scancode == 0xe038 ? Keysym::AltR : Keysym::AltL;
    case Qt::Key_AltGr:
        return Keysym::IsoLevel3Shift;
    case Qt::Key_Meta: // the Windows/Super key on X11
        return scancode == 0xe05c ? Keysym::SuperR : Keysym::SuperL;
    case Qt::Key_Super_L:
        return Keysym::SuperL;
    case Qt::Key_Super_R:
        return Keysym::SuperR;
    case Qt::Key_Hyper_L:
        return Keysym::HyperL;
    case Qt::Key_CapsLock:
        return Keysym::CapsLock;
    case Qt::Key_NumLock:
        return Keysym::NumLock;
    case Qt::Key_ScrollLock:
        return Keysym::ScrollLock;
    case Qt::Key_Menu:
        return Keysym::Menu;
    default:
        return 0;
    }
}

struct UsRow
{
    quint8 scancode;
    char plain;
    char shifted;
};

// The US layout's character keys.
constexpr UsRow UsLayout[] = {
    {0x29, '`', '~'},  {0x02, '1', '!'},  {0x03, '2', '@'}, {0x04, '3', '#'}, {0x05, '4', '$'},
    {0x06, '5', '%'},  {0x07, '6', '^'},  {0x08, '7', '&'}, {0x09, '8', '*'}, {0x0a, '9', '('},
    {0x0b, '0', ')'},  {0x0c, '-', '_'},  {0x0d, '=', '+'}, {0x10, 'q', 'Q'}, {0x11, 'w', 'W'},
    {0x12, 'e', 'E'},  {0x13, 'r', 'R'},  {0x14, 't', 'T'}, {0x15, 'y', 'Y'}, {0x16, 'u', 'U'},
    {0x17, 'i', 'I'},  {0x18, 'o', 'O'},  {0x19, 'p', 'P'}, {0x1a, '[', '{'}, {0x1b, ']', '}'},
    {0x2b, '\\', '|'}, {0x1e, 'a', 'A'},  {0x1f, 's', 'S'}, {0x20, 'd', 'D'}, {0x21, 'f', 'F'},
    {0x22, 'g', 'G'},  {0x23, 'h', 'H'},  {0x24, 'j', 'J'}, {0x25, 'k', 'K'}, {0x26, 'l', 'L'},
    {0x27, ';', ':'},  {0x28, '\'', '"'}, {0x2c, 'z', 'Z'}, {0x2d, 'x', 'X'}, {0x2e, 'c', 'C'},
    {0x2f, 'v', 'V'},  {0x30, 'b', 'B'},  {0x31, 'n', 'N'}, {0x32, 'm', 'M'}, {0x33, ',', '<'},
    {0x34, '.', '>'},  {0x35, '/', '?'},  {0x39, ' ', ' '},
};

KeyStroke stroke(quint32 keysym)
{
    return {keysym, scancodeForKeysym(keysym)};
}

KeyStroke letter(char c)
{
    const std::optional<UsLayoutKey> key = usLayoutKey(quint32(uchar(c)));
    return {quint32(uchar(c)), key ? key->scancode : 0};
}

} // namespace

quint32 keysymForKey(int qtKey, const QString &text, Qt::KeyboardModifiers modifiers,
                     quint32 scancode)
{
    if (modifiers & Qt::KeypadModifier) {
        if (const quint32 keysym = keypadKeysym(qtKey, text))
            return keysym;
    }
    if (const quint32 keysym = specialKeysym(qtKey, scancode))
        return keysym;
    const QList<uint> codePoints = text.toUcs4();
    if (codePoints.size() == 1 && isPrintable(codePoints.first()))
        return keysymForCodePoint(codePoints.first());
    // No usable text (Ctrl or Alt held, or a synthesised event): the key's own character.
    // Qt names letter keys by their upper-case form.
    if (qtKey >= 0x20 && qtKey <= 0x10ffff && isPrintable(char32_t(qtKey))) {
        char32_t cp = char32_t(qtKey);
        if (!(modifiers & Qt::ShiftModifier))
            cp = QChar::toLower(cp);
        return keysymForCodePoint(cp);
    }
    return 0;
}

quint32 xtScancodeForEvdev(quint32 evdevCode)
{
    return evdevCode < EvdevToXt.size() ? EvdevToXt[evdevCode] : 0;
}

quint32 xtScancodeForXKeycode(quint32 keycode)
{
    return keycode >= 8 ? xtScancodeForEvdev(keycode - 8) : 0;
}

quint32 xtScancodeForWindows(quint32 nativeScanCode)
{
    const quint32 code = nativeScanCode & 0xff;
    const bool extended = nativeScanCode & 0x100;
    // Windows reports Num Lock with the extended flag and Pause without it: the other way
    // round from what the keys send.
    if (code == 0x45)
        return extended ? 0x45 : 0xe046;
    if (code == 0 || code >= 0x80)
        return 0;
    return extended ? (0xe000 | code) : code;
}

quint32 xtScancodeFromNative(quint32 nativeScanCode)
{
#if defined(Q_OS_WIN)
    return xtScancodeForWindows(nativeScanCode);
#elif defined(Q_OS_MACOS)
    Q_UNUSED(nativeScanCode);
    return 0;
#else
    return xtScancodeForXKeycode(nativeScanCode);
#endif
}

quint32 scancodeForKeysym(quint32 keysym)
{
    namespace K = Keysym;
    if (keysym >= K::F1 && keysym < K::F1 + 10)
        return 0x3b + (keysym - K::F1);
    if (keysym == K::F1 + 10)
        return 0x57;
    if (keysym == K::F1 + 11)
        return 0x58;
    if (keysym >= K::F1 + 12 && keysym < K::F1 + 24)
        return F13ToF24[keysym - K::F1 - 12];
    if (keysym >= K::Kp0 && keysym <= K::Kp0 + 9) {
        static constexpr quint8 digits[]
            = {0x52, 0x4f, 0x50, 0x51, 0x4b, 0x4c, 0x4d, 0x47, 0x48, 0x49};
        return digits[keysym - K::Kp0];
    }
    switch (keysym) {
    case K::BackSpace:
        return 0x0e;
    case K::Tab:
    case K::IsoLeftTab:
        return 0x0f;
    case K::Return:
        return 0x1c;
    case K::Escape:
        return 0x01;
    case K::Space:
        return 0x39;
    case K::Pause:
        return 0xe046;
    case K::ScrollLock:
        return 0x46;
    case K::SysReq:
        return 0x54;
    case K::Print:
        return 0xe037;
    case K::Home:
        return 0xe047;
    case K::Up:
        return 0xe048;
    case K::PageUp:
        return 0xe049;
    case K::Left:
        return 0xe04b;
    case K::Right:
        return 0xe04d;
    case K::End:
        return 0xe04f;
    case K::Down:
        return 0xe050;
    case K::PageDown:
        return 0xe051;
    case K::Insert:
        return 0xe052;
    case K::Delete:
        return 0xe053;
    case K::Menu:
        return 0xe05d;
    case K::NumLock:
        return 0x45;
    case K::KpEnter:
        return 0xe01c;
    case K::KpHome:
        return 0x47;
    case K::KpUp:
        return 0x48;
    case K::KpPageUp:
        return 0x49;
    case K::KpLeft:
        return 0x4b;
    case K::KpBegin:
        return 0x4c;
    case K::KpRight:
        return 0x4d;
    case K::KpEnd:
        return 0x4f;
    case K::KpDown:
        return 0x50;
    case K::KpPageDown:
        return 0x51;
    case K::KpInsert:
        return 0x52;
    case K::KpDelete:
    case K::KpDecimal:
    case K::KpSeparator:
        return 0x53;
    case K::KpMultiply:
        return 0x37;
    case K::KpAdd:
        return 0x4e;
    case K::KpSubtract:
        return 0x4a;
    case K::KpDivide:
        return 0xe035;
    case K::KpEqual:
        return 0x59;
    case K::ShiftL:
        return 0x2a;
    case K::ShiftR:
        return 0x36;
    case K::ControlL:
        return 0x1d;
    case K::ControlR:
        return 0xe01d;
    case K::CapsLock:
        return 0x3a;
    case K::AltL:
    case K::MetaL:
        return 0x38;
    case K::AltR:
    case K::MetaR:
    case K::IsoLevel3Shift:
        return 0xe038;
    case K::SuperL:
        return 0xe05b;
    case K::SuperR:
        return 0xe05c;
    default:
        return 0;
    }
}

QList<KeyCombo> sendKeyCombos()
{
    namespace K = Keysym;
    const KeyStroke ctrl = stroke(K::ControlL);
    const KeyStroke alt = stroke(K::AltL);
    const KeyStroke cmd = stroke(K::SuperL);
    QList<KeyCombo> combos;
    combos.append({KeyCombo::Group::System,
                   QStringLiteral("ctrl-alt-del"),
                   Tr::tr("Ctrl+Alt+Del"),
                   {ctrl, alt, stroke(K::Delete)}});
    combos.append({KeyCombo::Group::System,
                   QStringLiteral("ctrl-alt-backspace"),
                   Tr::tr("Ctrl+Alt+Backspace"),
                   {ctrl, alt, stroke(K::BackSpace)}});
    combos.append({KeyCombo::Group::System,
                   QStringLiteral("print"),
                   Tr::tr("Print Screen"),
                   {stroke(K::Print)}});
    for (quint32 n = 1; n <= 12; ++n) {
        //: A key combination sent to a VM: switches to Linux virtual console %1
        combos.append({KeyCombo::Group::Console,
                       QStringLiteral("ctrl-alt-f%1").arg(n),
                       Tr::tr("Ctrl+Alt+F%1").arg(n),
                       {ctrl, alt, stroke(K::F1 + n - 1)}});
    }
    //: Key combination for macOS guests (Cmd is the Super/Windows key)
    combos.append({KeyCombo::Group::Mac,
                   QStringLiteral("cmd-q"),
                   Tr::tr("Cmd+Q (Quit)"),
                   {cmd, letter('q')}});
    combos.append({KeyCombo::Group::Mac,
                   QStringLiteral("cmd-tab"),
                   Tr::tr("Cmd+Tab (Switch Apps)"),
                   {cmd, stroke(K::Tab)}});
    combos.append({KeyCombo::Group::Mac,
                   QStringLiteral("cmd-space"),
                   Tr::tr("Cmd+Space (Spotlight)"),
                   {cmd, stroke(K::Space)}});
    //: Key combination for macOS guests (Option is the Alt key)
    combos.append({KeyCombo::Group::Mac,
                   QStringLiteral("cmd-option-esc"),
                   Tr::tr("Cmd+Option+Esc (Force Quit)"),
                   {cmd, alt, stroke(K::Escape)}});
    return combos;
}

std::optional<KeyCombo> sendKeyCombo(const QString &id)
{
    const QList<KeyCombo> combos = sendKeyCombos();
    for (const KeyCombo &combo : combos) {
        if (combo.id == id)
            return combo;
    }
    return std::nullopt;
}

QList<KeyEventStep> comboEvents(const QList<KeyStroke> &keys)
{
    QList<KeyEventStep> steps;
    steps.reserve(keys.size() * 2);
    for (const KeyStroke &key : keys)
        steps.append({key, true});
    for (auto it = keys.crbegin(); it != keys.crend(); ++it)
        steps.append({*it, false});
    return steps;
}

std::optional<UsLayoutKey> usLayoutKey(quint32 keysym)
{
    switch (keysym) {
    case Keysym::Return:
        return UsLayoutKey{0x1c, false};
    case Keysym::Tab:
        return UsLayoutKey{0x0f, false};
    case Keysym::BackSpace:
        return UsLayoutKey{0x0e, false};
    default:
        break;
    }
    if (keysym < 0x20 || keysym > 0x7e)
        return std::nullopt;
    const char c = char(keysym);
    for (const UsRow &row : UsLayout) {
        if (row.plain == c)
            return UsLayoutKey{row.scancode, false};
        if (row.shifted == c)
            return UsLayoutKey{row.scancode, true};
    }
    return std::nullopt;
}

} // namespace Corral::Rfb
