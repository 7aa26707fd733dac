#pragma once

#include "task.h"

#include <QHash>
#include <QObject>

namespace Corral {

// The list of tasks of this session, newest last. Lives on the GUI (main) thread; owned by
// Fleet. Emits taskAdded/taskChanged so the task dock and the CLI can follow progress.
class TaskManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskManager)

public:
    explicit TaskManager(QObject *parent = nullptr);

    quint64 begin(const QString &title, const QString &action, const QString &host,
                  const QString &target = {});
    void setProgress(quint64 id, int percent, const QString &message = {});
    void succeed(quint64 id, const QString &message = {});
    void fail(quint64 id, const QString &message, const QString &detail = {});

    Task task(quint64 id) const { return m_tasks.value(id); }
    QList<Task> tasks() const;
    int runningCount() const;

Q_SIGNALS:
    void taskAdded(const Corral::Task &task);
    void taskChanged(const Corral::Task &task);
    void taskFinished(const Corral::Task &task);

private:
    void finish(quint64 id, Task::State state, const QString &message, const QString &detail);

    QHash<quint64, Task> m_tasks;
    quint64 m_nextId = 1;
};

} // namespace Corral
