#pragma once

#include "securityhandler.h"

#include <QList>

#include <memory>

namespace Corral::Rfb {

class VncAuthHandler;

// VeNCrypt (security type 19, version 0.2): negotiates a sub-type, asks the client to start
// TLS for the TLS*/X509* sub-types (Step::StartTls), then runs the inner exchange (none, VNC
// authentication or plain username/password) over the decrypted stream. Pure and
// single-threaded; owned by the RFB client.
class VeNCryptHandler final : public SecurityHandler
{
public:
    VeNCryptHandler();
    ~VeNCryptHandler() override;
    Q_DISABLE_COPY_MOVE(VeNCryptHandler)

    Step feed(ByteReader &in, QByteArray &out) override;
    CredentialKind credentialKind() const override;
    void setCredentials(const Credentials &credentials) override;
    bool tlsWithCertificate() const override;
    quint32 subType() const override { return m_subType; }

    // Sub-types Corral implements, most preferred first.
    static const QList<quint32> &preferredSubTypes();
    // "X509Vnc", "TLSPlain", ...; the number for sub-types without a name.
    static QString subTypeName(quint32 subType);

private:
    enum class State {
        Version,
        VersionAck,
        SubTypes,
        TlsAck,
        InnerStart, // first feed after the TLS handshake (or right away for plain Plain)
        InnerVnc,
        InnerPlain,
        Finished,
        Failed,
    };

    Step chooseSubType(ByteReader &in, QByteArray &out);
    Step startInner();
    Step feedPlain(QByteArray &out);
    Step failWith(const QString &error);
    bool usesTls() const;

    State m_state = State::Version;
    quint32 m_subType = 0;
    std::unique_ptr<VncAuthHandler> m_vncAuth;
};

} // namespace Corral::Rfb
