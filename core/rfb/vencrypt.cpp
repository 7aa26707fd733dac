#include "vencrypt.h"

#include "util/tr.h"
#include "vncauth.h"

#include <QStringList>
#include <QtEndian>

namespace Corral::Rfb {

namespace {

constexpr quint8 OurMajor = 0;
constexpr quint8 OurMinor = 2;

void appendU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, sizeof bytes);
}

bool isPlain(quint32 subType)
{
    return subType == VeNCrypt::Plain || subType == VeNCrypt::TlsPlain
        || subType == VeNCrypt::X509Plain;
}

bool isVnc(quint32 subType)
{
    return subType == VeNCrypt::TlsVnc || subType == VeNCrypt::X509Vnc;
}

} // namespace

VeNCryptHandler::VeNCryptHandler() = default;
VeNCryptHandler::~VeNCryptHandler() = default;

const QList<quint32> &VeNCryptHandler::preferredSubTypes()
{
    // Certificate-checked before anonymous TLS; credentials in the clear only as a last resort.
    static const QList<quint32> types{VeNCrypt::X509Vnc, VeNCrypt::X509Plain, VeNCrypt::X509None,
                                      VeNCrypt::TlsVnc,  VeNCrypt::TlsPlain,  VeNCrypt::TlsNone,
                                      VeNCrypt::Plain};
    return types;
}

QString VeNCryptHandler::subTypeName(quint32 subType)
{
    switch (subType) {
    case Security::None:
        return QStringLiteral("None");
    case Security::VncAuth:
        return QStringLiteral("VncAuth");
    case VeNCrypt::Plain:
        return QStringLiteral("Plain");
    case VeNCrypt::TlsNone:
        return QStringLiteral("TLSNone");
    case VeNCrypt::TlsVnc:
        return QStringLiteral("TLSVnc");
    case VeNCrypt::TlsPlain:
        return QStringLiteral("TLSPlain");
    case VeNCrypt::X509None:
        return QStringLiteral("X509None");
    case VeNCrypt::X509Vnc:
        return QStringLiteral("X509Vnc");
    case VeNCrypt::X509Plain:
        return QStringLiteral("X509Plain");
    case 263:
        return QStringLiteral("TLSSASL");
    case 264:
        return QStringLiteral("X509SASL");
    default:
        return QString::number(subType);
    }
}

SecurityHandler::Step VeNCryptHandler::feed(ByteReader &in, QByteArray &out)
{
    for (;;) {
        switch (m_state) {
        case State::Version: {
            if (!in.has(2))
                return Step::NeedMore;
            const quint8 major = in.u8(0);
            const quint8 minor = in.u8(1);
            in.skip(2);
            if (major < OurMajor || (major == OurMajor && minor < OurMinor))
                return failWith(Tr::tr("The server speaks VeNCrypt %1.%2, but Corral needs "
                                       "version %3.%4 or later. Update the VNC server or allow "
                                       "another security type on it.")
                                    .arg(int(major))
                                    .arg(int(minor))
                                    .arg(int(OurMajor))
                                    .arg(int(OurMinor)));
            out.append(char(OurMajor));
            out.append(char(OurMinor));
            m_state = State::VersionAck;
            break;
        }
        case State::VersionAck: {
            if (!in.has(1))
                return Step::NeedMore;
            const quint8 status = in.u8();
            in.skip(1);
            if (status != 0)
                return failWith(Tr::tr("The server refused VeNCrypt version %1.%2.")
                                    .arg(int(OurMajor))
                                    .arg(int(OurMinor)));
            m_state = State::SubTypes;
            break;
        }
        case State::SubTypes: {
            if (!in.has(1))
                return Step::NeedMore;
            const Step step = chooseSubType(in, out);
            if (step != Step::NeedMore || m_state == State::SubTypes)
                return step;
            break;
        }
        case State::TlsAck: {
            if (!in.has(1))
                return Step::NeedMore;
            const quint8 status = in.u8();
            in.skip(1);
            if (status == 0)
                return failWith(Tr::tr("The server could not set up TLS for VeNCrypt %1.")
                                    .arg(subTypeName(m_subType)));
            m_state = State::InnerStart;
            return Step::StartTls;
        }
        case State::InnerStart: {
            const Step step = startInner();
            if (step != Step::NeedMore)
                return step;
            break;
        }
        case State::InnerVnc: {
            const Step step = m_vncAuth->feed(in, out);
            if (step == Step::Failed)
                return failWith(m_vncAuth->error());
            if (step == Step::Done)
                m_state = State::Finished;
            return step;
        }
        case State::InnerPlain:
            return feedPlain(out);
        case State::Finished:
            return Step::Done;
        case State::Failed:
            return Step::Failed;
        }
    }
}

// Reads the whole sub-type list at once; returns NeedMore with the state advanced when the
// exchange goes on without more bytes.
SecurityHandler::Step VeNCryptHandler::chooseSubType(ByteReader &in, QByteArray &out)
{
    const quint8 count = in.u8();
    if (count == 0) {
        in.skip(1);
        return failWith(Tr::tr("The server offers no VeNCrypt sub-types."));
    }
    if (!in.has(1 + size_t(count) * 4))
        return Step::NeedMore;
    QList<quint32> offered;
    offered.reserve(count);
    for (int i = 0; i < count; ++i)
        offered.append(in.u32(1 + size_t(i) * 4));
    in.skip(1 + size_t(count) * 4);

    for (const quint32 candidate : preferredSubTypes()) {
        if (offered.contains(candidate)) {
            m_subType = candidate;
            break;
        }
    }
    if (m_subType == 0) {
        QStringList offeredNames;
        for (const quint32 type : std::as_const(offered))
            offeredNames.append(subTypeName(type));
        QStringList supportedNames;
        for (const quint32 type : preferredSubTypes())
            supportedNames.append(subTypeName(type));
        return failWith(Tr::tr("The server offers only VeNCrypt sub-types Corral does not "
                               "support: %1. Corral supports %2.")
                            .arg(offeredNames.join(QStringLiteral(", ")),
                                 supportedNames.join(QStringLiteral(", "))));
    }

    if (usesTls()) {
        appendU32(out, m_subType);
        m_state = State::TlsAck;
    } else {
        // Plain without TLS: the choice goes out together with the credentials, so nothing is
        // sent while the user is still being asked.
        m_state = State::InnerStart;
    }
    return Step::NeedMore;
}

SecurityHandler::Step VeNCryptHandler::startInner()
{
    if (isVnc(m_subType)) {
        m_vncAuth = std::make_unique<VncAuthHandler>();
        if (m_haveCredentials)
            m_vncAuth->setCredentials(m_credentials);
        m_state = State::InnerVnc;
        return Step::NeedMore;
    }
    if (isPlain(m_subType)) {
        m_state = State::InnerPlain;
        return Step::NeedMore;
    }
    m_state = State::Finished;
    return Step::Done;
}

SecurityHandler::Step VeNCryptHandler::feedPlain(QByteArray &out)
{
    if (!m_haveCredentials)
        return Step::NeedCredentials;
    if (!usesTls())
        appendU32(out, m_subType);
    const QByteArray username = m_credentials.username.toUtf8();
    QByteArray password = m_credentials.password.toUtf8();
    appendU32(out, quint32(username.size()));
    appendU32(out, quint32(password.size()));
    out += username;
    out += password;
    password.fill('\0');
    m_state = State::Finished;
    return Step::Done;
}

CredentialKind VeNCryptHandler::credentialKind() const
{
    return isPlain(m_subType) ? CredentialKind::UsernameAndPassword : CredentialKind::Password;
}

void VeNCryptHandler::setCredentials(const Credentials &credentials)
{
    SecurityHandler::setCredentials(credentials);
    if (m_vncAuth)
        m_vncAuth->setCredentials(credentials);
}

bool VeNCryptHandler::tlsWithCertificate() const
{
    return m_subType == VeNCrypt::X509None || m_subType == VeNCrypt::X509Vnc
        || m_subType == VeNCrypt::X509Plain;
}

bool VeNCryptHandler::usesTls() const
{
    return m_subType != VeNCrypt::Plain;
}

SecurityHandler::Step VeNCryptHandler::failWith(const QString &error)
{
    m_state = State::Failed;
    return fail(error);
}

} // namespace Corral::Rfb
