#pragma once

#include "term/terminal.h"

#include <Qt>

#include <optional>

class QKeyEvent;

// Keyboard and mouse input mapping for TerminalWidget: Qt keys, modifiers and buttons to their
// Terminal counterparts, and a key press to the Terminal input it stands for. Free functions
// without state; the widget's event handlers (terminalwidget_input.cpp) decide when to call them.

namespace Corral {

// The Terminal key for a key the Terminal encodes itself (Enter, Tab, Backspace, Escape, cursor,
// editing and function keys); keypad Enter is Terminal::Key::KpEnter. Nothing for other keys.
std::optional<Terminal::Key> mapKey(const QKeyEvent &event);

// Qt's Shift, Alt and Control as Terminal modifier flags (Terminal::Shift | Alt | Ctrl).
int terminalModifiers(Qt::KeyboardModifiers mods);

// Left, middle and right as Terminal buttons; MouseButton::None for the others.
Terminal::MouseButton terminalButton(Qt::MouseButton button);

// Sends a key press to `terminal` as a key, a (Ctrl/Alt-modified) character or text. Returns
// false, sending nothing, when the key means nothing to the remote side.
bool sendKeyEvent(Terminal &terminal, const QKeyEvent &event);

} // namespace Corral
