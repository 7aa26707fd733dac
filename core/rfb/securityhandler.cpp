#include "securityhandler.h"

#include "ardauth.h"
#include "vencrypt.h"
#include "vncauth.h"

namespace Corral::Rfb {

std::unique_ptr<SecurityHandler> SecurityHandler::create(quint8 type)
{
    switch (type) {
    case Security::VncAuth:
        return std::make_unique<VncAuthHandler>();
    case Security::VeNCrypt:
        return std::make_unique<VeNCryptHandler>();
    case Security::AppleRemoteDesktop:
        return std::make_unique<ArdAuthHandler>();
    default:
        return nullptr;
    }
}

const QList<quint8> &SecurityHandler::supportedTypes()
{
    // VeNCrypt first because it can protect the whole session with TLS; ARD before VNC
    // authentication because it sends the password encrypted under a fresh DH key, not DES.
    static const QList<quint8> types{Security::VeNCrypt, Security::AppleRemoteDesktop,
                                     Security::VncAuth, Security::None};
    return types;
}

} // namespace Corral::Rfb
