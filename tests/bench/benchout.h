#pragma once

#include <QString>
#include <QTextStream>

namespace Corral::Bench {

// Output lines of the terminal benchmarks; flushed at once, the driver reads them from a pipe.
inline void say(const QString &line)
{
    static QTextStream out(stdout);
    out << line << Qt::endl;
}

inline void warn(const QString &line)
{
    static QTextStream err(stderr);
    err << line << Qt::endl;
}

} // namespace Corral::Bench
