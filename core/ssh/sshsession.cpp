#include "sshsession.h"

#include "sshworker.h"
#include "util/logging.h"

#include <QThread>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace Corral {

using SshDetail::Channel;
using SshDetail::Worker;

namespace {
std::atomic<quint64> nextUserChannelId{1};
}

// ---- SshChannel ----------------------------------------------------------------------------

SshChannel::SshChannel(std::shared_ptr<Worker> worker, quint64 id, QObject *parent)
    : QObject(parent)
    , m_worker(std::move(worker))
    , m_mailbox(std::make_shared<Mailbox>())
    , m_id(id)
{
    m_mailbox->target = this;
}

SshChannel::~SshChannel()
{
    m_mailbox->detach();
    close();
}

void SshChannel::write(const QByteArray &bytes)
{
    if (m_closed || bytes.isEmpty())
        return;
    m_worker->post([w = m_worker.get(), id = m_id, bytes] { w->writeInteractive(id, bytes); });
}

void SshChannel::resize(int cols, int rows)
{
    if (!m_closed)
        m_worker->post(
            [w = m_worker.get(), id = m_id, cols, rows] { w->resizeInteractive(id, cols, rows); });
}

void SshChannel::sendEof()
{
    if (!m_closed)
        m_worker->post([w = m_worker.get(), id = m_id] { w->eofInteractive(id); });
}

void SshChannel::close()
{
    if (std::exchange(m_closed, true))
        return;
    m_open = false;
    m_worker->post([w = m_worker.get(), id = m_id] { w->closeChannel(id); });
}

// ---- SshSession ----------------------------------------------------------------------------

SshSession::SshSession(SshEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_worker(std::make_shared<Worker>())
    , m_mailbox(std::make_shared<Mailbox>())
{
    qRegisterMetaType<Corral::SshSession::State>();
    qRegisterMetaType<Corral::CredentialRequest>();
    m_mailbox->target = this;
    m_worker->endpoint = std::move(endpoint);
    m_worker->facade = m_mailbox;
    m_worker->owner = this;
    // The thread holds its own reference: a worker stuck in a connect outlives the session.
    m_thread = QThread::create([worker = m_worker] {
        Worker::current = worker.get();
        worker->run();
        Worker::current = nullptr;
    });
    m_thread->setObjectName(QStringLiteral("ssh ") + m_endpoint.label);
    m_thread->start();
}

SshSession::~SshSession()
{
    m_mailbox->detach();
    m_worker->stop();
    if (m_thread->wait(QDeadlineTimer(2000))) {
        delete m_thread;
    } else {
        qCWarning(lcSsh).noquote() << "SSH session to" << m_endpoint.label
                                   << "did not stop within 2 s; leaving its thread behind";
        QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    }
}

void SshSession::setState(State state, const QString &error)
{
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged(state, error);
}

void SshSession::connectToHost()
{
    m_worker->post([w = m_worker.get()] { (void)w->ensureConnected(); });
}

void SshSession::reconnect()
{
    m_worker->post([w = m_worker.get()] {
        w->dropSession({});
        w->failedAt = -1;
        (void)w->ensureConnected();
    });
}

SshChannel *SshSession::openShell(int cols, int rows, QObject *parent, const QByteArray &term)
{
    auto *channel = new SshChannel(m_worker, nextUserChannelId.fetch_add(1), parent);
    ++m_channels;
    connect(channel, &QObject::destroyed, this, [this] { --m_channels; });
    m_worker->post([w = m_worker.get(), id = channel->m_id, mailbox = channel->m_mailbox, channel,
                    term, cols, rows] {
        w->openInteractive(id, Channel::Kind::Shell, mailbox, channel, term, qMax(cols, 1),
                           qMax(rows, 1), {});
    });
    return channel;
}

SshChannel *SshSession::openExec(const QString &command, QObject *parent)
{
    auto *channel = new SshChannel(m_worker, nextUserChannelId.fetch_add(1), parent);
    ++m_channels;
    connect(channel, &QObject::destroyed, this, [this] { --m_channels; });
    m_worker->post([w = m_worker.get(), id = channel->m_id, mailbox = channel->m_mailbox, channel,
                    cmd = command.toUtf8()] {
        w->openInteractive(id, Channel::Kind::Exec, mailbox, channel, {}, 0, 0, cmd);
    });
    return channel;
}

namespace {

// Runs `open(worker, fd)` on the session thread with one end of a new socket pair and hands
// the other end to `done` on the context's thread (or closes it when the context is gone).
void openSocketPair(SshDetail::Worker *worker, QObject *context,
                    std::function<QString(SshDetail::Worker *, int)> open,
                    std::function<void(Result<int>)> done)
{
    auto reply = Mailbox::replyTo(context);
    worker->post([worker, reply, open = std::move(open), done = std::move(done)]() mutable {
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            reply->post([done, reason] {
                done(fail(ErrorCode::Generic, Tr::tr("Cannot create a socket: %1").arg(reason)));
            });
            return;
        }
        // Room for a few MiB in flight: bulk transfers wake each side less often.
        const int buffer = 4 * 1024 * 1024;
        for (int fd : pair) {
            ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
        }
        const QString error = open(worker, pair[0]);
        if (!error.isEmpty()) {
            ::close(pair[1]);
            reply->post([done, error] { done(fail(ErrorCode::Connection, error)); });
            return;
        }
        const int fd = pair[1];
        std::lock_guard lock(reply->mutex);
        if (!reply->target) {
            ::close(fd);
            return;
        }
        QMetaObject::invokeMethod(
            reply->target, [done, fd] { done(fd); }, Qt::QueuedConnection);
    });
}

} // namespace

void SshSession::openTunnel(const QString &host, quint16 port, QObject *context,
                            std::function<void(Result<int>)> done)
{
    openSocketPair(
        m_worker.get(), context,
        [host, port](SshDetail::Worker *w, int fd) { return w->openPipe(fd, host, port, 0); },
        std::move(done));
}

void SshSession::openCommandPipe(const QString &command, QObject *context,
                                 std::function<void(Result<int>)> done)
{
    openSocketPair(
        m_worker.get(), context,
        [cmd = command.toUtf8()](SshDetail::Worker *w, int fd) { return w->openCommandPipe(fd, cmd); },
        std::move(done));
}

quint64 SshSession::addForward(const QHostAddress &bindAddress, quint16 bindPort,
                               const QString &targetHost, quint16 targetPort, QObject *context,
                               std::function<void(Result<quint16>)> done)
{
    const quint64 id = nextUserChannelId.fetch_add(1);
    auto reply = Mailbox::replyTo(context);
    m_worker->post([w = m_worker.get(), id, bindAddress, bindPort, targetHost, targetPort, reply,
                    done = std::move(done)] {
        auto bound = w->listen(id, bindAddress, bindPort, targetHost, targetPort);
        reply->post([done, bound] { done(bound); });
    });
    return id;
}

void SshSession::setForwardTarget(quint64 forwardId, const QString &targetHost, quint16 targetPort)
{
    m_worker->post([w = m_worker.get(), forwardId, targetHost, targetPort] {
        if (auto it = w->listeners.find(forwardId); it != w->listeners.end()) {
            it->second->targetHost = targetHost;
            it->second->targetPort = targetPort;
        }
    });
}

void SshSession::removeForward(quint64 forwardId)
{
    m_worker->post([w = m_worker.get(), forwardId] { w->removeListener(forwardId); });
}

void SshSession::answerCredential(quint64 requestId, std::optional<QString> answer)
{
    m_worker->prompts.answer(requestId, std::move(answer));
}

} // namespace Corral
