#pragma once

#include <QColor>
#include <QPalette>

class QLabel;
class QWidget;

namespace Corral::Theme {

// True when the palette draws light text on a dark window.
bool isDark(const QPalette &palette);
// Status colours that stay readable on the palette's base colour, light or dark.
QColor errorColor(const QPalette &palette);
QColor warningColor(const QPalette &palette);
QColor successColor(const QPalette &palette);

// A hidden, word-wrapped plain-text label in `color`, for inline errors and warnings in forms.
QLabel *makeMessageLabel(QWidget *parent, const QString &objectName, const QColor &color);
// A wrapped, muted line of explanation under a form.
QLabel *makeHelpLabel(const QString &text, QWidget *parent);

// A dark Fusion palette, for desktops without a platform theme (CORRAL_PALETTE=dark).
QPalette darkPalette();

} // namespace Corral::Theme
