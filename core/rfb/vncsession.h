#pragma once

#include "rfbtypes.h"
#include "securityhandler.h"

#include "util/result.h"

#include <QImage>
#include <QObject>
#include <QRegion>
#include <QSize>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace Corral {

namespace RfbDetail {
struct Worker;
} // namespace RfbDetail

// One VNC connection: Corral's RFB client (Rfb::Client) on a thread of its own, bound to a
// transport that is a connected socket — TCP, or the local end of a direct-tcpip tunnel of a
// host's SSH session. Decoding happens on that thread into a back buffer; after each complete
// update the changed rectangles are copied into the front buffer that the GUI paints from
// (lockFrame()), and frameUpdated() tells which. Input calls may come from any thread.
//
// With an Opener the session can connect again by itself: when the server goes away (the VM
// rebooted, the host's session dropped) it waits 1, 2, 4… up to 10 s and opens a new transport,
// until disconnectFromHost().
class VncSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VncSession)

public:
    enum class State : quint8 {
        Idle,
        Connecting,     // opening the transport, RFB handshake
        Authenticating, // waiting for credentials from the user
        Connected,      // framebuffer updates flowing
        Reconnecting,   // lost; waiting to open the transport again (errorText() says why)
        Closed,         // ended by disconnectFromHost()
        Failed,         // ended with errorText(); no reconnect (bad password, hostile server…)
    };
    Q_ENUM(State)

    struct Options
    {
        // Encodings offered, in order of preference; empty = Corral's default (Tight, ZRLE,
        // Hextile, RRE, CopyRect, Raw).
        QList<qint32> encodings;
        int jpegQuality = -1;   // 0..9 offers Tight JPEG at that quality; -1 = no JPEG (lossless)
        int compressLevel = -1; // 0..9; -1 = server default
        bool shared = true;
        bool viewOnly = false;
        Rfb::TlsOptions tls;
        // Asked once on every connect before the user is: e.g. a password file for corralctl.
        std::optional<Rfb::Credentials> credentials;
    };

    // Opens a transport: calls back (on the session's thread of affinity) with a connected
    // socket descriptor that the session then owns, or an error.
    using Opener = std::function<void(QObject *context, std::function<void(Result<int>)> done)>;

    explicit VncSession(QObject *parent = nullptr);
    ~VncSession() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    // `label` names the target in messages ("lab1-vm1", "127.0.0.1:5901").
    void connectToHost(const QString &host, quint16 port);
    void connectVia(Opener opener, const QString &label, bool reconnect = true);
    void disconnectFromHost();
    // Skips the wait of a Reconnecting session (e.g. the VM was just started again).
    void reconnectNow();

    void answerCredentials(const Rfb::Credentials &credentials);
    void cancelCredentials();

    State state() const { return m_state; }
    QString errorText() const { return m_error; }
    QString label() const { return m_label; }
    QString desktopName() const { return m_desktopName; }
    QSize framebufferSize() const { return m_size; }
    // Details for an info panel: protocol version, security, encodings in use.
    QString connectionSummary() const { return m_summary; }
    bool hasExtendedKeyEvents() const { return m_extendedKeys; }
    bool hasExtendedClipboard() const { return m_extendedClipboard; }
    // Frames (complete framebuffer updates) received since connecting.
    quint64 frameCount() const { return m_frames.load(std::memory_order_relaxed); }

    // The front buffer, locked for as long as the returned object lives. Paint from it on the
    // GUI thread; do not keep the reference past the lock.
    class FrameLock
    {
    public:
        const QImage &image() const { return *m_image; }

    private:
        friend class VncSession;
        FrameLock(std::mutex &mutex, const QImage *image)
            : m_lock(mutex), m_image(image)
        { }
        std::unique_lock<std::mutex> m_lock;
        const QImage *m_image;
    };
    FrameLock lockFrame() const;
    QImage snapshot() const; // a deep copy of the front buffer

    // Input. keysym: X11 keysym; scancode: XT scancode with 0xe0 prefixes in the high byte
    // (as QEMU's extended key event wants), 0 when unknown. Scancodes are used when the server
    // offers the QEMU extended key event, keysyms otherwise.
    void sendKey(quint32 keysym, quint32 scancode, bool down);
    // Buttons: bit 0 left, 1 middle, 2 right, 3/4 wheel up/down, 5/6 wheel left/right.
    void sendPointer(const QPoint &position, int buttonMask);
    void sendClipboard(const QString &text);
    // Types `text` as key presses (keysyms), for guests without clipboard support.
    void typeText(const QString &text);
    // Asks for a complete (non-incremental) update, e.g. after a visible glitch.
    void requestRefresh();

Q_SIGNALS:
    void stateChanged(Corral::VncSession::State state);
    void credentialsRequested(Corral::Rfb::CredentialKind kind, const QString &prompt);
    void framebufferResized(const QSize &size);
    void frameUpdated(const QRegion &damage);
    // The first complete framebuffer after (re)connecting.
    void firstFrame();
    void cursorChanged(const QImage &image, const QPoint &hotspot);
    void clipboardReceived(const QString &text);
    // QEMU LED state: bit 0 Scroll Lock, 1 Num Lock, 2 Caps Lock.
    void ledStateChanged(int leds);
    void bell();

private:
    friend struct RfbDetail::Worker;
    void setState(State state, const QString &error = {});
    void openTransport();
    void scheduleReconnect(const QString &why);
    void startWorker(int fd, const QString &host, quint16 port);
    void stopWorker();
    void onEnded(const QString &error, bool fatal);
    bool publishFrame(const QImage &back, const QRegion &damage); // worker thread
    void announceFrame();
    void resizeFront(int width, int height);                      // worker thread

    Options m_options;
    std::shared_ptr<RfbDetail::Worker> m_worker;
    Opener m_opener;
    QString m_label;
    bool m_reconnect = false;
    int m_backoffMs = 0;
    State m_state = State::Idle;
    QString m_error;
    QString m_desktopName;
    QString m_summary;
    QSize m_size;
    bool m_extendedKeys = false;
    bool m_extendedClipboard = false;
    std::atomic<quint64> m_frames = 0;
    quint64 m_generation = 0;
    bool m_credentialsUsed = false;
    bool m_sawFrame = false;
    mutable std::mutex m_frameMutex;
    QImage m_front;
    QRegion m_pendingDamage;    // under m_frameMutex: damage not yet announced
    bool m_notifyPending = false; // under m_frameMutex: a frameUpdated() is queued
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::Rfb::CredentialKind)
