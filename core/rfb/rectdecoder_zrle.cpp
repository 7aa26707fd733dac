// ZRLE (RFC 6143 §7.7.6): one zlib stream per connection inflating to 64×64 tiles.

#include "rectdecoder_p.h"

#include "pixelconvert_p.h"

#include "util/tr.h"

#include <algorithm>

namespace Corral::Rfb {

namespace {

constexpr int TileSide = 64;
constexpr int MaxTilePixels = TileSide * TileSide;
constexpr int MaxPaletteRle = 127;

// Writes runs of one colour into a tile, row by row, in the order ZRLE's RLE sends them.
class TileWriter
{
public:
    TileWriter(Framebuffer &fb, const QRect &tile)
        : m_row(fb.scanLine(tile.y()) + tile.x())
        , m_stride(fb.image().bytesPerLine() / 4)
        , m_width(tile.width())
    { }

    void run(quint32 colour, int length)
    {
        while (length > 0) {
            const int n = std::min(length, m_width - m_x);
            fillWords(m_row + m_x, n, colour);
            length -= n;
            m_x += n;
            if (m_x == m_width) {
                m_x = 0;
                m_row += m_stride;
            }
        }
    }

private:
    quint32 *m_row;
    qsizetype m_stride;
    int m_width;
    int m_x = 0;
};

// Bounds-checked reads from the inflated data of one rectangle.
struct Cursor
{
    const uchar *p;
    const uchar *end;

    bool has(size_t n) const { return size_t(end - p) >= n; }
    // Run length: bytes summed while they are 255, plus one. 0 when the data ends first or the
    // run would exceed `limit`.
    int runLength(int limit)
    {
        int length = 1;
        for (;;) {
            if (p == end)
                return 0;
            const uchar b = *p++;
            length += b;
            if (length > limit)
                return 0;
            if (b != 255)
                return length;
        }
    }
};

} // namespace

void ZrleDecoder::begin(const QRect &r)
{
    m_rect = r;
}

void ZrleDecoder::reset()
{
    m_zlib.reset();
    m_inflated = {};
}

RectDecoder::Status ZrleDecoder::decode(ByteReader &in, Framebuffer &fb)
{
    if (!in.has(4))
        return Status::NeedMore;
    const quint32 length = in.u32();
    if (length > MaxCompressedLength)
        return fail(Tr::tr("The VNC server sent a ZRLE block of %1 bytes; at most %2 are "
                           "accepted.")
                        .arg(length)
                        .arg(MaxCompressedLength));
    if (!in.has(4 + size_t(length)))
        return Status::NeedMore;

    // No valid rectangle inflates to more than: per tile a sub-encoding byte and the largest
    // palette, per pixel a colour and one run-length byte.
    const quint64 cp = quint64(fb.format().compactPixelBytes());
    const quint64 pixels = quint64(m_rect.width()) * quint64(m_rect.height());
    const quint64 tiles = quint64((m_rect.width() + TileSide - 1) / TileSide)
        * quint64((m_rect.height() + TileSide - 1) / TileSide);
    const quint64 bound = tiles * (1 + MaxPaletteRle * cp) + pixels * (cp + 1);
    const size_t limit = size_t(std::min<quint64>(bound, MaxInflatedLength));
    // Typical data needs about a CPIXEL per pixel; start there, but never far beyond what the
    // compressed size could produce, so a short hostile block cannot reserve the maximum.
    const size_t initial
        = size_t(std::min<quint64>({limit, pixels * cp + tiles, quint64(length) * 8 + 65536}));

    size_t produced = 0;
    switch (m_zlib.inflateAll(in.peek(4), length, m_inflated, initial, limit, produced)) {
    case ZlibStream::Result::Ok:
        break;
    case ZlibStream::Result::TooLong:
        return fail(Tr::tr("The VNC server sent more ZRLE data than a %1×%2 rectangle can hold.")
                        .arg(m_rect.width())
                        .arg(m_rect.height()));
    case ZlibStream::Result::Corrupt:
        return fail(Tr::tr("The VNC server sent ZRLE data that cannot be decompressed (%1).")
                        .arg(m_zlib.detail()));
    }
    const Status status = decodeTiles(m_inflated.data(), produced, fb);
    if (status == Status::Done)
        in.skip(4 + size_t(length));
    return status;
}

RectDecoder::Status ZrleDecoder::decodeTiles(const uchar *data, size_t size, Framebuffer &fb)
{
    const int cp = fb.format().compactPixelBytes();
    Cursor c{data, data + size};
    quint32 palette[MaxPaletteRle];
    quint32 runColours[MaxTilePixels];
    int runLengths[MaxTilePixels];
    uchar runPixels[MaxTilePixels * 4];
    const auto shortData = [this] {
        return fail(Tr::tr("The VNC server sent too little ZRLE data for its %1×%2 rectangle.")
                        .arg(m_rect.width())
                        .arg(m_rect.height()));
    };
    const auto badIndex = [this](int index, int count) {
        return fail(Tr::tr("The VNC server sent a ZRLE palette index %1 for a palette of %2 "
                           "colours.")
                        .arg(index)
                        .arg(count));
    };

    for (int ty = 0; ty < m_rect.height(); ty += TileSide) {
        for (int tx = 0; tx < m_rect.width(); tx += TileSide) {
            const QRect tile(m_rect.x() + tx, m_rect.y() + ty,
                             std::min(TileSide, m_rect.width() - tx),
                             std::min(TileSide, m_rect.height() - ty));
            const int tw = tile.width(), pixels = tile.width() * tile.height();
            if (!c.has(1))
                return shortData();
            const int sub = *c.p++;

            if (sub == 0) {
                const size_t bytes = size_t(pixels) * size_t(cp);
                if (!c.has(bytes))
                    return shortData();
                fb.writeCompactPixels(tile, c.p, size_t(tw) * size_t(cp));
                c.p += bytes;
            } else if (sub == 1) {
                if (!c.has(size_t(cp)))
                    return shortData();
                fb.fill(tile, fb.compactToRgb(c.p));
                c.p += cp;
            } else if (sub <= 16) {
                const int count = sub;
                const int bits = count == 2 ? 1 : count <= 4 ? 2 : 4;
                const size_t rowBytes = size_t(tw * bits + 7) / 8;
                if (!c.has(size_t(count) * size_t(cp) + rowBytes * size_t(tile.height())))
                    return shortData();
                fb.convertCompactPixels(c.p, palette, count);
                c.p += count * cp;
                const quint32 mask = (1u << bits) - 1;
                quint32 *row = fb.scanLine(tile.y()) + tile.x();
                const qsizetype stride = fb.image().bytesPerLine() / 4;
                for (int y = 0; y < tile.height(); ++y, row += stride, c.p += rowBytes) {
                    for (int x = 0; x < tw; ++x) {
                        const int bit = x * bits;
                        const quint32 index = (c.p[bit >> 3] >> (8 - bits - (bit & 7))) & mask;
                        if (index >= quint32(count))
                            return badIndex(int(index), count);
                        row[x] = palette[index];
                    }
                }
            } else if (sub == 128) {
                // Gather the runs first so their colours convert in one call, not per run.
                int runs = 0;
                for (int done = 0; done < pixels; ++runs) {
                    if (!c.has(size_t(cp)))
                        return shortData();
                    std::copy_n(c.p, cp, runPixels + runs * cp);
                    c.p += cp;
                    const int length = c.runLength(pixels - done);
                    if (length == 0)
                        return fail(Tr::tr("The VNC server sent a ZRLE run that overruns its "
                                           "tile."));
                    runLengths[runs] = length;
                    done += length;
                }
                fb.convertCompactPixels(runPixels, runColours, runs);
                TileWriter out(fb, tile);
                for (int i = 0; i < runs; ++i)
                    out.run(runColours[i], runLengths[i]);
            } else if (sub >= 130) {
                const int count = sub - 128;
                if (!c.has(size_t(count) * size_t(cp)))
                    return shortData();
                fb.convertCompactPixels(c.p, palette, count);
                c.p += count * cp;
                TileWriter out(fb, tile);
                for (int done = 0; done < pixels;) {
                    if (!c.has(1))
                        return shortData();
                    const uchar b = *c.p++;
                    const int index = b & 0x7f;
                    if (index >= count)
                        return badIndex(index, count);
                    int length = 1;
                    if (b & 0x80) {
                        length = c.runLength(pixels - done);
                        if (length == 0)
                            return fail(Tr::tr("The VNC server sent a ZRLE run that overruns "
                                               "its tile."));
                    }
                    out.run(palette[index], length);
                    done += length;
                }
            } else {
                return fail(Tr::tr("The VNC server sent a ZRLE tile with an invalid "
                                   "sub-encoding %1.")
                                .arg(sub));
            }
        }
    }
    if (c.p != c.end)
        return fail(Tr::tr("The VNC server sent more ZRLE data than its %1×%2 rectangle needs.")
                        .arg(m_rect.width())
                        .arg(m_rect.height()));
    return Status::Done;
}

} // namespace Corral::Rfb
