#pragma once

#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>

namespace Corral {

// Delivers calls from a worker thread (an SSH session's, libvirt's event loop) to an object on
// its own thread, and stops the moment that object is gone: the object detaches itself in its
// destructor under the same lock, so a call is either queued while it lives (and dropped by Qt
// if it dies first) or never queued.
struct Mailbox
{
    std::mutex mutex;
    QObject *target = nullptr;

    explicit Mailbox(QObject *object = nullptr)
        : target(object)
    { }

    template<typename F> bool post(F &&call)
    {
        std::lock_guard lock(mutex);
        if (!target)
            return false;
        QMetaObject::invokeMethod(target, std::forward<F>(call), Qt::QueuedConnection);
        return true;
    }
    void detach()
    {
        std::lock_guard lock(mutex);
        target = nullptr;
    }

    // A mailbox for replies to `object` that closes itself when the object is destroyed.
    static std::shared_ptr<Mailbox> replyTo(QObject *object)
    {
        auto box = std::make_shared<Mailbox>(object);
        QObject::connect(object, &QObject::destroyed, [box] { box->detach(); });
        return box;
    }
};

} // namespace Corral
