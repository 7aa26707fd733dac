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

thread_local Worker *Worker::current = nullptr;

Worker::~Worker()
{
    if (wakeFd >= 0)
        ::close(wakeFd);
}

void Worker::post(std::function<void()> call)
{
    {
        std::lock_guard lock(queueMutex);
        queue.push_back(std::move(call));
    }
    const uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wakeFd, &one, sizeof one);
}

void Worker::stop()
{
    stopping = true;
    prompts.cancel();
    post([] {});
}

void Worker::run()
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

int Worker::pollTimeout() const
{
    if (!session)
        return -1;
    return int(
        qBound<qint64>(0, lastKeepAlive + KeepAliveMs - clock.elapsed(), qint64(KeepAliveMs)));
}

void Worker::runQueue()
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

int Worker::onFd(socket_t fd, int revents, void *userdata)
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

void Worker::setState(SshSession::State newState, const QString &error)
{
    state = newState;
    SshSession *target = owner;
    facade->post([target, newState, error] { target->setState(newState, error); });
}

std::optional<QString> Worker::ask(CredentialRequest request)
{
    request.id = PromptGate::nextId();
    request.hostName = endpoint.label;
    SshSession *target = owner;
    return prompts.ask(request.id, [&] {
        facade->post([target, request] { Q_EMIT target->credentialRequested(request); });
    });
}

Result<void> Worker::ensureConnected()
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

Result<void> Worker::connectSession()
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
    if (endpoint.bulk) {
        static constexpr char ciphers[] = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,"
                                          "aes128-ctr,aes256-ctr,chacha20-poly1305@openssh.com";
        ssh_options_set(s, SSH_OPTIONS_CIPHERS_C_S, ciphers);
        ssh_options_set(s, SSH_OPTIONS_CIPHERS_S_C, ciphers);
    }
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

Result<void> Worker::authenticate(ssh_session s)
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
        if (ssh_userauth_password(s, nullptr, password->toUtf8().constData()) == SSH_AUTH_SUCCESS)
            return {};
    }
    return fail(ErrorCode::Authentication,
                Tr::tr("%1 refused the login as %2 (tried: %3): check the user name and that "
                       "your key is in the agent or authorized on the host.")
                    .arg(endpoint.label, userName(s), tried.join(QStringLiteral(", "))),
                sshError(s));
}

Error Worker::cancelledError() const
{
    return Error{
        ErrorCode::Authentication, Tr::tr("Login to %1 cancelled.").arg(endpoint.label), {}};
}

QString Worker::userName(ssh_session s)
{
    char *user = nullptr;
    if (ssh_options_get(s, SSH_OPTIONS_USER, &user) != SSH_OK || !user)
        return {};
    const QString name = QString::fromUtf8(user);
    ssh_string_free_char(user);
    return name;
}

int Worker::authWithKeyFile(ssh_session s)
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

int Worker::authKeyboardInteractive(ssh_session s)
{
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    while (rc == SSH_AUTH_INFO) {
        const QString instruction = QString::fromUtf8(ssh_userauth_kbdint_getinstruction(s));
        const int prompts = ssh_userauth_kbdint_getnprompts(s);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            CredentialRequest req;
            req.prompt
                = QString::fromUtf8(ssh_userauth_kbdint_getprompt(s, unsigned(i), &echo)).trimmed();
            if (!instruction.isEmpty())
                req.prompt = instruction + u'\n' + req.prompt;
            req.echo = echo != 0;
            req.kind
                = req.echo ? CredentialRequest::Kind::Question : CredentialRequest::Kind::Password;
            const auto answer = ask(req);
            if (!answer)
                return AuthCancelled;
            ssh_userauth_kbdint_setanswer(s, unsigned(i), answer->toUtf8().constData());
        }
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    return rc;
}

void Worker::checkHealth(int pollResult)
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

void Worker::dropSession(const QString &reason)
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

void Worker::teardown()
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

} // namespace Corral::SshDetail
