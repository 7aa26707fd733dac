#pragma once

#include <QSortFilterProxyModel>
#include <QTimer>

namespace Corral {

class VmModel;

// Sorts and filters a VmModel: by text (VM or host name), by state, by host and by namespace.
//
// Sorting compares the rows' typed values (numbers as numbers) straight from the VmModel.
// Dynamic sorting/filtering is off on purpose: with it, QSortFilterProxyModel turns every
// changed batch into one notification and mapping rebuild per contiguous proxy range, which
// is quadratic when a stats tick or a host's rows are scattered over a sorted list of 100k
// rows. Instead, batches that may move or hide rows schedule one re-sort (or re-filter)
// shortly after; a stats tick on a column the list is not sorted by costs nothing extra.
class VmFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmFilterProxyModel)

public:
    enum class StateFilter : quint8 { All, Running, Paused, ShutOff, Other };

    explicit VmFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    VmModel *vmModel() const { return m_vms; }

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_stateFilter; }
    void setHostFilter(qint64 hostId); // 0 = all hosts
    qint64 hostFilter() const { return m_hostId; }
    void setNamespaceFilter(const QString &ns); // empty = all namespaces
    QString namespaceFilter() const { return m_ns; }
    bool isFiltering() const;

    // Re-sorts / re-filters now what source changes made necessary, instead of waiting for
    // the coalescing timer.
    void applyPendingChanges();
    bool hasPendingChanges() const { return m_resortPending || m_refilterPending; }
    // How long changes are collected before the list is re-sorted; default 250 ms.
    void setCoalescingInterval(int msec) { m_timer.setInterval(msec); }

    static bool stateMatches(StateFilter filter, int vmState);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                             const QList<int> &roles);
    void onSourceRowsInserted();
    void schedule();

    VmModel *m_vms = nullptr;
    QString m_text;
    StateFilter m_stateFilter = StateFilter::All;
    qint64 m_hostId = 0;
    QString m_ns;
    QTimer m_timer;
    bool m_resortPending = false;
    bool m_refilterPending = false;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace Corral
