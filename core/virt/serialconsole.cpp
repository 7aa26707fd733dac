#include "serialconsole.h"

#include "virthandles.h"

#include "util/logging.h"
#include "util/mailbox.h"
#include "util/result.h"

namespace Corral {

using namespace Virt;

// Shared by the stream (caller's thread), the host session thread (open, write, close) and
// libvirt's event loop thread (reads). `mutex` guards `stream`.
struct SerialConsoleStream::Link
{
    Mailbox mailbox;
    std::mutex mutex;
    virStreamPtr stream = nullptr;
    QByteArray pending; // bytes the stream could not take yet
    bool writeWatch = false;

    explicit Link(SerialConsoleStream *owner)
        : mailbox(owner)
    { }

    // On the host thread or the event loop: releases the libvirt stream.
    void shutdown(bool abort)
    {
        std::lock_guard lock(mutex);
        if (!stream)
            return;
        virStreamEventRemoveCallback(stream);
        if (abort)
            virStreamAbort(stream);
        else
            virStreamFinish(stream);
        virStreamFree(stream);
        stream = nullptr;
        pending.clear();
    }

    void updateEvents()
    {
        int events = VIR_STREAM_EVENT_READABLE | VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP;
        if (!pending.isEmpty())
            events |= VIR_STREAM_EVENT_WRITABLE;
        if (writeWatch != !pending.isEmpty()) {
            virStreamEventUpdateCallback(stream, events);
            writeWatch = !pending.isEmpty();
        }
    }

    // With the mutex held: sends what the stream takes now.
    void flush()
    {
        while (stream && !pending.isEmpty()) {
            const int n = virStreamSend(stream, pending.constData(), size_t(pending.size()));
            if (n > 0) {
                pending.remove(0, n);
                continue;
            }
            break; // -2: would block (the writable event resumes), -1: the read side reports
        }
        if (stream)
            updateEvents();
    }

    // libvirt's event loop thread.
    static void onEvent(virStreamPtr, int events, void *opaque)
    {
        auto *link = static_cast<std::shared_ptr<Link> *>(opaque)->get();
        QByteArray data;
        bool ended = false;
        QString error;
        {
            std::lock_guard lock(link->mutex);
            if (!link->stream)
                return;
            if (events & VIR_STREAM_EVENT_WRITABLE)
                link->flush();
            char buffer[64 * 1024];
            for (;;) {
                const int n = virStreamRecv(link->stream, buffer, sizeof buffer);
                if (n > 0) {
                    data.append(buffer, n);
                    if (data.size() >= 1024 * 1024)
                        break; // hand over; the next event continues
                    continue;
                }
                if (n == 0) {
                    ended = true;
                } else if (n == -1) {
                    ended = true;
                    error = lastVirtError();
                }
                break; // -2: nothing more now
            }
            if (!ended && (events & (VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP)))
                ended = true;
        }
        if (!data.isEmpty()) {
            link->mailbox.post([link, data] {
                if (auto *s = qobject_cast<SerialConsoleStream *>(link->mailbox.target))
                    Q_EMIT s->dataReceived(data);
            });
        }
        if (ended) {
            link->shutdown(true);
            link->mailbox.post([link, error] {
                if (auto *s = qobject_cast<SerialConsoleStream *>(link->mailbox.target))
                    s->onEnded(error.isEmpty(), error);
            });
        }
    }

    static void freeOpaque(void *opaque) { delete static_cast<std::shared_ptr<Link> *>(opaque); }
};

SerialConsoleStream::SerialConsoleStream(QString title, QString vmName, QUuid uuid,
                                         HostRunner runner, QObject *parent)
    : ConsoleStream(parent)
    , m_title(std::move(title))
    , m_vmName(std::move(vmName))
    , m_uuid(uuid)
    , m_runner(std::move(runner))
    , m_link(std::make_shared<Link>(this))
{ }

SerialConsoleStream::~SerialConsoleStream()
{
    m_link->mailbox.detach();
    auto link = m_link;
    m_runner([link](virConnectPtr) { link->shutdown(true); });
}

void SerialConsoleStream::open()
{
    m_closedByUser = false;
    start();
}

void SerialConsoleStream::start()
{
    m_waitingForVm = false;
    setState(State::Connecting);
    auto link = m_link;
    const QUuid uuid = m_uuid;
    const QString name = m_vmName;
    m_runner([link, uuid, name](virConnectPtr conn) {
        auto report = [link](bool waiting, const QString &error) {
            link->mailbox.post([link, waiting, error] {
                if (auto *s = qobject_cast<SerialConsoleStream *>(link->mailbox.target))
                    s->onOpened(waiting, error);
            });
        };
        link->shutdown(true); // a previous stream, if any
        if (!conn) {
            return report(false,
                          Tr::tr("The host of %1 is not connected: the console opens "
                                 "when you reconnect after it is back.")
                              .arg(name));
        }
        const QByteArray id = uuid.toByteArray(QUuid::WithoutBraces);
        DomainPtr dom(virDomainLookupByUUIDString(conn, id.constData()));
        if (!dom)
            return report(false, Tr::tr("%1 no longer exists on its host.").arg(name));
        if (virDomainIsActive(dom.get()) != 1)
            return report(true, {});
        virStreamPtr stream = virStreamNew(conn, VIR_STREAM_NONBLOCK);
        if (!stream
            || virDomainOpenConsole(dom.get(), nullptr, stream, VIR_DOMAIN_CONSOLE_FORCE) != 0) {
            const QString detail = lastVirtError();
            if (stream)
                virStreamFree(stream);
            return report(false,
                          Tr::tr("Cannot open the serial console of %1: %2").arg(name, detail));
        }
        std::lock_guard lock(link->mutex);
        link->stream = stream;
        link->writeWatch = false;
        const int events
            = VIR_STREAM_EVENT_READABLE | VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP;
        if (virStreamEventAddCallback(stream, events, &Link::onEvent,
                                      new std::shared_ptr<Link>(link), &Link::freeOpaque)
            != 0) {
            const QString detail = lastVirtError();
            virStreamAbort(stream);
            virStreamFree(stream);
            link->stream = nullptr;
            return report(false,
                          Tr::tr("Cannot watch the serial console of %1: %2").arg(name, detail));
        }
        report(false, {});
    });
}

void SerialConsoleStream::onOpened(bool waiting, const QString &error)
{
    if (m_closedByUser)
        return;
    if (waiting) {
        m_waitingForVm = true;
        setState(State::Connecting, tr("Waiting for %1 to start…").arg(m_vmName));
    } else if (error.isEmpty()) {
        setState(State::Connected);
    } else {
        setState(State::Failed, error);
    }
}

void SerialConsoleStream::onEnded(bool vmStopped, const QString &error)
{
    if (m_closedByUser)
        return;
    if (vmStopped) {
        // Usually the VM powered off or rebooted; it reopens when the VM runs.
        m_waitingForVm = true;
        setState(State::Closed,
                 tr("The console of %1 closed (the VM stopped?). It reopens "
                    "when the VM runs again.")
                     .arg(m_vmName));
    } else {
        setState(State::Failed, tr("The serial console of %1 was lost: %2").arg(m_vmName, error));
    }
}

void SerialConsoleStream::setVmRunning(bool running)
{
    if (running && m_waitingForVm && !m_closedByUser)
        start();
}

void SerialConsoleStream::write(const QByteArray &bytes)
{
    if (state() != State::Connected || bytes.isEmpty())
        return;
    auto link = m_link;
    m_runner([link, bytes](virConnectPtr) {
        std::lock_guard lock(link->mutex);
        if (!link->stream)
            return;
        link->pending += bytes;
        link->flush();
    });
}

void SerialConsoleStream::resize(int, int) { }

void SerialConsoleStream::reconnect()
{
    m_closedByUser = false;
    start();
}

void SerialConsoleStream::close()
{
    m_closedByUser = true;
    m_waitingForVm = false;
    auto link = m_link;
    m_runner([link](virConnectPtr) { link->shutdown(false); });
    setState(State::Closed);
}

} // namespace Corral
