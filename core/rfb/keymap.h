#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace Corral::Rfb {

// Keyboard mapping for the VNC client, as pure functions of Qt key data (no widgets): the X11
// keysym RFB KeyEvents carry, the XT (PC set 1) scancode QEMU's extended key event carries,
// canned key combinations for a "Send Key" menu, and a US-layout table for typing text.
//
// Scancodes here are XT make codes with an 0xe0 prefix in the high byte: Right Ctrl is
// 0xe01d, Up is 0xe048. The RFB client folds the prefix into the wire form (0x9d, 0xc8).

// X11 keysyms (X11/keysymdef.h) the mapping produces.
namespace Keysym {
inline constexpr quint32 BackSpace = 0xff08;
inline constexpr quint32 Tab = 0xff09;
inline constexpr quint32 Clear = 0xff0b;
inline constexpr quint32 Return = 0xff0d;
inline constexpr quint32 Pause = 0xff13;
inline constexpr quint32 ScrollLock = 0xff14;
inline constexpr quint32 SysReq = 0xff15;
inline constexpr quint32 Escape = 0xff1b;
inline constexpr quint32 Home = 0xff50;
inline constexpr quint32 Left = 0xff51;
inline constexpr quint32 Up = 0xff52;
inline constexpr quint32 Right = 0xff53;
inline constexpr quint32 Down = 0xff54;
inline constexpr quint32 PageUp = 0xff55;
inline constexpr quint32 PageDown = 0xff56;
inline constexpr quint32 End = 0xff57;
inline constexpr quint32 Print = 0xff61;
inline constexpr quint32 Insert = 0xff63;
inline constexpr quint32 Menu = 0xff67;
inline constexpr quint32 NumLock = 0xff7f;
inline constexpr quint32 KpEnter = 0xff8d;
inline constexpr quint32 KpHome = 0xff95;
inline constexpr quint32 KpLeft = 0xff96;
inline constexpr quint32 KpUp = 0xff97;
inline constexpr quint32 KpRight = 0xff98;
inline constexpr quint32 KpDown = 0xff99;
inline constexpr quint32 KpPageUp = 0xff9a;
inline constexpr quint32 KpPageDown = 0xff9b;
inline constexpr quint32 KpEnd = 0xff9c;
inline constexpr quint32 KpBegin = 0xff9d;
inline constexpr quint32 KpInsert = 0xff9e;
inline constexpr quint32 KpDelete = 0xff9f;
inline constexpr quint32 KpMultiply = 0xffaa;
inline constexpr quint32 KpAdd = 0xffab;
inline constexpr quint32 KpSeparator = 0xffac;
inline constexpr quint32 KpSubtract = 0xffad;
inline constexpr quint32 KpDecimal = 0xffae;
inline constexpr quint32 KpDivide = 0xffaf;
inline constexpr quint32 Kp0 = 0xffb0; // Kp0 + n for KP_n
inline constexpr quint32 KpEqual = 0xffbd;
inline constexpr quint32 F1 = 0xffbe; // F1 + n - 1 for Fn, up to F35
inline constexpr quint32 ShiftL = 0xffe1;
inline constexpr quint32 ShiftR = 0xffe2;
inline constexpr quint32 ControlL = 0xffe3;
inline constexpr quint32 ControlR = 0xffe4;
inline constexpr quint32 CapsLock = 0xffe5;
inline constexpr quint32 MetaL = 0xffe7;
inline constexpr quint32 MetaR = 0xffe8;
inline constexpr quint32 AltL = 0xffe9;
inline constexpr quint32 AltR = 0xffea;
inline constexpr quint32 SuperL = 0xffeb;
inline constexpr quint32 SuperR = 0xffec;
inline constexpr quint32 HyperL = 0xffed;
inline constexpr quint32 IsoLevel3Shift = 0xfe03; // AltGr
inline constexpr quint32 IsoLeftTab = 0xfe20;
inline constexpr quint32 DeadGrave = 0xfe50; // the dead keys follow in Qt's order
inline constexpr quint32 Delete = 0xffff;
inline constexpr quint32 Space = 0x0020;
// Characters beyond Latin-1: UnicodeOffset + code point.
inline constexpr quint32 UnicodeOffset = 0x01000000;
} // namespace Keysym

struct KeyStroke
{
    quint32 keysym = 0;
    quint32 scancode = 0; // XT, 0xe0 prefix in the high byte; 0 = unknown

    friend bool operator==(const KeyStroke &, const KeyStroke &) = default;
};

// (1) The keysym for a key press: printable `text` as its character (Latin-1 as is, other
// code points as UnicodeOffset + code point), otherwise from the Qt key: editing and
// navigation keys, F1–F35, keypad keys (with Qt::KeypadModifier), modifiers and locks, dead
// keys. `scancode` (XT, may be 0) tells left from right modifiers, which Qt does not. Letters
// typed with Ctrl or Alt (no printable text) come out lower case unless Shift is held.
// Returns 0 for keys without a keysym.
quint32 keysymForKey(int qtKey, const QString &text, Qt::KeyboardModifiers modifiers,
                     quint32 scancode = 0);

// (2) XT scancodes from native key codes. Linux input (evdev) codes cover a 105-key ISO
// keyboard, keypad, F13–F24, Japanese/Korean keys and power keys (no multimedia); 0 = none.
quint32 xtScancodeForEvdev(quint32 evdevCode);
// An X11 keycode (xcb, and Wayland's keycodes in Qt): the evdev code + 8.
quint32 xtScancodeForXKeycode(quint32 keycode);
// Windows' QKeyEvent::nativeScanCode(): the set 1 code with 0x100 for the 0xe0 prefix.
quint32 xtScancodeForWindows(quint32 nativeScanCode);
// QKeyEvent::nativeScanCode() on the platform Corral was built for (X keycodes on Linux and
// the BSDs, set 1 on Windows; 0 on macOS, whose virtual key codes are not positional here).
quint32 xtScancodeFromNative(quint32 nativeScanCode);

// The scancode of a keysym whose key does not depend on the layout (Return, arrows, F-keys,
// modifiers, keypad…); 0 for characters and unknown keysyms.
quint32 scancodeForKeysym(quint32 keysym);

// (3) Canned combinations for a "Send Key" menu. Keys are pressed in order and released in
// reverse order.
struct KeyCombo
{
    enum class Group : quint8 {
        System, // Ctrl+Alt+Del, Ctrl+Alt+Backspace, Print
        Console, // Ctrl+Alt+F1…F12 (Linux virtual consoles)
        Mac, // macOS guests: Cmd = Super, Option = Alt
    };
    Group group = Group::System;
    QString id; // "ctrl-alt-del", "ctrl-alt-f2", "cmd-q": stable, for tests and settings
    QString label; // translated: "Ctrl+Alt+Del", "Cmd+Option+Esc (Force Quit)"
    QList<KeyStroke> keys;
};
QList<KeyCombo> sendKeyCombos();
std::optional<KeyCombo> sendKeyCombo(const QString &id);
// The strokes of a combination: every key down in order, then up in reverse order.
struct KeyEventStep
{
    KeyStroke key;
    bool down = true;
    friend bool operator==(const KeyEventStep &, const KeyEventStep &) = default;
};
QList<KeyEventStep> comboEvents(const QList<KeyStroke> &keys);

// (4) A US (QWERTY) layout: the key that types the keysym and whether it needs Shift. Covers
// printable ASCII, Return, Tab and BackSpace; nullopt for everything else.
struct UsLayoutKey
{
    quint32 scancode = 0;
    bool shift = false;
    friend bool operator==(const UsLayoutKey &, const UsLayoutKey &) = default;
};
std::optional<UsLayoutKey> usLayoutKey(quint32 keysym);

} // namespace Corral::Rfb
