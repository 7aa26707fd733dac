#pragma once

#include "framebuffer.h"
#include "rectdecoder.h"
#include "rfbtypes.h"
#include "securityhandler.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

#include <functional>
#include <map>
#include <memory>

namespace Corral::Rfb {

// The RFB 3.3/3.7/3.8 client protocol as a state machine without sockets: feed() it what the
// server sent, send what takeOutput() returns, and it reports through the Handler. Decodes
// into its Framebuffer. Hostile input ends it with error() set and failed() true; nothing the
// server sends can make it allocate beyond the caps in rfbtypes.h.
class Client
{
public:
    struct Options
    {
        QList<qint32> encodings; // empty: Tight, ZRLE, Hextile, RRE, CopyRect, Raw
        int jpegQuality = -1;    // 0..9: offer Tight JPEG at that quality level
        int compressLevel = -1;  // 0..9
        bool shared = true;
        // Ask the server for PixelFormat::native() unless it already uses it; false keeps the
        // server's format (decoders convert).
        bool requestNativeFormat = true;
        TlsOptions tls;
    };

    struct Handler
    {
        std::function<void(CredentialKind)> credentialsNeeded;
        std::function<void()> connected; // ServerInit read; framebuffer sized
        std::function<void(int width, int height)> resized;
        std::function<void(const QRect &)> damaged; // a rectangle drawn into the framebuffer
        std::function<void()> updateFinished;       // the end of one FramebufferUpdate
        std::function<void(const QImage &, const QPoint &)> cursorChanged;
        std::function<void(const QString &)> clipboard;
        std::function<void(int)> ledState;
        std::function<void()> bell;
    };

    Client(const Options &options, Handler handler);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Bytes from the server. Returns false once the session has failed.
    bool feed(const char *data, size_t size);
    // Bytes to send to the server (encrypted when TLS is on).
    QByteArray takeOutput();
    bool hasOutput() const;

    void setCredentials(const Credentials &credentials);

    bool failed() const { return m_phase == Phase::Failed; }
    bool isConnected() const { return m_phase == Phase::Normal; }
    QString error() const { return m_error; }

    const Framebuffer &framebuffer() const { return m_fb; }
    Framebuffer &framebuffer() { return m_fb; }
    QString desktopName() const { return m_desktopName; }
    // "RFB 3.8, VeNCrypt X509Vnc (TLSv1.3 …), ZRLE"
    QString summary() const;
    int protocolMinor() const { return m_minor; }
    quint8 securityType() const { return m_securityType; }
    bool hasExtendedKeyEvents() const { return m_extendedKeys; }
    bool hasExtendedClipboard() const { return m_extendedClipboard; }
    quint64 updatesReceived() const { return m_updates; }
    // Bytes of each encoding seen so far, for the connection summary and tests.
    const std::map<qint32, quint64> &rectanglesByEncoding() const { return m_rectsByEncoding; }

    // Client messages; ignored until connected.
    void requestUpdate(bool incremental);
    void keyEvent(quint32 keysym, quint32 scancode, bool down);
    void pointerEvent(int x, int y, int buttonMask);
    void clientCutText(const QString &text);

    static QList<qint32> defaultEncodings();

private:
    enum class Phase : quint8 {
        Version,
        SecurityTypes,
        Security,
        SecurityResult,
        SecurityReason,
        ServerInit,
        Normal,
        Failed,
    };

    bool fail(const QString &error);
    void send(const QByteArray &bytes);
    bool process();
    bool readVersion(ByteReader &in);
    bool readSecurityTypes(ByteReader &in);
    bool runSecurity(ByteReader &in);
    bool readSecurityResult(ByteReader &in);
    bool readReason(ByteReader &in, const QString &context);
    bool readServerInit(ByteReader &in);
    bool readMessage(ByteReader &in);
    bool readUpdate(ByteReader &in);
    bool readRectangleHeader(ByteReader &in);
    bool readPseudoRectangle(ByteReader &in);
    bool readCutText(ByteReader &in);
    bool readExtendedClipboard(const uchar *data, quint32 size);
    void startTls();
    void sendInitialRequests();
    void sendExtendedClipboard(quint32 flags, const QByteArray &payload);
    void finishUpdate();

    Options m_options;
    Handler m_handler;
    Phase m_phase = Phase::Version;
    QString m_error;
    QByteArray m_in;    // plaintext not consumed yet
    qsizetype m_inPos = 0;
    QByteArray m_out;   // plaintext to send (through TLS when on)
    QByteArray m_clearPrefix; // queued before TLS started: goes out unencrypted first
    std::unique_ptr<TlsLayer> m_tls;
    std::unique_ptr<SecurityHandler> m_security;
    bool m_waitingForCredentials = false;
    bool m_startTls = false;
    int m_minor = 8;
    quint8 m_securityType = 0;
    Framebuffer m_fb;
    QString m_desktopName;
    ColourMap m_colours;

    // Within a FramebufferUpdate.
    bool m_inUpdate = false;
    quint32 m_rectsLeft = 0;
    bool m_untilLastRect = false;
    bool m_inRect = false;
    QRect m_rect;
    qint32 m_encoding = 0;
    RectDecoder *m_decoder = nullptr;
    bool m_inCursor = false;
    CursorDecoder m_cursor;
    std::map<qint32, std::unique_ptr<RectDecoder>> m_decoders;

    bool m_extendedKeys = false;
    bool m_extendedClipboard = false;
    quint32 m_clipboardCaps = 0;
    QByteArray m_pendingClipboard; // UTF-8, offered to the server, sent when it asks
    quint64 m_updates = 0;
    std::map<qint32, quint64> m_rectsByEncoding;
};

} // namespace Corral::Rfb
