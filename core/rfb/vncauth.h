#pragma once

#include "securityhandler.h"
#include "outcome.h"
#include "util/tr.h"

namespace Corral::Rfb {

// VNC authentication (RFC 6143 §7.2.2, security type 2): the server sends a 16-byte challenge,
// the client answers with it DES-encrypted under the password. Also run inside VeNCrypt's
// TlsVnc/X509Vnc sub-types. Pure and single-threaded; owned by the RFB client.
class VncAuthHandler final : public SecurityHandler
{
public:
    VncAuthHandler() = default;
    ~VncAuthHandler() override;
    Q_DISABLE_COPY_MOVE(VncAuthHandler)

    Step feed(ByteReader &in, QByteArray &out) override;

    // The 16-byte response to a 16-byte `challenge`; only the first 8 UTF-8 bytes of
    // `password` count. Fails when OpenSSL's DES (legacy provider) is unavailable.
    static Outcome<QByteArray> response(const QByteArray &challenge, const QString &password);

private:
    enum class State { Challenge, Credentials, Finished, Failed };

    Step failWith(const QString &error);

    State m_state = State::Challenge;
    QByteArray m_challenge;
};

} // namespace Corral::Rfb
