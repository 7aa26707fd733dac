#pragma once

#include "keyedtablemodel.h"

#include "fleet/namespaceinfo.h"

#include <QIcon>

namespace Corral {

class WorkloadCatalog;

// A namespace as the Namespaces page lists it: the catalog's configuration (for a foreign one,
// only the name) and what its VMs use across the fleet.
struct NamespaceRow
{
    NamespaceConfig config;
    NamespaceUsage usage;
    // Named in VM metadata but not in this catalog: made by another console, no quota here.
    bool foreign = false;

    friend bool operator==(const NamespaceRow &, const NamespaceRow &) = default;
};

// The namespaces of the fleet, one row per namespace: the catalog's, then the foreign ones.
// Lives on the GUI thread and knows no core object: the page hands it the rows (rowsOf() reads
// them from the catalog) and setRows() applies the difference. The VM, vCPU and memory cells
// carry their use of the quota as UsageRole for a CapacityDelegate (-1 without a quota).
// Foreign namespaces are greyed and say why in their tooltip.
class NamespaceModel final : public KeyedTableModel<NamespaceRow>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NamespaceModel)

public:
    enum Column : int {
        NameColumn,
        VmsColumn,
        VcpusColumn,
        MemoryColumn,
        HostsColumn,
        DescriptionColumn,
        ColumnCount
    };

    enum Role : int {
        NameRole = Qt::UserRole + 1, // QString, on every column
        ForeignRole, // bool
        SortRole,
        UsageRole, // double: used / quota; -1 without a quota
    };

    explicit NamespaceModel(QObject *parent = nullptr);

    void setRows(const QList<NamespaceRow> &rows);
    // The catalog's namespaces with their usage, then the foreign ones.
    static QList<NamespaceRow> rowsOf(const WorkloadCatalog &catalog);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "3 / 10", or "3" without a limit.
    static QString usageText(qint64 used, qint64 quota);
    static QString memoryText(qint64 usedMiB, qint64 quotaMiB);

protected:
    QString keyOf(const NamespaceRow &row) const override { return row.config.name; }
    std::pair<int, int> changedColumns(const NamespaceRow &before,
                                       const NamespaceRow &after) const override;
    QList<int> changedRoles() const override;
    QVariant displayData(const NamespaceRow &row, int column) const override;
    QString toolTip(const NamespaceRow &row, int column) const override;
    QVariant roleData(const NamespaceRow &row, int column, int role) const override;

private:
    QVariant sortData(const NamespaceRow &row, int column) const;
    static double usage(const NamespaceRow &row, int column);

    QIcon m_icon;
};

} // namespace Corral
