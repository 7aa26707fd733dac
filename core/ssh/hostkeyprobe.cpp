#include "hostkeyprobe.h"

#include "util/logging.h"

#include <QDir>
#include <QFileInfo>

#include <libssh/libssh.h>

namespace Corral {

namespace {
QString sha256Fingerprint(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t len = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != SSH_OK)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
    ssh_clean_pubkey_hash(&hash);
    const QString fp = QString::fromLatin1(text);
    ssh_string_free_char(text);
    return fp;
}
} // namespace

struct HostKeyProbe::Session
{
    ssh_session handle = ssh_new();
    bool connected = false;
    bool owned = true;
    ~Session()
    {
        if (!owned)
            return;
        if (connected)
            ssh_disconnect(handle);
        ssh_free(handle);
    }
};

HostKeyProbe::HostKeyProbe(QString host, int port, QString user, QString knownHostsFile)
    : m_session(std::make_unique<Session>())
    , m_host(std::move(host))
    , m_port(port)
    , m_user(std::move(user))
    , m_knownHostsFile(std::move(knownHostsFile))
{ }

HostKeyProbe::HostKeyProbe(ssh_session connected, QString endpointHost, int port,
                           QString knownHostsFile)
    : m_session(std::make_unique<Session>())
    , m_host(std::move(endpointHost))
    , m_port(port)
    , m_knownHostsFile(std::move(knownHostsFile))
{
    ssh_free(m_session->handle);
    m_session->handle = connected;
    m_session->connected = true;
    m_session->owned = false;
}

HostKeyProbe::~HostKeyProbe() = default;

QString HostKeyProbe::endpoint() const
{
    return m_port == 22 ? m_host : QStringLiteral("[%1]:%2").arg(m_host).arg(m_port);
}

Result<HostKeyProbe::Status> HostKeyProbe::check(int timeoutSec)
{
    ssh_session s = m_session->handle;
    if (!s)
        return fail(ErrorCode::Generic, Tr::tr("Cannot create an SSH session."));
    if (m_session->owned) {
        if (auto connected = connect(timeoutSec); !connected)
            return std::unexpected(connected.error());
    }
    return classify();
}

Result<void> HostKeyProbe::connect(int timeoutSec)
{
    ssh_session s = m_session->handle;
    const QByteArray host = m_host.toUtf8();
    const QByteArray known = QFile::encodeName(m_knownHostsFile);
    const unsigned int port = unsigned(m_port);
    const long timeout = timeoutSec;
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    if (!m_user.isEmpty()) {
        const QByteArray user = m_user.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    }
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, known.constData());
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);

    if (ssh_connect(s) != SSH_OK) {
        return fail(ErrorCode::Connection,
                    Tr::tr("Cannot reach SSH on %1: check that the host is up and sshd "
                           "listens on port %2.")
                        .arg(m_host)
                        .arg(m_port),
                    QString::fromUtf8(ssh_get_error(s)));
    }
    m_session->connected = true;
    return {};
}

Result<HostKeyProbe::Status> HostKeyProbe::classify()
{
    ssh_session s = m_session->handle;
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(s, &key) != SSH_OK)
        return fail(ErrorCode::Connection, Tr::tr("%1 sent no host key.").arg(m_host),
                    QString::fromUtf8(ssh_get_error(s)));
    m_fingerprint = sha256Fingerprint(key);
    m_keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    ssh_key_free(key);

    switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
        return Status::Known;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        ssh_knownhosts_entry *entry = nullptr;
        if (ssh_session_get_known_hosts_entry(s, &entry) != SSH_KNOWN_HOSTS_ERROR && entry) {
            if (entry->publickey)
                m_knownFingerprint = sha256Fingerprint(entry->publickey);
            ssh_knownhosts_entry_free(entry);
        }
        return Status::Changed;
    }
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
        return Status::Unknown;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return fail(ErrorCode::Storage,
                Tr::tr("Cannot read the known hosts file %1.").arg(m_knownHostsFile),
                QString::fromUtf8(ssh_get_error(s)));
}

Result<void> HostKeyProbe::accept()
{
    QDir().mkpath(QFileInfo(m_knownHostsFile).absolutePath());
    if (ssh_session_update_known_hosts(m_session->handle) != SSH_OK) {
        return fail(
            ErrorCode::Storage,
            Tr::tr("Cannot add the host key of %1 to %2.").arg(endpoint(), m_knownHostsFile),
            QString::fromUtf8(ssh_get_error(m_session->handle)));
    }
    qCInfo(lcSsh).noquote() << "remembered host key" << m_fingerprint << "for" << endpoint() << "in"
                            << m_knownHostsFile;
    return {};
}

Result<void> HostKeyProbe::verify(const AskFunction &ask, int timeoutSec)
{
    auto status = check(timeoutSec);
    if (!status)
        return std::unexpected(status.error());
    switch (*status) {
    case Status::Known:
        return {};
    case Status::Changed:
        return fail(
            ErrorCode::HostKeyChanged,
            Tr::tr("The SSH host key of %1 has CHANGED: %2 records %3, the host now "
                   "presents %4 %5. Corral refuses to connect. If the host was "
                   "reinstalled, remove the old key with: ssh-keygen -R '%1' -f %2")
                .arg(endpoint(), m_knownHostsFile,
                     m_knownFingerprint.isEmpty() ? Tr::tr("another key") : m_knownFingerprint,
                     m_keyType, m_fingerprint));
    case Status::Unknown:
        break;
    }

    CredentialRequest req;
    req.kind = CredentialRequest::Kind::HostKey;
    req.fingerprint = m_fingerprint;
    req.prompt = Tr::tr("The authenticity of host %1 can't be established. Its %2 key "
                        "fingerprint is %3. Accept it and remember it in %4?")
                     .arg(endpoint(), m_keyType, m_fingerprint, m_knownHostsFile);
    const auto answer = ask(req);
    if (!answer || answer->compare(u"yes", Qt::CaseInsensitive) != 0) {
        return fail(ErrorCode::HostKeyUnknown,
                    Tr::tr("The SSH host key of %1 (%2) is not known and was not accepted. "
                           "Verify it and connect again, or add it to %3.")
                        .arg(endpoint(), m_fingerprint, m_knownHostsFile));
    }
    return accept();
}

} // namespace Corral
