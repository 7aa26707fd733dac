// Hextile (RFC 6143 §7.7.4): 16×16 tiles, each decoded once all its bytes are there.

#include "rectdecoder_p.h"

#include "util/tr.h"

namespace Corral::Rfb {

namespace {

enum SubEncoding : quint8 {
    RawTile = 1,
    BackgroundSpecified = 2,
    ForegroundSpecified = 4,
    AnySubrects = 8,
    SubrectsColoured = 16,
};

constexpr int TileSide = 16;

} // namespace

void HextileDecoder::begin(const QRect &r)
{
    m_rect = r;
    m_tile = QPoint(0, 0);
    // Only tiles of the same rectangle pass colours on.
    m_background = m_foreground = 0xff000000u;
}

RectDecoder::Status HextileDecoder::decode(ByteReader &in, Framebuffer &fb)
{
    const size_t bpp = size_t(fb.format().bytesPerPixel());
    while (m_tile.y() < m_rect.height() && m_rect.width() > 0) {
        const int tw = std::min(TileSide, m_rect.width() - m_tile.x());
        const int th = std::min(TileSide, m_rect.height() - m_tile.y());
        const QRect tile(m_rect.topLeft() + m_tile, QSize(tw, th));
        if (!in.has(1))
            return Status::NeedMore;
        const quint8 sub = in.u8();
        size_t size = 1;
        if (sub & RawTile) {
            size += size_t(tw) * size_t(th) * bpp;
            if (!in.has(size))
                return Status::NeedMore;
            fb.writePixels(tile, in.peek(1), size_t(tw) * bpp);
        } else {
            if (sub & BackgroundSpecified)
                size += bpp;
            if (sub & ForegroundSpecified)
                size += bpp;
            int subrects = 0;
            const size_t subrectBytes = (sub & SubrectsColoured ? bpp : 0) + 2;
            if (sub & AnySubrects) {
                if (!in.has(size + 1))
                    return Status::NeedMore;
                subrects = in.u8(size);
                size += 1 + size_t(subrects) * subrectBytes;
            }
            if (!in.has(size))
                return Status::NeedMore;

            size_t pos = 1;
            if (sub & BackgroundSpecified) {
                m_background = fb.toRgb(in.peek(pos));
                pos += bpp;
            }
            if (sub & ForegroundSpecified) {
                m_foreground = fb.toRgb(in.peek(pos));
                pos += bpp;
            }
            fb.fill(tile, m_background);
            if (sub & AnySubrects)
                ++pos;
            for (int i = 0; i < subrects; ++i) {
                quint32 colour = m_foreground;
                if (sub & SubrectsColoured) {
                    colour = fb.toRgb(in.peek(pos));
                    pos += bpp;
                }
                const quint8 xy = in.u8(pos), wh = in.u8(pos + 1);
                pos += 2;
                const int x = xy >> 4, y = xy & 15, w = (wh >> 4) + 1, h = (wh & 15) + 1;
                if (x + w > tw || y + h > th)
                    return fail(Tr::tr("The VNC server sent a Hextile sub-rectangle (%1,%2 "
                                       "%3×%4) outside its %5×%6 tile.")
                                    .arg(x)
                                    .arg(y)
                                    .arg(w)
                                    .arg(h)
                                    .arg(tw)
                                    .arg(th));
                fb.fill(QRect(tile.x() + x, tile.y() + y, w, h), colour);
            }
        }
        in.skip(size);
        m_tile.rx() += TileSide;
        if (m_tile.x() >= m_rect.width()) {
            m_tile.rx() = 0;
            m_tile.ry() += TileSide;
        }
    }
    return Status::Done;
}

} // namespace Corral::Rfb
