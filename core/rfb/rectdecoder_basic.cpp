// Raw, CopyRect and RRE (RFC 6143 §7.7.1, §7.7.2, §7.7.3).

#include "rectdecoder_p.h"

#include "util/tr.h"

namespace Corral::Rfb {

void RawDecoder::begin(const QRect &r)
{
    m_rect = r;
    m_row = 0;
}

RectDecoder::Status RawDecoder::decode(ByteReader &in, Framebuffer &fb)
{
    const size_t rowBytes = size_t(m_rect.width()) * size_t(fb.format().bytesPerPixel());
    if (rowBytes == 0 || m_row >= m_rect.height())
        return Status::Done;
    // Rows are drawn as they arrive so a large rectangle never has to be buffered whole.
    const int rows
        = int(std::min<size_t>(size_t(m_rect.height() - m_row), in.available() / rowBytes));
    if (rows > 0) {
        fb.writePixels(QRect(m_rect.x(), m_rect.y() + m_row, m_rect.width(), rows), in.peek(),
                       rowBytes);
        in.skip(size_t(rows) * rowBytes);
        m_row += rows;
    }
    return m_row == m_rect.height() ? Status::Done : Status::NeedMore;
}

void CopyRectDecoder::begin(const QRect &r)
{
    m_rect = r;
}

RectDecoder::Status CopyRectDecoder::decode(ByteReader &in, Framebuffer &fb)
{
    if (!in.has(4))
        return Status::NeedMore;
    const QPoint source(in.u16(0), in.u16(2));
    if (!m_rect.isEmpty()) {
        if (!fb.rect().contains(QRect(source, m_rect.size())))
            return fail(Tr::tr("The VNC server asked to copy from %1,%2 (%3×%4), which is "
                               "outside the %5×%6 screen.")
                            .arg(source.x())
                            .arg(source.y())
                            .arg(m_rect.width())
                            .arg(m_rect.height())
                            .arg(fb.width())
                            .arg(fb.height()));
        fb.copy(m_rect, source);
    }
    in.skip(4);
    return Status::Done;
}

void RreDecoder::begin(const QRect &r)
{
    m_rect = r;
    m_haveHeader = false;
    m_remaining = 0;
}

RectDecoder::Status RreDecoder::decode(ByteReader &in, Framebuffer &fb)
{
    const size_t bpp = size_t(fb.format().bytesPerPixel());
    if (!m_haveHeader) {
        if (!in.has(4 + bpp))
            return Status::NeedMore;
        const quint32 count = in.u32();
        // Every sub-rectangle should cover a pixel; more of them than pixels is not an image.
        const qint64 pixels = qint64(m_rect.width()) * m_rect.height();
        if (count > MaxRectanglesPerUpdate || qint64(count) > pixels)
            return fail(Tr::tr("The VNC server sent an RRE rectangle of %1×%2 pixels with %3 "
                               "sub-rectangles.")
                            .arg(m_rect.width())
                            .arg(m_rect.height())
                            .arg(count));
        if (!m_rect.isEmpty())
            fb.fill(m_rect, fb.toRgb(in.peek(4)));
        in.skip(4 + bpp);
        m_remaining = count;
        m_haveHeader = true;
    }
    const size_t unit = bpp + 8;
    while (m_remaining > 0 && in.has(unit)) {
        const int x = in.u16(bpp), y = in.u16(bpp + 2);
        const int w = in.u16(bpp + 4), h = in.u16(bpp + 6);
        if (x + w > m_rect.width() || y + h > m_rect.height())
            return fail(Tr::tr("The VNC server sent an RRE sub-rectangle (%1,%2 %3×%4) outside "
                               "its %5×%6 rectangle.")
                            .arg(x)
                            .arg(y)
                            .arg(w)
                            .arg(h)
                            .arg(m_rect.width())
                            .arg(m_rect.height()));
        if (w > 0 && h > 0)
            fb.fill(QRect(m_rect.x() + x, m_rect.y() + y, w, h), fb.toRgb(in.peek()));
        in.skip(unit);
        --m_remaining;
    }
    return m_remaining == 0 ? Status::Done : Status::NeedMore;
}

} // namespace Corral::Rfb
