#pragma once

#include "store/imagerepository.h"

#include "celldelegate.h"

namespace Corral {

// Paints the Replicas column of the Images page as one rounded badge per host ("lab1 ✓"),
// filled in the colour of the replica's state: present green, transferring in the highlight
// colour, failed red, missing amber. Reads ImageModel::ReplicasRole; the tooltip (host: state
// per line) comes from the model.
class ReplicaBadgeDelegate final : public CellDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplicaBadgeDelegate)

public:
    explicit ReplicaBadgeDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor stateColor(ImageReplica::State state, const QPalette &palette);
    // The badge's text: the host name and a state mark ("lab1 ✓", "lab3 ✗").
    static QString badgeText(const QString &host, ImageReplica::State state);
};

} // namespace Corral
