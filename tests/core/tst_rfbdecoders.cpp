#include "rfb/rectdecoder.h"

#include <QTest>

#include <turbojpeg.h>
#include <zlib.h>

#include <array>
#include <functional>
#include <random>

using namespace Corral::Rfb;
using Status = RectDecoder::Status;

namespace {

QByteArray bytes(std::initializer_list<quint32> values)
{
    QByteArray b;
    for (quint32 v : values)
        b.append(char(v));
    return b;
}
QByteArray u32(quint32 v)
{
    return bytes({v >> 24, v >> 16, v >> 8, v});
}
// Big-endian 16-bit values.
QByteArray u16s(std::initializer_list<int> values)
{
    QByteArray b;
    for (int v : values)
        b += bytes({quint32(v) >> 8, quint32(v)});
    return b;
}
QByteArray compactLength(size_t n)
{
    QByteArray b = bytes({quint32(n & 0x7f) | (n > 0x7f ? 0x80 : 0)});
    if (n > 0x7f)
        b += bytes({quint32(n >> 7 & 0x7f) | (n > 0x3fff ? 0x80 : 0)});
    if (n > 0x3fff)
        b += bytes({quint32(n >> 14)});
    return b;
}

// ---- Pixel formats, and pixels written the way the specs describe them ----

struct Format
{
    QString name;
    PixelFormat pf;
};

PixelFormat makeFormat(int bpp, int depth, bool be, int rm, int gm, int bm, int rs, int gs, int bs)
{
    return PixelFormat{quint8(bpp), quint8(depth), be,         rm != 0,    quint16(rm),
                       quint16(gm), quint16(bm),   quint8(rs), quint8(gs), quint8(bs)};
}

const ColourMap &testMap()
{
    static const ColourMap map = [] {
        ColourMap m;
        for (quint32 i = 0; i < 256; ++i)
            m.rgb[i] = 0xff000000u | ((i * 2654435761u) >> 8 & 0xffffff);
        return m;
    }();
    return map;
}

QList<Format> allFormats()
{
    auto f = [](const char *name, const PixelFormat &pf) {
        return Format{QString::fromLatin1(name), pf};
    };
    return {
        f("32le-low3", makeFormat(32, 24, false, 255, 255, 255, 16, 8, 0)),
        f("32be-low3", makeFormat(32, 24, true, 255, 255, 255, 16, 8, 0)),
        f("32le-high3", makeFormat(32, 24, false, 255, 255, 255, 24, 16, 8)),
        f("32be-high3", makeFormat(32, 24, true, 255, 255, 255, 24, 16, 8)),
        f("32le-mid", makeFormat(32, 16, false, 31, 63, 31, 19, 13, 8)),
        f("32be-mid", makeFormat(32, 16, true, 31, 63, 31, 19, 13, 8)),
        f("32le-full", makeFormat(32, 32, false, 255, 255, 255, 0, 8, 16)),
        f("32be-full", makeFormat(32, 32, true, 255, 255, 255, 8, 16, 24)),
        f("rgb565le", makeFormat(16, 16, false, 31, 63, 31, 11, 5, 0)),
        f("rgb565be", makeFormat(16, 16, true, 31, 63, 31, 11, 5, 0)),
        f("bgr233", makeFormat(8, 8, false, 7, 7, 3, 0, 3, 6)),
        f("colourmap", makeFormat(8, 8, false, 0, 0, 0, 0, 0, 0)),
    };
}

Format formatNamed(const QString &name)
{
    for (const Format &f : allFormats()) {
        if (f.name == name)
            return f;
    }
    qFatal("no such format");
}

// The format of the current data row (rows are named after formats).
Format fetchFormat()
{
    return formatNamed(QString::fromLatin1(QTest::currentDataTag()));
}

void addFormatRows(bool withEightBit = true)
{
    QTest::addColumn<int>("unused");
    for (const Format &f : allFormats()) {
        if (withEightBit || f.pf.bitsPerPixel > 8)
            QTest::newRow(qPrintable(f.name)) << 0;
    }
}

// Sixteen test colours as pixel values of a format.
quint32 pixelValue(const Format &f, int colour)
{
    if (!f.pf.trueColour)
        return quint32(colour * 13 + 1);
    static const quint32 rgb[16]
        = {0x000000, 0xffffff, 0xff0000, 0x00ff00, 0x0000ff, 0x808080, 0x123456, 0xfedcba,
           0x7f3f1f, 0x00ffff, 0xff00ff, 0xffff00, 0x204060, 0xa0c0e0, 0x405060, 0x0f0f0f};
    const PixelFormat &p = f.pf;
    const quint32 c = rgb[colour & 15];
    auto q = [](quint32 v8, quint32 max) {
        return v8 * max / 255;
    };
    return q(c >> 16 & 255, p.redMax) << p.redShift | q(c >> 8 & 255, p.greenMax) << p.greenShift
        | q(c & 255, p.blueMax) << p.blueShift;
}

quint32 expectedRgb(const Format &f, quint32 v)
{
    const PixelFormat &p = f.pf;
    if (!p.trueColour)
        return testMap().rgb[v & 255] | 0xff000000u;
    auto ch = [v](int shift, quint32 max) {
        return ((v >> shift) & max) * 255 / max;
    };
    return 0xff000000u | ch(p.redShift, p.redMax) << 16 | ch(p.greenShift, p.greenMax) << 8
        | ch(p.blueShift, p.blueMax);
}

QByteArray wire(const Format &f, quint32 v)
{
    QByteArray b;
    const int n = f.pf.bitsPerPixel / 8;
    for (int i = 0; i < n; ++i)
        b.append(char(v >> (f.pf.bigEndian ? 8 * (n - 1 - i) : 8 * i)));
    return b;
}

// ZRLE CPIXEL: RFC 6143 §7.7.6, with the low/high choice TigerVNC and libvncserver make.
QByteArray cpixel(const Format &f, quint32 v)
{
    const PixelFormat &p = f.pf;
    if (p.compactPixelBytes() != 3)
        return wire(f, v);
    const quint32 masks = quint32(p.redMax) << p.redShift | quint32(p.greenMax) << p.greenShift
        | quint32(p.blueMax) << p.blueShift;
    const bool low = p.bigEndian ? (masks & 0xff) != 0 : (masks >> 24) == 0;
    const quint32 x = low ? v : v >> 8;
    return p.bigEndian ? bytes({x >> 16, x >> 8, x}) : bytes({x, x >> 8, x >> 16});
}

bool tight888(const PixelFormat &p)
{
    return p.trueColour && p.bitsPerPixel == 32 && p.depth == 24 && p.redMax == 255
        && p.greenMax == 255 && p.blueMax == 255;
}

// Tight TPIXEL: red, green, blue bytes for 888 formats, else a wire pixel.
QByteArray tpixel(const Format &f, quint32 v)
{
    const PixelFormat &p = f.pf;
    if (!tight888(p))
        return wire(f, v);
    return bytes({v >> p.redShift, v >> p.greenShift, v >> p.blueShift});
}

using PixelWriter = QByteArray (*)(const Format &, quint32);

// Test colours as wire pixels, CPIXELs or TPIXELs.
QByteArray pixels(const Format &f, const std::vector<int> &colours, PixelWriter write = wire)
{
    QByteArray b;
    for (int c : colours)
        b += write(f, pixelValue(f, c));
    return b;
}

// One deflate stream; every block ends with a sync flush, as VNC servers send them.
class Deflater
{
public:
    Deflater() { deflateInit(&m_z, 6); }
    ~Deflater() { deflateEnd(&m_z); }
    Q_DISABLE_COPY_MOVE(Deflater)
    QByteArray block(const QByteArray &in)
    {
        QByteArray out(int(deflateBound(&m_z, uLong(in.size()))) + 64, Qt::Uninitialized);
        m_z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        m_z.avail_in = uInt(in.size());
        m_z.next_out = reinterpret_cast<Bytef *>(out.data());
        m_z.avail_out = uInt(out.size());
        deflate(&m_z, Z_SYNC_FLUSH);
        out.resize(out.size() - qsizetype(m_z.avail_out));
        return out;
    }

private:
    z_stream m_z = {};
};

QByteArray jpegOf(const QImage &rgb32)
{
    tjhandle tj = tjInitCompress();
    unsigned char *jpeg = nullptr;
    unsigned long size = 0;
    tjCompress2(tj, rgb32.constBits(), rgb32.width(), int(rgb32.bytesPerLine()), rgb32.height(),
                TJPF_BGRX, &jpeg, &size, TJSAMP_444, 95, 0);
    const QByteArray j(reinterpret_cast<const char *>(jpeg), qsizetype(size));
    tjFree(jpeg);
    tjDestroy(tj);
    return j;
}

// A picture of test colour numbers.
struct Pic
{
    int w = 0, h = 0;
    std::vector<int> c;
    int at(int x, int y) const { return c[size_t(y * w + x)]; }
};

Pic makePic(int w, int h, const std::function<int(int, int)> &colour)
{
    Pic p{w, h, {}};
    for (int i = 0; i < w * h; ++i)
        p.c.push_back(colour(i % w, i / w));
    return p;
}

Pic randomPic(int w, int h, int colours, unsigned seed)
{
    std::mt19937 rng(seed);
    return makePic(w, h, [&](int, int) { return int(rng() % unsigned(colours)); });
}

// ---- Feeding bytes the way the client does ----

// A framebuffer's start, the rectangles and bytes sent, and the screen they should produce.
struct Scene
{
    Format f;
    QImage initial;
    QImage expected;
    QList<QRect> rects;
    QByteArray data;

    Scene(const Format &format, int w, int h)
        : f(format)
        , initial(w, h, QImage::Format_RGB32)
    {
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x)
                initial.setPixel(x, y, 0xff000000u | quint32(x * 9 + y * 31) * 0x010307u);
        }
        expected = initial.copy();
    }
    quint32 rgb(int colour) const { return expectedRgb(f, pixelValue(f, colour)); }
    void paint(const QPoint &at, const Pic &p)
    {
        for (int i = 0; i < p.w * p.h; ++i)
            expected.setPixel(at.x() + i % p.w, at.y() + i / p.w, rgb(p.c[size_t(i)]));
    }
    void paint(const QRect &r, int colour)
    {
        paint(r.topLeft(), makePic(r.width(), r.height(), [=](int, int) { return colour; }));
    }
};

struct Outcome
{
    Status status = Status::NeedMore;
    QString error;
    QImage image;
    qsizetype leftover = 0;
};

Outcome feed(qint32 encoding, const Scene &s, const QList<QRect> &rects, const QByteArray &data,
             const QList<qsizetype> &cuts = {})
{
    Framebuffer fb;
    fb.resize(s.initial.width(), s.initial.height());
    fb.setFormat(s.f.pf, s.f.pf.trueColour ? nullptr : &testMap());
    fb.writeRgb(fb.rect(), reinterpret_cast<const quint32 *>(s.initial.constBits()),
                size_t(s.initial.bytesPerLine() / 4));
    auto decoder = RectDecoder::create(encoding);
    int index = 0;
    decoder->begin(rects[0]);
    QByteArray pending;
    qsizetype fed = 0;
    QList<qsizetype> ends = cuts;
    ends.append(data.size());
    for (qsizetype end : ends) {
        pending += data.mid(fed, end - fed);
        fed = end;
        for (;;) {
            ByteReader in(reinterpret_cast<const uchar *>(pending.constData()),
                          size_t(pending.size()));
            const Status st = decoder->decode(in, fb);
            if (st == Status::Failed)
                return {st,
                        decoder->error().isEmpty() ? QStringLiteral("(empty)") : decoder->error(),
                        {},
                        0};
            pending.remove(0, qsizetype(in.consumed()));
            if (st == Status::NeedMore)
                break;
            if (++index == rects.size())
                return {st, {}, fb.image(), pending.size() + data.size() - fed};
            decoder->begin(rects[index]);
        }
    }
    return {Status::NeedMore, {}, fb.image(), pending.size()};
}

QString firstDifference(const QImage &a, const QImage &b, int tolerance)
{
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (qAbs(qRed(p) - qRed(q)) > tolerance || qAbs(qGreen(p) - qGreen(q)) > tolerance
                || qAbs(qBlue(p) - qBlue(q)) > tolerance || qAlpha(p) != qAlpha(q))
                return QString::asprintf("at %d,%d: %08x, expected %08x", x, y, p, q);
        }
    }
    return {};
}

// Whole, split at every byte boundary, and byte by byte: all must give the expected screen.
void checkAllSplits(qint32 encoding, const Scene &s, int tolerance = 0)
{
    const Outcome whole = feed(encoding, s, s.rects, s.data);
    QVERIFY2(whole.status == Status::Done, qPrintable(whole.error));
    QCOMPARE(whole.leftover, 0);
    QCOMPARE(whole.image.size(), s.expected.size());
    const QString diff = firstDifference(whole.image, s.expected, tolerance);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    QList<qsizetype> everyByte;
    for (qsizetype k = 1; k < s.data.size(); ++k) {
        everyByte.append(k);
        const Outcome split = feed(encoding, s, s.rects, s.data, {k});
        QVERIFY2(split.status == Status::Done, qPrintable(QString::number(k) + split.error));
        QCOMPARE(split.leftover, 0);
        QVERIFY2(split.image == whole.image, qPrintable(QStringLiteral("split at %1").arg(k)));
    }
    const Outcome bytewise = feed(encoding, s, s.rects, s.data, everyByte);
    QVERIFY2(bytewise.status == Status::Done, qPrintable(bytewise.error));
    QVERIFY(bytewise.image == whole.image);
}

// ---- ZRLE tiles ----

// Indexes packed `bits` to a byte, most significant first, each row padded to a byte.
QByteArray packRows(const std::vector<int> &indexes, int w, int bits)
{
    QByteArray b;
    for (size_t row = 0; row < indexes.size(); row += size_t(w)) {
        quint32 acc = 0;
        int n = 0;
        for (int x = 0; x < w; ++x) {
            acc = acc << bits | quint32(indexes[row + size_t(x)]);
            if ((n += bits) == 8) {
                b.append(char(acc));
                acc = n = 0;
            }
        }
        if (n)
            b.append(char(acc << (8 - n)));
    }
    return b;
}

void appendRunLength(QByteArray &b, int length)
{
    int rest = length - 1;
    for (; rest >= 255; rest -= 255)
        b.append(char(255));
    b.append(char(rest));
}

// One ZRLE tile with the given sub-encoding; `palette` lists the colours for the palette
// sub-encodings (it may hold more than the tile uses).
QByteArray zrleTile(const Format &f, const Pic &tile, int sub, const std::vector<int> &palette = {})
{
    QByteArray b = bytes({quint32(sub)});
    std::vector<int> indexes;
    for (int c : tile.c)
        indexes.push_back(int(std::find(palette.begin(), palette.end(), c) - palette.begin()));
    if (sub == 0 || sub == 1)
        return b + pixels(f, sub ? std::vector{tile.c[0]} : tile.c, cpixel);
    if (sub <= 16)
        return b + pixels(f, palette, cpixel)
            + packRows(indexes, tile.w,
                       sub == 2       ? 1
                           : sub <= 4 ? 2
                                      : 4);
    if (sub > 128)
        b += pixels(f, palette, cpixel);
    for (size_t i = 0; i < tile.c.size();) {
        size_t end = i + 1;
        while (end < tile.c.size() && tile.c[end] == tile.c[i])
            ++end;
        const int length = int(end - i);
        if (sub == 128)
            b += pixels(f, {tile.c[i]}, cpixel);
        else
            b.append(char(indexes[i] | (length > 1 ? 0x80 : 0)));
        if (sub == 128 || length > 1)
            appendRunLength(b, length);
        i = end;
    }
    return b;
}

QByteArray zrleBlock(Deflater &z, const QByteArray &tiles)
{
    const QByteArray compressed = z.block(tiles);
    return u32(quint32(compressed.size())) + compressed;
}

} // namespace

class tst_RfbDecoders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pixelFormat();
    void compactPixels_data();
    void compactPixels();
    void framebuffer();
    void raw_data() { addFormatRows(); }
    void raw();
    void copyRect();
    void rre_data() { addFormatRows(); }
    void rre();
    void hextile_data() { addFormatRows(); }
    void hextile();
    void zrle_data() { addFormatRows(); }
    void zrle();
    void tight_data() { addFormatRows(); }
    void tight();
    void tightJpeg_data() { addFormatRows(false); }
    void tightJpeg();
    void cursor_data() { addFormatRows(); }
    void cursor();
    void cursorLimits();
    void hostile_data();
    void hostile();
};

void tst_RfbDecoders::pixelFormat()
{
    const PixelFormat native = PixelFormat::native();
    QVERIFY(native.isNative());
    QVERIFY(native.validate().isEmpty());
    QCOMPARE(native.compactPixelBytes(), 3);
    uchar buf[16];
    for (const Format &f : allFormats()) {
        QVERIFY2(f.pf.validate().isEmpty(), qPrintable(f.name + f.pf.validate()));
        f.pf.toWire(buf);
        QCOMPARE(PixelFormat::fromWire(buf), f.pf);
    }
    const uchar bgr233[16] = {8, 8, 0, 1, 0, 7, 0, 7, 0, 3, 0, 3, 6, 0, 0, 0};
    QCOMPARE(PixelFormat::fromWire(bgr233), formatNamed(QStringLiteral("bgr233")).pf);

    const PixelFormat bad[] = {
        makeFormat(24, 24, false, 255, 255, 255, 16, 8, 0), // bpp
        makeFormat(32, 0, false, 255, 255, 255, 16, 8, 0), // depth 0
        makeFormat(16, 24, false, 31, 63, 31, 11, 5, 0), // depth > bpp
        makeFormat(32, 24, false, 255, 0, 255, 16, 8, 0), // true colour, max 0
        makeFormat(16, 16, false, 31, 63, 31, 12, 5, 0), // red beyond 16 bits
        makeFormat(32, 24, false, 255, 255, 255, 30, 8, 0), // red beyond 32 bits
        makeFormat(8, 8, false, 7, 7, 3, 0, 3, 7), // blue beyond 8 bits
        makeFormat(16, 16, false, 0, 0, 0, 0, 0, 0), // colour map, 16 bpp
    };
    for (const PixelFormat &f : bad)
        QVERIFY(!f.validate().isEmpty());
}

void tst_RfbDecoders::compactPixels_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("dropped"); // which byte of the 4-byte wire pixel is not sent
    const struct
    {
        const char *name;
        int bytes, dropped;
    } rows[] = {{"32le-low3", 3, 3},  {"32be-low3", 3, 0}, {"32le-high3", 3, 0},
                {"32be-high3", 3, 3}, {"32le-mid", 3, 3},  {"32be-mid", 3, 3},
                {"32le-full", 4, -1}, {"rgb565le", 2, -1}, {"bgr233", 1, -1}};
    for (const auto &r : rows)
        QTest::newRow(r.name) << r.bytes << r.dropped;
}

void tst_RfbDecoders::compactPixels()
{
    QFETCH(int, bytes);
    QFETCH(int, dropped);
    const Format f = fetchFormat();
    QCOMPARE(f.pf.compactPixelBytes(), bytes);
    Framebuffer fb;
    fb.setFormat(f.pf);
    for (int c = 0; c < 16; ++c) {
        const quint32 v = pixelValue(f, c);
        const QByteArray w = wire(f, v);
        const QByteArray compact = dropped < 0 ? w : QByteArray(w).remove(dropped, 1);
        QCOMPARE(compact, cpixel(f, v));
        QCOMPARE(fb.compactToRgb(reinterpret_cast<const uchar *>(compact.constData())),
                 expectedRgb(f, v));
        QCOMPARE(fb.toRgb(reinterpret_cast<const uchar *>(w.constData())), expectedRgb(f, v));
    }
}

void tst_RfbDecoders::framebuffer()
{
    Framebuffer fb;
    QVERIFY(fb.resize(40, 30));
    QVERIFY(!fb.resize(MaxFramebufferSide + 1, 1));
    QVERIFY(!fb.resize(-1, 10));
    QVERIFY(!fb.resize(MaxFramebufferSide, MaxFramebufferSide)); // over MaxFramebufferPixels
    QCOMPARE(fb.rect(), QRect(0, 0, 40, 30));
    QCOMPARE(fb.image().format(), QImage::Format_RGB32);
    fb.fill(QRect(2, 3, 4, 5), 0xff123456u);
    QCOMPARE(fb.image().pixel(5, 7), 0xff123456u);
    QVERIFY(fb.resize(50, 20)); // keeps what fits
    QCOMPARE(fb.image().pixel(5, 7), 0xff123456u);
    QCOMPARE(fb.image().pixel(45, 10), 0xff000000u);
}

void tst_RfbDecoders::raw()
{
    Scene s(fetchFormat(), 20, 12);
    const Pic p = randomPic(9, 5, 16, 1);
    s.rects = {QRect(3, 2, 9, 5), QRect(0, 0, 0, 0)};
    s.data = pixels(s.f, p.c);
    s.paint(QPoint(3, 2), p);
    checkAllSplits(Encoding::Raw, s);
}

void tst_RfbDecoders::copyRect()
{
    const std::pair<QRect, QPoint> cases[]
        = {{QRect(4, 3, 8, 5), {6, 4}}, {QRect(6, 4, 8, 5), {4, 3}}, {QRect(0, 0, 20, 1), {0, 11}}};
    for (const auto &[dst, src] : cases) {
        Scene s(formatNamed(QStringLiteral("32le-low3")), 20, 12);
        s.rects = {dst};
        s.data = u16s({src.x(), src.y()});
        for (int i = 0; i < dst.width() * dst.height(); ++i) {
            const QPoint d(i % dst.width(), i / dst.width());
            s.expected.setPixel(dst.topLeft() + d, s.initial.pixel(src + d));
        }
        checkAllSplits(Encoding::CopyRect, s);
        if (QTest::currentTestFailed())
            return;
    }
}

void tst_RfbDecoders::rre()
{
    Scene s(fetchFormat(), 24, 14);
    const QRect r(2, 1, 15, 9);
    const std::pair<QRect, int> subs[] = {{QRect(0, 0, 3, 2), 2},
                                          {QRect(12, 7, 3, 2), 3},
                                          {QRect(5, 3, 4, 4), 4},
                                          {QRect(6, 4, 9, 1), 5}};
    s.rects = {r};
    s.data = u32(std::size(subs)) + pixels(s.f, {1});
    s.paint(r, 1);
    for (const auto &[sub, colour] : subs) {
        s.data += pixels(s.f, {colour}) + u16s({sub.x(), sub.y(), sub.width(), sub.height()});
        s.paint(sub.translated(r.topLeft()), colour);
    }
    checkAllSplits(Encoding::RRE, s);
}

void tst_RfbDecoders::hextile()
{
    Scene s(fetchFormat(), 48, 26);
    const QRect r(5, 3, 37, 20); // tiles 16, 16, 5 wide; 16, 4 high
    s.rects = {r};
    const Pic rawTile = randomPic(16, 16, 16, 2), rawEdge = randomPic(5, 4, 16, 3);
    auto px = [&](int c) {
        return pixels(s.f, {c});
    };
    auto sub = [](int x, int y, int w, int h) {
        return bytes({quint32(x << 4 | y), quint32((w - 1) << 4 | (h - 1))});
    };
    auto at = [&](int x, int y, int w, int h) {
        return QRect(x, y, w, h).translated(r.topLeft());
    };
    QByteArray &d = s.data;
    // Tile 0: raw.
    d += bytes({1}) + pixels(s.f, rawTile.c);
    s.paint(r.topLeft(), rawTile);
    // Tile 1: background only.
    d += bytes({2}) + px(7);
    s.paint(at(16, 0, 16, 16), 7);
    // Tile 2 (5×16): background carried over, foreground and two sub-rectangles.
    d += bytes({4 | 8}) + px(3) + bytes({2}) + sub(0, 0, 5, 1) + sub(2, 10, 3, 6);
    s.paint(at(32, 0, 5, 16), 7);
    s.paint(at(32, 0, 5, 1), 3);
    s.paint(at(34, 10, 3, 6), 3);
    // Tile 3 (16×4): new background, coloured sub-rectangles.
    d += bytes({2 | 8 | 16}) + px(9) + bytes({3}) + px(10) + sub(0, 0, 16, 1) + px(11)
        + sub(15, 3, 1, 1) + px(12) + sub(4, 1, 2, 3);
    s.paint(at(0, 16, 16, 4), 9);
    s.paint(at(0, 16, 16, 1), 10);
    s.paint(at(15, 19, 1, 1), 11);
    s.paint(at(4, 17, 2, 3), 12);
    // Tile 4 (16×4): background and foreground both carried over.
    d += bytes({8, 1}) + sub(1, 1, 3, 2);
    s.paint(at(16, 16, 16, 4), 9);
    s.paint(at(17, 17, 3, 2), 3);
    // Tile 5 (5×4): raw; the other bits are ignored.
    d += bytes({1 | 2 | 8}) + pixels(s.f, rawEdge.c);
    s.paint(at(32, 16, 5, 4).topLeft(), rawEdge);
    checkAllSplits(Encoding::Hextile, s);
}

void tst_RfbDecoders::zrle()
{
    Scene s(fetchFormat(), 140, 140);
    const Format &f = s.f;
    // Rectangle 1: 130×68, six tiles covering raw, RLE, solid and the three packed widths.
    const Pic raw = randomPic(64, 64, 16, 4);
    const Pic rle = makePic(64, 64, [](int x, int y) {
        return y < 5 ? 2 : y < 20 && x == 7 ? 3 : 4;
    });
    const Pic two = makePic(64, 4, [](int x, int y) { return (x + y) % 3 ? 1 : 8; });
    const Pic three = makePic(64, 4, [](int x, int y) {
        return std::array{5, 9, 12}[(x * y) % 3];
    });
    const Pic nine = makePic(2, 4, [](int x, int y) { return x + 2 * y + 3; });
    Pic p1 = makePic(130, 68, [&](int x, int y) {
        const Pic &t = y < 64 ? (x < 64 ? raw : rle) : (x < 64 ? two : three);
        return x >= 128 ? (y < 64 ? 6 : nine.at(x - 128, y - 64)) : t.at(x % 64, y % 64);
    });
    const QByteArray tiles1 = zrleTile(f, raw, 0) + zrleTile(f, rle, 128)
        + zrleTile(f, makePic(2, 64, [](int, int) { return 6; }), 1) + zrleTile(f, two, 2, {8, 1})
        + zrleTile(f, three, 3, {12, 9, 5}) + zrleTile(f, nine, 9, {3, 4, 5, 6, 7, 8, 9, 10, 11});
    // Rectangle 2 repeats rectangle 1's raw tile, so its block needs the stream's history.
    const Pic p2 = makePic(70, 64, [&](int x, int y) {
        return x < 64 ? raw.at(x, y) : y < 40 ? 13 : y % 7 ? 14 : 0;
    });
    const QByteArray tiles2 = zrleTile(f, raw, 0)
        + zrleTile(f, makePic(6, 64, [&](int x, int y) { return p2.at(64 + x, y); }), 131,
                   {0, 13, 14});

    Deflater z;
    const QByteArray block1 = zrleBlock(z, tiles1), block2 = zrleBlock(z, tiles2);
    s.rects = {QRect(3, 2, 130, 68), QRect(5, 72, 70, 64)};
    s.data = block1 + block2;
    s.paint(QPoint(3, 2), p1);
    s.paint(QPoint(5, 72), p2);
    checkAllSplits(Encoding::ZRLE, s);
    // Without the first block's dictionary the second cannot be inflated.
    QCOMPARE(feed(Encoding::ZRLE, s, {s.rects[1]}, block2).status, Status::Failed);
}

void tst_RfbDecoders::tight()
{
    Scene s(fetchFormat(), 40, 40);
    const Format &f = s.f;
    Deflater streams[4];
    // Basic compression: data under 12 bytes as is, else a compact length and zlib data.
    auto basic = [&](const QRect &r, int control, const QByteArray &head, const QByteArray &data,
                     Deflater &z) {
        s.rects << r;
        const QByteArray compressed = data.size() < 12 ? data : z.block(data);
        s.data += bytes({quint32(control)}) + head
            + (data.size() < 12 ? QByteArray() : compactLength(size_t(compressed.size())))
            + compressed;
    };
    auto copy = [&](const QRect &r, int control, const Pic &p, Deflater &z) {
        basic(r, control, {}, pixels(f, p.c, tpixel), z);
        s.paint(r.topLeft(), p);
    };
    // Palette filter: `colours` maps the picture's indexes to test colours.
    auto palette
        = [&](const QRect &r, int control, Pic p, const std::vector<int> &colours, Deflater &z) {
              const int n = int(colours.size());
              basic(r, control, bytes({1, quint32(n - 1)}) + pixels(f, colours, tpixel),
                    packRows(p.c, p.w, n == 2 ? 1 : 8), z);
              for (int &c : p.c)
                  c = colours[size_t(c)];
              s.paint(r.topLeft(), p);
          };

    s.rects << QRect(0, 0, 10, 4); // fill
    s.data += bytes({0x80}) + pixels(f, {3}, tpixel);
    s.paint(s.rects.last(), 3);
    copy(QRect(10, 0, 2, 1), 0x00, randomPic(2, 1, 16, 5), streams[0]); // uncompressed
    const Pic big = randomPic(12, 6, 16, 6);
    copy(QRect(0, 4, 12, 6), 0x00, big, streams[0]);
    const Pic two = randomPic(20, 5, 2, 7); // one bit per pixel, rows padded
    palette(QRect(0, 10, 20, 5), 0x50, two, {8, 10}, streams[1]);
    palette(QRect(20, 0, 9, 4), 0x60, randomPic(9, 4, 5, 8), {11, 12, 13, 14, 15}, streams[2]);
    if (f.pf.bitsPerPixel > 8) { // gradient filter, not defined for 8 bpp
        const Pic g = randomPic(11, 7, 16, 9);
        const PixelFormat &p = f.pf;
        const int shifts[3] = {p.redShift, p.greenShift, p.blueShift};
        const int maxes[3] = {p.redMax, p.greenMax, p.blueMax};
        auto ch = [&](int x, int y, int c) {
            return x < 0 || y < 0 ? 0 : int(pixelValue(f, g.at(x, y)) >> shifts[c]) & maxes[c];
        };
        QByteArray diffs;
        for (int i = 0; i < g.w * g.h; ++i) {
            const int x = i % g.w, y = i / g.w;
            quint32 v = 0;
            QByteArray rgb;
            for (int c = 0; c < 3; ++c) {
                const int predicted = std::clamp(
                    ch(x - 1, y, c) + ch(x, y - 1, c) - ch(x - 1, y - 1, c), 0, maxes[c]);
                const int diff = (ch(x, y, c) - predicted) & maxes[c];
                rgb.append(char(diff));
                v |= quint32(diff) << shifts[c];
            }
            diffs += tight888(p) ? rgb : wire(f, v);
        }
        basic(QRect(20, 5, 11, 7), 0x70, bytes({2}), diffs, streams[3]);
        s.paint(QPoint(20, 5), g);
    }
    // Stream 0 again with the same data as before: it needs the earlier dictionary.
    const qsizetype repeatAt = s.data.size();
    copy(QRect(28, 20, 12, 6), 0x00, big, streams[0]);
    // Stream 1 reset by the control byte and restarted.
    Deflater fresh;
    palette(QRect(0, 30, 20, 5), 0x50 | 0x02, two, {4, 2}, fresh);
    checkAllSplits(Encoding::Tight, s);
    const QByteArray repeat = s.data.mid(repeatAt);
    QCOMPARE(feed(Encoding::Tight, s, {QRect(28, 20, 12, 6)}, repeat).status, Status::Failed);
}

void tst_RfbDecoders::tightJpeg()
{
    Scene s(fetchFormat(), 32, 20);
    QImage source(24, 16, QImage::Format_RGB32);
    for (int y = 0; y < source.height(); ++y) {
        for (int x = 0; x < source.width(); ++x) {
            source.setPixel(x, y, qRgb(x * 10, y * 15, 128 + x * 2 - y * 3));
            s.expected.setPixel(4 + x, 2 + y, source.pixel(x, y));
        }
    }
    const QByteArray image = jpegOf(source);
    QVERIFY(!image.isEmpty());
    s.rects = {QRect(4, 2, 24, 16)};
    s.data = bytes({0x9f}) + compactLength(size_t(image.size())) + image; // and reset streams
    checkAllSplits(Encoding::Tight, s, 8);
}

void tst_RfbDecoders::cursor()
{
    const Format f = fetchFormat();
    Framebuffer fb;
    fb.setFormat(f.pf, f.pf.trueColour ? nullptr : &testMap());
    const Pic p = randomPic(10, 3, 16, 10);
    const uchar mask[] = {0xff, 0xc0, 0x81, 0x00, 0x00, 0x40};
    const QByteArray d = pixels(f, p.c) + QByteArray(reinterpret_cast<const char *>(mask), 6);
    CursorDecoder dec;
    for (qsizetype k = 0; k <= d.size(); ++k) {
        dec.begin(QRect(4, 1, 10, 3));
        ByteReader head(reinterpret_cast<const uchar *>(d.constData()), size_t(k));
        QCOMPARE(dec.decode(head, fb), k < d.size() ? Status::NeedMore : Status::Done);
        QCOMPARE(head.consumed(), size_t(k < d.size() ? 0 : k));
    }
    const QImage img = dec.image();
    QCOMPARE(img.format(), QImage::Format_ARGB32);
    QCOMPARE(dec.hotspot(), QPoint(4, 1));
    for (int y = 0; y < 3; ++y) {
        for (int x = 0; x < 10; ++x) {
            const bool opaque = (mask[y * 2 + x / 8] >> (7 - x % 8)) & 1;
            QCOMPARE(img.pixel(x, y), opaque ? expectedRgb(f, pixelValue(f, p.at(x, y))) : 0);
        }
    }
}

void tst_RfbDecoders::cursorLimits()
{
    Framebuffer fb;
    CursorDecoder dec;
    ByteReader none(nullptr, 0);
    dec.begin(QRect(0, 0, 0, 0));
    QCOMPARE(dec.decode(none, fb), Status::Done);
    QVERIFY(dec.image().isNull());
    dec.begin(QRect(0, 0, MaxCursorSide + 1, 1));
    QCOMPARE(dec.decode(none, fb), Status::Failed);
    QVERIFY(!dec.error().isEmpty());
}

void tst_RfbDecoders::hostile_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QRect>("rect");
    QTest::addColumn<QByteArray>("data");
    const QString native = QStringLiteral("32le-low3");
    const Format nf = formatNamed(native);
    const QByteArray px = cpixel(nf, 0x123456), pixel = wire(nf, 1);
    const QRect r8(0, 0, 8, 8);
    auto add = [&](const char *name, qint32 encoding, const QByteArray &data,
                   const QRect &rect = QRect(0, 0, 8, 8), const QString &format = {}) {
        QTest::newRow(name) << encoding << (format.isEmpty() ? native : format) << rect << data;
    };
    auto zrle = [](const QByteArray &tiles) {
        Deflater z;
        return zrleBlock(z, tiles);
    };
    auto tightZ = [](int control, const QByteArray &head, const QByteArray &data) {
        Deflater z;
        const QByteArray c = z.block(data);
        return QByteArray(bytes({quint32(control)}) + head + compactLength(size_t(c.size())) + c);
    };
    auto hex = [](const char *h) {
        return QByteArray::fromHex(h);
    };
    QByteArray noise;
    std::mt19937 rng(11);
    for (int i = 0; i < 400; ++i)
        noise.append(char(rng()));

    add("rre count over pixels", Encoding::RRE, hex("00000005") + pixel, QRect(0, 0, 2, 2));
    add("rre sub outside", Encoding::RRE, hex("00000001") + pixel + pixel + hex("0003000300020001"),
        QRect(0, 0, 4, 4));
    add("hextile sub outside tile", Encoding::Hextile, bytes({2 | 8}) + pixel + hex("014010"),
        QRect(0, 0, 5, 5));
    add("copyrect source outside", Encoding::CopyRect, hex("000a000a"));
    add("zrle sub 17", Encoding::ZRLE, zrle(bytes({17}) + px));
    add("zrle sub 127", Encoding::ZRLE, zrle(bytes({127}) + px));
    add("zrle sub 129", Encoding::ZRLE, zrle(bytes({129}) + px));
    add("zrle packed index", Encoding::ZRLE, zrle(bytes({3}) + px + px + px + QByteArray(16, -1)));
    add("zrle rle palette index", Encoding::ZRLE, zrle(bytes({130}) + px + px + hex("053e")));
    add("zrle run overruns", Encoding::ZRLE, zrle(bytes({128}) + px + hex("ff00")));
    add("zrle leftover", Encoding::ZRLE, zrle(bytes({1}) + px + bytes({0})));
    add("zrle short", Encoding::ZRLE, zrle(bytes({0}) + noise.left(30)));
    add("zrle empty block", Encoding::ZRLE, hex("00000000"));
    add("zrle garbage zlib", Encoding::ZRLE, hex("00000006") + "abcdef");
    Deflater z1, z2;
    const QByteArray cut = z1.block(bytes({0}) + noise.left(192)).chopped(60);
    add("zrle truncated zlib", Encoding::ZRLE, u32(quint32(cut.size())) + cut);
    add("zrle length over cap", Encoding::ZRLE, hex("04000001"));
    add("zrle inflates over cap", Encoding::ZRLE, zrle(QByteArray(100000, 0)));

    add("tight png", Encoding::Tight, hex("a0"));
    add("tight type f", Encoding::Tight, hex("f0"));
    add("tight filter 3", Encoding::Tight, hex("4003"));
    add("tight palette index", Encoding::Tight,
        tightZ(0x40, hex("0102") + noise.left(9), QByteArray(60, 0) + hex("00070000")));
    add("tight gradient 8bpp", Encoding::Tight, tightZ(0x40, bytes({2}), QByteArray(64, 0)), r8,
        QStringLiteral("bgr233"));
    add("tight garbage zlib", Encoding::Tight, hex("0014") + noise.left(20));
    add("tight short data", Encoding::Tight, tightZ(0x00, {}, QByteArray(100, 1)));
    add("tight long data", Encoding::Tight, tightZ(0x00, {}, QByteArray(300, 1)));
    const QByteArray half = z2.block(noise.left(192)).chopped(100);
    add("tight truncated zlib", Encoding::Tight,
        bytes({0}) + compactLength(size_t(half.size())) + half);
    add("tight garbage jpeg", Encoding::Tight, hex("900a") + noise.left(10));
    QImage small(8, 8, QImage::Format_RGB32);
    small.fill(Qt::red);
    const QByteArray jpeg = jpegOf(small);
    add("tight jpeg wrong size", Encoding::Tight,
        bytes({0x90}) + compactLength(size_t(jpeg.size())) + jpeg, QRect(0, 0, 16, 8));
}

void tst_RfbDecoders::hostile()
{
    QFETCH(int, encoding);
    QFETCH(QString, format);
    QFETCH(QRect, rect);
    QFETCH(QByteArray, data);
    const Scene s(formatNamed(format), 16, 16);
    const Outcome whole = feed(encoding, s, {rect}, data);
    QCOMPARE(whole.status, Status::Failed);
    QVERIFY(!whole.error.isEmpty());
    qInfo().noquote() << whole.error;
    QList<qsizetype> everyByte;
    for (qsizetype k = 1; k < data.size(); ++k)
        everyByte.append(k);
    const Outcome bytewise = feed(encoding, s, {rect}, data, everyByte);
    QCOMPARE(bytewise.status, Status::Failed);
    QCOMPARE(bytewise.error, whole.error);
}

QTEST_GUILESS_MAIN(tst_RfbDecoders)
#include "tst_rfbdecoders.moc"
