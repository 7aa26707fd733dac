#include "transferprogressdelegate.h"

#include "images/transferjob.h"
#include "transfermodel.h"

#include <QPainter>

namespace Corral {

TransferProgressDelegate::TransferProgressDelegate(QObject *parent)
    : CellDelegate(parent)
{ }

void TransferProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const auto state = TransferJob::State(index.data(TransferModel::StateRole).toInt());
    const int progress = index.data(TransferModel::ProgressRole).toInt();
    const bool active = state == TransferJob::State::Queued || state == TransferJob::State::Running
        || state == TransferJob::State::Verifying;
    if (state == TransferJob::State::Cancelled || (progress < 0 && !active)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    paintBackground(painter, option, index);
    paintProgressBar(painter, option, progress, index.data(Qt::DisplayRole).toString(), false);
}

QSize TransferProgressDelegate::sizeHint(const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    QSize size = CellDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 8));
    size.setWidth(std::max(size.width(), 160));
    return size;
}

} // namespace Corral
