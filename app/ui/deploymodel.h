#pragma once

#include "keyedtablemodel.h"

#include "fleet/deployer.h"

#include <QHash>
#include <QIcon>

namespace Corral {

// The VMs of one deploy, for the deploy dialog: first as planned (name, host and why that
// host), then as they progress (state, forwarded ports, error). Rows are keyed by VM name.
// Lives on the GUI thread; fed by the dialog from Deployer::plan() and Deployer::vmProgress,
// and with the copy progress of each VM's task.
class DeployModel final : public KeyedTableModel<DeployedVm>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployModel)

public:
    enum Column : int { NameColumn, HostColumn, StateColumn, DetailsColumn, ColumnCount };

    enum Role : int {
        StateRole = Qt::UserRole + 1, // QString: "planned", "copying", ... "running", "failed"
        FailedRole, // bool
    };

    explicit DeployModel(QObject *parent = nullptr);

    void setVms(const QList<DeployedVm> &vms);
    void updateVm(const DeployedVm &vm);
    // The title of the details column (why the host, then forwards or the error).
    void setDetailsTitle(const QString &title) { m_detailsTitle = title; }
    // The percentage of the task behind a VM (its image copy), shown while it copies.
    void setTaskProgress(quint64 taskId, int percent);

    int finishedCount() const;
    int failedCount() const;
    bool isFinished() const { return !m_rows.isEmpty() && finishedCount() == rowCount(); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Planned", "Copying image", ...: the translated word for a DeployedVm::state.
    static QString stateLabel(const QString &state);
    static bool isFinalState(const QString &state);

protected:
    QString keyOf(const DeployedVm &vm) const override { return vm.name; }
    std::pair<int, int> changedColumns(const DeployedVm &before,
                                       const DeployedVm &after) const override;
    QList<int> changedRoles() const override;

private:
    QString stateText(const DeployedVm &vm) const;
    QString details(const DeployedVm &vm) const;
    QIcon stateIcon(const QString &state) const;

    QHash<quint64, int> m_taskProgress;
    QString m_detailsTitle;
    QIcon m_plannedIcon;
    QIcon m_busyIcon;
    QIcon m_runningIcon;
    QIcon m_failedIcon;
};

} // namespace Corral
