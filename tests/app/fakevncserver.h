#pragma once

// A tiny RFB 3.8 server for widget tests, on the test's own event loop: security None (or VNC
// authentication without checking the response, or a refusal with a reason), a fixed pattern
// sent as one Raw rectangle per non-incremental request, and a record of every input message
// the client sent. Optional pseudo-rectangles: QEMU extended key events, QEMU LED state and a
// cursor shape, each only when the client asked for the encoding.

#include "util/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QImage>
#include <QList>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

#include <functional>
#include <memory>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace FakeVnc {

struct KeyEvent
{
    bool down = false;
    quint32 keysym = 0;
    quint32 keycode = 0; // the wire form: 0xe0-prefixed keys as 0x80 | code
    bool extended = false;
};

struct PointerEvent
{
    QPoint position;
    int buttons = 0;
};

struct Options
{
    QSize size{400, 300};
    bool extendedKeys = true;
    int leds = -1; // >= 0: send this QEMU LED state with the first update
    bool cursor = false; // send an 8x8 cursor shape with the first update
    bool vncAuth = false;
    QString refusal; // non-empty: offer no security type and send this reason
    QString name = QStringLiteral("fake desktop");
};

// The framebuffer: blocks of 100x100 pixels, each its own colour.
inline QRgb patternColor(int x, int y)
{
    const int bx = x / 100, by = y / 100;
    return qRgb(30 + bx * 50, 40 + by * 60, 220 - bx * 30 - by * 20);
}

inline QImage patternImage(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = patternColor(x, y);
    }
    return image;
}

class Server
{
public:
    explicit Server(Options options = {})
        : m_options(std::move(options))
        , m_image(patternImage(m_options.size))
    {
        m_server = std::make_unique<QTcpServer>();
        m_server->listen(QHostAddress::LocalHost, 0);
        QObject::connect(m_server.get(), &QTcpServer::newConnection, m_server.get(),
                         [this] { accept(); });
    }

    quint16 port() const { return m_server->serverPort(); }
    int connectionCount() const { return m_connections; }
    bool hasClient() const
    {
        return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }
    const QImage &image() const { return m_image; }

    // What the client sent, over all connections.
    QList<KeyEvent> keys;
    QList<PointerEvent> pointers;
    QStringList cutTexts;
    QList<QByteArray> authResponses;
    int fullUpdateRequests = 0;
    QList<qint32> encodings;
    QString protocolError;

    // Ends the current connection from the server side.
    void dropClient()
    {
        if (m_socket)
            m_socket->disconnectFromHost();
    }
    void sendCutText(const QString &text)
    {
        const QByteArray latin1 = text.toLatin1();
        QByteArray msg(8, '\0');
        msg[0] = 3;
        qToBigEndian<quint32>(quint32(latin1.size()), msg.data() + 4);
        write(msg + latin1);
    }

    // An opener for VncSession::connectVia: a non-blocking connect to this server, handed over
    // once writable. `fail` non-empty makes it report that error instead.
    std::function<void(QObject *, std::function<void(Corral::Result<int>)>)>
    opener(std::shared_ptr<QString> fail = {})
    {
        const quint16 p = port();
        return [p, fail](QObject *context, std::function<void(Corral::Result<int>)> done) {
            if (fail && !fail->isEmpty())
                return done(Corral::fail(Corral::ErrorCode::Connection, *fail));
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(p);
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
                && errno != EINPROGRESS) {
                ::close(fd);
                return done(Corral::fail(Corral::ErrorCode::Connection, QStringLiteral("refused")));
            }
            auto *notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, context);
            QObject::connect(notifier, &QSocketNotifier::activated, notifier, [notifier, fd, done] {
                notifier->setEnabled(false);
                notifier->deleteLater();
                done(fd);
            });
        };
    }

private:
    enum class Phase { Version, Security, AuthResponse, ClientInit, Normal };

    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            if (m_socket)
                m_socket->abort();
            m_socket = socket;
            ++m_connections;
            m_in.clear();
            m_phase = Phase::Version;
            m_sentFirstUpdate = false;
            m_clientEncodings.clear();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (socket != m_socket)
                    return;
                m_in += socket->readAll();
                while (process()) { }
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            write("RFB 003.008\n");
        }
    }

    void write(const QByteArray &bytes)
    {
        if (m_socket)
            m_socket->write(bytes);
    }

    bool take(qsizetype n, QByteArray *out)
    {
        if (m_in.size() < n)
            return false;
        *out = m_in.left(n);
        m_in.remove(0, n);
        return true;
    }

    bool process()
    {
        QByteArray b;
        switch (m_phase) {
        case Phase::Version:
            if (!take(12, &b))
                return false;
            if (!m_options.refusal.isEmpty()) {
                const QByteArray reason = m_options.refusal.toUtf8();
                QByteArray msg(5, '\0');
                qToBigEndian<quint32>(quint32(reason.size()), msg.data() + 1);
                write(msg + reason);
                m_socket->disconnectFromHost();
                return false;
            }
            write(QByteArray::fromHex(m_options.vncAuth ? "0102" : "0101"));
            m_phase = Phase::Security;
            return true;
        case Phase::Security:
            if (!take(1, &b))
                return false;
            if (b.at(0) == 2) {
                write(QByteArray(16, '\x5a')); // challenge
                m_phase = Phase::AuthResponse;
                return true;
            }
            write(QByteArray(4, '\0'));
            m_phase = Phase::ClientInit;
            return true;
        case Phase::AuthResponse:
            if (!take(16, &b))
                return false;
            authResponses.append(b);
            write(QByteArray(4, '\0'));
            m_phase = Phase::ClientInit;
            return true;
        case Phase::ClientInit: {
            if (!take(1, &b))
                return false;
            QByteArray init(24, '\0');
            qToBigEndian<quint16>(quint16(m_image.width()), init.data());
            qToBigEndian<quint16>(quint16(m_image.height()), init.data() + 2);
            // 32 bpp, depth 24, little endian, true colour, 255/255/255, shifts 16/8/0.
            const QByteArray format = QByteArray::fromHex("2018000100ff00ff00ff100800000000");
            init.replace(4, 16, format);
            const QByteArray name = m_options.name.toUtf8();
            qToBigEndian<quint32>(quint32(name.size()), init.data() + 20);
            write(init + name);
            m_phase = Phase::Normal;
            return true;
        }
        case Phase::Normal:
            return message();
        }
        return false;
    }

    bool message()
    {
        if (m_in.isEmpty())
            return false;
        const auto *d = reinterpret_cast<const uchar *>(m_in.constData());
        QByteArray b;
        switch (d[0]) {
        case 0: // SetPixelFormat
            if (!take(20, &b))
                return false;
            if (uchar(b.at(4)) != 32)
                protocolError = QStringLiteral("unexpected pixel format");
            m_bigEndian = b.at(6) != 0;
            m_shifts[0] = uchar(b.at(14));
            m_shifts[1] = uchar(b.at(15));
            m_shifts[2] = uchar(b.at(16));
            return true;
        case 2: { // SetEncodings
            if (m_in.size() < 4)
                return false;
            const int count = qFromBigEndian<quint16>(d + 2);
            if (!take(4 + 4 * count, &b))
                return false;
            m_clientEncodings.clear();
            for (int i = 0; i < count; ++i)
                m_clientEncodings.append(qFromBigEndian<qint32>(b.constData() + 4 + 4 * i));
            encodings = m_clientEncodings;
            return true;
        }
        case 3: // FramebufferUpdateRequest
            if (!take(10, &b))
                return false;
            if (b.at(1) == 0) {
                ++fullUpdateRequests;
                sendUpdate();
            }
            return true;
        case 4: // KeyEvent
            if (!take(8, &b))
                return false;
            keys.append({b.at(1) != 0, qFromBigEndian<quint32>(b.constData() + 4), 0, false});
            return true;
        case 5: // PointerEvent
            if (!take(6, &b))
                return false;
            pointers.append({QPoint(qFromBigEndian<quint16>(b.constData() + 2),
                                    qFromBigEndian<quint16>(b.constData() + 4)),
                             uchar(b.at(1))});
            return true;
        case 6: { // ClientCutText
            if (m_in.size() < 8)
                return false;
            const qint32 length = qFromBigEndian<qint32>(d + 4);
            if (length < 0) {
                protocolError = QStringLiteral("extended clipboard not offered");
                return false;
            }
            if (!take(8 + length, &b))
                return false;
            cutTexts.append(QString::fromLatin1(b.mid(8)));
            return true;
        }
        case 255: // QEMU client message: extended key event
            if (!take(12, &b))
                return false;
            keys.append({qFromBigEndian<quint16>(b.constData() + 2) != 0,
                         qFromBigEndian<quint32>(b.constData() + 4),
                         qFromBigEndian<quint32>(b.constData() + 8), true});
            return true;
        default:
            protocolError = QStringLiteral("unknown message %1").arg(d[0]);
            m_in.clear();
            return false;
        }
    }

    void sendUpdate()
    {
        QByteArray rects;
        int count = 0;
        auto header = [&rects, &count](int x, int y, int w, int h, qint32 encoding) {
            QByteArray hdr(12, '\0');
            qToBigEndian<quint16>(quint16(x), hdr.data());
            qToBigEndian<quint16>(quint16(y), hdr.data() + 2);
            qToBigEndian<quint16>(quint16(w), hdr.data() + 4);
            qToBigEndian<quint16>(quint16(h), hdr.data() + 6);
            qToBigEndian<qint32>(encoding, hdr.data() + 8);
            rects += hdr;
            ++count;
        };
        if (!m_sentFirstUpdate) {
            m_sentFirstUpdate = true;
            if (m_options.extendedKeys && m_clientEncodings.contains(-258))
                header(0, 0, 0, 0, -258);
            if (m_options.leds >= 0 && m_clientEncodings.contains(-261)) {
                header(0, 0, 0, 0, -261);
                rects += char(m_options.leds);
            }
            if (m_options.cursor && m_clientEncodings.contains(-239)) {
                header(3, 4, 8, 8, -239);
                for (int i = 0; i < 64; ++i)
                    rects += pixel(qRgb(255, 0, 255));
                rects += QByteArray(8, '\xff'); // fully opaque mask
            }
        }
        header(0, 0, m_image.width(), m_image.height(), 0);
        for (int y = 0; y < m_image.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(m_image.constScanLine(y));
            for (int x = 0; x < m_image.width(); ++x)
                rects += pixel(line[x]);
        }
        QByteArray msg(4, '\0');
        qToBigEndian<quint16>(quint16(count), msg.data() + 2);
        write(msg + rects);
    }

    QByteArray pixel(QRgb rgb) const
    {
        const quint32 v = quint32(qRed(rgb)) << m_shifts[0] | quint32(qGreen(rgb)) << m_shifts[1]
            | quint32(qBlue(rgb)) << m_shifts[2];
        QByteArray out(4, '\0');
        if (m_bigEndian)
            qToBigEndian<quint32>(v, out.data());
        else
            qToLittleEndian<quint32>(v, out.data());
        return out;
    }

    Options m_options;
    QImage m_image;
    std::unique_ptr<QTcpServer> m_server;
    QPointer<QTcpSocket> m_socket;
    int m_connections = 0;
    Phase m_phase = Phase::Version;
    QByteArray m_in;
    QList<qint32> m_clientEncodings;
    bool m_sentFirstUpdate = false;
    bool m_bigEndian = false;
    int m_shifts[3] = {16, 8, 0};
};

} // namespace FakeVnc
