#pragma once

// The RectDecoder implementations behind RectDecoder::create(). Private to core/rfb.

#include "rectdecoder.h"

#include <zlib.h>

#include <vector>

namespace Corral::Rfb {

// One inflate stream that outlives rectangles: ZRLE has one per connection, Tight four.
class ZlibStream final
{
public:
    enum class Result { Ok, TooLong, Corrupt };

    ZlibStream() = default;
    ~ZlibStream() { reset(); }
    Q_DISABLE_COPY_MOVE(ZlibStream)

    // Forgets the stream; the next inflateAll() starts a new one.
    void reset();
    // Inflates all `size` bytes of `in` into `out` from its start. `out` is grown as needed (to
    // at least `initial`, at most `limit` bytes; it never shrinks, so it can be reused) and
    // `produced` says how much of it is data. TooLong when the data would exceed `limit`.
    Result inflateAll(const uchar *in, size_t size, std::vector<uchar> &out, size_t initial,
                      size_t limit, size_t &produced);
    // zlib's own text for the last failure, for the log.
    QString detail() const;

private:
    z_stream m_z = {};
    bool m_active = false;
};

class RawDecoder final : public RectDecoder
{
public:
    void begin(const QRect &r) override;
    Status decode(ByteReader &in, Framebuffer &fb) override;

private:
    QRect m_rect;
    int m_row = 0;
};

class CopyRectDecoder final : public RectDecoder
{
public:
    void begin(const QRect &r) override;
    Status decode(ByteReader &in, Framebuffer &fb) override;

private:
    QRect m_rect;
};

class RreDecoder final : public RectDecoder
{
public:
    void begin(const QRect &r) override;
    Status decode(ByteReader &in, Framebuffer &fb) override;

private:
    QRect m_rect;
    bool m_haveHeader = false;
    quint32 m_remaining = 0;
};

class HextileDecoder final : public RectDecoder
{
public:
    void begin(const QRect &r) override;
    Status decode(ByteReader &in, Framebuffer &fb) override;

private:
    QRect m_rect;
    QPoint m_tile; // top-left of the next tile, relative to m_rect
    quint32 m_background = 0xff000000u;
    quint32 m_foreground = 0xff000000u;
};

class ZrleDecoder final : public RectDecoder
{
public:
    void begin(const QRect &r) override;
    Status decode(ByteReader &in, Framebuffer &fb) override;
    void reset() override;

private:
    Status decodeTiles(const uchar *data, size_t size, Framebuffer &fb);

    QRect m_rect;
    ZlibStream m_zlib;
    std::vector<uchar> m_inflated;
};

class TightDecoder final : public RectDecoder
{
public:
    TightDecoder();
    ~TightDecoder() override;
    Q_DISABLE_COPY_MOVE(TightDecoder)

    void begin(const QRect &r) override;
    Status decode(ByteReader &in, Framebuffer &fb) override;
    void reset() override;

private:
    struct JpegHandle;
    enum class Filter : quint8 { Copy = 0, Palette = 1, Gradient = 2 };

    void resetStreams(quint8 control);
    Status decodeJpeg(const uchar *data, size_t size, Framebuffer &fb);
    Status drawCopy(const uchar *data, Framebuffer &fb, int pixelBytes);
    Status drawPalette(const uchar *data, Framebuffer &fb, const quint32 *palette, int count);
    Status drawGradient(uchar *data, Framebuffer &fb, int pixelBytes);

    QRect m_rect;
    ZlibStream m_zlib[4];
    std::vector<uchar> m_inflated;
    std::vector<int> m_channels;
    std::vector<uchar> m_zeros;
    std::unique_ptr<JpegHandle> m_jpeg;
};

} // namespace Corral::Rfb
