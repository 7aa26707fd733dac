#pragma once

#include "bytereader.h"
#include "rfbtypes.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace Corral::Rfb {

// Options that decide how TLS (VeNCrypt) is set up and checked.
struct TlsOptions
{
    QString caFile;           // X509 variants: PEM bundle to verify against; empty = system store
    QString expectedHost;     // X509 variants: name the certificate must carry; empty = not checked
    QByteArray pinnedSha256;  // X509 variants: accept exactly this certificate (DER SHA-256)
};

// One security type's exchange after the client picked it, up to (not including) the
// SecurityResult, which the client reads itself. Pure: bytes in, bytes out.
class SecurityHandler
{
public:
    enum class Step {
        NeedMore,        // wants more bytes from the server
        NeedCredentials, // call setCredentials(), then feed() again (with no new bytes if none came)
        StartTls,        // VeNCrypt: from here on every byte both ways goes through TLS;
                         // the client sets up TlsLayer with tlsMode(), then feeds plaintext
        Done,            // exchange finished; the SecurityResult follows
        Failed,          // error() says why
    };

    virtual ~SecurityHandler() = default;

    // Consumes what it can from `in`; appends what to send to `out`.
    virtual Step feed(ByteReader &in, QByteArray &out) = 0;
    virtual CredentialKind credentialKind() const { return CredentialKind::Password; }
    virtual void setCredentials(const Credentials &credentials)
    {
        m_credentials = credentials;
        m_haveCredentials = true;
    }
    // For StartTls: anonymous (TLS*) or certificate-checked (X509*).
    virtual bool tlsWithCertificate() const { return false; }
    // The VeNCrypt sub-type chosen, for the UI ("VeNCrypt X509Vnc"); 0 otherwise.
    virtual quint32 subType() const { return 0; }

    QString error() const { return m_error; }

    // Handler for Security::VncAuth, VeNCrypt or AppleRemoteDesktop; nullptr for None (nothing
    // to exchange) and for types Corral does not implement.
    static std::unique_ptr<SecurityHandler> create(quint8 type);
    // Security types Corral implements, in order of preference, for picking from a server's list.
    static const QList<quint8> &supportedTypes();

protected:
    Step fail(const QString &error)
    {
        m_error = error;
        return Step::Failed;
    }
    Credentials m_credentials;
    bool m_haveCredentials = false;

private:
    QString m_error;
};

// TLS over bytes in memory (OpenSSL with memory BIOs), for VeNCrypt: the client pushes what came
// from the socket in, pulls what to send out, and reads/writes plaintext in between.
class TlsLayer
{
public:
    TlsLayer(bool withCertificate, const TlsOptions &options);
    ~TlsLayer();
    TlsLayer(const TlsLayer &) = delete;
    TlsLayer &operator=(const TlsLayer &) = delete;

    // Ciphertext from the server. Returns false when TLS failed (error() says why).
    bool feedCiphertext(const char *data, size_t size);
    // Ciphertext to send to the server (handshake records and encrypted plaintext).
    QByteArray takeCiphertext();
    // Decrypted bytes available so far.
    QByteArray takePlaintext();
    // Encrypts `plaintext`; its records come out of takeCiphertext().
    bool writePlaintext(const QByteArray &plaintext);

    bool handshakeDone() const;
    QString error() const;
    // Certificate details after the handshake, for the connection's info panel.
    QString peerSummary() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Corral::Rfb
