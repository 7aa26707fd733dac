#pragma once

#include "store/database.h"
#include "util/result.h"
#include "util/threadptr.h"

#include <QObject>
#include <QString>

#include <concepts>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace Corral {

namespace Detail {

template<typename T> inline constexpr bool isResult = false;
template<typename T> inline constexpr bool isResult<std::expected<T, Error>> = true;

class StoreWorker;

// Carries one job's completion from the store thread to its context object. A signal rather
// than invokeMethod(context) from the worker: Qt makes a queued signal safe against the
// receiver being destroyed at the same time on its own thread.
class StoreRelay final : public QObject
{
    Q_OBJECT
public:
    StoreRelay() = default;
    Q_DISABLE_COPY_MOVE(StoreRelay)

Q_SIGNALS:
    void finished();
};

} // namespace Detail

// The catalog for a GUI or any event-loop thread: one Database on a worker thread of its own,
// where every job runs, one at a time, in the order posted. Callers never touch SQLite.
//
// Thread: create, use and destroy it on one thread with an event loop; post() may also be
// called from other threads while it lives. The Database lives on the "corral-store" thread.
// Owner: the application (or a test); inject it where the catalog is needed. Destroying it
// runs every job already posted, then stops the thread (it blocks until then).
// Emits: nothing. Results reach each post()'s `done` on its context's thread.
class StoreService final : public QObject
{
    Q_OBJECT
public:
    // Starts the thread and opens `path` there, asynchronously.
    explicit StoreService(const QString &path, QObject *parent = nullptr);
    // Finishes every job already posted, closes the database, then stops the thread.
    ~StoreService() override;
    Q_DISABLE_COPY_MOVE(StoreService)

    // Runs `job(Database &) -> Result<T>` on the store thread, then `done(Result<T>)` on
    // `context`'s thread (queued, even when that is the posting thread). If the database
    // failed to open, `job` does not run and `done` gets the open error. Nothing is delivered
    // if `context` is destroyed first. `done` may still run after the service is destroyed.
    template<typename Job, typename Done> void post(Job job, QObject *context, Done done);

    // Fire-and-forget: runs `job` on the store thread; failures are logged to corral.store.
    template<typename Job> void post(Job job);

    QString path() const { return m_path; }

private:
    // Runs on the store thread with the open database, or null and the open error.
    using Task = std::function<void(Database *db, const Error &openError)>;

    void enqueue(Task task);
    static void logFailure(const Error &error);

    QString m_path;
    Detail::StoreWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    ThreadPtr m_thread;
};

template<typename Job, typename Done> void StoreService::post(Job job, QObject *context, Done done)
{
    using R = std::invoke_result_t<Job &, Database &>;
    static_assert(Detail::isResult<R>, "a store job must return Corral::Result<T>");
    static_assert(std::invocable<Done &, R &&>, "done must accept the job's Result<T>");
    Q_ASSERT(context);

    // Shared so a move-only Result can be handed over; the queued signal orders the write on
    // the store thread before the read on the context's thread.
    auto result = std::make_shared<std::optional<R>>();
    auto relay = std::make_shared<Detail::StoreRelay>();
    QObject::connect(
        relay.get(), &Detail::StoreRelay::finished, context,
        [result, done = std::optional<Done>(std::move(done))]() mutable {
            if (!*result || !done)
                return;
            std::invoke(*done, std::move(**result));
            // Release what done captured here, on the context's thread, rather
            // than wherever the connection happens to be freed.
            done.reset();
            result->reset();
        },
        Qt::QueuedConnection);
    relay->moveToThread(m_thread.get());

    // std::function needs a copyable callable: the job lives behind a shared_ptr.
    auto sharedJob = std::make_shared<Job>(std::move(job));
    enqueue([sharedJob, result, relay](Database *db, const Error &openError) {
        if (db)
            result->emplace(std::invoke(*sharedJob, *db));
        else
            result->emplace(std::unexpected(openError));
        Q_EMIT relay->finished();
    });
}

template<typename Job> void StoreService::post(Job job)
{
    using R = std::invoke_result_t<Job &, Database &>;
    static_assert(Detail::isResult<R>, "a store job must return Corral::Result<T>");

    auto sharedJob = std::make_shared<Job>(std::move(job));
    enqueue([sharedJob](Database *db, const Error &openError) {
        if (!db) {
            logFailure(openError);
            return;
        }
        if (const R result = std::invoke(*sharedJob, *db); !result)
            logFailure(result.error());
    });
}

} // namespace Corral
