#include "taskmodel.h"

#include "fleet/taskmanager.h"
#include "formatting.h"
#include "icons.h"
#include "theme.h"

#include <QGuiApplication>

#include <climits>

namespace Corral {

TaskModel::TaskModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_succeededIcon(Icons::colored(QStringLiteral("task-ok")))
    , m_failedIcon(Icons::colored(QStringLiteral("task-failed")))
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &TaskModel::tick);
}

void TaskModel::setTaskManager(TaskManager *tasks)
{
    connect(tasks, &TaskManager::taskAdded, this, &TaskModel::addTask);
    connect(tasks, &TaskManager::taskChanged, this, &TaskModel::updateTask);
    const QList<Task> existing = tasks->tasks();
    for (const Task &task : existing)
        addTask(task);
}

void TaskModel::addTask(const Task &task)
{
    if (m_positions.contains(task.id)) {
        updateTask(task);
        return;
    }
    beginInsertRows({}, 0, 0);
    m_positions.insert(task.id, int(m_tasks.size()));
    m_tasks.append(task);
    endInsertRows();
    if (task.isFinished())
        Q_EMIT finishedCountChanged(++m_finished);
    else if (!m_tick.isActive())
        m_tick.start();
}

void TaskModel::updateTask(const Task &task)
{
    const auto it = m_positions.constFind(task.id);
    if (it == m_positions.constEnd())
        return;
    Task &current = m_tasks[*it];
    const bool finishedNow = task.isFinished() && !current.isFinished();
    current = task;
    const int row = rowOfPosition(*it);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, Qt::ForegroundRole,
                        TaskStateRole, ProgressRole, SortRole});
    if (finishedNow)
        Q_EMIT finishedCountChanged(++m_finished);
}

void TaskModel::clearFinished()
{
    if (m_finished == 0)
        return;
    // Remove from the highest row (oldest task) down, one removal per contiguous range.
    int position = 0;
    while (position < int(m_tasks.size())) {
        if (!m_tasks.at(position).isFinished()) {
            ++position;
            continue;
        }
        int end = position;
        while (end + 1 < int(m_tasks.size()) && m_tasks.at(end + 1).isFinished())
            ++end;
        // positions [position, end] are rows [rowOfPosition(end), rowOfPosition(position)]
        beginRemoveRows({}, rowOfPosition(end), rowOfPosition(position));
        m_tasks.remove(position, end - position + 1);
        endRemoveRows();
    }
    m_positions.clear();
    for (int i = 0; i < int(m_tasks.size()); ++i)
        m_positions.insert(m_tasks.at(i).id, i);
    m_finished = 0;
    Q_EMIT finishedCountChanged(0);
}

int TaskModel::rowOf(quint64 taskId) const
{
    const auto it = m_positions.constFind(taskId);
    return it == m_positions.constEnd() ? -1 : rowOfPosition(*it);
}

int TaskModel::finishedCount() const
{
    return m_finished;
}

void TaskModel::tick()
{
    int first = INT_MAX;
    int last = -1;
    for (int position = 0; position < int(m_tasks.size()); ++position) {
        if (m_tasks.at(position).isFinished())
            continue;
        const int row = rowOfPosition(position);
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last < 0) {
        m_tick.stop();
        return;
    }
    Q_EMIT dataChanged(index(first, DurationColumn), index(last, DurationColumn),
                       {Qt::DisplayRole, SortRole});
}

int TaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TaskModel::statusText(const Task &task) const
{
    switch (task.state) {
    case Task::State::Running:
        return task.message.isEmpty() ? tr("Running…") : task.message;
    case Task::State::Succeeded:
        return task.message.isEmpty() ? tr("Done") : task.message;
    case Task::State::Failed:
        return task.message.isEmpty() ? tr("Failed") : task.message;
    }
    return {};
}

QVariant TaskModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &task = taskAt(index.row());
    const int column = index.column();
    const qint64 durationMs
        = task.started.msecsTo(task.isFinished() ? task.finished : QDateTime::currentDateTimeUtc());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TaskColumn:
            return task.title;
        case HostColumn:
            return task.host;
        case StatusColumn:
            return statusText(task);
        case StartedColumn:
            return Format::timestamp(task.started);
        case DurationColumn:
            return Format::duration(durationMs);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column != StatusColumn)
            return {};
        if (task.state == Task::State::Succeeded)
            return m_succeededIcon;
        if (task.state == Task::State::Failed)
            return m_failedIcon;
        return {};
    case Qt::ToolTipRole:
        if (task.state == Task::State::Failed) {
            const QString text = task.title + u'\n' + statusText(task);
            return task.detail.isEmpty() ? text : text + u'\n' + task.detail;
        }
        return column == StatusColumn ? statusText(task) : task.title;
    case Qt::ForegroundRole:
        if (task.state == Task::State::Failed)
            return Theme::errorColor(QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (column == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TaskIdRole:
        return task.id;
    case TaskStateRole:
        return int(task.state);
    case ProgressRole:
        return task.progress;
    case SortRole:
        switch (column) {
        case TaskColumn:
            return task.title;
        case HostColumn:
            return task.host;
        case StatusColumn:
            return int(task.state);
        case StartedColumn:
            return task.started;
        case DurationColumn:
            return durationMs;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TaskColumn:
        return tr("Task");
    case HostColumn:
        return tr("Host");
    case StatusColumn:
        return tr("Status");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    default:
        return {};
    }
}

} // namespace Corral
