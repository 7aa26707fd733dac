#include "vmfilterproxymodel.h"

#include "vmmodel.h"

namespace Corral {

VmFilterProxyModel::VmFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
    setSortRole(VmModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &VmFilterProxyModel::applyPendingChanges);
}

void VmFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_vms = qobject_cast<VmModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    // Connected after the base class, so the proxy has mapped the change when these run.
    m_sourceConnections << connect(model, &QAbstractItemModel::dataChanged, this,
                                   &VmFilterProxyModel::onSourceDataChanged)
                        << connect(model, &QAbstractItemModel::rowsInserted, this,
                                   &VmFilterProxyModel::onSourceRowsInserted);
}

void VmFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_refilterPending = true;
    applyPendingChanges();
}

void VmFilterProxyModel::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    m_refilterPending = true;
    applyPendingChanges();
}

void VmFilterProxyModel::setHostFilter(qint64 hostId)
{
    if (hostId == m_hostId)
        return;
    m_hostId = hostId;
    m_refilterPending = true;
    applyPendingChanges();
}

void VmFilterProxyModel::setNamespaceFilter(const QString &ns)
{
    if (ns == m_ns)
        return;
    m_ns = ns;
    m_refilterPending = true;
    applyPendingChanges();
}

bool VmFilterProxyModel::isFiltering() const
{
    return !m_text.isEmpty() || m_stateFilter != StateFilter::All || m_hostId != 0
        || !m_ns.isEmpty();
}

void VmFilterProxyModel::applyPendingChanges()
{
    m_timer.stop();
    if (m_refilterPending) {
        // One layout change that rebuilds the mapping (filter + sort) in O(n log n), where
        // invalidateFilter() would emit a removal or insertion per scattered range.
        m_refilterPending = false;
        m_resortPending = false;
        invalidate();
    } else if (m_resortPending) {
        m_resortPending = false;
        if (sortColumn() >= 0)
            sort(sortColumn(), sortOrder());
    }
}

void VmFilterProxyModel::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void VmFilterProxyModel::onSourceDataChanged(const QModelIndex &topLeft,
                                             const QModelIndex &bottomRight,
                                             const QList<int> &roles)
{
    const auto touches = [&](int column) {
        return column >= topLeft.column() && column <= bottomRight.column();
    };
    const bool sortValuesChanged = roles.isEmpty() || roles.contains(VmModel::SortRole);
    if (sortColumn() >= 0 && touches(sortColumn()) && sortValuesChanged)
        m_resortPending = true;

    if (isFiltering()) {
        const bool stateChanged = roles.isEmpty() || roles.contains(VmModel::StateRole);
        const bool namesChanged = roles.isEmpty() || roles.contains(Qt::DisplayRole);
        if ((m_stateFilter != StateFilter::All && touches(VmModel::StateColumn) && stateChanged)
            || (!m_text.isEmpty() && (touches(VmModel::NameColumn) || touches(VmModel::HostColumn))
                && namesChanged)
            || (!m_ns.isEmpty() && touches(VmModel::NamespaceColumn) && namesChanged)) {
            m_refilterPending = true;
        }
    }
    if (hasPendingChanges())
        schedule();
}

void VmFilterProxyModel::onSourceRowsInserted()
{
    // New rows were filtered but appended at the end of the list: put them in place.
    if (sortColumn() >= 0) {
        m_resortPending = true;
        schedule();
    }
}

bool VmFilterProxyModel::stateMatches(StateFilter filter, int vmState)
{
    const auto state = VmState(vmState);
    switch (filter) {
    case StateFilter::All:
        return true;
    case StateFilter::Running:
        return state == VmState::Running || state == VmState::Blocked;
    case StateFilter::Paused:
        return state == VmState::Paused || state == VmState::PmSuspended;
    case StateFilter::ShutOff:
        return state == VmState::Shutoff;
    case StateFilter::Other:
        return state == VmState::NoState || state == VmState::ShuttingDown
            || state == VmState::Crashed;
    }
    return true;
}

bool VmFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_vms)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const VmInfo &vm = m_vms->vmAt(sourceRow);
    if (m_hostId != 0 && vm.hostId != m_hostId)
        return false;
    if (!m_ns.isEmpty() && vm.ns != m_ns)
        return false;
    if (!stateMatches(m_stateFilter, int(vm.state)))
        return false;
    if (m_text.isEmpty())
        return true;
    if (vm.name.contains(m_text, Qt::CaseInsensitive)
        || vm.hostName.contains(m_text, Qt::CaseInsensitive)) {
        return true;
    }
    return m_text.contains(u'/') && vm.qualifiedName().contains(m_text, Qt::CaseInsensitive);
}

bool VmFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_vms)
        return m_vms->lessThan(left.column(), left.row(), right.row());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Corral
