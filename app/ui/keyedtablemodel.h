#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QVariant>

#include <utility>

namespace Corral {

// The base of the table models whose list the core hands over whole (namespaces, VM configs,
// snapshots, the VMs of a deploy): rows identified by a string key, replaced with applyRows(),
// which applies the difference — one removal per contiguous range of rows that are gone, one
// dataChanged per run of changed rows over the columns that changed, and one insertion of the
// new rows at the end (the views sort through a proxy) — so selections and scroll positions
// survive a refresh. A subclass (with Q_OBJECT) says what identifies a row, which columns of
// a row differ and which roles its cells may have changed in.
template<typename Row> class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    // A cell's text and tooltip come from displayData() and toolTip(), its other roles from
    // roleData(). A subclass may serve data() itself instead.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        using CheckIndexOption = QAbstractItemModel::CheckIndexOption;
        if (!this->checkIndex(index,
                              CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Row &row = m_rows.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return displayData(row, index.column());
        case Qt::ToolTipRole:
            return toolTip(row, index.column());
        default:
            return roleData(row, index.column(), role);
        }
    }

    // `row` must be valid.
    const Row &rowAt(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }
    int rowOf(const QString &key) const
    {
        for (int row = 0; row < int(m_rows.size()); ++row) {
            if (keyOf(m_rows.at(row)) == key)
                return row;
        }
        return -1;
    }

protected:
    virtual QString keyOf(const Row &row) const = 0;
    // The first and last column whose cells differ between two versions of a row; {-1, -1}
    // when no cell does (the row is still replaced: it may differ in what no cell shows).
    virtual std::pair<int, int> changedColumns(const Row &before, const Row &after) const = 0;
    // The roles of a changed cell.
    virtual QList<int> changedRoles() const = 0;

    // What data() serves for a cell.
    virtual QVariant displayData(const Row &, int /*column*/) const { return {}; }
    virtual QString toolTip(const Row &, int /*column*/) const { return {}; }
    virtual QVariant roleData(const Row &, int /*column*/, int /*role*/) const { return {}; }
    // Whether a column's text or tooltip differs between two versions of a row.
    bool cellDiffers(const Row &before, const Row &after, int column) const
    {
        return displayData(before, column) != displayData(after, column)
            || toolTip(before, column) != toolTip(after, column);
    }

    // Replaces the rows with `rows` (unique keys), notifying only the difference.
    void applyRows(const QList<Row> &rows)
    {
        QHash<QString, int> incoming;
        incoming.reserve(rows.size());
        for (int i = 0; i < int(rows.size()); ++i)
            incoming.insert(keyOf(rows.at(i)), i);

        // From the bottom up, so that the ranges still to remove keep their row numbers.
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (incoming.contains(keyOf(m_rows.at(row))))
                continue;
            int first = row;
            while (first > 0 && !incoming.contains(keyOf(m_rows.at(first - 1))))
                --first;
            beginRemoveRows({}, first, row);
            m_rows.remove(first, row - first + 1);
            endRemoveRows();
            row = first;
        }

        QSet<QString> present;
        int runFirst = -1;
        int runLeft = columnCount();
        int runRight = -1;
        const auto flush = [&](int lastRow) {
            if (runFirst >= 0)
                Q_EMIT this->dataChanged(this->index(runFirst, runLeft),
                                         this->index(lastRow, runRight), changedRoles());
            runFirst = -1;
            runLeft = columnCount();
            runRight = -1;
        };
        for (int row = 0; row < int(m_rows.size()); ++row) {
            const QString key = keyOf(m_rows.at(row));
            present.insert(key);
            const Row &next = rows.at(incoming.value(key));
            const auto [left, right] = changedColumns(m_rows.at(row), next);
            // Fields no cell shows (a config's guest user, a timestamp) are kept current too.
            m_rows[row] = next;
            if (left < 0) {
                flush(row - 1);
                continue;
            }
            if (runFirst < 0)
                runFirst = row;
            runLeft = std::min(runLeft, left);
            runRight = std::max(runRight, right);
        }
        flush(int(m_rows.size()) - 1);

        QList<Row> added;
        for (const Row &row : rows) {
            if (!present.contains(keyOf(row)))
                added.append(row);
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(added.size()) - 1);
            m_rows.append(added);
            endInsertRows();
        }
    }

    // Replaces one row (or appends it when its key is new).
    void applyRow(const Row &row)
    {
        const int at = rowOf(keyOf(row));
        if (at < 0) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first);
            m_rows.append(row);
            endInsertRows();
            return;
        }
        const auto [left, right] = changedColumns(m_rows.at(at), row);
        m_rows[at] = row;
        if (left < 0)
            return;
        Q_EMIT this->dataChanged(this->index(at, left), this->index(at, right), changedRoles());
    }

    // The span of columns [first, last] over which `differs(column)` is true; {-1, -1} if none.
    template<typename Differs> std::pair<int, int> columnSpan(int count, Differs differs) const
    {
        int first = -1;
        int last = -1;
        for (int column = 0; column < count; ++column) {
            if (!differs(column))
                continue;
            if (first < 0)
                first = column;
            last = column;
        }
        return {first, last};
    }

    QList<Row> m_rows;
};

} // namespace Corral
