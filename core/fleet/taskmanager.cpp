#include "taskmanager.h"

#include "util/logging.h"

#include <algorithm>

namespace Corral {

TaskManager::TaskManager(QObject *parent)
    : QObject(parent)
{ }

quint64 TaskManager::begin(const QString &title, const QString &action, const QString &host,
                           const QString &target)
{
    Task t;
    t.id = m_nextId++;
    t.title = title;
    t.action = action;
    t.host = host;
    t.target = target;
    t.started = QDateTime::currentDateTimeUtc();
    m_tasks.insert(t.id, t);
    Q_EMIT taskAdded(t);
    return t.id;
}

void TaskManager::setProgress(quint64 id, int percent, const QString &message)
{
    auto it = m_tasks.find(id);
    if (it == m_tasks.end() || it->isFinished())
        return;
    it->progress = std::clamp(percent, -1, 100);
    if (!message.isEmpty())
        it->message = message;
    Q_EMIT taskChanged(*it);
}

void TaskManager::succeed(quint64 id, const QString &message)
{
    finish(id, Task::State::Succeeded, message, {});
}

void TaskManager::fail(quint64 id, const QString &message, const QString &detail)
{
    finish(id, Task::State::Failed, message, detail);
}

void TaskManager::finish(quint64 id, Task::State state, const QString &message,
                         const QString &detail)
{
    auto it = m_tasks.find(id);
    if (it == m_tasks.end() || it->isFinished())
        return;
    it->state = state;
    it->progress = 100;
    it->message = message;
    it->detail = detail;
    it->finished = QDateTime::currentDateTimeUtc();
    if (state == Task::State::Failed)
        qCWarning(lcFleet).noquote() << it->title << "failed:" << message << detail;
    Q_EMIT taskChanged(*it);
    Q_EMIT taskFinished(*it);
}

QList<Task> TaskManager::tasks() const
{
    QList<Task> list = m_tasks.values();
    std::sort(list.begin(), list.end(), [](const Task &a, const Task &b) { return a.id < b.id; });
    return list;
}

int TaskManager::runningCount() const
{
    return int(std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                             [](const Task &t) { return !t.isFinished(); }));
}

} // namespace Corral
