#pragma once

#include "rfbtypes.h"

#include <QImage>
#include <QRect>

#include <memory>

namespace Corral::Rfb {

namespace Detail {
struct PixelTables; // framebuffer.cpp
}

// The client's copy of the remote screen: a QImage in Format_RGB32 (0xffRRGGBB words).
// Decoders write pixels in whatever format the server sends; writePixels() converts, or
// copies rows unchanged when the format is native.
class Framebuffer
{
public:
    Framebuffer();

    // False (and unchanged) when the size is outside the caps in rfbtypes.h.
    bool resize(int width, int height);
    int width() const { return m_image.width(); }
    int height() const { return m_image.height(); }
    QRect rect() const { return m_image.rect(); }
    const QImage &image() const { return m_image; }
    QImage &image() { return m_image; }
    quint32 *scanLine(int y) { return reinterpret_cast<quint32 *>(m_image.scanLine(y)); }

    void setFormat(const PixelFormat &format, const ColourMap *colours = nullptr);
    const PixelFormat &format() const { return m_format; }

    // One wire pixel (format().bytesPerPixel() bytes) to 0xffRRGGBB.
    quint32 toRgb(const uchar *pixel) const;
    // A ZRLE compact pixel (CPIXEL, format().compactPixelBytes() bytes) to 0xffRRGGBB. Tight's
    // 3-byte TPIXEL is always R, G, B whatever the format; its decoder reads it itself.
    quint32 compactToRgb(const uchar *pixel) const;

    // `r` must lie inside rect(); decoders check that before drawing (RectDecoder::begin).
    void fill(const QRect &r, quint32 rgb);
    // Rows of wire pixels, `stride` bytes apart, into r.
    void writePixels(const QRect &r, const uchar *pixels, size_t stride);
    // Rows of compact pixels (3 bytes each when compactPixelBytes() is 3).
    void writeCompactPixels(const QRect &r, const uchar *pixels, size_t stride);
    // Rows of 0xffRRGGBB words.
    void writeRgb(const QRect &r, const quint32 *rgb, size_t strideWords);
    // Copies the size of `dst` from `srcTopLeft`; overlapping areas are handled.
    void copy(const QRect &dst, const QPoint &srcTopLeft);

    // `count` wire pixels (or compact pixels) to 0xffRRGGBB words. setFormat() picks the
    // conversion once, so a caller converting whole rows never branches per pixel.
    void convertPixels(const uchar *pixels, quint32 *rgb, int count) const
    {
        m_convert(*m_tables, pixels, rgb, count);
    }
    void convertCompactPixels(const uchar *pixels, quint32 *rgb, int count) const
    {
        m_convertCompact(*m_tables, pixels, rgb, count);
    }

private:
    using RowConverter = void (*)(const Detail::PixelTables &, const uchar *, quint32 *, int);

    QImage m_image;
    PixelFormat m_format = PixelFormat::native();
    ColourMap m_colours;
    bool m_hasColours = false;
    // Shared by copies of the framebuffer: replaced by setFormat(), never modified.
    std::shared_ptr<const Detail::PixelTables> m_tables;
    RowConverter m_convert = nullptr;
    RowConverter m_convertCompact = nullptr;
};

} // namespace Corral::Rfb
