#include "sshworker.h"

#include "hostkeyprobe.h"
#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>

#include <libssh/server.h> // ssh_send_keepalive, usable by clients too

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace Corral::SshDetail {

void Worker::installCallbacks(Channel &c)
{
    c.callbacks = {};
    c.callbacks.userdata = &c;
    c.callbacks.channel_data_function = &Worker::onData;
    c.callbacks.channel_eof_function = &Worker::onEof;
    c.callbacks.channel_close_function = &Worker::onClose;
    c.callbacks.channel_exit_status_function = &Worker::onExitStatus;
    ssh_callbacks_init(&c.callbacks);
    ssh_set_channel_callbacks(c.ch, &c.callbacks);
}

int Worker::onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *userdata)
{
    auto *c = static_cast<Channel *>(userdata);
    const QByteArray bytes(static_cast<const char *>(data), qsizetype(len));
    if (c->kind == Channel::Kind::Pipe) {
        c->toLocal += bytes;
        c->worker->flushLocal(*c);
    } else {
        SshChannel *proxy = c->proxy;
        c->mailbox->post(
            [proxy, bytes, isStderr] { Q_EMIT proxy->dataReceived(bytes, isStderr != 0); });
    }
    return int(len);
}

void Worker::onEof(ssh_session, ssh_channel, void *userdata)
{
    static_cast<Channel *>(userdata)->remoteEof = true;
}

void Worker::onClose(ssh_session, ssh_channel, void *userdata)
{
    static_cast<Channel *>(userdata)->remoteClosed = true;
}

void Worker::onExitStatus(ssh_session, ssh_channel, int status, void *userdata)
{
    static_cast<Channel *>(userdata)->exitStatus = status;
}

void Worker::finishChannel(Channel &c, const QString &error)
{
    if (c.fd >= 0) {
        if (c.tag.events)
            ssh_event_remove_fd(event, c.fd);
        ::close(c.fd);
        c.fd = -1;
    }
    if (c.ch) {
        // libssh keeps a channel that is closed locally until the remote's close arrives,
        // and would then call back into `c`, which is about to be freed.
        ssh_remove_channel_callbacks(c.ch, &c.callbacks);
        if (session && ssh_channel_is_open(c.ch))
            ssh_channel_close(c.ch);
        ssh_channel_free(c.ch);
        c.ch = nullptr;
    }
    if (c.mailbox) {
        SshChannel *proxy = c.proxy;
        const int status = c.exitStatus;
        c.mailbox->post([proxy, status, error] {
            proxy->m_open = false;
            proxy->m_closed = true;
            Q_EMIT proxy->closed(status, error);
        });
    }
    if (c.forwardId && !error.isEmpty()) {
        SshSession *target = owner;
        const quint64 forward = c.forwardId;
        facade->post([target, forward, error] { Q_EMIT target->forwardError(forward, error); });
    }
}

Channel &Worker::addChannel(quint64 id, Channel::Kind kind)
{
    auto chan = std::make_unique<Channel>();
    chan->worker = this;
    chan->id = id;
    chan->kind = kind;
    chan->tag.id = id;
    return *(channels[id] = std::move(chan));
}

void Worker::openInteractive(quint64 id, Channel::Kind kind, std::shared_ptr<Mailbox> mailbox,
                             SshChannel *proxy, QByteArray term, int cols, int rows, QByteArray cmd)
{
    Channel &c = addChannel(id, kind);
    c.mailbox = std::move(mailbox);
    c.proxy = proxy;
    auto abandon = [&](const QString &error) {
        finishChannel(c, error);
        channels.erase(id);
    };
    if (auto connected = ensureConnected(); !connected)
        return abandon(connected.error().message);
    c.ch = ssh_channel_new(session);
    if (!c.ch)
        return abandon(
            Tr::tr("Cannot open a channel on %1: %2").arg(endpoint.label, sshError(session)));
    installCallbacks(c);
    const int rc = blocking([&] {
        if (ssh_channel_open_session(c.ch) != SSH_OK)
            return SSH_ERROR;
        if (kind == Channel::Kind::Shell) {
            if (ssh_channel_request_pty_size(c.ch, term.constData(), cols, rows) != SSH_OK)
                return SSH_ERROR;
            return ssh_channel_request_shell(c.ch);
        }
        return ssh_channel_request_exec(c.ch, cmd.constData());
    });
    if (rc != SSH_OK) {
        return abandon((kind == Channel::Kind::Shell ? Tr::tr("%1 refused a shell: %2")
                                                     : Tr::tr("%1 refused to run the command: %2"))
                           .arg(endpoint.label, sshError(session)));
    }
    c.mailbox->post([proxy] {
        proxy->m_open = true;
        Q_EMIT proxy->opened();
    });
}

void Worker::writeInteractive(quint64 id, const QByteArray &bytes)
{
    auto it = channels.find(id);
    if (it == channels.end() || !it->second->ch)
        return;
    it->second->queueForRemote(bytes);
    pumpChannel(*it->second);
}

void Worker::resizeInteractive(quint64 id, int cols, int rows)
{
    auto it = channels.find(id);
    if (it != channels.end() && it->second->ch && it->second->kind == Channel::Kind::Shell)
        ssh_channel_change_pty_size(it->second->ch, cols, rows);
}

void Worker::eofInteractive(quint64 id)
{
    auto it = channels.find(id);
    if (it != channels.end())
        it->second->localEof = true;
}

void Worker::closeChannel(quint64 id)
{
    auto it = channels.find(id);
    if (it == channels.end())
        return;
    it->second->mailbox.reset(); // the user side is gone or has what it needs
    finishChannel(*it->second, {});
    channels.erase(it);
}

QString Worker::openPipe(int fd, const QString &host, quint16 port, quint64 forwardId)
{
    const QByteArray target = host.toUtf8();
    return openPipeChannel(
        fd, forwardId,
        [&](ssh_channel ch) {
            return ssh_channel_open_forward(ch, target.constData(), port, "127.0.0.1", 0);
        },
        [&] {
            return Tr::tr("%1 could not connect to %2:%3 for the tunnel: %4")
                .arg(endpoint.label, host)
                .arg(port)
                .arg(sshError(session));
        });
}

QString Worker::openCommandPipe(int fd, const QByteArray &command)
{
    return openPipeChannel(
        fd, 0,
        [&](ssh_channel ch) {
            if (ssh_channel_open_session(ch) != SSH_OK)
                return SSH_ERROR;
            return ssh_channel_request_exec(ch, command.constData());
        },
        [&] {
            return Tr::tr("%1 refused to run the command: %2").arg(endpoint.label, sshError(session));
        });
}

QString Worker::openPipeChannel(int fd, quint64 forwardId,
                                const std::function<int(ssh_channel)> &open,
                                const std::function<QString()> &describeFailure)
{
    if (auto connected = ensureConnected(); !connected) {
        ::close(fd);
        return connected.error().message;
    }
    const quint64 id = nextChannelId++;
    Channel &c = addChannel(id, Channel::Kind::Pipe);
    c.fd = fd;
    c.forwardId = forwardId;
    setNonBlocking(fd);
    c.ch = ssh_channel_new(session);
    if (c.ch)
        installCallbacks(c);
    const int rc = c.ch ? blocking([&] { return open(c.ch); }) : SSH_ERROR;
    if (rc != SSH_OK) {
        const QString error = describeFailure();
        c.forwardId = 0; // reported by the caller
        finishChannel(c, error);
        channels.erase(id);
        return error;
    }
    updateWatch(c);
    return {};
}

void Worker::onPipeEvent(Channel &c, int revents)
{
    if (revents & POLLOUT)
        flushLocal(c);
    if (revents & (POLLIN | POLLHUP | POLLERR)) {
        while (c.toRemoteBytes < MaxPending) {
            QByteArray chunk(ReadChunk, Qt::Uninitialized);
            const ssize_t n = ::recv(c.fd, chunk.data(), size_t(chunk.size()), MSG_DONTWAIT);
            if (n > 0) {
                chunk.truncate(n);
                c.queueForRemote(std::move(chunk));
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EINTR))
                c.localEof = true;
            break;
        }
    }
}

void Worker::flushLocal(Channel &c)
{
    while (!c.toLocal.isEmpty() && c.fd >= 0) {
        const ssize_t n = ::send(c.fd, c.toLocal.constData(), size_t(c.toLocal.size()),
                                 MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            c.toLocal.remove(0, n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            c.toLocal.clear();
            c.localEof = true;
        }
        break;
    }
}

void Worker::updateWatch(Channel &c)
{
    if (c.fd < 0)
        return;
    short events = 0;
    if (!c.localEof && c.toRemoteBytes < MaxPending)
        events |= POLLIN;
    if (!c.toLocal.isEmpty())
        events |= POLLOUT;
    if (events == c.tag.events)
        return;
    if (c.tag.events)
        ssh_event_remove_fd(event, c.fd);
    if (events)
        ssh_event_add_fd(event, c.fd, events, &Worker::onFd, &c.tag);
    c.tag.events = events;
}

void Worker::pumpChannel(Channel &c)
{
    if (!c.ch || !session)
        return;
    while (!c.toRemote.empty()) {
        // The front chunk stays where it is while libssh reads it (see toRemote).
        const QByteArray front = c.toRemote.front();
        const qsizetype len = qMin<qsizetype>(front.size() - c.toRemoteOffset, WriteChunk);
        const int n = ssh_channel_write(c.ch, front.constData() + c.toRemoteOffset, uint32_t(len));
        if (n <= 0)
            break;
        c.toRemoteOffset += n;
        c.toRemoteBytes -= n;
        if (c.toRemoteOffset == front.size()) {
            c.toRemote.pop_front();
            c.toRemoteOffset = 0;
        }
        if (n < len)
            break; // the remote window is full; its adjust wakes the loop
    }
    if (c.localEof && c.toRemote.empty() && !c.eofSent && !c.remoteClosed) {
        ssh_channel_send_eof(c.ch);
        c.eofSent = true;
    }
}

void Worker::pump()
{
    std::vector<quint64> done;
    for (auto &[id, chan] : channels) {
        Channel &c = *chan;
        pumpChannel(c);
        if (c.kind == Channel::Kind::Pipe) {
            flushLocal(c);
            if (c.remoteEof && c.toLocal.isEmpty() && c.fd >= 0)
                ::shutdown(c.fd, SHUT_WR);
            updateWatch(c);
            // What the remote sent before it closed still goes to the local side first.
            const bool drained = c.toLocal.isEmpty() || c.fd < 0;
            if ((c.remoteClosed && drained) || (c.localEof && c.eofSent && c.remoteEof && drained))
                done.push_back(id);
        } else if (c.remoteClosed) {
            done.push_back(id);
        }
    }
    for (quint64 id : done) {
        if (auto it = channels.find(id); it != channels.end()) {
            finishChannel(*it->second, {});
            channels.erase(it);
        }
    }
}

Result<quint16> Worker::listen(quint64 id, const QHostAddress &address, quint16 port,
                               const QString &host, quint16 targetPort)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage storage{};
    socklen_t len = 0;
    if (v6) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, &raw, sizeof raw);
        len = sizeof *sa;
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        sa->sin_addr.s_addr = htonl(address.toIPv4Address());
        len = sizeof *sa;
    }
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&storage), len) != 0
        || ::listen(fd, 16) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("Cannot listen on %1:%2 (%3): choose another local port.")
                        .arg(address.toString())
                        .arg(port)
                        .arg(reason));
    }
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &len);
    const quint16 bound = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port
                                   : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
    setNonBlocking(fd);
    auto l = std::make_unique<Listener>();
    l->id = id;
    l->fd = fd;
    l->tag.id = id;
    l->tag.events = POLLIN;
    l->targetHost = host;
    l->targetPort = targetPort;
    ssh_event_add_fd(event, fd, POLLIN, &Worker::onFd, &l->tag);
    listeners[id] = std::move(l);
    return bound;
}

void Worker::acceptOn(quint64 listenerId, int fd)
{
    for (;;) {
        const int s = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (s < 0)
            return;
        accepted.emplace_back(listenerId, s);
    }
}

void Worker::acceptPending()
{
    auto batch = std::exchange(accepted, {});
    for (auto [listenerId, fd] : batch) {
        auto it = listeners.find(listenerId);
        if (it == listeners.end()) {
            ::close(fd);
            continue;
        }
        // Right after a failed connect, refuse at once instead of stalling every client.
        if (!session && failedAt >= 0 && clock.elapsed() - failedAt < RetryAfterFailureMs) {
            ::close(fd);
            continue;
        }
        const QString error
            = openPipe(fd, it->second->targetHost, it->second->targetPort, listenerId);
        if (!error.isEmpty()) {
            SshSession *target = owner;
            facade->post(
                [target, listenerId, error] { Q_EMIT target->forwardError(listenerId, error); });
        }
    }
}

void Worker::removeListener(quint64 id)
{
    auto it = listeners.find(id);
    if (it == listeners.end())
        return;
    ssh_event_remove_fd(event, it->second->fd);
    ::close(it->second->fd);
    listeners.erase(it);
}

} // namespace Corral::SshDetail
