#include "taskstatusdelegate.h"

#include "fleet/task.h"
#include "taskmodel.h"

#include <QPainter>

namespace Corral {

TaskStatusDelegate::TaskStatusDelegate(QObject *parent)
    : CellDelegate(parent)
{ }

void TaskStatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (Task::State(index.data(TaskModel::TaskStateRole).toInt()) != Task::State::Running) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    paintBackground(painter, option, index);
    // A task whose progress is not known yet shows an empty bar, not a busy one.
    const int progress = index.data(TaskModel::ProgressRole).toInt();
    QString text = index.data(Qt::DisplayRole).toString();
    if (progress >= 0)
        text = tr("%1 (%2 %)").arg(text).arg(progress);
    paintProgressBar(painter, option, std::max(0, progress), text, true);
}

} // namespace Corral
