#pragma once

#include "images/transferjob.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

namespace Corral {

// The image transfers (uploads, downloads, copies, empty disks, verifications) for the Transfers
// dock, newest first, one row per job. Lives on the GUI thread; knows nothing of the
// ImageLibrary: the main window feeds it the library's jobAdded/jobChanged (applyJob) and
// jobRemoved (removeJob). A changed job updates its row with one dataChanged.
class TransferModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferModel)

public:
    enum Column : int {
        ImageColumn,
        HostColumn,
        KindColumn,
        ProgressColumn,
        SpeedColumn,
        EtaColumn,
        StatusColumn,
        ColumnCount
    };

    enum Role : int {
        JobIdRole = Qt::UserRole + 1, // qint64
        StateRole, // TransferJob::State as int
        ProgressRole, // int 0..100, -1 = unknown
        ErrorRole, // QString
        SortRole,
    };

    explicit TransferModel(QObject *parent = nullptr);

    // Inserts the job, or updates the row of the job with its id.
    void applyJob(const TransferJob &job);
    void removeJob(qint64 jobId);
    void setJobs(const QList<TransferJob> &jobs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const TransferJob &jobAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 jobId) const;
    int finishedCount() const;
    int activeCount() const;

    // Public for the tests.
    static int percent(const TransferJob &job); // -1 when the total is unknown
    static QString speedText(const TransferJob &job); // "12.5 MB/s" while bytes move
    static QString etaText(const TransferJob &job); // "1 min 20 s" while bytes move
    static QString hostText(const TransferJob &job); // "lab1", or "lab1 → lab2" for a copy
    static QString kindLabel(TransferJob::Kind kind);
    static QString statusText(const TransferJob &job); // "Verified sha256 0123456789ab", ...
    static QString progressText(const TransferJob &job); // "42 % of 3.1 GiB"

Q_SIGNALS:
    // The number of Done, Failed and Cancelled jobs changed (enables "Clear finished").
    void finishedCountChanged(int count);

private:
    QString toolTip(const TransferJob &job) const;
    QVariant sortData(const TransferJob &job, int column) const;
    void updateFinishedCount();

    QList<TransferJob> m_rows; // by id, descending: the newest job is row 0
    int m_finished = 0;
    QIcon m_doneIcon;
    QIcon m_failedIcon;
};

} // namespace Corral
