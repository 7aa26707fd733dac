#pragma once

#include "fleet/task.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QTimer>

namespace Corral {

class TaskManager;

// The tasks of this session for the task dock, newest first. Lives on the GUI thread and
// follows a TaskManager's taskAdded/taskChanged. "Clear finished" only hides finished tasks
// here; the TaskManager keeps its history. While tasks run, their duration ticks every second.
class TaskModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskModel)

public:
    enum Column : int {
        TaskColumn,
        HostColumn,
        StatusColumn,
        StartedColumn,
        DurationColumn,
        ColumnCount
    };

    enum Role : int {
        TaskIdRole = Qt::UserRole + 1, // quint64
        TaskStateRole, // Task::State as int
        ProgressRole, // int 0..100, -1 = indeterminate
        SortRole,
    };

    explicit TaskModel(QObject *parent = nullptr);

    void setTaskManager(TaskManager *tasks);

    void addTask(const Task &task);
    void updateTask(const Task &task);
    void clearFinished();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Task &taskAt(int row) const { return m_tasks.at(positionOf(row)); }
    int rowOf(quint64 taskId) const;
    int finishedCount() const;

Q_SIGNALS:
    // The number of finished tasks shown changed (enables "Clear finished").
    void finishedCountChanged(int count);

private:
    int positionOf(int row) const { return int(m_tasks.size()) - 1 - row; }
    int rowOfPosition(int position) const { return int(m_tasks.size()) - 1 - position; }
    QString statusText(const Task &task) const;
    void tick();

    QList<Task> m_tasks; // oldest first; row 0 is the last element
    QHash<quint64, int> m_positions; // task id -> index in m_tasks
    int m_finished = 0;
    QTimer m_tick;
    QIcon m_succeededIcon;
    QIcon m_failedIcon;
};

} // namespace Corral
