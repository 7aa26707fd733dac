#include "transferjobrepository.h"

#include "database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

const QString selectJobs = u"SELECT id, kind, image_name, local_path, host_id, temp_volume, total, "
                           "confirmed, state, error, created, source_host_id, description, "
                           "source_mtime, sha256 FROM transfer_jobs"_s;

QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

QVariant hostOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

TransferJob jobFromRow(const QSqlQuery &q)
{
    TransferJob job;
    job.id = q.value(0).toLongLong();
    job.kind = TransferJob::kindFromName(q.value(1).toString()).value_or(TransferJob::Kind::Upload);
    job.imageName = q.value(2).toString();
    job.localPath = q.value(3).toString();
    job.hostId = q.value(4).toLongLong();
    job.tempVolume = q.value(5).toString();
    job.total = q.value(6).toULongLong();
    job.confirmed = q.value(7).toULongLong();
    job.state = TransferJob::stateFromName(q.value(8).toString())
                    .value_or(TransferJob::State::Interrupted);
    job.error = q.value(9).toString();
    job.created = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs).toUTC();
    job.sourceHostId = q.value(11).toLongLong();
    job.description = q.value(12).toString();
    job.sourceMtime = q.value(13).toLongLong();
    job.sha256 = q.value(14).toString();
    return job;
}

} // namespace

Result<QList<TransferJob>> TransferJobRepository::list()
{
    auto query = m_db.exec(selectJobs + u" ORDER BY id"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<TransferJob> jobs;
    while (query->next())
        jobs.append(jobFromRow(*query));
    return jobs;
}

Result<TransferJob> TransferJobRepository::byId(qint64 id)
{
    auto query = m_db.exec(selectJobs + u" WHERE id = ?"_s, {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next()) {
        return fail(ErrorCode::NotFound,
                    Tr::tr("There is no transfer %1. `corralctl image jobs` lists them.").arg(id));
    }
    return jobFromRow(*query);
}

Result<TransferJob> TransferJobRepository::add(TransferJob job)
{
    if (!job.created.isValid())
        job.created = QDateTime::currentDateTimeUtc();
    auto query = m_db.exec(
        u"INSERT INTO transfer_jobs (kind, image_name, local_path, host_id, temp_volume, total, "
        "confirmed, state, error, created, source_host_id, description, source_mtime, sha256) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {TransferJob::kindName(job.kind), text(job.imageName), text(job.localPath),
         hostOrNull(job.hostId), text(job.tempVolume), qint64(job.total), qint64(job.confirmed),
         TransferJob::stateName(job.state), text(job.error),
         job.created.toUTC().toString(Qt::ISODateWithMs), hostOrNull(job.sourceHostId),
         text(job.description), job.sourceMtime, text(job.sha256)});
    if (!query)
        return std::unexpected(query.error());
    job.id = query->lastInsertId().toLongLong();
    return job;
}

Result<void> TransferJobRepository::update(const TransferJob &job)
{
    auto query
        = m_db.exec(u"UPDATE transfer_jobs SET state = ?, confirmed = ?, temp_volume = ?, "
                    "sha256 = ?, error = ?, total = ? WHERE id = ?"_s,
                    {TransferJob::stateName(job.state), qint64(job.confirmed), text(job.tempVolume),
                     text(job.sha256), text(job.error), qint64(job.total), job.id});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<void> TransferJobRepository::remove(qint64 id)
{
    auto query = m_db.exec(u"DELETE FROM transfer_jobs WHERE id = ?"_s, {id});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

} // namespace Corral
