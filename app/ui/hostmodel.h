#pragma once

#include "fleet/hostinfo.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>
#include <QTimer>

namespace Corral {

class Fleet;

// The configured hosts with their live state and capacity, one row per host. Lives on the GUI
// thread; follows Fleet's hostAdded/hostChanged/hostRemoved. While a reconnect is scheduled
// the state column counts down ("retrying in 12 s"), refreshed once a second. A host in
// maintenance says so in its state, with its own icon.
class HostModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostModel)

public:
    enum Column : int {
        NameColumn,
        StateColumn,
        AddressColumn,
        VmsColumn,
        CpuColumn,
        MemoryColumn,
        HypervisorColumn,
        TagsColumn,
        ErrorColumn,
        ColumnCount
    };

    enum Role : int {
        HostIdRole = Qt::UserRole + 1, // qint64
        StateRole, // HostState as int
        SortRole,
        UsageRole, // double 0..1 of the capacity used; -1 = unknown
    };

    explicit HostModel(QObject *parent = nullptr);

    void setFleet(Fleet *fleet);

    void addOrUpdateHost(const HostInfo &host);
    void removeHost(qint64 hostId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const HostInfo &hostAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 hostId) const;
    int connectedCount() const;

    // "Offline — retrying in 12 s", "Connected — maintenance"; public for the tests.
    static QString stateText(const HostInfo &host, const QDateTime &now);

private:
    QVariant displayData(const HostInfo &host, int column) const;
    QVariant sortData(const HostInfo &host, int column) const;
    QString toolTip(const HostInfo &host, int column) const;
    void refreshCountdowns();

    QIcon stateIcon(const HostInfo &host) const;

    QList<HostInfo> m_rows;
    QTimer m_countdown;
    QIcon m_connectedIcon;
    QIcon m_maintenanceIcon;
    QIcon m_connectingIcon;
    QIcon m_offlineIcon;
    QIcon m_errorIcon;
};

} // namespace Corral
