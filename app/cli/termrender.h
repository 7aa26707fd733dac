#pragma once

#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
class QTextStream;
QT_END_NAMESPACE

namespace Corral {

// corralctl term render [--cols C] [--rows R] [--scrollback]: runs everything read from `in`
// through a Terminal of C x R (default 80 x 24) and prints the final screen, one line per row,
// trailing blanks trimmed and empty rows included; --scrollback prints the lines that scrolled
// off first (up to Terminal::DefaultScrollback). `args` are the words after "term render".
// Returns the exit code: 0, 1 when the input cannot be read, 2 for bad arguments (with one
// line on `err`). Blocks until `in` ends.
int runTermRender(const QStringList &args, QIODevice &in, QTextStream &out, QTextStream &err);

} // namespace Corral
