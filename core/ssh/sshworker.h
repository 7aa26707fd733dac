#pragma once

// The session thread of an SshSession: one libssh session (non-blocking) around one poll loop
// (ssh_event) that also serves the wake-up eventfd, the forward listeners and the local sockets
// of tunnels. Everything here runs on that thread except post(), stop() and the prompt gate.
// sshworker.cpp: the loop, connecting, host keys, authentication and keepalive;
// sshchannels.cpp: channels, tunnels (pipes) and forward listeners.

#include "sshsession.h"

#include "util/promptgate.h"

#include <QElapsedTimer>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <fcntl.h>
#include <sys/eventfd.h>

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <vector>

namespace Corral::SshDetail {

constexpr int ConnectTimeoutSec = 10;
constexpr int KeepAliveMs = 5000;
constexpr int DeadAfterMs = 25000; // a keepalive reply is due at least every 10 s
constexpr int RetryAfterFailureMs = 2000; // forwards do not hammer a host that just failed
constexpr qsizetype MaxPending = 2 * 1024 * 1024; // per direction, then stop reading the source
constexpr int ReadChunk = 128 * 1024;
constexpr int WriteChunk = 128 * 1024;
constexpr int AuthCancelled = -100; // a prompt was cancelled: stop trying further methods

inline QString sshError(ssh_session s)
{
    return s ? QString::fromUtf8(ssh_get_error(s)) : QString();
}

inline void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

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
    // Bytes for the remote side, in the chunks they arrived in: libssh may run callbacks that
    // append here while it still reads the front chunk, and a deque keeps that chunk in place.
    std::deque<QByteArray> toRemote;
    qsizetype toRemoteOffset = 0; // consumed bytes of the front chunk
    qsizetype toRemoteBytes = 0;  // bytes still queued
    void queueForRemote(QByteArray bytes)
    {
        if (bytes.isEmpty())
            return;
        toRemoteBytes += bytes.size();
        toRemote.push_back(std::move(bytes));
    }
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

    ~Worker();

    void post(std::function<void()> call);

    void stop();

    // ---- the loop ---------------------------------------------------------------------

    void run();

    int pollTimeout() const;

    void runQueue();

    static int onFd(socket_t fd, int revents, void *userdata);

    static thread_local Worker *current;

    // ---- connection -------------------------------------------------------------------

    void setState(SshSession::State newState, const QString &error = {});

    std::optional<QString> ask(CredentialRequest request);

    Result<void> ensureConnected();

    Result<void> connectSession();

    Result<void> authenticate(ssh_session s);

    Error cancelledError() const;
    Result<void> cancelled() const { return std::unexpected(cancelledError()); }

    static QString userName(ssh_session s);

    int authWithKeyFile(ssh_session s);

    // AuthCancelled when the person cancelled a prompt.
    int authKeyboardInteractive(ssh_session s);

    void checkHealth(int pollResult);

    // Ends the connection: every channel fails with `reason`; listeners stay.
    void dropSession(const QString &reason);

    void teardown();

    // ---- channels ---------------------------------------------------------------------

    void installCallbacks(Channel &c);

    static int onData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr,
                      void *userdata);
    static void onEof(ssh_session, ssh_channel, void *userdata);
    static void onClose(ssh_session, ssh_channel, void *userdata);
    static void onExitStatus(ssh_session, ssh_channel, int status, void *userdata);

    // Tells the user side the channel ended and frees it (not its map entry).
    void finishChannel(Channel &c, const QString &error);

    Channel &addChannel(quint64 id, Channel::Kind kind);

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
                         SshChannel *proxy, QByteArray term, int cols, int rows, QByteArray cmd);

    void writeInteractive(quint64 id, const QByteArray &bytes);

    void resizeInteractive(quint64 id, int cols, int rows);

    void eofInteractive(quint64 id);

    void closeChannel(quint64 id);

    // A direct-tcpip channel carrying `fd`. Returns an error message, or empty when open.
    QString openPipe(int fd, const QString &host, quint16 port, quint64 forwardId);
    // A command whose stdin is what `fd` delivers and whose stdout and stderr go back into it.
    QString openCommandPipe(int fd, const QByteArray &command);
    QString openPipeChannel(int fd, quint64 forwardId, const std::function<int(ssh_channel)> &open,
                            const std::function<QString()> &describeFailure);

    void onPipeEvent(Channel &c, int revents);

    void flushLocal(Channel &c);

    void updateWatch(Channel &c);

    void pumpChannel(Channel &c);

    void pump();

    // ---- listeners --------------------------------------------------------------------

    Result<quint16> listen(quint64 id, const QHostAddress &address, quint16 port,
                           const QString &host, quint16 targetPort);

    void acceptOn(quint64 listenerId, int fd);

    void acceptPending();

    void removeListener(quint64 id);

    quint64 nextChannelId = quint64(1) << 40; // pipes; user channels count from 1
};

} // namespace Corral::SshDetail
