#include "rectdecoder.h"

#include "util/tr.h"

namespace Corral::Rfb {

void CursorDecoder::begin(const QRect &r)
{
    m_rect = r;
    m_hotspot = r.topLeft();
    m_image = QImage();
    m_error.clear();
}

RectDecoder::Status CursorDecoder::decode(ByteReader &in, const Framebuffer &fb)
{
    const int w = m_rect.width(), h = m_rect.height();
    if (w <= 0 || h <= 0) {
        m_image = QImage(); // the server hides the cursor
        return RectDecoder::Status::Done;
    }
    if (w > MaxCursorSide || h > MaxCursorSide) {
        m_error = Tr::tr("The VNC server sent a cursor of %1×%2 pixels; at most %3×%3 are "
                         "accepted.")
                      .arg(w)
                      .arg(h)
                      .arg(MaxCursorSide);
        return RectDecoder::Status::Failed;
    }
    const size_t rowBytes = size_t(w) * size_t(fb.format().bytesPerPixel());
    const size_t maskRowBytes = size_t(w + 7) / 8;
    const size_t pixelBytes = rowBytes * size_t(h);
    if (!in.has(pixelBytes + maskRowBytes * size_t(h)))
        return RectDecoder::Status::NeedMore;

    QImage image(w, h, QImage::Format_ARGB32);
    if (image.isNull()) {
        m_error = Tr::tr("There is not enough memory for the VNC server's cursor.");
        return RectDecoder::Status::Failed;
    }
    const uchar *pixels = in.peek();
    const uchar *mask = in.peek(pixelBytes);
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        fb.convertPixels(pixels + size_t(y) * rowBytes, line, w);
        const uchar *maskRow = mask + size_t(y) * maskRowBytes;
        for (int x = 0; x < w; ++x) {
            if (!((maskRow[x >> 3] >> (7 - (x & 7))) & 1))
                line[x] = 0;
        }
    }
    in.skip(pixelBytes + maskRowBytes * size_t(h));
    m_image = std::move(image);
    return RectDecoder::Status::Done;
}

} // namespace Corral::Rfb
