#pragma once

#include "celldelegate.h"

namespace Corral {

// Paints the Progress column of the Transfers dock as a style progress bar with the cell's
// text ("42 % of 3.1 GiB") on it; a busy bar while a job runs without a known total. Cancelled
// jobs show plain text. Reads TransferModel::ProgressRole and StateRole.
class TransferProgressDelegate final : public CellDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferProgressDelegate)

public:
    explicit TransferProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Corral
