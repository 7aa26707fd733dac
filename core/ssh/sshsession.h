#pragma once

#include "sshendpoint.h"

#include "fleet/credentialrequest.h"
#include "util/mailbox.h"
#include "util/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace Corral {

class SshSession;

namespace SshDetail {
struct Worker;
} // namespace SshDetail

// One channel of a session as its user sees it: an interactive shell (with a pty) or a
// command. Lives on the thread that asked for it; the traffic runs on the session's thread.
// Deleting it closes the channel.
class SshChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshChannel)

public:
    ~SshChannel() override;

    bool isOpen() const { return m_open; }
    void write(const QByteArray &bytes);
    void resize(int cols, int rows); // pty window-change; ignored for commands
    void sendEof();
    void close();

Q_SIGNALS:
    void opened();
    void dataReceived(const QByteArray &bytes, bool isStderr);
    // The channel ended: exitStatus is the remote command's status (-1 if none was sent);
    // error is empty when the remote side closed normally.
    void closed(int exitStatus, const QString &error);

private:
    friend class SshSession;
    friend struct SshDetail::Worker;
    SshChannel(std::shared_ptr<SshDetail::Worker> worker, quint64 id, QObject *parent);

    std::shared_ptr<SshDetail::Worker> m_worker;
    std::shared_ptr<Mailbox> m_mailbox;
    quint64 m_id;
    bool m_open = false;
    bool m_closed = false;
};

// One SSH connection to one host (or, through a tunnel of its host's connection, to one guest),
// shared by every terminal, command, tunnel and port forward to it: each is a channel of the
// same session. libssh runs on the session's own thread in non-blocking mode around one poll
// loop (the SSH socket, the forward listeners and their local sockets), so nothing here blocks
// the caller. Connects on first use; a lost connection fails the open channels with a clear
// error and the next use (or reconnect()) connects again. Forward listeners survive that.
//
// Host keys follow Corral's policy (HostKeyProbe::verify); authentication tries the endpoint's
// key file, ssh-agent, the default and ~/.ssh/config identities, then keyboard-interactive and
// password prompts, which go out as credentialRequested and come back through
// answerCredential(). TCP_NODELAY is on (libssh's default leaves interactive echo waiting for
// Nagle); keepalives every 5 s, and a session that hears nothing for 20 s is declared dead.
class SshSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshSession)

public:
    enum class State : quint8 { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(State)

    explicit SshSession(SshEndpoint endpoint, QObject *parent = nullptr);
    ~SshSession() override; // closes everything; waits at most 2 s for the thread

    const SshEndpoint &endpoint() const { return m_endpoint; }
    State state() const { return m_state; }
    QString errorText() const { return m_error; }

    // Connects now if not connected (otherwise connects on first use).
    void connectToHost();
    // Drops the connection (if any) and connects again.
    void reconnect();

    // Channels; the returned object belongs to `parent` (or the caller) and reports opened or
    // closed(-1, error).
    SshChannel *openShell(int cols, int rows, QObject *parent = nullptr,
                          const QByteArray &term = QByteArrayLiteral("xterm-256color"));
    SshChannel *openExec(const QString &command, QObject *parent = nullptr);

    // A direct-tcpip tunnel from the remote host to host:port, as a connected local socket (the
    // caller owns the returned descriptor). For nested sessions to guests and for tools that
    // want a plain socket.
    void openTunnel(const QString &host, quint16 port, QObject *context,
                    std::function<void(Result<int>)> done);

    // Runs `command` on the host with its stdin, stdout and stderr joined to a connected local
    // socket (the caller owns the returned descriptor): bulk data at socket speed, with the
    // socket's own flow control. The command's exit status is not reported; what it prints is.
    void openCommandPipe(const QString &command, QObject *context,
                         std::function<void(Result<int>)> done);

    // Port forwards: a listener on bindAddress:bindPort (0 = any free port) whose every
    // accepted connection is carried to targetHost:targetPort as seen from the remote host.
    // `done` gets the bound port. The listener lives until removeForward() or the session's
    // end, across reconnects.
    quint64 addForward(const QHostAddress &bindAddress, quint16 bindPort, const QString &targetHost,
                       quint16 targetPort, QObject *context,
                       std::function<void(Result<quint16>)> done);
    void setForwardTarget(quint64 forwardId, const QString &targetHost, quint16 targetPort);
    void removeForward(quint64 forwardId);

    void answerCredential(quint64 requestId, std::optional<QString> answer);

    // Counters for tests and the status bar.
    int openChannelCount() const { return m_channels; }

Q_SIGNALS:
    void stateChanged(Corral::SshSession::State state, const QString &error);
    void credentialRequested(const Corral::CredentialRequest &request);
    // A forward's connection could not be carried (target refused, session down).
    void forwardError(quint64 forwardId, const QString &error);

private:
    friend struct SshDetail::Worker;
    void setState(State state, const QString &error);

    SshEndpoint m_endpoint;
    std::shared_ptr<SshDetail::Worker> m_worker;
    std::shared_ptr<Mailbox> m_mailbox;
    QThread *m_thread = nullptr;
    State m_state = State::Disconnected;
    QString m_error;
    int m_channels = 0;
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::SshSession::State)
