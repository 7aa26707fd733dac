#include "rfbclient.h"

#include "util/tr.h"


namespace Corral::Rfb {

namespace {

// Client-to-server message types.
constexpr quint8 SetPixelFormatMsg = 0;
constexpr quint8 SetEncodingsMsg = 2;
constexpr quint8 UpdateRequestMsg = 3;
constexpr quint8 KeyEventMsg = 4;
constexpr quint8 PointerEventMsg = 5;
constexpr quint8 QemuClientMsg = 255;
constexpr quint8 QemuExtendedKeySubMsg = 0;

QString encodingName(qint32 e)
{
    switch (e) {
    case Encoding::Raw: return QStringLiteral("Raw");
    case Encoding::CopyRect: return QStringLiteral("CopyRect");
    case Encoding::RRE: return QStringLiteral("RRE");
    case Encoding::Hextile: return QStringLiteral("Hextile");
    case Encoding::ZRLE: return QStringLiteral("ZRLE");
    case Encoding::Tight: return QStringLiteral("Tight");
    default: return QString::number(e);
    }
}

QString securityName(quint8 type, quint32 subType)
{
    switch (type) {
    case Security::None: return QStringLiteral("None");
    case Security::VncAuth: return QStringLiteral("VNC password");
    case Security::AppleRemoteDesktop: return QStringLiteral("Apple Remote Desktop");
    case Security::VeNCrypt: {
        static const std::map<quint32, const char *> names{
            {VeNCrypt::Plain, "Plain"},       {VeNCrypt::TlsNone, "TLSNone"},
            {VeNCrypt::TlsVnc, "TLSVnc"},     {VeNCrypt::TlsPlain, "TLSPlain"},
            {VeNCrypt::X509None, "X509None"}, {VeNCrypt::X509Vnc, "X509Vnc"},
            {VeNCrypt::X509Plain, "X509Plain"}};
        const auto it = names.find(subType);
        return QStringLiteral("VeNCrypt ")
               + (it != names.end() ? QString::fromLatin1(it->second) : QString::number(subType));
    }
    default: return QString::number(type);
    }
}

} // namespace

Client::Client(const Options &options, Handler handler)
    : m_options(options), m_handler(std::move(handler))
{
    if (m_options.encodings.isEmpty())
        m_options.encodings = defaultEncodings();
}

Client::~Client() = default;

QList<qint32> Client::defaultEncodings()
{
    return {Encoding::Tight, Encoding::ZRLE, Encoding::Hextile, Encoding::RRE, Encoding::CopyRect,
            Encoding::Raw};
}

bool Client::fail(const QString &error)
{
    if (m_phase != Phase::Failed) {
        m_phase = Phase::Failed;
        m_error = error;
    }
    return false;
}

void Client::send(const QByteArray &bytes)
{
    m_out.append(bytes);
}

bool Client::hasOutput() const
{
    return !m_out.isEmpty() || !m_clearPrefix.isEmpty() || m_tls;
}

QByteArray Client::takeOutput()
{
    QByteArray out = std::exchange(m_clearPrefix, {});
    if (!m_tls)
        return out + std::exchange(m_out, {});
    if (m_tls->handshakeDone() && !m_out.isEmpty()) {
        if (!m_tls->writePlaintext(std::exchange(m_out, {})))
            fail(m_tls->error());
    }
    return out + m_tls->takeCiphertext();
}

bool Client::feed(const char *data, size_t size)
{
    if (m_phase == Phase::Failed)
        return false;
    if (m_tls) {
        if (!m_tls->feedCiphertext(data, size))
            return fail(m_tls->error());
        m_in.append(m_tls->takePlaintext());
        // The handshake's own records go out through takeOutput(); the protocol resumes (even
        // without plaintext: VeNCrypt's sub-type may have nothing left to read) once it is done.
        if (!m_tls->handshakeDone())
            return true;
    } else {
        m_in.append(data, qsizetype(size));
    }
    return process();
}

void Client::setCredentials(const Credentials &credentials)
{
    if (!m_security || !m_waitingForCredentials)
        return;
    m_security->setCredentials(credentials);
    m_waitingForCredentials = false;
    process();
}

bool Client::process()
{
    // Runs every phase that has its bytes; each reader consumes only whole units.
    for (;;) {
        if (m_phase == Phase::Failed)
            return false;
        ByteReader in(reinterpret_cast<const uchar *>(m_in.constData()) + m_inPos,
                      size_t(m_in.size() - m_inPos));
        const Phase before = m_phase;
        bool progressed = false;
        switch (m_phase) {
        case Phase::Version: progressed = readVersion(in); break;
        case Phase::SecurityTypes: progressed = readSecurityTypes(in); break;
        case Phase::Security: progressed = runSecurity(in); break;
        case Phase::SecurityResult: progressed = readSecurityResult(in); break;
        case Phase::SecurityReason:
            progressed = readReason(in, Tr::tr("The VNC server refused the login"));
            break;
        case Phase::ServerInit: progressed = readServerInit(in); break;
        case Phase::Normal: progressed = readMessage(in); break;
        case Phase::Failed: return false;
        }
        m_inPos += qsizetype(in.consumed());
        if (m_inPos == m_in.size()) {
            m_in.clear();
            m_inPos = 0;
        } else if (m_inPos > (1 << 20) && m_inPos > m_in.size() / 2) {
            m_in.remove(0, m_inPos);
            m_inPos = 0;
        }
        if (m_phase == Phase::Failed)
            return false;
        if (std::exchange(m_startTls, false))
            startTls();
        // Nothing more to do until the TLS handshake is through.
        if (m_tls && !m_tls->handshakeDone())
            return m_phase != Phase::Failed;
        if (!progressed && m_phase == before)
            return true;
    }
}

bool Client::readVersion(ByteReader &in)
{
    if (!in.has(12))
        return false;
    const QByteArray banner(reinterpret_cast<const char *>(in.peek()), 12);
    in.skip(12);
    int major = 0, minor = 0;
    if (!banner.startsWith("RFB ") || banner[7] != '.' || banner[11] != '\n'
        || sscanf(banner.constData() + 4, "%3d.%3d", &major, &minor) != 2) {
        const QString shown = QString::fromLatin1(banner.left(11)).toHtmlEscaped();
        return fail(Tr::tr("This is not a VNC server (it greeted with “%1”). Check the address "
                           "and port.")
                        .arg(shown.simplified()));
    }
    if (major < 3)
        return fail(Tr::tr("The VNC server speaks RFB %1.%2, which is too old.").arg(major).arg(minor));
    // 3.889 is Apple's 3.8; 4.x/5.x (RealVNC) speak 3.8 to a 3.8 client; 3.4–3.6 are 3.3.
    if (major > 3 || minor >= 8)
        m_minor = 8;
    else if (minor == 7)
        m_minor = 7;
    else
        m_minor = 3;
    send(QByteArray("RFB 003.00") + char('0' + m_minor) + '\n');
    m_phase = Phase::SecurityTypes;
    return true;
}

bool Client::readSecurityTypes(ByteReader &in)
{
    if (m_minor == 3) {
        if (!in.has(4))
            return false;
        const quint32 type = in.u32();
        in.skip(4);
        if (type == 0) {
            m_phase = Phase::SecurityReason;
            return true;
        }
        if (type > 255 || (type != Security::None && !SecurityHandler::supportedTypes().contains(quint8(type))))
            return fail(Tr::tr("The VNC server requires security type %1, which Corral does not support.").arg(type));
        m_securityType = quint8(type);
    } else {
        if (!in.has(1))
            return false;
        const int count = in.u8();
        if (count == 0) {
            in.skip(1);
            m_phase = Phase::SecurityReason;
            return true;
        }
        if (!in.has(1 + size_t(count)))
            return false;
        QList<quint8> offered;
        for (int i = 0; i < count; ++i)
            offered.append(in.u8(1 + i));
        in.skip(1 + size_t(count));
        quint8 chosen = Security::Invalid;
        for (quint8 t : SecurityHandler::supportedTypes()) {
            if (offered.contains(t)) {
                chosen = t;
                break;
            }
        }
        if (chosen == Security::Invalid) {
            QStringList names;
            for (quint8 t : offered)
                names.append(QString::number(t));
            return fail(Tr::tr("The VNC server offers only security types %1; Corral supports None, "
                               "VNC password, VeNCrypt and Apple Remote Desktop. Change the "
                               "server's security settings.")
                            .arg(names.join(QStringLiteral(", "))));
        }
        m_securityType = chosen;
        send(QByteArray(1, char(chosen)));
    }
    if (m_securityType == Security::None) {
        // 3.8 sends a SecurityResult even for None; 3.3 and 3.7 go straight to ClientInit.
        if (m_minor == 8) {
            m_phase = Phase::SecurityResult;
        } else {
            send(QByteArray(1, char(m_options.shared ? 1 : 0)));
            m_phase = Phase::ServerInit;
        }
        return true;
    }
    m_security = SecurityHandler::create(m_securityType);
    if (!m_security)
        return fail(Tr::tr("Security type %1 is not available in this build.").arg(m_securityType));
    m_phase = Phase::Security;
    return true;
}

bool Client::runSecurity(ByteReader &in)
{
    if (m_waitingForCredentials)
        return false;
    QByteArray out;
    const size_t before = in.consumed();
    const auto step = m_security->feed(in, out);
    send(out);
    switch (step) {
    case SecurityHandler::Step::NeedMore:
        return in.consumed() != before;
    case SecurityHandler::Step::NeedCredentials:
        m_waitingForCredentials = true;
        if (m_handler.credentialsNeeded)
            m_handler.credentialsNeeded(m_security->credentialKind());
        return false;
    case SecurityHandler::Step::StartTls:
        // process() switches to TLS once it has accounted for what was read here.
        m_startTls = true;
        return true;
    case SecurityHandler::Step::Done:
        m_phase = Phase::SecurityResult;
        return true;
    case SecurityHandler::Step::Failed:
        return fail(m_security->error());
    }
    return false;
}

void Client::startTls()
{
    // Called with m_inPos already past the plaintext: the rest of m_in is the server's first
    // TLS bytes, and what is queued in m_out still goes out in the clear, ahead of the
    // handshake.
    const QByteArray rest = m_in.mid(m_inPos);
    m_in.clear();
    m_inPos = 0;
    m_clearPrefix += std::exchange(m_out, {});
    m_tls = std::make_unique<TlsLayer>(m_security->tlsWithCertificate(), m_options.tls);
    if (!rest.isEmpty() && !m_tls->feedCiphertext(rest.constData(), size_t(rest.size())))
        fail(m_tls->error());
}

bool Client::readSecurityResult(ByteReader &in)
{
    if (!in.has(4))
        return false;
    const quint32 result = in.u32();
    in.skip(4);
    if (result == 0) {
        send(QByteArray(1, char(m_options.shared ? 1 : 0)));
        m_phase = Phase::ServerInit;
        return true;
    }
    if (m_minor == 8) {
        m_phase = Phase::SecurityReason;
        return true;
    }
    return fail(m_securityType == Security::None
                    ? Tr::tr("The VNC server refused the connection.")
                    : Tr::tr("The VNC server refused the password. Check it and connect again."));
}

bool Client::readReason(ByteReader &in, const QString &context)
{
    if (!in.has(4))
        return false;
    const quint32 length = in.u32();
    const quint32 shown = qMin<quint32>(length, 1024);
    if (!in.has(4 + size_t(shown)))
        return false;
    const QString reason = QString::fromUtf8(reinterpret_cast<const char *>(in.peek(4)), shown).simplified();
    in.skip(4 + shown);
    if (reason.isEmpty())
        return fail(context + u'.');
    return fail(Tr::tr("%1: %2").arg(context, reason));
}

bool Client::readServerInit(ByteReader &in)
{
    if (!in.has(24))
        return false;
    const quint32 nameLength = in.u32(20);
    if (nameLength > MaxStringLength)
        return fail(Tr::tr("The VNC server sent a desktop name of %1 bytes; the session was ended.").arg(nameLength));
    if (!in.has(24 + size_t(nameLength)))
        return false;
    const int width = in.u16(0);
    const int height = in.u16(2);
    const PixelFormat serverFormat = PixelFormat::fromWire(in.peek(4));
    m_desktopName = QString::fromUtf8(reinterpret_cast<const char *>(in.peek(24)), int(nameLength));
    in.skip(24 + nameLength);

    if (const QString why = serverFormat.validate(); !why.isEmpty())
        return fail(Tr::tr("The VNC server uses a pixel format Corral cannot read: %1").arg(why));
    if (!m_fb.resize(width, height))
        return fail(Tr::tr("The VNC server's screen is %1×%2, beyond what Corral accepts.").arg(width).arg(height));
    PixelFormat format = serverFormat;
    if (m_options.requestNativeFormat && !serverFormat.isNative()) {
        format = PixelFormat::native();
        QByteArray msg(4, '\0');
        msg[0] = char(SetPixelFormatMsg);
        msg.resize(20);
        format.toWire(reinterpret_cast<uchar *>(msg.data()) + 4);
        send(msg);
    }
    m_fb.setFormat(format, format.trueColour ? nullptr : &m_colours);
    m_phase = Phase::Normal;
    sendInitialRequests();
    if (m_handler.connected)
        m_handler.connected();
    if (m_handler.resized)
        m_handler.resized(width, height);
    return true;
}

void Client::sendInitialRequests()
{
    QList<qint32> encodings = m_options.encodings;
    if (m_options.jpegQuality >= 0 && m_options.jpegQuality <= 9)
        encodings.append(Encoding::JpegQuality0 + m_options.jpegQuality);
    if (m_options.compressLevel >= 0 && m_options.compressLevel <= 9)
        encodings.append(Encoding::CompressLevel0 + m_options.compressLevel);
    encodings += {Encoding::ExtendedDesktopSize, Encoding::DesktopSize, Encoding::LastRect,
                  Encoding::Cursor,           Encoding::QemuExtendedKeyEvent,
                  Encoding::QemuLedState,     Encoding::DesktopName,
                  Encoding::ExtendedClipboard};
    QByteArray msg;
    msg.append(char(SetEncodingsMsg)).append('\0');
    putU16(msg, quint16(encodings.size()));
    for (qint32 e : std::as_const(encodings))
        putU32(msg, quint32(e));
    send(msg);
    requestUpdate(false);
}

void Client::requestUpdate(bool incremental)
{
    if (m_phase != Phase::Normal)
        return;
    QByteArray msg;
    msg.append(char(UpdateRequestMsg)).append(char(incremental ? 1 : 0));
    putU16(msg, 0);
    putU16(msg, 0);
    putU16(msg, quint16(m_fb.width()));
    putU16(msg, quint16(m_fb.height()));
    send(msg);
}

void Client::keyEvent(quint32 keysym, quint32 scancode, bool down)
{
    if (m_phase != Phase::Normal)
        return;
    QByteArray msg;
    if (m_extendedKeys && scancode != 0) {
        // The wire form folds an 0xe0 prefix into the high bit of the code.
        quint32 code = scancode;
        if ((scancode >> 8) == 0xe0 && (scancode & 0xff) < 0x80)
            code = 0x80 | (scancode & 0x7f);
        msg.append(char(QemuClientMsg)).append(char(QemuExtendedKeySubMsg));
        putU16(msg, down ? 1 : 0);
        putU32(msg, keysym);
        putU32(msg, code);
    } else {
        if (keysym == 0)
            return;
        msg.append(char(KeyEventMsg)).append(char(down ? 1 : 0));
        putU16(msg, 0);
        putU32(msg, keysym);
    }
    send(msg);
}

void Client::pointerEvent(int x, int y, int buttonMask)
{
    if (m_phase != Phase::Normal)
        return;
    QByteArray msg;
    msg.append(char(PointerEventMsg)).append(char(buttonMask & 0x7f));
    putU16(msg, quint16(qBound(0, x, qMax(0, m_fb.width() - 1))));
    putU16(msg, quint16(qBound(0, y, qMax(0, m_fb.height() - 1))));
    send(msg);
}

QString Client::summary() const
{
    QStringList parts;
    parts.append(m_minor == 3 ? QStringLiteral("RFB 3.3")
                              : QStringLiteral("RFB 3.%1").arg(m_minor));
    QString security = securityName(m_securityType, m_security ? m_security->subType() : 0);
    if (m_tls)
        security += QStringLiteral(" (%1)").arg(m_tls->peerSummary());
    parts.append(security);
    QStringList encodings;
    for (const auto &[e, n] : m_rectsByEncoding)
        encodings.append(encodingName(e));
    if (!encodings.isEmpty())
        parts.append(encodings.join(u'+'));
    return parts.join(QStringLiteral(", "));
}

} // namespace Corral::Rfb
