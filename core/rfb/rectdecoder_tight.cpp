// Tight (community encoding 7): fill, JPEG, or basic compression with a filter on one of four
// zlib streams. A rectangle is one unit: nothing is drawn before all its bytes are there.

#include "rectdecoder_p.h"

#include "pixelconvert_p.h"

#include "util/tr.h"

#include <QtEndian>

#include <turbojpeg.h>

#include <algorithm>

namespace Corral::Rfb {

namespace {

constexpr int FillType = 0x8;
constexpr int JpegType = 0x9;
constexpr int ExplicitFilter = 0x4;
constexpr size_t MinToCompress = 12;

// TPIXEL: three bytes red, green, blue (in that order whatever the shifts and byte order) when
// the format is 32 bpp, depth 24 with 8-bit channels on byte boundaries; else a whole pixel.
int tightPixelBytes(const PixelFormat &f)
{
    const bool rgb888 = f.trueColour && f.bitsPerPixel == 32 && f.depth == 24 && f.redMax == 255
        && f.greenMax == 255 && f.blueMax == 255 && f.redShift % 8 == 0 && f.greenShift % 8 == 0
        && f.blueShift % 8 == 0;
    return rgb888 ? 3 : f.bytesPerPixel();
}

void rgbToWords(const uchar *src, quint32 *dst, int count)
{
    for (int i = 0; i < count; ++i, src += 3)
        dst[i] = OpaqueAlpha | quint32(src[0]) << 16 | quint32(src[1]) << 8 | src[2];
}

// TPIXELs to 0xffRRGGBB words.
void tightToRgb(const Framebuffer &fb, int pixelBytes, const uchar *src, quint32 *dst, int n)
{
    if (pixelBytes == 3)
        rgbToWords(src, dst, n);
    else
        fb.convertPixels(src, dst, n);
}

enum class Length { Ok, NeedMore };

// Tight's compact length: 7 bits per byte, low bits first, at most three bytes (22 bits).
Length compactLength(const ByteReader &in, size_t offset, size_t &length, size_t &bytes)
{
    length = 0;
    for (bytes = 0; bytes < 3; ++bytes) {
        if (!in.has(offset + bytes + 1))
            return Length::NeedMore;
        const quint8 b = in.u8(offset + bytes);
        if (bytes == 2) {
            length |= size_t(b) << 14;
        } else {
            length |= size_t(b & 0x7f) << (7 * bytes);
            if (!(b & 0x80)) {
                ++bytes;
                return Length::Ok;
            }
        }
    }
    return Length::Ok;
}

} // namespace

struct TightDecoder::JpegHandle
{
    tjhandle handle = tjInitDecompress();
    ~JpegHandle()
    {
        if (handle)
            tjDestroy(handle);
    }
};

TightDecoder::TightDecoder() = default;
TightDecoder::~TightDecoder() = default;

void TightDecoder::begin(const QRect &r)
{
    m_rect = r;
}

void TightDecoder::reset()
{
    for (ZlibStream &z : m_zlib)
        z.reset();
    m_inflated = {};
}

void TightDecoder::resetStreams(quint8 control)
{
    for (int i = 0; i < 4; ++i) {
        if (control & (1 << i))
            m_zlib[i].reset();
    }
}

RectDecoder::Status TightDecoder::decode(ByteReader &in, Framebuffer &fb)
{
    if (!in.has(1))
        return Status::NeedMore;
    const quint8 control = in.u8();
    const int type = control >> 4;
    const int tp = tightPixelBytes(fb.format());
    const int w = m_rect.width(), h = m_rect.height();

    if (type == FillType) {
        if (!in.has(1 + size_t(tp)))
            return Status::NeedMore;
        resetStreams(control);
        quint32 colour;
        tightToRgb(fb, tp, in.peek(1), &colour, 1);
        if (!m_rect.isEmpty())
            fb.fill(m_rect, colour);
        in.skip(1 + size_t(tp));
        return Status::Done;
    }
    if (type == JpegType) {
        size_t length = 0, lengthBytes = 0;
        if (compactLength(in, 1, length, lengthBytes) == Length::NeedMore)
            return Status::NeedMore;
        if (!in.has(1 + lengthBytes + length))
            return Status::NeedMore;
        resetStreams(control);
        const Status s = decodeJpeg(in.peek(1 + lengthBytes), length, fb);
        if (s == Status::Done)
            in.skip(1 + lengthBytes + length);
        return s;
    }
    if (type > JpegType)
        return fail(Tr::tr("The VNC server sent a Tight rectangle with the unsupported "
                           "compression type %1.")
                        .arg(type));

    size_t pos = 1;
    Filter filter = Filter::Copy;
    if (type & ExplicitFilter) {
        if (!in.has(pos + 1))
            return Status::NeedMore;
        const quint8 f = in.u8(pos++);
        if (f > quint8(Filter::Gradient))
            return fail(Tr::tr("The VNC server sent a Tight rectangle with the unknown filter "
                               "%1.")
                            .arg(f));
        filter = Filter(f);
    }
    quint32 palette[256];
    int colours = 0;
    if (filter == Filter::Palette) {
        if (!in.has(pos + 1))
            return Status::NeedMore;
        colours = in.u8(pos++) + 1;
        const size_t bytes = size_t(colours) * size_t(tp);
        if (!in.has(pos + bytes))
            return Status::NeedMore;
        tightToRgb(fb, tp, in.peek(pos), palette, colours);
        pos += bytes;
    } else if (filter == Filter::Gradient && tp == 1) {
        return fail(Tr::tr("The VNC server sent a Tight gradient with 8 bits per pixel."));
    }

    const quint64 pixels = quint64(w) * quint64(h);
    quint64 dataSize = pixels * quint64(tp);
    if (filter == Filter::Palette)
        dataSize = colours == 2 ? quint64((w + 7) / 8) * quint64(h) : pixels;
    if (dataSize > MaxInflatedLength)
        return fail(Tr::tr("The VNC server sent a Tight rectangle of %1×%2 pixels, too large "
                           "to decompress.")
                        .arg(w)
                        .arg(h));

    const uchar *data = nullptr;
    size_t consumed = 0;
    if (dataSize < MinToCompress) {
        // Small data is sent as is, without a length.
        consumed = pos + size_t(dataSize);
        if (!in.has(consumed))
            return Status::NeedMore;
        resetStreams(control);
        data = in.peek(pos);
    } else {
        size_t length = 0, lengthBytes = 0;
        if (compactLength(in, pos, length, lengthBytes) == Length::NeedMore)
            return Status::NeedMore;
        consumed = pos + lengthBytes + length;
        if (!in.has(consumed))
            return Status::NeedMore;
        resetStreams(control);
        ZlibStream &z = m_zlib[type & 3];
        size_t produced = 0;
        // Grown as data comes out, so a short block cannot make us allocate the maximum.
        const size_t initial = std::min<size_t>(size_t(dataSize), length * 4 + 65536);
        const auto result = z.inflateAll(in.peek(pos + lengthBytes), length, m_inflated, initial,
                                         size_t(dataSize), produced);
        if (result == ZlibStream::Result::Corrupt)
            return fail(Tr::tr("The VNC server sent Tight data that cannot be decompressed "
                               "(%1).")
                            .arg(z.detail()));
        if (result == ZlibStream::Result::TooLong || produced != dataSize)
            return fail(Tr::tr("The VNC server sent %1 bytes of Tight data where %2 were "
                               "expected.")
                            .arg(result == ZlibStream::Result::TooLong
                                     ? QStringLiteral(">%1").arg(dataSize)
                                     : QString::number(produced))
                            .arg(dataSize));
        data = m_inflated.data();
    }

    Status s = Status::Done;
    if (!m_rect.isEmpty()) {
        switch (filter) {
        case Filter::Copy:
            s = drawCopy(data, fb, tp);
            break;
        case Filter::Palette:
            s = drawPalette(data, fb, palette, colours);
            break;
        case Filter::Gradient: {
            // The filter works in place, so small data sent inline is copied first.
            if (data != m_inflated.data()) {
                if (m_inflated.size() < dataSize)
                    m_inflated.resize(size_t(dataSize));
                std::copy_n(data, size_t(dataSize), m_inflated.data());
            }
            s = drawGradient(m_inflated.data(), fb, tp);
            break;
        }
        }
    }
    if (s == Status::Done)
        in.skip(consumed);
    return s;
}

RectDecoder::Status TightDecoder::drawCopy(const uchar *data, Framebuffer &fb, int pixelBytes)
{
    const int w = m_rect.width();
    if (pixelBytes != 3) {
        fb.writePixels(m_rect, data, size_t(w) * size_t(pixelBytes));
        return Status::Done;
    }
    for (int y = 0; y < m_rect.height(); ++y)
        rgbToWords(data + size_t(y) * size_t(w) * 3, fb.scanLine(m_rect.y() + y) + m_rect.x(), w);
    return Status::Done;
}

RectDecoder::Status TightDecoder::drawPalette(const uchar *data, Framebuffer &fb,
                                              const quint32 *palette, int count)
{
    const int w = m_rect.width();
    for (int y = 0; y < m_rect.height(); ++y) {
        quint32 *row = fb.scanLine(m_rect.y() + y) + m_rect.x();
        if (count == 2) {
            const uchar *bits = data + size_t(y) * size_t((w + 7) / 8);
            for (int x = 0; x < w; ++x)
                row[x] = palette[(bits[x >> 3] >> (7 - (x & 7))) & 1];
            continue;
        }
        const uchar *indexes = data + size_t(y) * size_t(w);
        for (int x = 0; x < w; ++x) {
            if (indexes[x] >= count)
                return fail(Tr::tr("The VNC server sent a Tight palette index %1 for a palette "
                                   "of %2 colours.")
                                .arg(indexes[x])
                                .arg(count));
            row[x] = palette[indexes[x]];
        }
    }
    return Status::Done;
}

// Each channel was sent as the difference to left + above - above-left (clamped to the
// channel's range), with zero outside the rectangle; undo that row by row in place.
RectDecoder::Status TightDecoder::drawGradient(uchar *data, Framebuffer &fb, int pixelBytes)
{
    const int w = m_rect.width(), h = m_rect.height();
    if (pixelBytes == 3) {
        const size_t rowBytes = size_t(w) * 3;
        m_zeros.assign(rowBytes, 0);
        const uchar *above = m_zeros.data();
        for (int y = 0; y < h; ++y) {
            uchar *row = data + size_t(y) * rowBytes;
            for (size_t i = 0; i < 3; ++i) // nothing to the left: the prediction is `above`
                row[i] = uchar(above[i] + row[i]);
            for (size_t i = 3; i < rowBytes; ++i) {
                const int predicted = std::clamp(row[i - 3] + above[i] - above[i - 3], 0, 255);
                row[i] = uchar(predicted + row[i]);
            }
            above = row;
        }
        return drawCopy(data, fb, 3);
    }

    const PixelFormat &f = fb.format();
    const int shifts[3] = {f.redShift, f.greenShift, f.blueShift};
    const int maxes[3] = {f.redMax, f.greenMax, f.blueMax};
    // Reconstructed channel values of the row above and of this row.
    m_channels.assign(size_t(w) * 6, 0);
    int *above = m_channels.data();
    int *current = above + size_t(w) * 3;
    for (int y = 0; y < h; ++y) {
        uchar *row = data + size_t(y) * size_t(w) * size_t(pixelBytes);
        for (int x = 0; x < w; ++x) {
            uchar *p = row + x * pixelBytes;
            quint32 v;
            if (pixelBytes == 2)
                v = f.bigEndian ? quint32(p[0]) << 8 | p[1] : quint32(p[1]) << 8 | p[0];
            else
                v = f.bigEndian ? qFromBigEndian<quint32>(p) : qFromLittleEndian<quint32>(p);
            quint32 out = 0;
            for (int c = 0; c < 3; ++c) {
                const int left = x > 0 ? current[(x - 1) * 3 + c] : 0;
                const int upLeft = x > 0 ? above[(x - 1) * 3 + c] : 0;
                const int predicted = std::clamp(left + above[x * 3 + c] - upLeft, 0, maxes[c]);
                const int value = int((quint32(predicted) + (v >> shifts[c])) & quint32(maxes[c]));
                current[x * 3 + c] = value;
                out |= quint32(value) << shifts[c];
            }
            if (pixelBytes == 2) {
                p[0] = uchar(f.bigEndian ? out >> 8 : out);
                p[1] = uchar(f.bigEndian ? out : out >> 8);
            } else if (f.bigEndian) {
                qToBigEndian<quint32>(out, p);
            } else {
                qToLittleEndian<quint32>(out, p);
            }
        }
        std::swap(above, current);
    }
    fb.writePixels(m_rect, data, size_t(w) * size_t(pixelBytes));
    return Status::Done;
}

RectDecoder::Status TightDecoder::decodeJpeg(const uchar *data, size_t size, Framebuffer &fb)
{
    if (!m_jpeg)
        m_jpeg = std::make_unique<JpegHandle>();
    if (!m_jpeg->handle)
        return fail(Tr::tr("The JPEG decoder could not be started."));
    tjhandle tj = m_jpeg->handle;
    int width = 0, height = 0, subsampling = 0, colourspace = 0;
    if (tjDecompressHeader3(tj, data, static_cast<unsigned long>(size), &width, &height,
                            &subsampling, &colourspace)
        != 0)
        return fail(Tr::tr("The VNC server sent an invalid JPEG image (%1).")
                        .arg(QString::fromUtf8(tjGetErrorStr2(tj))));
    if (width != m_rect.width() || height != m_rect.height())
        return fail(
            Tr::tr("The VNC server sent a JPEG image of %1×%2 pixels for a rectangle of %3×%4.")
                .arg(width)
                .arg(height)
                .arg(m_rect.width())
                .arg(m_rect.height()));
    // Decoded straight into the framebuffer: BGRX in memory is 0xXXRRGGBB on this byte order.
    constexpr int format = QSysInfo::ByteOrder == QSysInfo::LittleEndian ? TJPF_BGRX : TJPF_XRGB;
    const int pitch = int(fb.image().bytesPerLine());
    auto *dst = reinterpret_cast<uchar *>(fb.scanLine(m_rect.y()) + m_rect.x());
    if (tjDecompress2(tj, data, static_cast<unsigned long>(size), dst, width, pitch, height, format,
                      TJFLAG_FASTDCT)
            != 0
        && tjGetErrorCode(tj) != TJERR_WARNING)
        return fail(Tr::tr("The VNC server sent a JPEG image that cannot be decoded (%1).")
                        .arg(QString::fromUtf8(tjGetErrorStr2(tj))));
    // libjpeg-turbo leaves the X byte undefined by contract; Format_RGB32 wants 0xff.
    for (int y = 0; y < height; ++y)
        forceOpaque(fb.scanLine(m_rect.y() + y) + m_rect.x(), width);
    return Status::Done;
}

} // namespace Corral::Rfb
