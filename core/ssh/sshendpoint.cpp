#include "sshendpoint.h"

#include "virt/hosturi.h"

namespace Corral {

Result<SshEndpoint> SshEndpoint::fromHostUri(const QString &uri, const QString &label)
{
    auto parsed = HostUri::parse(uri);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (!parsed->usesSsh() || parsed->host.isEmpty()) {
        return fail(ErrorCode::Unsupported,
                    Tr::tr("%1 is not a host Corral reaches over SSH (its URI is %2): shells and "
                           "port forwards need a qemu+ssh:// or qemu+libssh:// URI.")
                        .arg(label, uri));
    }
    SshEndpoint ep;
    ep.label = label;
    ep.host = parsed->host;
    ep.port = parsed->port;
    ep.user = parsed->user;
    ep.keyFile = parsed->params.value(QStringLiteral("keyfile"));
    ep.knownHostsFile = parsed->knownHostsFile();
    ep.verifyHostKey = parsed->verifiesHostKey();
    return ep;
}

} // namespace Corral
