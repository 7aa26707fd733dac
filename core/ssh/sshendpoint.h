#pragma once

#include "util/result.h"

#include <QString>

namespace Corral {

// Where and as whom an SSH session logs in. A host's endpoint comes from its libvirt URI (user,
// address, port, keyfile, known_hosts) and ~/.ssh/config fills in what the URI leaves out; a
// guest's endpoint is reached through a tunnel of its host's session (tunnelFd).
struct SshEndpoint
{
    QString label; // for messages: "lab1", "lab1/vm1"
    QString host; // address or ~/.ssh/config alias
    int port = -1; // -1: ~/.ssh/config or 22
    QString user; // empty: ~/.ssh/config or the local user
    QString keyFile; // an identity tried first (URI keyfile=), besides agent and defaults
    QString knownHostsFile; // empty: ~/.ssh/known_hosts
    bool verifyHostKey = true;
    bool useSshConfig = true;
    QString sshConfigFile; // empty: ~/.ssh/config (and /etc/ssh/ssh_config)
    int tunnelFd = -1; // a connected socket to use instead of TCP (owned by the session)
    // A connection for bulk transfers: AES-GCM first (AES-NI makes it several times faster
    // than chacha20-poly1305), for image uploads and downloads.
    bool bulk = false;

    // The SSH side of a libvirt URI; local URIs (qemu:///system) are an Unsupported error.
    static Result<SshEndpoint> fromHostUri(const QString &uri, const QString &label);
    int effectivePort() const { return port > 0 ? port : 22; }
};

} // namespace Corral
