#include "storeservice.h"

#include "util/logging.h"

#include <QAtomicInteger>

using namespace Qt::StringLiterals;

namespace Corral {

namespace Detail {

// Owns the Database on the store thread and runs the tasks posted to it.
class StoreWorker final : public QObject
{
    Q_OBJECT
public:
    StoreWorker(const QString &path, const QString &connectionName)
        : m_path(path)
        , m_connectionName(connectionName)
    { }
    Q_DISABLE_COPY_MOVE(StoreWorker)

    void open()
    {
        auto db = Database::open(m_path, m_connectionName);
        if (db) {
            m_db = std::move(*db);
        } else {
            m_openError = db.error();
            qCWarning(lcStore) << "Cannot open the catalog:" << m_openError.fullText();
        }
    }

    void run(const std::function<void(Database *, const Error &)> &task)
    {
        task(m_db.get(), m_openError);
    }

    // Closes the connection here, on its own thread, before the thread goes away.
    void close() { m_db.reset(); }

private:
    QString m_path;
    QString m_connectionName;
    std::unique_ptr<Database> m_db;
    Error m_openError;
};

} // namespace Detail

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint32> counter;
    return u"corral-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

StoreService::StoreService(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    auto worker = std::make_unique<Detail::StoreWorker>(path, nextConnectionName());
    m_worker = worker.get();
    m_thread = startWorkerThread(u"corral-store"_s, worker.release());
    // The first event on the thread, so it runs before any job.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->open(); }, Qt::QueuedConnection);
}

StoreService::~StoreService()
{
    // Quit from inside the thread, queued behind every job already posted. ThreadDeleter's
    // quit alone can lose them: if the thread has not created its event dispatcher yet, it
    // calls QThread::quit() directly, and a quit before exec() makes exec() return at once
    // without delivering the queued events.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    // m_thread's deleter now only deletes the finished thread; the worker went with
    // QThread::finished.
}

void StoreService::enqueue(Task task)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, task = std::move(task)] { worker->run(task); },
        Qt::QueuedConnection);
}

void StoreService::logFailure(const Error &error)
{
    qCWarning(lcStore) << "Catalog job failed:" << error.fullText();
}

} // namespace Corral

#include "storeservice.moc"
