#pragma once

#include "securityhandler.h"
#include "outcome.h"
#include "util/tr.h"

namespace Corral::Rfb {

// Apple Remote Desktop authentication (security type 30, macOS Screen Sharing): Diffie-Hellman
// over the server's group, then username and password AES-128-ECB encrypted under
// MD5(shared secret). Pure and single-threaded; owned by the RFB client.
class ArdAuthHandler final : public SecurityHandler
{
public:
    // Bounds on the server's key length in bytes. OpenSSL refuses DH moduli under 512 bits.
    static constexpr int MinKeyLength = 64;
    static constexpr int MaxKeyLength = 1024;
    // Username and password each get 64 bytes including their terminating NUL.
    static constexpr int MaxFieldLength = 63;

    ArdAuthHandler() = default;
    ~ArdAuthHandler() override;
    Q_DISABLE_COPY_MOVE(ArdAuthHandler)

    Step feed(ByteReader &in, QByteArray &out) override;
    CredentialKind credentialKind() const override { return CredentialKind::UsernameAndPassword; }

private:
    enum class State { Header, Keys, Credentials, Finished, Failed };

    // Diffie-Hellman with the server's group and key; done before asking for credentials so a
    // broken server fails without a prompt.
    Outcome<void> agree(const QByteArray &prime, const QByteArray &serverKey);
    Outcome<QByteArray> response() const;
    Step failWith(const QString &error);

    State m_state = State::Header;
    quint16 m_generator = 0;
    int m_keyLength = 0;
    QByteArray m_aesKey; // MD5 of the shared secret
    QByteArray m_publicKey; // ours, padded to the key length
};

} // namespace Corral::Rfb
