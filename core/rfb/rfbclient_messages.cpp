// Rfb::Client, normal phase: server messages, framebuffer updates, clipboard.
#include "rfbclient.h"

#include "util/tr.h"

#include <zlib.h>

namespace Corral::Rfb {

namespace {

constexpr quint8 UpdateMsg = 0;
constexpr quint8 ColourMapMsg = 1;
constexpr quint8 BellMsg = 2;
constexpr quint8 ServerCutTextMsg = 3;
constexpr quint8 EndOfContinuousUpdatesMsg = 150;
constexpr quint8 ServerFenceMsg = 248;
constexpr quint8 ClientFenceMsg = 248;
constexpr quint8 ClientCutTextMsg = 6;

// Extended clipboard (the length of a cut text message negative): flags, then per action.
constexpr quint32 ClipText = 1u << 0;
constexpr quint32 ClipFormatMask = 0xffff;
constexpr quint32 ClipCaps = 1u << 24;
constexpr quint32 ClipRequest = 1u << 25;
constexpr quint32 ClipPeek = 1u << 26;
constexpr quint32 ClipNotify = 1u << 27;
constexpr quint32 ClipProvide = 1u << 28;
constexpr quint32 MaxClipboardBytes = 4u << 20;

QString rectText(const QRect &r)
{
    return QStringLiteral("%1×%2 at %3,%4").arg(r.width()).arg(r.height()).arg(r.x()).arg(r.y());
}

// Inflates one self-contained zlib stream (an extended clipboard payload), capped.
std::optional<QByteArray> inflateAll(const uchar *data, quint32 size, quint32 cap)
{
    z_stream z{};
    if (inflateInit(&z) != Z_OK)
        return std::nullopt;
    QByteArray out;
    z.next_in = const_cast<Bytef *>(data);
    z.avail_in = size;
    int rc = Z_OK;
    while (rc == Z_OK) {
        const qsizetype old = out.size();
        if (quint32(old) >= cap) {
            inflateEnd(&z);
            return std::nullopt;
        }
        out.resize(old + qMin<qsizetype>(64 * 1024, qsizetype(cap) - old));
        z.next_out = reinterpret_cast<Bytef *>(out.data() + old);
        z.avail_out = uInt(out.size() - old);
        rc = inflate(&z, Z_NO_FLUSH);
        out.resize(out.size() - qsizetype(z.avail_out));
        if (rc == Z_BUF_ERROR && z.avail_in == 0)
            break;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END && rc != Z_OK && rc != Z_BUF_ERROR)
        return std::nullopt;
    return out;
}

} // namespace

bool Client::readMessage(ByteReader &in)
{
    if (m_inUpdate)
        return readUpdate(in);
    if (!in.has(1))
        return false;
    switch (in.u8()) {
    case UpdateMsg: {
        if (!in.has(4))
            return false;
        const quint16 count = in.u16(2);
        in.skip(4);
        m_inUpdate = true;
        m_inRect = false;
        // One request outstanding, asked for as soon as an update starts: the server prepares
        // the next while this one is decoded (the update answers the previous request).
        requestUpdate(true);
        // 0xffff with LastRect offered: rectangles until a LastRect.
        m_untilLastRect = count == 0xffff;
        m_rectsLeft = count;
        return true;
    }
    case ColourMapMsg: {
        if (!in.has(6))
            return false;
        const quint32 first = in.u16(2);
        const quint32 count = in.u16(4);
        if (first + count > 256)
            return fail(Tr::tr("The VNC server sent colour map entries %1–%2; a colour map has 256.")
                            .arg(first).arg(first + count));
        if (!in.has(6 + 6 * size_t(count)))
            return false;
        for (quint32 i = 0; i < count; ++i) {
            const int r = in.u16(6 + 6 * i) >> 8, g = in.u16(8 + 6 * i) >> 8, b = in.u16(10 + 6 * i) >> 8;
            m_colours.rgb[first + i] = 0xff000000u | quint32(r) << 16 | quint32(g) << 8 | quint32(b);
        }
        in.skip(6 + 6 * size_t(count));
        if (!m_fb.format().trueColour)
            m_fb.setFormat(m_fb.format(), &m_colours);
        return true;
    }
    case BellMsg:
        in.skip(1);
        if (m_handler.bell)
            m_handler.bell();
        return true;
    case ServerCutTextMsg:
        return readCutText(in);
    case EndOfContinuousUpdatesMsg:
        in.skip(1);
        return true;
    case ServerFenceMsg: {
        // Not asked for, but answered as the spec wants: same flags without "request", same data.
        if (!in.has(9))
            return false;
        const quint32 flags = in.u32(4);
        const quint8 length = in.u8(8);
        if (length > 64)
            return fail(Tr::tr("The VNC server sent a fence with %1 bytes of data (at most 64 are allowed).").arg(length));
        if (!in.has(9 + size_t(length)))
            return false;
        if (flags & (1u << 31)) {
            QByteArray reply;
            reply.append(char(ClientFenceMsg)).append(3, '\0');
            putU32(reply, flags & 0x7);
            reply.append(char(length));
            reply.append(reinterpret_cast<const char *>(in.peek(9)), length);
            send(reply);
        }
        in.skip(9 + size_t(length));
        return true;
    }
    default:
        return fail(Tr::tr("The VNC server sent an unknown message (type %1); the session was ended.")
                        .arg(in.u8()));
    }
}

bool Client::readUpdate(ByteReader &in)
{
    if (!m_inRect) {
        if (!m_untilLastRect && m_rectsLeft == 0) {
            finishUpdate();
            return true;
        }
        return readRectangleHeader(in);
    }
    if (m_inCursor) {
        const auto status = m_cursor.decode(in, m_fb);
        if (status == RectDecoder::Status::NeedMore)
            return false;
        if (status == RectDecoder::Status::Failed)
            return fail(m_cursor.error());
        m_inCursor = false;
        m_inRect = false;
        if (m_handler.cursorChanged)
            m_handler.cursorChanged(m_cursor.image(), m_cursor.hotspot());
        return true;
    }
    const size_t before = in.consumed();
    const auto status = m_decoder->decode(in, m_fb);
    if (status == RectDecoder::Status::Failed)
        return fail(m_decoder->error());
    if (status == RectDecoder::Status::NeedMore)
        return in.consumed() != before;
    m_inRect = false;
    if (m_handler.damaged && !m_rect.isEmpty())
        m_handler.damaged(m_rect);
    return true;
}

bool Client::readRectangleHeader(ByteReader &in)
{
    if (!in.has(12))
        return false;
    const int x = in.u16(0), y = in.u16(2), w = in.u16(4), h = in.u16(6);
    const qint32 encoding = in.s32(8);
    m_rect = QRect(x, y, w, h);
    m_encoding = encoding;
    const quint32 countBefore = m_rectsLeft;
    if (m_untilLastRect && encoding != Encoding::LastRect && ++m_rectsLeft > MaxRectanglesPerUpdate)
        return fail(Tr::tr("The VNC server sent more than %1 rectangles in one update.").arg(MaxRectanglesPerUpdate));
    if (!m_untilLastRect)
        --m_rectsLeft;

    switch (encoding) {
    case Encoding::LastRect:
        in.skip(12);
        finishUpdate();
        return true;
    case Encoding::DesktopSize:
    case Encoding::ExtendedDesktopSize:
    case Encoding::Cursor:
    case Encoding::QemuExtendedKeyEvent:
    case Encoding::QemuPointerMotionChange:
    case Encoding::QemuLedState:
    case Encoding::DesktopName: {
        // A pseudo-rectangle that waits for its data is read again from its header.
        const size_t before = in.consumed();
        const bool progressed = readPseudoRectangle(in);
        if (in.consumed() == before)
            m_rectsLeft = countBefore;
        return progressed;
    }
    default:
        break;
    }

    auto it = m_decoders.find(encoding);
    if (it == m_decoders.end()) {
        // Raw is always allowed (RFC 6143 §7.7.1); QEMU falls back to it for encodings it lacks.
        auto decoder = m_options.encodings.contains(encoding) || encoding == Encoding::Raw
                           ? RectDecoder::create(encoding)
                           : nullptr;
        if (!decoder)
            return fail(Tr::tr("The VNC server sent a rectangle in encoding %1, which Corral did not ask for.")
                            .arg(encoding));
        it = m_decoders.emplace(encoding, std::move(decoder)).first;
    }
    // A real rectangle must lie inside the screen; width or height 0 draws nothing.
    if (qint64(x) + w > m_fb.width() || qint64(y) + h > m_fb.height())
        return fail(Tr::tr("The VNC server sent a rectangle (%1) outside its %2×%3 screen; the "
                           "session was ended.")
                        .arg(rectText(m_rect)).arg(m_fb.width()).arg(m_fb.height()));
    in.skip(12);
    ++m_rectsByEncoding[encoding];
    m_decoder = it->second.get();
    m_decoder->begin(m_rect);
    m_inRect = true;
    return true;
}

// Pseudo-rectangles carry their meaning in the header; `in` is still at the header.
bool Client::readPseudoRectangle(ByteReader &in)
{
    const int w = m_rect.width(), h = m_rect.height();
    switch (m_encoding) {
    case Encoding::DesktopSize:
    case Encoding::ExtendedDesktopSize: {
        size_t length = 12;
        if (m_encoding == Encoding::ExtendedDesktopSize) {
            if (!in.has(16))
                return false;
            const quint8 screens = in.u8(12);
            length = 16 + 16 * size_t(screens);
            if (!in.has(length))
                return false;
            // y carries a status for replies to the client's own resize requests.
            if (m_rect.y() != 0 && m_rect.x() != 0) {
                in.skip(length);
                return true;
            }
        }
        in.skip(length);
        if (!m_fb.resize(w, h))
            return fail(Tr::tr("The VNC server resized its screen to %1×%2, beyond what Corral accepts.").arg(w).arg(h));
        if (m_handler.resized)
            m_handler.resized(w, h);
        return true;
    }
    case Encoding::Cursor:
        if (w > MaxCursorSide || h > MaxCursorSide)
            return fail(Tr::tr("The VNC server sent a %1×%2 cursor; at most %3×%3 is accepted.")
                            .arg(w).arg(h).arg(MaxCursorSide));
        in.skip(12);
        m_cursor.begin(m_rect);
        m_inCursor = true;
        m_inRect = true;
        return true;
    case Encoding::QemuExtendedKeyEvent:
        in.skip(12);
        m_extendedKeys = true;
        return true;
    case Encoding::QemuPointerMotionChange:
        in.skip(12);
        return true;
    case Encoding::QemuLedState:
        if (!in.has(13))
            return false;
        if (m_handler.ledState)
            m_handler.ledState(in.u8(12));
        in.skip(13);
        return true;
    case Encoding::DesktopName: {
        if (!in.has(16))
            return false;
        const quint32 length = in.u32(12);
        if (length > MaxStringLength)
            return fail(Tr::tr("The VNC server sent a desktop name of %1 bytes; the session was ended.").arg(length));
        if (!in.has(16 + size_t(length)))
            return false;
        m_desktopName = QString::fromUtf8(reinterpret_cast<const char *>(in.peek(16)), int(length));
        in.skip(16 + length);
        return true;
    }
    default:
        return fail(Tr::tr("Unexpected pseudo-encoding %1.").arg(m_encoding));
    }
}

void Client::finishUpdate()
{
    m_inUpdate = false;
    m_inRect = false;
    ++m_updates;
    if (m_handler.updateFinished)
        m_handler.updateFinished();
}

bool Client::readCutText(ByteReader &in)
{
    if (!in.has(8))
        return false;
    const qint32 length = in.s32(4);
    const quint32 size = length < 0 ? quint32(-qint64(length)) : quint32(length);
    if (size > MaxClipboardBytes + 1024)
        return fail(Tr::tr("The VNC server sent %1 bytes of clipboard; at most %2 are accepted.")
                        .arg(size).arg(MaxClipboardBytes));
    if (!in.has(8 + size_t(size)))
        return false;
    const uchar *data = in.peek(8);
    if (length < 0) {
        const bool ok = readExtendedClipboard(data, size);
        in.skip(8 + size);
        return ok;
    }
    // Classic cut text is Latin-1.
    const QString text = QString::fromLatin1(reinterpret_cast<const char *>(data), int(size));
    in.skip(8 + size);
    if (m_handler.clipboard)
        m_handler.clipboard(text);
    return true;
}

bool Client::readExtendedClipboard(const uchar *data, quint32 size)
{
    if (size < 4)
        return fail(Tr::tr("The VNC server sent a malformed extended clipboard message."));
    const quint32 flags = quint32(data[0]) << 24 | quint32(data[1]) << 16 | quint32(data[2]) << 8 | data[3];
    if (flags & ClipCaps) {
        m_extendedClipboard = true;
        m_clipboardCaps = flags;
        // Our capabilities: text, up to the cap, with every action.
        QByteArray caps;
        putU32(caps, MaxClipboardBytes);
        sendExtendedClipboard(ClipCaps | ClipRequest | ClipPeek | ClipNotify | ClipProvide | ClipText, caps);
        return true;
    }
    if (flags & ClipRequest) {
        if ((flags & ClipText) && !m_pendingClipboard.isNull()) {
            QByteArray text = m_pendingClipboard;
            text.replace("\r\n", "\n").replace("\n", "\r\n");
            text.append('\0');
            QByteArray plain;
            putU32(plain, quint32(text.size()));
            plain.append(text);
            QByteArray packed(qsizetype(compressBound(uLong(plain.size()))), '\0');
            uLongf packedSize = uLongf(packed.size());
            if (compress(reinterpret_cast<Bytef *>(packed.data()), &packedSize,
                         reinterpret_cast<const Bytef *>(plain.constData()), uLong(plain.size())) == Z_OK) {
                packed.resize(qsizetype(packedSize));
                sendExtendedClipboard(ClipProvide | ClipText, packed);
            }
        }
        return true;
    }
    if (flags & ClipPeek) {
        if (!m_pendingClipboard.isNull())
            sendExtendedClipboard(ClipNotify | ClipText, {});
        return true;
    }
    if (flags & ClipNotify) {
        if (flags & ClipText)
            sendExtendedClipboard(ClipRequest | ClipText, {});
        return true;
    }
    if (flags & ClipProvide) {
        // One zlib stream: per format bit set, in bit order, u32 size then the data.
        const auto plain = inflateAll(data + 4, size - 4, MaxClipboardBytes + 64 * 1024);
        if (!plain)
            return fail(Tr::tr("The VNC server sent a clipboard that does not decompress."));
        if ((flags & ClipText) && plain->size() >= 4) {
            const auto *p = reinterpret_cast<const uchar *>(plain->constData());
            const quint32 textSize = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
            if (textSize > quint32(plain->size() - 4))
                return fail(Tr::tr("The VNC server sent a malformed clipboard."));
            QByteArray text = plain->mid(4, qsizetype(textSize));
            if (text.endsWith('\0'))
                text.chop(1);
            text.replace("\r\n", "\n");
            if (m_handler.clipboard)
                m_handler.clipboard(QString::fromUtf8(text));
        }
        return true;
    }
    return true;
}

void Client::sendExtendedClipboard(quint32 flags, const QByteArray &payload)
{
    QByteArray msg;
    msg.append(char(ClientCutTextMsg)).append(3, '\0');
    putU32(msg, quint32(-qint32(4 + payload.size())));
    putU32(msg, flags);
    msg.append(payload);
    send(msg);
}

void Client::clientCutText(const QString &text)
{
    if (m_phase != Phase::Normal)
        return;
    if (m_extendedClipboard) {
        // Announce it; the server asks for the data when it wants it.
        m_pendingClipboard = text.toUtf8();
        if (m_pendingClipboard.size() > qsizetype(MaxClipboardBytes))
            m_pendingClipboard.truncate(qsizetype(MaxClipboardBytes));
        sendExtendedClipboard(ClipNotify | ClipText, {});
        return;
    }
    QByteArray latin;
    latin.reserve(text.size());
    for (QChar c : text) {
        if (c == u'\r')
            continue;
        latin.append(c.unicode() < 256 ? char(c.unicode()) : '?');
    }
    QByteArray msg;
    msg.append(char(ClientCutTextMsg)).append(3, '\0');
    putU32(msg, quint32(latin.size()));
    msg.append(latin);
    send(msg);
}

} // namespace Corral::Rfb
