#pragma once

#include <QObject>
#include <QThread>

#include <memory>

namespace Corral {

// Owns a QThread: deleting it asks the thread's event loop to finish after the work already
// posted to it, then waits. Workers moved to the thread are deleted on QThread::finished.
struct ThreadDeleter
{
    void operator()(QThread *thread) const
    {
        if (!thread)
            return;
        if (thread->isRunning()) {
            // The quit is queued behind everything already posted to the thread's workers
            // (final writes, say). A helper object moved to the thread carries it: that works
            // even before the thread's event loop exists, when quit() alone would make exec()
            // return at once and drop the queued work.
            auto *quitter = new QObject;
            quitter->moveToThread(thread);
            QObject::connect(thread, &QThread::finished, quitter, &QObject::deleteLater);
            QMetaObject::invokeMethod(
                quitter, [thread] { thread->quit(); }, Qt::QueuedConnection);
            thread->wait();
        }
        delete thread;
    }
};
using ThreadPtr = std::unique_ptr<QThread, ThreadDeleter>;

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
