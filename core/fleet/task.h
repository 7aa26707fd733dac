#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Corral {

// One operation the user started (a VM start, a host connection...), as a copyable value.
struct Task
{
    enum class State : quint8 { Running, Succeeded, Failed };

    quint64 id = 0;
    QString title; // "Start lab1/vm1"
    QString host;
    QString target; // VM name, or empty for host-level work
    QString action; // machine key: "start", "host.add", ...
    State state = State::Running;
    int progress = -1; // 0..100, -1 = indeterminate
    QString message; // result or error for people
    QString detail; // error detail for the log
    QDateTime started;
    QDateTime finished;

    bool isFinished() const { return state != State::Running; }
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::Task)
