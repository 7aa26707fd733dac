#pragma once

#include "images/transferjob.h"
#include "util/result.h"

#include <QList>

namespace Corral {

class Database;

// The transfer_jobs table: transfers that are not finished survive a restart of the app.
//
// Thread: the thread of its Database. Owner: a short-lived value on the caller's stack.
class TransferJobRepository final
{
public:
    explicit TransferJobRepository(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(TransferJobRepository)

    // Every job, oldest first.
    Result<QList<TransferJob>> list();
    Result<TransferJob> byId(qint64 id);
    // Inserts the job and returns it with its id and creation time.
    Result<TransferJob> add(TransferJob job);
    // Saves state, confirmed, temp volume, sha256 and error.
    Result<void> update(const TransferJob &job);
    Result<void> remove(qint64 id);

private:
    Database &m_db;
};

} // namespace Corral
