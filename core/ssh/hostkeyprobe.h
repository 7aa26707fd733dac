#pragma once

#include "util/result.h"

#include <QString>

#include <memory>

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
    ~HostKeyProbe();

    // Connects and classifies the server's key; Connection/Timeout errors when unreachable.
    Result<Status> check(int timeoutSec = 10);
    QString fingerprint() const { return m_fingerprint; } // presented key, SHA256:...
    QString knownFingerprint() const { return m_knownFingerprint; } // the recorded one, if any
    QString keyType() const { return m_keyType; }
    // Adds the presented key to the known_hosts file (after the user accepted it).
    Result<void> accept();
    QString endpoint() const;

private:
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
