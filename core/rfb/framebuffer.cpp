#include "framebuffer.h"

#include "pixelconvert_p.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <vector>

namespace Corral::Rfb {

// What the row converters need besides the pixels. Built once per setFormat(); the converter
// chosen there only reads it.
namespace Detail {
struct PixelTables
{
    std::vector<quint32> lut; // 8 and 16 bpp: every wire value to 0xffRRGGBB
    int shift[3] = {16, 8, 0};
    quint32 max[3] = {255, 255, 255};
    std::vector<quint8> scale[3]; // 32 bpp channels whose maximum is not 255: value to 8 bits
    int compactShift = 0; // a 3-byte compact value << compactShift is the pixel value
};
} // namespace Detail

namespace {

using Tables = Detail::PixelTables;

template<bool BigEndian> inline quint32 load16(const uchar *p)
{
    return BigEndian ? quint32(p[0]) << 8 | p[1] : quint32(p[1]) << 8 | p[0];
}

template<bool BigEndian> inline quint32 load24(const uchar *p)
{
    return BigEndian ? quint32(p[0]) << 16 | quint32(p[1]) << 8 | p[2]
                     : quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0];
}

template<bool BigEndian> inline quint32 load32(const uchar *p)
{
    return BigEndian ? qFromBigEndian<quint32>(p) : qFromLittleEndian<quint32>(p);
}

quint8 scaleChannel(quint32 v, quint32 max)
{
    return quint8(std::min<quint32>(255, v * 255 / max));
}

void convertBlack(const Tables &, const uchar *, quint32 *dst, int count)
{
    fillWords(dst, count, OpaqueAlpha);
}

void convert8(const Tables &t, const uchar *src, quint32 *dst, int count)
{
    const quint32 *lut = t.lut.data();
    for (int i = 0; i < count; ++i)
        dst[i] = lut[src[i]];
}

template<bool BigEndian> void convert16(const Tables &t, const uchar *src, quint32 *dst, int count)
{
    const quint32 *lut = t.lut.data();
    for (int i = 0; i < count; ++i)
        dst[i] = lut[load16<BigEndian>(src + 2 * i)];
}

// The native format is the image's own memory; servers send the top byte as 0.
void convertNative(const Tables &, const uchar *src, quint32 *dst, int count)
{
    std::memcpy(dst, src, size_t(count) * 4);
    forceOpaque(dst, count);
}

template<bool BigEndian>
void convert32Bytes(const Tables &t, const uchar *src, quint32 *dst, int count)
{
    const int rs = t.shift[0], gs = t.shift[1], bs = t.shift[2];
    for (int i = 0; i < count; ++i) {
        const quint32 v = load32<BigEndian>(src + 4 * i);
        dst[i]
            = OpaqueAlpha | ((v >> rs) & 0xff) << 16 | ((v >> gs) & 0xff) << 8 | ((v >> bs) & 0xff);
    }
}

inline quint32 scaled(const Tables &t, quint32 v)
{
    return OpaqueAlpha | quint32(t.scale[0][(v >> t.shift[0]) & t.max[0]]) << 16
        | quint32(t.scale[1][(v >> t.shift[1]) & t.max[1]]) << 8
        | t.scale[2][(v >> t.shift[2]) & t.max[2]];
}

template<bool BigEndian>
void convert32Scaled(const Tables &t, const uchar *src, quint32 *dst, int count)
{
    for (int i = 0; i < count; ++i)
        dst[i] = scaled(t, load32<BigEndian>(src + 4 * i));
}

// ZRLE's 3-byte CPIXEL in the native format: the low three bytes, blue first.
void convertCompactNative(const Tables &, const uchar *src, quint32 *dst, int count)
{
    for (int i = 0; i < count; ++i) {
        const uchar *p = src + 3 * i;
        dst[i] = OpaqueAlpha | quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0];
    }
}

template<bool BigEndian>
void convert24Bytes(const Tables &t, const uchar *src, quint32 *dst, int count)
{
    const int cs = t.compactShift;
    const int rs = t.shift[0], gs = t.shift[1], bs = t.shift[2];
    for (int i = 0; i < count; ++i) {
        const quint32 v = load24<BigEndian>(src + 3 * i) << cs;
        dst[i]
            = OpaqueAlpha | ((v >> rs) & 0xff) << 16 | ((v >> gs) & 0xff) << 8 | ((v >> bs) & 0xff);
    }
}

template<bool BigEndian>
void convert24Scaled(const Tables &t, const uchar *src, quint32 *dst, int count)
{
    for (int i = 0; i < count; ++i)
        dst[i] = scaled(t, load24<BigEndian>(src + 3 * i) << t.compactShift);
}

quint32 trueColourRgb(const PixelFormat &f, quint32 v)
{
    return OpaqueAlpha | quint32(scaleChannel((v >> f.redShift) & f.redMax, f.redMax)) << 16
        | quint32(scaleChannel((v >> f.greenShift) & f.greenMax, f.greenMax)) << 8
        | scaleChannel((v >> f.blueShift) & f.blueMax, f.blueMax);
}

bool isHostOrderRgb32(const PixelFormat &f)
{
    return f.bitsPerPixel == 32 && f.trueColour
        && f.bigEndian == (QSysInfo::ByteOrder == QSysInfo::BigEndian) && f.redMax == 255
        && f.greenMax == 255 && f.blueMax == 255 && f.redShift == 16 && f.greenShift == 8
        && f.blueShift == 0;
}

} // namespace

Framebuffer::Framebuffer()
{
    setFormat(PixelFormat::native());
}

bool Framebuffer::resize(int width, int height)
{
    if (width < 0 || height < 0 || width > MaxFramebufferSide || height > MaxFramebufferSide
        || qint64(width) * height > MaxFramebufferPixels)
        return false;
    QImage image(width, height, QImage::Format_RGB32);
    if (width > 0 && height > 0 && image.isNull())
        return false;
    image.fill(OpaqueAlpha);
    // Keep what is known of the old screen until the server repaints.
    const QRect keep = image.rect() & m_image.rect();
    for (int y = 0; y < keep.height(); ++y)
        std::memcpy(image.scanLine(y), m_image.constScanLine(y), size_t(keep.width()) * 4);
    m_image = std::move(image);
    return true;
}

void Framebuffer::setFormat(const PixelFormat &format, const ColourMap *colours)
{
    m_format = format;
    m_hasColours = colours != nullptr;
    m_colours = colours ? *colours : ColourMap();

    auto t = std::make_shared<Tables>();
    m_tables = t;
    if (!format.validate().isEmpty()) {
        // The client refuses such formats; never index tables with their values.
        m_convert = m_convertCompact = &convertBlack;
        return;
    }
    const bool be = format.bigEndian;
    t->shift[0] = format.redShift;
    t->shift[1] = format.greenShift;
    t->shift[2] = format.blueShift;
    if (format.trueColour) {
        t->max[0] = format.redMax;
        t->max[1] = format.greenMax;
        t->max[2] = format.blueMax;
    }

    switch (format.bitsPerPixel) {
    case 8:
        t->lut.resize(256);
        for (quint32 v = 0; v < 256; ++v)
            t->lut[v]
                = format.trueColour ? trueColourRgb(format, v) : m_colours.rgb[v] | OpaqueAlpha;
        m_convert = &convert8;
        break;
    case 16:
        t->lut.resize(65536);
        for (quint32 v = 0; v < 65536; ++v)
            t->lut[v] = trueColourRgb(format, v);
        m_convert = be ? &convert16<true> : &convert16<false>;
        break;
    default: {
        const bool bytes = format.redMax == 255 && format.greenMax == 255 && format.blueMax == 255;
        if (!bytes) {
            for (int c = 0; c < 3; ++c) {
                t->scale[c].resize(size_t(t->max[c]) + 1);
                for (quint32 v = 0; v <= t->max[c]; ++v)
                    t->scale[c][v] = scaleChannel(v, t->max[c]);
            }
        }
        if (isHostOrderRgb32(format))
            m_convert = &convertNative;
        else if (bytes)
            m_convert = be ? &convert32Bytes<true> : &convert32Bytes<false>;
        else
            m_convert = be ? &convert32Scaled<true> : &convert32Scaled<false>;

        if (format.compactPixelBytes() != 3) {
            m_convertCompact = m_convert;
            return;
        }
        // Which three bytes are sent: little-endian formats prefer the low ones, big-endian
        // formats the high ones, so that the dropped byte is the last one on the wire
        // whenever possible (as TigerVNC and libvncserver encode).
        const quint32 masks = quint32(format.redMax) << format.redShift
            | quint32(format.greenMax) << format.greenShift
            | quint32(format.blueMax) << format.blueShift;
        const bool fitsLow = (masks & 0xff000000u) == 0;
        const bool fitsHigh = (masks & 0xffu) == 0;
        t->compactShift = (be ? fitsHigh : !fitsLow) ? 8 : 0;
        if (!be && t->compactShift == 0 && format.redShift == 16 && format.greenShift == 8
            && format.blueShift == 0 && bytes)
            m_convertCompact = &convertCompactNative;
        else if (bytes)
            m_convertCompact = be ? &convert24Bytes<true> : &convert24Bytes<false>;
        else
            m_convertCompact = be ? &convert24Scaled<true> : &convert24Scaled<false>;
        return;
    }
    }
    m_convertCompact = m_convert;
}

quint32 Framebuffer::toRgb(const uchar *pixel) const
{
    quint32 rgb;
    m_convert(*m_tables, pixel, &rgb, 1);
    return rgb;
}

quint32 Framebuffer::compactToRgb(const uchar *pixel) const
{
    quint32 rgb;
    m_convertCompact(*m_tables, pixel, &rgb, 1);
    return rgb;
}

void Framebuffer::fill(const QRect &r, quint32 rgb)
{
    uchar *bits = m_image.bits();
    const qsizetype bpl = m_image.bytesPerLine();
    for (int y = r.top(); y <= r.bottom(); ++y)
        fillWords(reinterpret_cast<quint32 *>(bits + y * bpl) + r.x(), r.width(), rgb);
}

void Framebuffer::writePixels(const QRect &r, const uchar *pixels, size_t stride)
{
    uchar *bits = m_image.bits();
    const qsizetype bpl = m_image.bytesPerLine();
    for (int i = 0; i < r.height(); ++i) {
        auto *dst = reinterpret_cast<quint32 *>(bits + (r.y() + i) * bpl) + r.x();
        m_convert(*m_tables, pixels + i * stride, dst, r.width());
    }
}

void Framebuffer::writeCompactPixels(const QRect &r, const uchar *pixels, size_t stride)
{
    uchar *bits = m_image.bits();
    const qsizetype bpl = m_image.bytesPerLine();
    for (int i = 0; i < r.height(); ++i) {
        auto *dst = reinterpret_cast<quint32 *>(bits + (r.y() + i) * bpl) + r.x();
        m_convertCompact(*m_tables, pixels + i * stride, dst, r.width());
    }
}

void Framebuffer::writeRgb(const QRect &r, const quint32 *rgb, size_t strideWords)
{
    uchar *bits = m_image.bits();
    const qsizetype bpl = m_image.bytesPerLine();
    for (int i = 0; i < r.height(); ++i) {
        auto *dst = reinterpret_cast<quint32 *>(bits + (r.y() + i) * bpl) + r.x();
        std::memcpy(dst, rgb + i * strideWords, size_t(r.width()) * 4);
    }
}

void Framebuffer::copy(const QRect &dst, const QPoint &srcTopLeft)
{
    if (dst.isEmpty())
        return;
    uchar *bits = m_image.bits();
    const qsizetype bpl = m_image.bytesPerLine();
    const size_t rowBytes = size_t(dst.width()) * 4;
    auto row = [&](int i) {
        uchar *to = bits + (dst.y() + i) * bpl + qsizetype(dst.x()) * 4;
        const uchar *from = bits + (srcTopLeft.y() + i) * bpl + qsizetype(srcTopLeft.x()) * 4;
        std::memmove(to, from, rowBytes);
    };
    // Moving down, copy from the bottom so rows are read before they are overwritten.
    if (dst.y() > srcTopLeft.y()) {
        for (int i = dst.height() - 1; i >= 0; --i)
            row(i);
    } else {
        for (int i = 0; i < dst.height(); ++i)
            row(i);
    }
}

} // namespace Corral::Rfb
