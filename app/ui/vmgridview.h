#pragma once

#include "fleet/fleet.h"

#include <QListView>
#include <QTimer>

namespace Corral {

class VmThumbnailDelegate;

// The VMs as a grid of tiles (a QListView in icon mode over the VM page's filter model; the
// page shares its selection model with the table). Tells which VMs are on screen
// (visibleKeysChanged, coalesced over scrolling, resizing and model changes; empty while the
// view is hidden) so that only those are captured. Shows a hint while the model is empty.
class VmGridView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmGridView)

public:
    explicit VmGridView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = {}) override;
    VmThumbnailDelegate *thumbnailDelegate() const { return m_delegate; }

    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // The VMs whose tiles intersect the viewport now, in model order.
    QList<VmKey> visibleKeys() const;
    // Recomputes the visible VMs now instead of after the coalescing delay.
    void updateVisibleKeys();

Q_SIGNALS:
    void visibleKeysChanged(const QList<Corral::VmKey> &keys);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleVisibleUpdate();
    void updateGrid();

    VmThumbnailDelegate *m_delegate = nullptr;
    QString m_placeholder;
    QTimer m_visibleTimer;
    QList<VmKey> m_visible;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace Corral
