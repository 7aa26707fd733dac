#pragma once

#include "util/threadptr.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace Corral {

// Runs libvirt's default event loop on a thread of its own. libvirt needs it registered
// before any connection is opened (keepalive, domain events and close callbacks are all
// dispatched from it). Callbacks run on that thread and must only post to other threads.
// Owned by Fleet; one per process (libvirt allows only one event implementation).
class VirtEventLoop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VirtEventLoop)

public:
    // Call first thing in main(), before the QCoreApplication exists. libvirt's event loop
    // iterates GLib's default main context on its own thread, so Qt must not use GLib for
    // its event dispatcher (QT_NO_GLIB) or the two threads starve each other.
    static void prepareProcess();

    // The process's loop, started on first use and stopped when the last user lets go.
    static std::shared_ptr<VirtEventLoop> acquire();
    ~VirtEventLoop() override;

private:
    VirtEventLoop();
    class Runner;
    ThreadPtr m_thread;
    std::shared_ptr<std::atomic_bool> m_stop;
};

} // namespace Corral
