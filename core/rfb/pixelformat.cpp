#include "rfbtypes.h"

#include "util/tr.h"

#include <QtEndian>

namespace Corral::Rfb {

namespace {

quint32 channelMask(quint16 max, quint8 shift)
{
    return shift >= 32 ? 0 : quint32(quint64(max) << shift);
}

// Bits needed to hold `max`; a channel occupies [shift, shift + width).
int bitWidth(quint16 max)
{
    int bits = 0;
    while (max >> bits)
        ++bits;
    return bits;
}

} // namespace

PixelFormat PixelFormat::native()
{
    PixelFormat f;
    f.bitsPerPixel = 32;
    f.depth = 24;
    f.bigEndian = QSysInfo::ByteOrder == QSysInfo::BigEndian;
    f.trueColour = true;
    f.redMax = f.greenMax = f.blueMax = 255;
    f.redShift = 16;
    f.greenShift = 8;
    f.blueShift = 0;
    return f;
}

PixelFormat PixelFormat::fromWire(const uchar *b)
{
    PixelFormat f;
    f.bitsPerPixel = b[0];
    f.depth = b[1];
    f.bigEndian = b[2] != 0;
    f.trueColour = b[3] != 0;
    f.redMax = qFromBigEndian<quint16>(b + 4);
    f.greenMax = qFromBigEndian<quint16>(b + 6);
    f.blueMax = qFromBigEndian<quint16>(b + 8);
    f.redShift = b[10];
    f.greenShift = b[11];
    f.blueShift = b[12];
    return f;
}

void PixelFormat::toWire(uchar *b) const
{
    b[0] = bitsPerPixel;
    b[1] = depth;
    b[2] = bigEndian ? 1 : 0;
    b[3] = trueColour ? 1 : 0;
    qToBigEndian<quint16>(redMax, b + 4);
    qToBigEndian<quint16>(greenMax, b + 6);
    qToBigEndian<quint16>(blueMax, b + 8);
    b[10] = redShift;
    b[11] = greenShift;
    b[12] = blueShift;
    b[13] = b[14] = b[15] = 0;
}

QString PixelFormat::validate() const
{
    if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32)
        return Tr::tr("The VNC server uses %1 bits per pixel; only 8, 16 and 32 are supported.")
            .arg(bitsPerPixel);
    if (depth == 0 || depth > bitsPerPixel)
        return Tr::tr("The VNC server's pixel format has an invalid depth of %1 for %2 bits "
                      "per pixel.")
            .arg(depth)
            .arg(bitsPerPixel);
    if (!trueColour) {
        // The colour map holds 256 entries, so only 8-bit indexes can be looked up.
        if (bitsPerPixel != 8)
            return Tr::tr("The VNC server uses a colour map with %1 bits per pixel; only 8 "
                          "bits per pixel are supported with a colour map.")
                .arg(bitsPerPixel);
        return {};
    }
    const struct
    {
        quint16 max;
        quint8 shift;
        QString name;
    } channels[] = {
        {redMax, redShift, Tr::tr("red")},
        {greenMax, greenShift, Tr::tr("green")},
        {blueMax, blueShift, Tr::tr("blue")},
    };
    for (const auto &c : channels) {
        if (c.max == 0)
            return Tr::tr("The VNC server's pixel format has a maximum of 0 for the %1 "
                          "channel.")
                .arg(c.name);
        if (c.shift + bitWidth(c.max) > bitsPerPixel)
            return Tr::tr("The VNC server's pixel format puts the %1 channel (maximum %2, "
                          "shift %3) outside its %4 bits per pixel.")
                .arg(c.name)
                .arg(c.max)
                .arg(c.shift)
                .arg(bitsPerPixel);
    }
    return {};
}

bool PixelFormat::isNative() const
{
    return *this == native();
}

int PixelFormat::compactPixelBytes() const
{
    if (bitsPerPixel != 32 || depth > 24 || !trueColour)
        return bytesPerPixel();
    const quint32 masks = channelMask(redMax, redShift) | channelMask(greenMax, greenShift)
        | channelMask(blueMax, blueShift);
    const bool fitsLow = (masks & 0xff000000u) == 0;
    const bool fitsHigh = (masks & 0x000000ffu) == 0;
    return fitsLow || fitsHigh ? 3 : bytesPerPixel();
}

} // namespace Corral::Rfb
