#pragma once

#include <QtGlobal>

// Layout and timing constants shared by the TerminalWidget implementation files
// (terminalwidget.cpp, terminalwidget_paint.cpp, terminalwidget_selection.cpp,
// terminalwidget_input.cpp). Not part of the widget's API.

namespace Corral::TerminalLayout {

inline constexpr int FrameMs = 16;
inline constexpr int FlashMs = 120;
inline constexpr int MarginLeft = 4;
inline constexpr int MarginRight = 2;
inline constexpr int MarginTop = 2;
inline constexpr int MarginBottom = 2;
inline constexpr int WheelLines = 3;
inline constexpr qreal MinPointSize = 5;
inline constexpr qreal MaxPointSize = 48;

} // namespace Corral::TerminalLayout
