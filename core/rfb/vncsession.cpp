#include "vncsession.h"

#include "rfbclient.h"

#include "util/logging.h"
#include "util/mailbox.h"

#include <QTimer>

#include <cerrno>
#include <cstring>
#include <deque>
#include <thread>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Corral {

namespace RfbDetail {

constexpr int HandshakeTimeoutMs = 20000;
constexpr int ConnectTimeoutMs = 10000;
constexpr size_t ReadChunk = 256 * 1024;
constexpr size_t MaxReadPerTurn = 8 * 1024 * 1024;

// The session's connection: a thread with a poll loop over the socket and a wake-up eventfd.
// Everything on the RFB client happens here; results reach the VncSession through its mailbox,
// tagged with the generation so that a late message of an old connection is ignored.
struct Worker
{
    VncSession *session = nullptr; // for the front buffer only (the session joins us first)
    std::shared_ptr<Mailbox> mailbox;
    quint64 generation = 0;
    Rfb::Client::Options options;
    int fd = -1;
    QString host; // connect here when fd is -1
    quint16 port = 0;
    int wakeFd = -1;
    std::thread thread;
    std::mutex mutex;
    std::deque<std::function<void(Rfb::Client &)>> tasks;
    bool stopping = false;
    QRegion damage;  // drawn during the current update
    QRegion covered; // drawn since connecting (or the last resize), until it is everything
    bool complete = false;
    QByteArray pendingOut;

    ~Worker()
    {
        if (fd >= 0)
            ::close(fd);
        if (wakeFd >= 0)
            ::close(wakeFd);
    }

    void wake()
    {
        const quint64 one = 1;
        [[maybe_unused]] auto n = ::write(wakeFd, &one, sizeof one);
    }
    void post(std::function<void(Rfb::Client &)> task)
    {
        {
            std::lock_guard lock(mutex);
            tasks.push_back(std::move(task));
        }
        wake();
    }
    void stop()
    {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake();
        if (thread.joinable())
            thread.join();
    }
    bool isStopping()
    {
        std::lock_guard lock(mutex);
        return stopping;
    }

    template<typename F> void toSession(F &&call)
    {
        mailbox->post([session = session, gen = generation, call = std::forward<F>(call)]() mutable {
            if (session->m_generation == gen)
                call(session);
        });
    }
    void end(const QString &error, bool fatal)
    {
        toSession([error, fatal](VncSession *s) { s->onEnded(error, fatal); });
    }

    bool connectTcp(QString *error);
    void run();
    bool flush(Rfb::Client &client, QString *error);
};

bool Worker::connectTcp(QString *error)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_family = AF_UNSPEC;
    addrinfo *list = nullptr;
    const QByteArray node = host.toUtf8();
    const QByteArray service = QByteArray::number(port);
    if (const int rc = getaddrinfo(node.constData(), service.constData(), &hints, &list); rc != 0) {
        *error = Tr::tr("Cannot resolve %1: %2.").arg(host, QString::fromLocal8Bit(gai_strerror(rc)));
        return false;
    }
    QString lastError;
    for (addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
        const int s = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
        if (s < 0)
            continue;
        if (::connect(s, ai->ai_addr, ai->ai_addrlen) == 0 || errno == EINPROGRESS) {
            pollfd p[2] = {{s, POLLOUT, 0}, {wakeFd, POLLIN, 0}};
            const int n = ::poll(p, 2, ConnectTimeoutMs);
            int soError = 0;
            socklen_t len = sizeof soError;
            if (n > 0 && (p[0].revents & (POLLOUT | POLLERR | POLLHUP))
                && ::getsockopt(s, SOL_SOCKET, SO_ERROR, &soError, &len) == 0 && soError == 0) {
                fd = s;
                break;
            }
            lastError = n == 0 ? Tr::tr("timed out") : QString::fromLocal8Bit(strerror(soError ? soError : errno));
        } else {
            lastError = QString::fromLocal8Bit(strerror(errno));
        }
        ::close(s);
        if (isStopping())
            break;
    }
    freeaddrinfo(list);
    if (fd < 0) {
        *error = Tr::tr("Cannot connect to the VNC server at %1:%2: %3.").arg(host).arg(port).arg(lastError);
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return true;
}

bool Worker::flush(Rfb::Client &client, QString *error)
{
    pendingOut += client.takeOutput();
    while (!pendingOut.isEmpty()) {
        const ssize_t n = ::send(fd, pendingOut.constData(), size_t(pendingOut.size()), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return true;
            *error = Tr::tr("The connection to the VNC server broke: %1.").arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        pendingOut.remove(0, n);
    }
    return true;
}

void Worker::run()
{
    QString error;
    if (fd < 0 && !connectTcp(&error)) {
        if (!isStopping())
            end(error, false);
        return;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

    Rfb::Client::Handler handler;
    handler.credentialsNeeded = [this](Rfb::CredentialKind kind) {
        toSession([kind](VncSession *s) {
            if (s->m_options.credentials && !s->m_credentialsUsed) {
                s->m_credentialsUsed = true;
                s->answerCredentials(*s->m_options.credentials);
                return;
            }
            s->setState(VncSession::State::Authenticating);
            Q_EMIT s->credentialsRequested(kind, s->m_label);
        });
    };
    Rfb::Client *clientPtr = nullptr;
    handler.connected = [this, &clientPtr] {
        const bool keys = clientPtr->hasExtendedKeyEvents();
        toSession([name = clientPtr->desktopName(), summary = clientPtr->summary(), keys](VncSession *s) {
            s->m_desktopName = name;
            s->m_summary = summary;
            s->m_extendedKeys = keys;
            s->m_backoffMs = 0;
            s->setState(VncSession::State::Connected);
        });
    };
    handler.resized = [this](int w, int h) {
        session->resizeFront(w, h);
        damage = QRegion();
        covered = QRegion();
        toSession([size = QSize(w, h)](VncSession *s) {
            s->m_size = size;
            Q_EMIT s->framebufferResized(size);
        });
    };
    handler.damaged = [this](const QRect &r) { damage += r; };
    handler.updateFinished = [this, &clientPtr] {
        if (session->publishFrame(clientPtr->framebuffer().image(), damage))
            toSession([](VncSession *s) { s->announceFrame(); });
        session->m_frames.fetch_add(1, std::memory_order_relaxed);
        // The first frame is the first moment every pixel has been drawn: servers answer the
        // first request with pseudo-rectangles (size, LEDs) in updates of their own first.
        bool first = false;
        if (!complete) {
            covered += damage;
            complete = (QRegion(clientPtr->framebuffer().rect()) - covered).isEmpty();
            first = complete;
        }
        damage = QRegion();
        if (first || clientPtr->updatesReceived() % 64 == 0) {
            toSession([keys = clientPtr->hasExtendedKeyEvents(), clip = clientPtr->hasExtendedClipboard(),
                       summary = clientPtr->summary(), first](VncSession *s) {
                s->m_extendedKeys = keys;
                s->m_extendedClipboard = clip;
                s->m_summary = summary;
                if (first && !s->m_sawFrame) {
                    s->m_sawFrame = true;
                    Q_EMIT s->firstFrame();
                }
            });
        }
    };
    handler.cursorChanged = [this](const QImage &image, const QPoint &hotspot) {
        toSession([image, hotspot](VncSession *s) { Q_EMIT s->cursorChanged(image, hotspot); });
    };
    handler.clipboard = [this](const QString &text) {
        toSession([text](VncSession *s) { Q_EMIT s->clipboardReceived(text); });
    };
    handler.ledState = [this](int leds) {
        toSession([leds](VncSession *s) { Q_EMIT s->ledStateChanged(leds); });
    };
    handler.bell = [this] { toSession([](VncSession *s) { Q_EMIT s->bell(); }); };

    Rfb::Client client(options, std::move(handler));
    clientPtr = &client;
    const auto started = std::chrono::steady_clock::now();
    std::vector<char> buffer(ReadChunk);

    for (;;) {
        std::deque<std::function<void(Rfb::Client &)>> todo;
        {
            std::lock_guard lock(mutex);
            if (stopping)
                return;
            todo.swap(tasks);
        }
        for (auto &task : todo)
            task(client);
        if (client.failed())
            return end(client.error(), true);
        if (!flush(client, &error))
            return end(error, false);

        int timeout = -1;
        if (!client.isConnected()) {
            const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - started).count();
            timeout = int(qMax<qint64>(0, HandshakeTimeoutMs - waited));
        }
        pollfd p[2] = {{fd, short(POLLIN | (pendingOut.isEmpty() ? 0 : POLLOUT)), 0}, {wakeFd, POLLIN, 0}};
        const int n = ::poll(p, 2, timeout);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return end(Tr::tr("Polling the VNC connection failed: %1.").arg(QString::fromLocal8Bit(strerror(errno))), false);
        }
        if (n == 0 && !client.isConnected())
            return end(Tr::tr("The VNC server did not finish the handshake within %1 s.").arg(HandshakeTimeoutMs / 1000), false);
        if (p[1].revents & POLLIN) {
            quint64 value;
            [[maybe_unused]] auto r = ::read(wakeFd, &value, sizeof value);
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            size_t total = 0;
            while (total < MaxReadPerTurn) {
                const ssize_t got = ::recv(fd, buffer.data(), buffer.size(), 0);
                if (got > 0) {
                    total += size_t(got);
                    if (!client.feed(buffer.data(), size_t(got)))
                        return end(client.error(), true);
                    if (size_t(got) < buffer.size())
                        break;
                    continue;
                }
                if (got == 0)
                    return end(client.isConnected()
                                   ? Tr::tr("The VNC server closed the connection.")
                                   : Tr::tr("The VNC server closed the connection during the handshake."),
                               false);
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    break;
                if (errno == EINTR)
                    continue;
                return end(Tr::tr("The connection to the VNC server broke: %1.")
                               .arg(QString::fromLocal8Bit(strerror(errno))),
                           false);
            }
        }
        if (!flush(client, &error))
            return end(error, false);
    }
}

} // namespace RfbDetail

using RfbDetail::Worker;

VncSession::VncSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Corral::VncSession::State>();
    qRegisterMetaType<Corral::Rfb::CredentialKind>();
}

VncSession::~VncSession()
{
    ++m_generation;
    stopWorker();
}

void VncSession::setOptions(const Options &options)
{
    m_options = options;
}

void VncSession::setState(State state, const QString &error)
{
    m_error = error;
    if (m_state == state && state != State::Reconnecting)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void VncSession::connectToHost(const QString &host, quint16 port)
{
    m_opener = nullptr;
    m_reconnect = false;
    m_label = host.contains(u':') ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                  : QStringLiteral("%1:%2").arg(host).arg(port);
    ++m_generation;
    stopWorker();
    m_credentialsUsed = false;
    m_sawFrame = false;
    setState(State::Connecting);
    startWorker(-1, host, port);
}

void VncSession::connectVia(Opener opener, const QString &label, bool reconnect)
{
    m_opener = std::move(opener);
    m_label = label;
    m_reconnect = reconnect;
    m_backoffMs = 0;
    openTransport();
}

void VncSession::openTransport()
{
    ++m_generation;
    stopWorker();
    m_credentialsUsed = false;
    m_sawFrame = false;
    setState(State::Connecting);
    if (!m_opener)
        return setState(State::Failed, tr("Nothing to connect to."));
    const quint64 gen = m_generation;
    m_opener(this, [this, gen](Result<int> fd) {
        if (gen != m_generation) {
            if (fd)
                ::close(*fd);
            return;
        }
        if (!fd) {
            // No route or tunnel yet (VM stopped, host offline): worth retrying.
            if (m_reconnect)
                return scheduleReconnect(fd.error().message);
            return setState(State::Failed, fd.error().message);
        }
        startWorker(*fd, {}, 0);
    });
}

void VncSession::startWorker(int fd, const QString &host, quint16 port)
{
    auto worker = std::make_shared<Worker>();
    worker->session = this;
    worker->mailbox = Mailbox::replyTo(this);
    worker->generation = m_generation;
    worker->fd = fd;
    worker->host = host;
    worker->port = port;
    worker->options.encodings = m_options.encodings;
    worker->options.jpegQuality = m_options.jpegQuality;
    worker->options.compressLevel = m_options.compressLevel;
    worker->options.shared = m_options.shared;
    worker->options.tls = m_options.tls;
    worker->wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_worker = worker;
    worker->thread = std::thread([worker] { worker->run(); });
}

void VncSession::stopWorker()
{
    if (auto worker = std::exchange(m_worker, nullptr))
        worker->stop();
}

void VncSession::disconnectFromHost()
{
    ++m_generation;
    m_reconnect = false;
    stopWorker();
    if (m_state != State::Idle)
        setState(State::Closed);
}

void VncSession::reconnectNow()
{
    if (m_state == State::Reconnecting && m_opener) {
        m_backoffMs = 0;
        openTransport();
    }
}

void VncSession::scheduleReconnect(const QString &why)
{
    ++m_generation;
    stopWorker();
    m_backoffMs = m_backoffMs == 0 ? 1000 : qMin(m_backoffMs * 2, 10000);
    setState(State::Reconnecting, why);
    const quint64 gen = m_generation;
    QTimer::singleShot(m_backoffMs, this, [this, gen] {
        if (gen == m_generation && m_state == State::Reconnecting)
            openTransport();
    });
}

void VncSession::onEnded(const QString &error, bool fatal)
{
    qCInfo(lcVnc).noquote() << m_label << "ended:" << error;
    if (!fatal && m_reconnect && m_opener)
        return scheduleReconnect(error);
    ++m_generation;
    stopWorker();
    setState(State::Failed, error);
}

void VncSession::answerCredentials(const Rfb::Credentials &credentials)
{
    if (!m_worker)
        return;
    if (m_state == State::Authenticating)
        setState(State::Connecting);
    m_worker->post([credentials](Rfb::Client &c) { c.setCredentials(credentials); });
}

void VncSession::cancelCredentials()
{
    ++m_generation;
    m_reconnect = false;
    stopWorker();
    setState(State::Failed, tr("No password was given for %1.").arg(m_label));
}

VncSession::FrameLock VncSession::lockFrame() const
{
    return FrameLock(m_frameMutex, &m_front);
}

QImage VncSession::snapshot() const
{
    std::lock_guard lock(m_frameMutex);
    return m_front.copy();
}

void VncSession::resizeFront(int width, int height)
{
    std::lock_guard lock(m_frameMutex);
    m_front = QImage(width, height, QImage::Format_RGB32);
    m_front.fill(Qt::black);
    m_pendingDamage = QRegion(m_front.rect());
    m_notifyPending = false; // a notice queued by an earlier connection may have been dropped
}

bool VncSession::publishFrame(const QImage &back, const QRegion &damage)
{
    std::lock_guard lock(m_frameMutex);
    const QRect bounds = m_front.rect() & back.rect();
    for (const QRect &r0 : damage) {
        const QRect r = r0 & bounds;
        if (r.isEmpty())
            continue;
        const size_t bytes = size_t(r.width()) * 4;
        for (int y = r.top(); y <= r.bottom(); ++y)
            memcpy(m_front.scanLine(y) + r.x() * 4, back.constScanLine(y) + r.x() * 4, bytes);
    }
    m_pendingDamage += damage;
    // Coalesced: if the GUI is behind, the next notice carries every rectangle since.
    return !std::exchange(m_notifyPending, true);
}

void VncSession::announceFrame()
{
    QRegion region;
    {
        std::lock_guard lock(m_frameMutex);
        region = std::exchange(m_pendingDamage, {});
        m_notifyPending = false;
    }
    if (!region.isEmpty())
        Q_EMIT frameUpdated(region);
}

void VncSession::sendKey(quint32 keysym, quint32 scancode, bool down)
{
    if (m_worker && !m_options.viewOnly)
        m_worker->post([=](Rfb::Client &c) { c.keyEvent(keysym, scancode, down); });
}

void VncSession::sendPointer(const QPoint &position, int buttonMask)
{
    if (m_worker && !m_options.viewOnly)
        m_worker->post([=](Rfb::Client &c) { c.pointerEvent(position.x(), position.y(), buttonMask); });
}

void VncSession::sendClipboard(const QString &text)
{
    if (m_worker && !m_options.viewOnly)
        m_worker->post([text](Rfb::Client &c) { c.clientCutText(text); });
}

void VncSession::typeText(const QString &text)
{
    if (!m_worker || m_options.viewOnly)
        return;
    QList<quint32> keysyms;
    for (const char32_t c : text.toUcs4()) {
        if (c == U'\r')
            continue;
        if (c == U'\n')
            keysyms.append(0xff0d); // Return
        else if (c == U'\t')
            keysyms.append(0xff09); // Tab
        else if (c < 0x20 || c == 0x7f)
            continue;
        else if (c < 0x100)
            keysyms.append(quint32(c));
        else
            keysyms.append(0x01000000u | quint32(c));
    }
    m_worker->post([keysyms](Rfb::Client &c) {
        for (quint32 k : keysyms) {
            c.keyEvent(k, 0, true);
            c.keyEvent(k, 0, false);
        }
    });
}

void VncSession::requestRefresh()
{
    if (m_worker)
        m_worker->post([](Rfb::Client &c) { c.requestUpdate(false); });
}

} // namespace Corral
