#pragma once

#include "util/result.h"

#include <QMap>
#include <QString>

namespace Corral {

// A libvirt connection URI taken apart: driver+transport://user@host:port/path?params.
// Used to validate what users type and to find the SSH endpoint for host-key checks.
struct HostUri
{
    QString driver; // "qemu", "test", ...
    QString transport; // "libssh", "ssh", "tcp", "tls", "unix", or empty (local)
    QString user;
    QString host;
    int port = -1; // -1 = transport default
    QString path; // "/system", "/session", or a test driver file
    QMap<QString, QString> params;

    static Result<HostUri> parse(const QString &uri);

    bool usesSsh() const { return transport == u"libssh" || transport == u"ssh"; }
    int sshPort() const { return port > 0 ? port : 22; }
    // The known_hosts file the connection verifies against (URI parameter or ~/.ssh).
    QString knownHostsFile() const;
    // False when the URI turns host-key checking off (known_hosts_verify=ignore, no_verify=1).
    bool verifiesHostKey() const;
};

} // namespace Corral
