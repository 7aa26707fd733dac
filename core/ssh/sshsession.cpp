#include "sshsession.h"

#include "hostkeyprobe.h"
#include "util/logging.h"
#include "util/promptgate.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive, usable by clients too

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <map>
#include <vector>

namespace Corral {

namespace SshDetail {

namespace {
constexpr int ConnectTimeoutSec = 10;
constexpr int KeepAliveMs = 5000;
constexpr int DeadAfterMs = 25000; // a keepalive reply is due at least every 10 s
constexpr int RetryAfterFailureMs = 2000; // forwards do not hammer a host that just failed
constexpr qsizetype MaxPending = 512 * 1024; // per direction, then stop reading the source
constexpr int ReadChunk = 64 * 1024;
constexpr int WriteChunk = 32 * 1024;
constexpr int AuthCancelled = -100; // a prompt was cancelled: stop trying further methods

QString sshError(ssh_session s)
{
    return s ? QString::fromUtf8(ssh_get_error(s)) : QString();
}

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}
} // namespace

struct FdTag
{
    enum class Kind : quint8 { Wake, Listener, Pipe } kind;
    quint64 id = 0;
    short events = 0; // what is registered with the event
};

struct Channel
{
    enum class Kind : quint8 { Shell, Exec, Pipe };
    Worker *worker = nullptr;
    quint64 id = 0;
    Kind kind = Kind::Pipe;
    ssh_channel ch = nullptr;
    ssh_channel_callbacks_struct callbacks{};
    // Shell and Exec: the SshChannel on the user's side.
    std::shared_ptr<Mailbox> mailbox;
    SshChannel *proxy = nullptr; // dereferenced only through the mailbox, on its thread
    // Pipe: a local socket carried over a direct-tcpip channel.
    int fd = -1;
    FdTag tag{FdTag::Kind::Pipe};
    quint64 forwardId = 0;
    QByteArray toRemote;
    QByteArray toLocal;
    bool localEof = false;
    bool remoteEof = false;
    bool eofSent = false;
    bool remoteClosed = false;
    int exitStatus = -1;
};

struct Listener
{
    quint64 id = 0;
    int fd = -1;
    FdTag tag{FdTag::Kind::Listener};
    QString targetHost;
    quint16 targetPort = 0;
};

struct Worker : std::enable_shared_from_this<Worker>
{
    SshEndpoint endpoint;
    std::shared_ptr<Mailbox> facade;
    SshSession *owner = nullptr; // dereferenced only through `facade`
    PromptGate prompts;

    int wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    FdTag wakeTag{FdTag::Kind::Wake};
    ssh_event event = ssh_event_new();
    ssh_session session = nullptr;
    ssh_counter_struct rxCounter{};
    ssh_counter_struct txCounter{};

    std::mutex queueMutex;
    std::vector<std::function<void()>> queue;
    std::atomic<bool> stopping{false};

    std::map<quint64, std::unique_ptr<Channel>> channels;
    std::map<quint64, std::unique_ptr<Listener>> listeners;
    std::vector<std::pair<quint64, int>> accepted; // listener id, socket
    QElapsedTimer clock;
    qint64 lastKeepAlive = 0;
    qint64 lastHeard = 0;
    uint64_t lastRxPackets = 0;
    qint64 failedAt = -1;
    QString failure;
    SshSession::State state = SshSession::State::Disconnected;

    ~Worker()
    {
        if (wakeFd >= 0)
            ::close(wakeFd);
    }

    void post(std::function<void()> call)
    {
        {
            std::lock_guard lock(queueMutex);
            queue.push_back(std::move(call));
        }
        const uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wakeFd, &one, sizeof one);
    }

    void stop()
    {
        stopping = true;
        prompts.cancel();
        post([] {});
    }

    // ---- the loop ---------------------------------------------------------------------

    void run()
    {
        clock.start();
        ssh_event_add_fd(event, wakeFd, POLLIN, &Worker::onFd, &wakeTag);
        wakeTag.events = POLLIN;
        while (!stopping) {
            const int rc = ssh_event_dopoll(event, pollTimeout());
            runQueue();
            if (stopping)
                break;
            acceptPending();
            pump();
            checkHealth(rc);
        }
        teardown();
    }

    int pollTimeout() const
    {
        if (!session)
            return -1;
        return int(
            qBound<qint64>(0, lastKeepAlive + KeepAliveMs - clock.elapsed(), qint64(KeepAliveMs)));
    }

    void runQueue()
    {
        std::vector<std::function<void()>> calls;
        {
            std::lock_guard lock(queueMutex);
            calls.swap(queue);
        }
        for (auto &call : calls) {
            if (stopping)
                return;
            call();
        }
    }

    static int onFd(socket_t fd, int revents, void *userdata)
    {
        auto *tag = static_cast<FdTag *>(userdata);
        Worker *w = current; // the callback runs on the worker's own thread

        if (!w)
            return 0;
        switch (tag->kind) {
        case FdTag::Kind::Wake: {
            uint64_t count = 0;
            [[maybe_unused]] auto n = ::read(fd, &count, sizeof count);
            break;
        }
        case FdTag::Kind::Listener:
            w->acceptOn(tag->id, fd);
            break;
        case FdTag::Kind::Pipe:
            if (auto it = w->channels.find(tag->id); it != w->channels.end())
                w->onPipeEvent(*it->second, revents);
            break;
        }
        return 0;
    }

    static thread_local Worker *current;

    // ---- connection -------------------------------------------------------------------

    void setState(SshSession::State newState, const QString &error = {})
    {
        state = newState;
        SshSession *target = owner;
        facade->post([target, newState, error] { target->setState(newState, error); });
    }

    std::optional<QString> ask(CredentialRequest request)
    {
        request.id = PromptGate::nextId();
        request.hostName = endpoint.label;
        SshSession *target = owner;
        return prompts.ask(request.id, [&] {
            facade->post([target, request] { Q_EMIT target->credentialRequested(request); });
        });
    }

    Result<void> ensureConnected()
    {
        if (session)
            return {};
        if (endpoint.tunnelFd < -1) {
            return fail(ErrorCode::Connection,
                        Tr::tr("The connection to %1 went through a tunnel that is gone: open "
                               "the session again.")
                            .arg(endpoint.label));
        }
        setState(SshSession::State::Connecting);
        auto result = connectSession();
        if (!result) {
            failedAt = clock.elapsed();
            failure = result.error().message;
            qCWarning(lcSsh).noquote()
                << endpoint.label << result.error().message << result.error().detail;
            setState(SshSession::State::Failed, result.error().message);
            return result;
        }
        failedAt = -1;
        setState(SshSession::State::Connected);
        return {};
    }

    Result<void> connectSession()
    {
        ssh_session s = ssh_new();
        if (!s)
            return fail(ErrorCode::Generic, Tr::tr("Cannot create an SSH session."));
        auto cleanup = qScopeGuard([&] {
            if (s) {
                ssh_disconnect(s);
                ssh_free(s);
            }
        });
        const QByteArray host = endpoint.host.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
        if (endpoint.useSshConfig && endpoint.tunnelFd < 0) {
            const QByteArray config = QFile::encodeName(endpoint.sshConfigFile);
            ssh_options_parse_config(s, config.isEmpty() ? nullptr : config.constData());
            if (!config.isEmpty()) {
                const int no = 0; // that file only: not ~/.ssh/config again at connect
                ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);
            }
        } else {
            const int no = 0;
            ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);
        }
        if (endpoint.port > 0) {
            const unsigned int port = unsigned(endpoint.port);
            ssh_options_set(s, SSH_OPTIONS_PORT, &port);
        }
        if (!endpoint.user.isEmpty()) {
            const QByteArray user = endpoint.user.toUtf8();
            ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
        }
        const QString knownHosts = endpoint.knownHostsFile.isEmpty()
            ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
            : endpoint.knownHostsFile;
        const QByteArray known = QFile::encodeName(knownHosts);
        ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, known.constData());
        const long timeout = ConnectTimeoutSec;
        ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
        const int yes = 1;
        ssh_options_set(s, SSH_OPTIONS_NODELAY, &yes);
        if (endpoint.tunnelFd >= 0) {
            const socket_t fd = std::exchange(endpoint.tunnelFd, -2); // libssh owns it now
            ssh_options_set(s, SSH_OPTIONS_FD, &fd);
        }

        if (ssh_connect(s) != SSH_OK) {
            return fail(ErrorCode::Connection,
                        Tr::tr("Cannot reach SSH on %1 (%2, port %3): check that it is up and "
                               "that sshd is running.")
                            .arg(endpoint.label, endpoint.host)
                            .arg(endpoint.effectivePort()),
                        sshError(s));
        }
        if (endpoint.verifyHostKey) {
            HostKeyProbe probe(s, endpoint.host, endpoint.effectivePort(), knownHosts);
            auto verified = probe.verify([this](CredentialRequest req) { return ask(req); });
            if (!verified)
                return verified;
        }
        if (auto auth = authenticate(s); !auth)
            return auth;

        ssh_set_counters(s, &txCounter, &rxCounter);
        ssh_set_blocking(s, 0);
        ssh_event_add_session(event, s);
        session = std::exchange(s, nullptr);
        lastKeepAlive = lastHeard = clock.elapsed();
        lastRxPackets = rxCounter.in_packets;
        qCInfo(lcSsh).noquote() << "SSH session to" << endpoint.label << "is up";
        return {};
    }

    Result<void> authenticate(ssh_session s)
    {
        int rc = ssh_userauth_none(s, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        const int methods = ssh_userauth_list(s, nullptr);
        QStringList tried;
        if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
            if (!endpoint.keyFile.isEmpty()) {
                tried << endpoint.keyFile;
                if (authWithKeyFile(s) == SSH_AUTH_SUCCESS)
                    return {};
            }
            if (qEnvironmentVariableIsSet("SSH_AUTH_SOCK")) {
                tried << Tr::tr("ssh-agent");
                if (ssh_userauth_agent(s, nullptr) == SSH_AUTH_SUCCESS)
                    return {};
            }
            tried << Tr::tr("default keys");
            if (ssh_userauth_publickey_auto(s, nullptr, nullptr) == SSH_AUTH_SUCCESS)
                return {};
        }
        if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
            tried << Tr::tr("keyboard-interactive");
            rc = authKeyboardInteractive(s);
            if (rc == SSH_AUTH_SUCCESS)
                return {};
            if (rc == AuthCancelled)
                return cancelled();
        }
        if (methods & SSH_AUTH_METHOD_PASSWORD) {
            tried << Tr::tr("password");
            CredentialRequest req;
            req.kind = CredentialRequest::Kind::Password;
            req.echo = false;
            req.prompt = Tr::tr("Password for %1@%2:").arg(userName(s), endpoint.label);
            const auto password = ask(req);
            if (!password)
                return cancelled();
            if (ssh_userauth_password(s, nullptr, password->toUtf8().constData())
                == SSH_AUTH_SUCCESS)
                return {};
        }
        return fail(ErrorCode::Authentication,
                    Tr::tr("%1 refused the login as %2 (tried: %3): check the user name and that "
                           "your key is in the agent or authorized on the host.")
                        .arg(endpoint.label, userName(s), tried.join(QStringLiteral(", "))),
                    sshError(s));
    }

    Error cancelledError() const
    {
        return Error{
            ErrorCode::Authentication, Tr::tr("Login to %1 cancelled.").arg(endpoint.label), {}};
    }
    Result<void> cancelled() const { return std::unexpected(cancelledError()); }

    static QString userName(ssh_session s)
    {
        char *user = nullptr;
        if (ssh_options_get(s, SSH_OPTIONS_USER, &user) != SSH_OK || !user)
            return {};
        const QString name = QString::fromUtf8(user);
        ssh_string_free_char(user);
        return name;
    }

    int authWithKeyFile(ssh_session s)
    {
        const QByteArray path = QFile::encodeName(endpoint.keyFile);
        ssh_key key = nullptr;
        int rc = ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &key);
        if (rc != SSH_OK && QFile::exists(endpoint.keyFile)) {
            CredentialRequest req;
            req.kind = CredentialRequest::Kind::Password;
            req.echo = false;
            req.prompt = Tr::tr("Passphrase for the key %1:").arg(endpoint.keyFile);
            const auto passphrase = ask(req);
            if (!passphrase)
                return SSH_AUTH_DENIED;
            rc = ssh_pki_import_privkey_file(path.constData(), passphrase->toUtf8().constData(),
                                             nullptr, nullptr, &key);
        }
        if (rc != SSH_OK)
            return SSH_AUTH_DENIED;
        rc = ssh_userauth_publickey(s, nullptr, key);
        ssh_key_free(key);
        return rc;
    }

    // AuthCancelled when the person cancelled a prompt.
    int authKeyboardInteractive(ssh_session s)
    {
        int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
        while (rc == SSH_AUTH_INFO) {
            const QString instruction = QString::fromUtf8(ssh_userauth_kbdint_getinstruction(s));
            const int prompts = ssh_userauth_kbdint_getnprompts(s);
            for (int i = 0; i < prompts; ++i) {
                char echo = 0;
                CredentialRequest req;
                req.prompt = QString::fromUtf8(ssh_userauth_kbdint_getprompt(s, unsigned(i), &echo))
                                 .trimmed();
                if (!instruction.isEmpty())
                    req.prompt = instruction + u'\n' + req.prompt;
                req.echo = echo != 0;
                req.kind = req.echo ? CredentialRequest::Kind::Question
                                    : CredentialRequest::Kind::Password;
                const auto answer = ask(req);
                if (!answer)
                    return AuthCancelled;
                ssh_userauth_kbdint_setanswer(s, unsigned(i), answer->toUtf8().constData());
            }
            rc = ssh_userauth_kbdint(s, nullptr, nullptr);
        }
        return rc;
    }

    void checkHealth(int pollResult)
    {
        if (!session)
            return;
        const int status = ssh_get_status(session);
        if (pollResult == SSH_ERROR || (status & (SSH_CLOSED | SSH_CLOSED_ERROR))
            || !ssh_is_connected(session)) {
            dropSession(Tr::tr("The SSH connection to %1 was lost: %2")
                            .arg(endpoint.label,
                                 sshError(session).isEmpty() ? Tr::tr("the host closed it")
                                                             : sshError(session)));
            return;
        }
        const qint64 now = clock.elapsed();
        if (rxCounter.in_packets != lastRxPackets) {
            lastRxPackets = rxCounter.in_packets;
            lastHeard = now;
        }
        if (now - lastHeard > DeadAfterMs) {
            dropSession(Tr::tr("%1 stopped answering over SSH (nothing for %2 s).")
                            .arg(endpoint.label)
                            .arg(DeadAfterMs / 1000));
            return;
        }
        if (now - lastKeepAlive >= KeepAliveMs) {
            lastKeepAlive = now;
            ssh_send_keepalive(session);
        }
    }

    // Ends the connection: every channel fails with `reason`; listeners stay.
    void dropSession(const QString &reason)
    {
        if (!session)
            return;
        qCWarning(lcSsh).noquote() << reason;
        for (auto &[id, chan] : channels)
            finishChannel(*chan, reason);
        channels.clear();
        ssh_event_remove_session(event, session);
        ssh_disconnect(session);
        ssh_free(session);
        session = nullptr;
        failedAt = clock.elapsed();
        setState(reason.isEmpty() ? SshSession::State::Disconnected : SshSession::State::Failed,
                 reason);
    }

    void teardown()
    {
        for (auto &[id, chan] : channels)
            finishChannel(*chan, Tr::tr("The session was closed."));
        channels.clear();
        for (auto &[id, l] : listeners) {
            ssh_event_remove_fd(event, l->fd);
            ::close(l->fd);
        }
        listeners.clear();
        for (auto &[id, fd] : accepted)
            ::close(fd);
        if (session) {
            ssh_event_remove_session(event, session);
            ssh_disconnect(session);
            ssh_free(session);
            session = nullptr;
        }
        ssh_event_remove_fd(event, wakeFd);
        ssh_event_free(event);
        event = nullptr;
    }

    // ---- channels ---------------------------------------------------------------------

    void installCallbacks(Channel &c)
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

    static int onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr,
                      void *userdata)
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
    static void onEof(ssh_session, ssh_channel, void *userdata)
    {
        static_cast<Channel *>(userdata)->remoteEof = true;
    }
    static void onClose(ssh_session, ssh_channel, void *userdata)
    {
        static_cast<Channel *>(userdata)->remoteClosed = true;
    }
    static void onExitStatus(ssh_session, ssh_channel, int status, void *userdata)
    {
        static_cast<Channel *>(userdata)->exitStatus = status;
    }

    // Tells the user side the channel ended and frees it (not its map entry).
    void finishChannel(Channel &c, const QString &error)
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

    Channel &addChannel(quint64 id, Channel::Kind kind)
    {
        auto chan = std::make_unique<Channel>();
        chan->worker = this;
        chan->id = id;
        chan->kind = kind;
        chan->tag.id = id;
        return *(channels[id] = std::move(chan));
    }

    // Runs blocking libssh calls (channel setup) on the session; the poll loop's other
    // sources are served meanwhile by libssh's own polling of the same event.
    template<typename F> int blocking(F &&call)
    {
        ssh_set_blocking(session, 1);
        const int rc = call();
        if (session)
            ssh_set_blocking(session, 0);
        return rc;
    }

    void openInteractive(quint64 id, Channel::Kind kind, std::shared_ptr<Mailbox> mailbox,
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
            return abandon((kind == Channel::Kind::Shell
                                ? Tr::tr("%1 refused a shell: %2")
                                : Tr::tr("%1 refused to run the command: %2"))
                               .arg(endpoint.label, sshError(session)));
        }
        c.mailbox->post([proxy] {
            proxy->m_open = true;
            Q_EMIT proxy->opened();
        });
    }

    void writeInteractive(quint64 id, const QByteArray &bytes)
    {
        auto it = channels.find(id);
        if (it == channels.end() || !it->second->ch)
            return;
        it->second->toRemote += bytes;
        pumpChannel(*it->second);
    }

    void resizeInteractive(quint64 id, int cols, int rows)
    {
        auto it = channels.find(id);
        if (it != channels.end() && it->second->ch && it->second->kind == Channel::Kind::Shell)
            ssh_channel_change_pty_size(it->second->ch, cols, rows);
    }

    void eofInteractive(quint64 id)
    {
        auto it = channels.find(id);
        if (it != channels.end())
            it->second->localEof = true;
    }

    void closeChannel(quint64 id)
    {
        auto it = channels.find(id);
        if (it == channels.end())
            return;
        it->second->mailbox.reset(); // the user side is gone or has what it needs
        finishChannel(*it->second, {});
        channels.erase(it);
    }

    // A direct-tcpip channel carrying `fd`. Returns an error message, or empty when open.
    QString openPipe(int fd, const QString &host, quint16 port, quint64 forwardId)
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
        const QByteArray target = host.toUtf8();
        const int rc = c.ch ? blocking([&] {
            return ssh_channel_open_forward(c.ch, target.constData(), port, "127.0.0.1", 0);
        })
                            : SSH_ERROR;
        if (rc != SSH_OK) {
            const QString error = Tr::tr("%1 could not connect to %2:%3 for the tunnel: %4")
                                      .arg(endpoint.label, host)
                                      .arg(port)
                                      .arg(sshError(session));
            c.forwardId = 0; // reported by the caller
            finishChannel(c, error);
            channels.erase(id);
            return error;
        }
        updateWatch(c);
        return {};
    }

    void onPipeEvent(Channel &c, int revents)
    {
        if (revents & POLLOUT)
            flushLocal(c);
        if (revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[ReadChunk];
            while (c.toRemote.size() < MaxPending) {
                const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, MSG_DONTWAIT);
                if (n > 0) {
                    c.toRemote.append(buffer, n);
                    continue;
                }
                if (n == 0 || (errno != EAGAIN && errno != EINTR))
                    c.localEof = true;
                break;
            }
        }
    }

    void flushLocal(Channel &c)
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

    void updateWatch(Channel &c)
    {
        if (c.fd < 0)
            return;
        short events = 0;
        if (!c.localEof && c.toRemote.size() < MaxPending)
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

    void pumpChannel(Channel &c)
    {
        if (!c.ch || !session)
            return;
        while (!c.toRemote.isEmpty()) {
            // A copy: libssh may poll (and so run callbacks that append to toRemote) while it
            // still reads the buffer it was given.
            const QByteArray chunk = c.toRemote.left(WriteChunk);
            const int n = ssh_channel_write(c.ch, chunk.constData(), uint32_t(chunk.size()));
            if (n <= 0)
                break;
            c.toRemote.remove(0, n);
            if (n < chunk.size())
                break; // the remote window is full; its adjust wakes the loop
        }
        if (c.localEof && c.toRemote.isEmpty() && !c.eofSent && !c.remoteClosed) {
            ssh_channel_send_eof(c.ch);
            c.eofSent = true;
        }
    }

    void pump()
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
                if (c.remoteClosed || (c.localEof && c.eofSent && c.remoteEof))
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

    // ---- listeners --------------------------------------------------------------------

    Result<quint16> listen(quint64 id, const QHostAddress &address, quint16 port,
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

    void acceptOn(quint64 listenerId, int fd)
    {
        for (;;) {
            const int s = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (s < 0)
                return;
            accepted.emplace_back(listenerId, s);
        }
    }

    void acceptPending()
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
                facade->post([target, listenerId, error] {
                    Q_EMIT target->forwardError(listenerId, error);
                });
            }
        }
    }

    void removeListener(quint64 id)
    {
        auto it = listeners.find(id);
        if (it == listeners.end())
            return;
        ssh_event_remove_fd(event, it->second->fd);
        ::close(it->second->fd);
        listeners.erase(it);
    }

    quint64 nextChannelId = quint64(1) << 40; // pipes; user channels count from 1
};

thread_local Worker *Worker::current = nullptr;

} // namespace SshDetail

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

void SshSession::openTunnel(const QString &host, quint16 port, QObject *context,
                            std::function<void(Result<int>)> done)
{
    auto reply = Mailbox::replyTo(context);
    m_worker->post([w = m_worker.get(), host, port, reply, done = std::move(done)]() mutable {
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            reply->post([done, reason] {
                done(fail(ErrorCode::Generic, Tr::tr("Cannot create a socket: %1").arg(reason)));
            });
            return;
        }
        const QString error = w->openPipe(pair[0], host, port, 0);
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
