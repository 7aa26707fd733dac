#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QThread>

#include <memory>

namespace Corral {

// Owns a QThread: deleting it asks the thread's event loop to finish after the work already
// posted to it, then waits. Workers moved to the thread are deleted on QThread::finished.
struct ThreadDeleter
{
    // Queues the quit behind everything already posted to the thread's workers (final
    // writes, say) and waits until the deadline; true when the thread has finished. A helper
    // object moved to the thread carries the quit: that works even before the thread's event
    // loop exists, when quit() alone would make exec() return at once and drop the work.
    static bool quitAndWait(QThread *thread, QDeadlineTimer deadline)
    {
        auto *quitter = new QObject;
        quitter->moveToThread(thread);
        QObject::connect(thread, &QThread::finished, quitter, &QObject::deleteLater);
        QMetaObject::invokeMethod(
            quitter, [thread] { thread->quit(); }, Qt::QueuedConnection);
        return thread->wait(deadline);
    }

    void operator()(QThread *thread) const
    {
        if (!thread)
            return;
        if (thread->isRunning())
            quitAndWait(thread, QDeadlineTimer(QDeadlineTimer::Forever));
        delete thread;
    }
};
using ThreadPtr = std::unique_ptr<QThread, ThreadDeleter>;

// Stops a thread whose worker may be stuck in a blocking C call that nothing can interrupt
// (libvirt's connection open to a frozen daemon has no timeout). Waits until `deadline`; a
// thread still busy then is left to end with the process rather than hang the caller, and
// false is returned.
inline bool stopThreadWithin(ThreadPtr &thread, QDeadlineTimer deadline)
{
    if (!thread || !thread->isRunning()) {
        thread.reset();
        return true;
    }
    if (ThreadDeleter::quitAndWait(thread.get(), deadline)) {
        thread.reset();
        return true;
    }
    (void)thread.release();
    return false;
}

// Lets a thread finish on its own time: its queued work runs, then it quits and is deleted.
// For the GUI thread, which must never wait on a worker that may be stuck.
inline void releaseThread(ThreadPtr &thread)
{
    if (!thread)
        return;
    QThread *t = thread.release();
    if (!t->isRunning()) {
        delete t;
        return;
    }
    QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
    auto *quitter = new QObject;
    quitter->moveToThread(t);
    QObject::connect(t, &QThread::finished, quitter, &QObject::deleteLater);
    QMetaObject::invokeMethod(
        quitter, [t] { t->quit(); }, Qt::QueuedConnection);
}

// Starts a named thread and moves `worker` onto it; the worker is deleted when it finishes.
inline ThreadPtr startWorkerThread(const QString &name, QObject *worker)
{
    ThreadPtr thread(new QThread);
    thread->setObjectName(name);
    worker->moveToThread(thread.get());
    QObject::connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    thread->start();
    return thread;
}

} // namespace Corral
