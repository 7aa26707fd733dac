#pragma once

#include "celldelegate.h"

namespace Corral {

// The task dock's status cell: a progress bar while the task runs, the result icon and
// message once it has finished.
class TaskStatusDelegate final : public CellDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskStatusDelegate)

public:
    explicit TaskStatusDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace Corral
