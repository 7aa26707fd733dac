#include "deploymodel.h"

#include "icons.h"
#include "theme.h"

#include <QGuiApplication>

namespace Corral {

DeployModel::DeployModel(QObject *parent)
    : KeyedTableModel<DeployedVm>(parent)
    , m_plannedIcon(Icons::colored(QStringLiteral("state-shutoff")))
    , m_busyIcon(Icons::colored(QStringLiteral("state-transition")))
    , m_runningIcon(Icons::colored(QStringLiteral("state-running")))
    , m_failedIcon(Icons::colored(QStringLiteral("state-error")))
{ }

void DeployModel::setVms(const QList<DeployedVm> &vms)
{
    applyRows(vms);
}

void DeployModel::updateVm(const DeployedVm &vm)
{
    applyRow(vm);
}

void DeployModel::setTaskProgress(quint64 taskId, int percent)
{
    if (taskId == 0 || m_taskProgress.value(taskId, -1) == percent)
        return;
    m_taskProgress.insert(taskId, percent);
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).taskId == taskId) {
            Q_EMIT dataChanged(index(row, StateColumn), index(row, StateColumn), {Qt::DisplayRole});
        }
    }
}

int DeployModel::finishedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const DeployedVm &vm) { return isFinalState(vm.state); }));
}

int DeployModel::failedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const DeployedVm &vm) { return vm.state == u"failed"; }));
}

bool DeployModel::isFinalState(const QString &state)
{
    return state == u"running" || state == u"failed";
}

QString DeployModel::stateLabel(const QString &state)
{
    if (state == u"planned")
        return tr("Planned");
    if (state == u"copying")
        return tr("Copying image");
    if (state == u"creating")
        return tr("Creating");
    if (state == u"starting")
        return tr("Starting");
    if (state == u"running")
        return tr("Running");
    if (state == u"failed")
        return tr("Failed");
    return state;
}

int DeployModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::pair<int, int> DeployModel::changedColumns(const DeployedVm &before,
                                                const DeployedVm &after) const
{
    return columnSpan(ColumnCount, [&](int column) {
        switch (column) {
        case NameColumn:
            return before.name != after.name;
        case HostColumn:
            return before.host != after.host;
        case StateColumn:
            return before.state != after.state || before.taskId != after.taskId;
        case DetailsColumn:
            return details(before) != details(after) || before.state != after.state;
        default:
            return false;
        }
    });
}

QList<int> DeployModel::changedRoles() const
{
    return {Qt::DisplayRole,    Qt::DecorationRole, Qt::ToolTipRole,
            Qt::ForegroundRole, StateRole,          FailedRole};
}

QString DeployModel::stateText(const DeployedVm &vm) const
{
    const QString label = stateLabel(vm.state);
    const int percent = m_taskProgress.value(vm.taskId, -1);
    if (vm.state == u"copying" && percent >= 0)
        //: Deploy progress: "Copying image 45 %"
        return tr("%1 %2 %").arg(label).arg(percent);
    return label;
}

QString DeployModel::details(const DeployedVm &vm) const
{
    if (!vm.error.isEmpty())
        return vm.error;
    if (!vm.forwards.isEmpty())
        return vm.forwards.join(QStringLiteral(", "));
    return vm.why;
}

QIcon DeployModel::stateIcon(const QString &state) const
{
    if (state == u"planned")
        return m_plannedIcon;
    if (state == u"running")
        return m_runningIcon;
    if (state == u"failed")
        return m_failedIcon;
    return m_busyIcon;
}

QVariant DeployModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeployedVm &vm = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return vm.name;
        case HostColumn:
            return vm.host;
        case StateColumn:
            return stateText(vm);
        case DetailsColumn:
            return details(vm);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == StateColumn)
            return stateIcon(vm.state);
        return {};
    case Qt::ToolTipRole:
        if (column == DetailsColumn && !details(vm).isEmpty())
            return details(vm);
        if (column == NameColumn && !vm.ns.isEmpty())
            return tr("%1 in namespace %2").arg(vm.name, vm.ns);
        return {};
    case Qt::ForegroundRole:
        if (column == DetailsColumn && !vm.error.isEmpty())
            return Theme::errorColor(QGuiApplication::palette());
        return {};
    case StateRole:
        return vm.state;
    case FailedRole:
        return vm.state == u"failed";
    default:
        return {};
    }
}

QVariant DeployModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("VM");
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case DetailsColumn:
        return m_detailsTitle.isEmpty() ? tr("Details") : m_detailsTitle;
    default:
        return {};
    }
}

} // namespace Corral
