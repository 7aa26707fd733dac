#pragma once

#include "fleet/credentialrequest.h"
#include "util/result.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct ssh_session_struct;

namespace Corral {

// Checks an SSH server's host key against a known_hosts file before anything authenticates:
// connects (key exchange only), compares, and on request remembers an unknown key. Blocking:
// use it only on a worker thread (HostSession's). One probe per check; not copyable.
class HostKeyProbe final
{
    Q_DISABLE_COPY_MOVE(HostKeyProbe)

public:
    enum class Status { Known, Unknown, Changed };

    HostKeyProbe(QString host, int port, QString user, QString knownHostsFile);
    // Checks the key of a session that is already connected (not owned; the caller has set its
    // known_hosts file). check() then only classifies.
    HostKeyProbe(ssh_session_struct *connected, QString endpointHost, int port,
                 QString knownHostsFile);
    ~HostKeyProbe();

    // Connects and classifies the server's key; Connection/Timeout errors when unreachable.
    Result<Status> check(int timeoutSec = 10);
    QString fingerprint() const { return m_fingerprint; } // presented key, SHA256:...
    QString knownFingerprint() const { return m_knownFingerprint; } // the recorded one, if any
    QString keyType() const { return m_keyType; }
    // Adds the presented key to the known_hosts file (after the user accepted it).
    Result<void> accept();
    QString endpoint() const;

    // Corral's host-key policy, shared by libvirt and SSH sessions: a known key passes, a
    // changed key is refused with both fingerprints, an unknown key is put to the person
    // through `ask` (a HostKey request) and remembered when the answer is "yes".
    using AskFunction = std::function<std::optional<QString>(CredentialRequest)>;
    Result<void> verify(const AskFunction &ask, int timeoutSec = 10);

private:
    Result<void> connect(int timeoutSec);
    Result<Status> classify();

    struct Session;
    std::unique_ptr<Session> m_session;
    QString m_host;
    int m_port;
    QString m_user;
    QString m_knownHostsFile;
    QString m_fingerprint;
    QString m_knownFingerprint;
    QString m_keyType;
};

} // namespace Corral
