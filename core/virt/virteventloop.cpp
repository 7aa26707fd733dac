#include "virteventloop.h"

#include "util/logging.h"
#include "virthandles.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QThread>

#include <mutex>

namespace Corral {

namespace {
// libvirt keeps one event implementation per process; register it exactly once, however
// many Fleets (tests make several) come and go.
bool registerDefaultImpl()
{
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        virInitialize();
        // Errors are reported through Result and the log; libvirt's own printing to stderr
        // would only duplicate them.
        virSetErrorFunc(nullptr, [](void *, virErrorPtr) {});
        ok = virEventRegisterDefaultImpl() == 0;
        if (!ok)
            qCCritical(lcVirt) << "cannot register libvirt event loop:" << Virt::lastVirtError();
    });
    return ok;
}
} // namespace

// The worker: one long slot that runs the blocking libvirt loop until asked to stop. This is
// the one place a thread wraps a blocking C loop instead of a Qt event loop.
class VirtEventLoop::Runner final : public QObject
{
public:
    explicit Runner(std::shared_ptr<std::atomic_bool> stop)
        : m_stop(std::move(stop))
    { }

    void run()
    {
        while (!m_stop->load()) {
            if (virEventRunDefaultImpl() < 0) {
                qCWarning(lcVirt) << "libvirt event loop iteration failed:"
                                  << Virt::lastVirtError();
            }
        }
    }

private:
    std::shared_ptr<std::atomic_bool> m_stop;
};

void VirtEventLoop::prepareProcess()
{
    qputenv("QT_NO_GLIB", "1");
}

std::shared_ptr<VirtEventLoop> VirtEventLoop::acquire()
{
    auto *dispatcher = QCoreApplication::instance()
        ? QCoreApplication::instance()->thread()->eventDispatcher()
        : nullptr;
    if (dispatcher && dispatcher->inherits("QEventDispatcherGlib")) {
        qFatal("Corral: the Qt event dispatcher uses GLib, which deadlocks with libvirt's "
               "event loop. Call VirtEventLoop::prepareProcess() (or set QT_NO_GLIB=1) "
               "before creating the application object.");
    }
    static std::mutex mutex;
    static std::weak_ptr<VirtEventLoop> current;
    std::lock_guard lock(mutex);
    auto loop = current.lock();
    if (!loop) {
        loop.reset(new VirtEventLoop);
        current = loop;
    }
    return loop;
}

VirtEventLoop::VirtEventLoop()
    : m_stop(std::make_shared<std::atomic_bool>(false))
{
    if (!registerDefaultImpl())
        return;
    auto *runner = new Runner(m_stop);
    m_thread = startWorkerThread(QStringLiteral("corral-virt-events"), runner);
    QMetaObject::invokeMethod(
        runner, [runner] { runner->run(); }, Qt::QueuedConnection);
}

VirtEventLoop::~VirtEventLoop()
{
    if (!m_thread)
        return;
    m_stop->store(true);
    // A timer that fires at once wakes the loop out of poll() so it sees the stop flag.
    const int wake = virEventAddTimeout(
        0, [](int timer, void *) { virEventRemoveTimeout(timer); }, nullptr, nullptr);
    if (wake < 0)
        qCWarning(lcVirt) << "cannot wake libvirt event loop:" << Virt::lastVirtError();
    m_thread.reset();
}

} // namespace Corral
