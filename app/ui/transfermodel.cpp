#include "transfermodel.h"

#include "formatting.h"
#include "icons.h"
#include "theme.h"

#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>

namespace Corral {

namespace {

constexpr int ShortShaLength = 12;

} // namespace

TransferModel::TransferModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_doneIcon(Icons::colored(QStringLiteral("task-ok")))
    , m_failedIcon(Icons::colored(QStringLiteral("task-failed")))
{ }

void TransferModel::applyJob(const TransferJob &job)
{
    const int row = rowOf(job.id);
    if (row >= 0) {
        m_rows[row] = job;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole,
                            Qt::ForegroundRole, StateRole, ProgressRole, ErrorRole, SortRole});
    } else {
        // Rows are ordered by id, newest (highest) first.
        const auto it = std::lower_bound(
            m_rows.cbegin(), m_rows.cend(), job.id,
            [](const TransferJob &existing, qint64 id) { return existing.id > id; });
        const int at = int(it - m_rows.cbegin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, job);
        endInsertRows();
    }
    updateFinishedCount();
}

void TransferModel::removeJob(qint64 jobId)
{
    const int row = rowOf(jobId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    updateFinishedCount();
}

void TransferModel::setJobs(const QList<TransferJob> &jobs)
{
    for (const TransferJob &job : jobs)
        applyJob(job);
}

void TransferModel::updateFinishedCount()
{
    const int finished = int(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [](const TransferJob &job) { return job.isFinished(); }));
    if (finished == m_finished)
        return;
    m_finished = finished;
    Q_EMIT finishedCountChanged(finished);
}

int TransferModel::rowOf(qint64 jobId) const
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows.at(row).id == jobId)
            return row;
    }
    return -1;
}

int TransferModel::finishedCount() const
{
    return m_finished;
}

int TransferModel::activeCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const TransferJob &job) { return job.isActive(); }));
}

int TransferModel::percent(const TransferJob &job)
{
    if (job.state == TransferJob::State::Done || job.state == TransferJob::State::Verifying)
        return 100;
    if (job.total == 0)
        return -1;
    // While bytes move, what was sent; otherwise what the other side confirmed (the point a
    // resume starts from).
    const quint64 done = job.state == TransferJob::State::Running
        ? std::max(job.sent, job.confirmed)
        : job.confirmed;
    return int(std::min<quint64>(100, done * 100 / job.total));
}

QString TransferModel::speedText(const TransferJob &job)
{
    if (job.state != TransferJob::State::Running || job.bytesPerSecond <= 0)
        return {};
    return Format::rate(job.bytesPerSecond);
}

QString TransferModel::etaText(const TransferJob &job)
{
    if (job.state != TransferJob::State::Running || job.etaSeconds < 0)
        return {};
    return Format::duration(job.etaSeconds * 1000);
}

QString TransferModel::hostText(const TransferJob &job)
{
    const QString host = job.hostName.isEmpty() ? tr("host #%1").arg(job.hostId) : job.hostName;
    if (job.kind != TransferJob::Kind::Copy)
        return host;
    const QString source
        = job.sourceHostName.isEmpty() ? tr("host #%1").arg(job.sourceHostId) : job.sourceHostName;
    //: Copy from one host to another: "lab1 → lab2"
    return tr("%1 → %2").arg(source, host);
}

QString TransferModel::kindLabel(TransferJob::Kind kind)
{
    switch (kind) {
    case TransferJob::Kind::Upload:
        return tr("Upload");
    case TransferJob::Kind::Download:
        return tr("Download");
    case TransferJob::Kind::Copy:
        return tr("Copy");
    case TransferJob::Kind::CreateEmpty:
        return tr("Create");
    case TransferJob::Kind::Verify:
        return tr("Verify");
    }
    return {};
}

QString TransferModel::statusText(const TransferJob &job)
{
    switch (job.state) {
    case TransferJob::State::Queued:
        return tr("Queued");
    case TransferJob::State::Running:
        switch (job.kind) {
        case TransferJob::Kind::Upload:
            return tr("Uploading");
        case TransferJob::Kind::Download:
            return tr("Downloading");
        case TransferJob::Kind::Copy:
            return tr("Copying");
        case TransferJob::Kind::CreateEmpty:
            return tr("Creating");
        case TransferJob::Kind::Verify:
            return tr("Computing the checksum");
        }
        return {};
    case TransferJob::State::Verifying:
        return tr("Verifying the checksum");
    case TransferJob::State::Paused:
        return tr("Paused — resumable");
    case TransferJob::State::Interrupted:
        return tr("Connection lost — resumable");
    case TransferJob::State::Done:
        if (!job.sha256.isEmpty())
            return tr("Verified sha256 %1").arg(job.sha256.left(ShortShaLength));
        return job.kind == TransferJob::Kind::CreateEmpty ? tr("Created") : tr("Done");
    case TransferJob::State::Failed:
        return job.error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(job.error);
    case TransferJob::State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString TransferModel::progressText(const TransferJob &job)
{
    const int value = percent(job);
    if (value < 0)
        return {};
    if (job.total == 0)
        return Format::percent(value);
    //: Transfer progress: "42 % of 3.1 GiB"
    return tr("%1 of %2").arg(Format::percent(value), Format::bytes(job.total));
}

QString TransferModel::toolTip(const TransferJob &job) const
{
    QStringList lines;
    //: Transfer tooltip headline: "Upload macOS_14.iso — lab1"
    lines.append(tr("%1 %2 — %3").arg(kindLabel(job.kind), job.imageName, hostText(job)));
    if (!job.localPath.isEmpty())
        lines.append(tr("File: %1").arg(job.localPath));
    lines.append(statusText(job));
    if (job.state == TransferJob::State::Interrupted && !job.error.isEmpty())
        lines.append(job.error);
    if (job.total > 0 && !job.isFinished()) {
        lines.append(tr("%1 of %2 confirmed by the receiving side")
                         .arg(Format::bytes(job.confirmed), Format::bytes(job.total)));
    }
    if (job.state == TransferJob::State::Done && !job.sha256.isEmpty())
        lines.append(tr("SHA-256 %1").arg(job.sha256));
    return lines.join(u'\n');
}

int TransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransferModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TransferJob &job = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ImageColumn:
            return job.imageName;
        case HostColumn:
            if (job.kind == TransferJob::Kind::Download && !job.localPath.isEmpty()) {
                //: Download from a host to a local file: "lab1 → macOS_14.iso"
                return tr("%1 → %2").arg(hostText(job), QFileInfo(job.localPath).fileName());
            }
            return hostText(job);
        case KindColumn:
            return kindLabel(job.kind);
        case ProgressColumn:
            return progressText(job);
        case SpeedColumn:
            return speedText(job);
        case EtaColumn:
            return etaText(job);
        case StatusColumn:
            return statusText(job);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column != StatusColumn)
            return {};
        if (job.state == TransferJob::State::Done)
            return m_doneIcon;
        if (job.state == TransferJob::State::Failed)
            return m_failedIcon;
        return {};
    case Qt::ToolTipRole:
        return toolTip(job);
    case Qt::ForegroundRole:
        if (job.state == TransferJob::State::Failed)
            return Theme::errorColor(QGuiApplication::palette());
        if (job.state == TransferJob::State::Interrupted && column == StatusColumn)
            return Theme::warningColor(QGuiApplication::palette());
        if (job.state == TransferJob::State::Cancelled)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        if (column == SpeedColumn || column == EtaColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case JobIdRole:
        return job.id;
    case StateRole:
        return int(job.state);
    case ProgressRole:
        return percent(job);
    case ErrorRole:
        return job.error;
    case SortRole:
        return sortData(job, column);
    default:
        return {};
    }
}

QVariant TransferModel::sortData(const TransferJob &job, int column) const
{
    switch (column) {
    case ImageColumn:
        return job.imageName;
    case HostColumn:
        return hostText(job);
    case KindColumn:
        return int(job.kind);
    case ProgressColumn:
        return percent(job);
    case SpeedColumn:
        return job.state == TransferJob::State::Running ? job.bytesPerSecond : 0.0;
    case EtaColumn:
        return job.state == TransferJob::State::Running ? job.etaSeconds : qint64(-1);
    case StatusColumn:
        return int(job.state);
    default:
        return {};
    }
}

QVariant TransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ImageColumn:
        return tr("Image");
    case HostColumn:
        return tr("Host");
    case KindColumn:
        return tr("Kind");
    case ProgressColumn:
        return tr("Progress");
    case SpeedColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Remaining");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace Corral
