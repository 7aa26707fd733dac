#pragma once

#include <QDockWidget>

class QLabel;
class QPushButton;

namespace Corral {

class PlaceholderTreeView;
class TaskModel;

// The task dock: every operation of this session, newest first, with its progress or
// outcome. Failed tasks are red, their detail in the tooltip. This is where errors from
// operations go, instead of message boxes.
class TaskDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskDock)

public:
    explicit TaskDock(TaskModel *model, QWidget *parent = nullptr);

    PlaceholderTreeView *view() const { return m_view; }
    QPushButton *clearButton() const { return m_clearButton; }

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

private:
    TaskModel *m_model;
    PlaceholderTreeView *m_view = nullptr;
    QPushButton *m_clearButton = nullptr;
};

} // namespace Corral
