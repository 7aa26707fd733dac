#pragma once

#include <QTreeView>

namespace Corral {

// A flat QTreeView that shows a short hint in its viewport while its model has no rows
// ("No hosts yet — Add Host… (Ctrl+Shift+N)"), so an empty list never looks broken.
// With uniform row heights, a change spanning many rows just repaints the viewport.
class PlaceholderTreeView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderTreeView)

public:
    explicit PlaceholderTreeView(QWidget *parent = nullptr);

    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = {}) override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholder;
};

} // namespace Corral
