#pragma once

#include "keyedtablemodel.h"

#include "fleet/vmconfig.h"

#include <QIcon>

namespace Corral {

// The VM configs of the catalog, one row per config. Lives on the GUI thread and knows no core
// object: the page hands it WorkloadCatalog::configs() and setConfigs() applies the
// difference.
class ConfigModel final : public KeyedTableModel<VmConfig>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigModel)

public:
    enum Column : int {
        NameColumn,
        ProfileColumn,
        ImageColumn,
        VcpusColumn,
        MemoryColumn,
        DiskColumn,
        TagColumn,
        PortsColumn,
        DescriptionColumn,
        ColumnCount
    };

    enum Role : int {
        NameRole = Qt::UserRole + 1, // QString, on every column
        SortRole,
    };

    explicit ConfigModel(QObject *parent = nullptr);

    void setConfigs(const QList<VmConfig> &configs);
    QStringList names() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "22, 5900"
    static QString portsText(const QList<quint16> &ports);
    // "m2 (required)", "m2 (preferred)"; empty without a tag.
    static QString tagText(const VmConfig &config);
    // "64 GiB", or "Image size" for 0.
    static QString diskText(qint64 diskGiB);

protected:
    QString keyOf(const VmConfig &config) const override { return config.name; }
    std::pair<int, int> changedColumns(const VmConfig &before,
                                       const VmConfig &after) const override;
    QList<int> changedRoles() const override;
    QVariant displayData(const VmConfig &config, int column) const override;
    QString toolTip(const VmConfig &config, int column) const override;
    QVariant roleData(const VmConfig &config, int column, int role) const override;

private:
    QVariant sortData(const VmConfig &config, int column) const;

    QIcon m_icon;
};

} // namespace Corral
