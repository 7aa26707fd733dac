#include "taskstatusdelegate.h"

#include "fleet/task.h"
#include "taskmodel.h"

#include <QApplication>
#include <QPainter>

namespace Corral {

TaskStatusDelegate::TaskStatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void TaskStatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (Task::State(index.data(TaskModel::TaskStateRole).toInt()) != Task::State::Running) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const int progress = index.data(TaskModel::ProgressRole).toInt();
    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.palette = option.palette;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = progress < 0 ? 0 : progress;
    bar.text = index.data(Qt::DisplayRole).toString();
    if (progress >= 0)
        bar.text = tr("%1 (%2 %)").arg(bar.text).arg(progress);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

} // namespace Corral
