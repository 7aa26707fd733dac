#pragma once

#include <QByteArray>
#include <QRect>
#include <QString>

#include <cstdint>

namespace Corral::Rfb {

// Caps that bound everything a server can make the client allocate or loop over.
inline constexpr int MaxFramebufferSide = 16384;
inline constexpr qint64 MaxFramebufferPixels = 8192LL * 8192LL;
inline constexpr quint32 MaxStringLength = 1u << 20;        // reasons, names, cut text
inline constexpr quint32 MaxCompressedLength = 64u << 20;   // one zlib/JPEG block
inline constexpr quint32 MaxInflatedLength = 256u << 20;    // one inflated ZRLE rectangle
inline constexpr quint32 MaxRectanglesPerUpdate = 1u << 20;
inline constexpr int MaxCursorSide = 256;

// Encoding numbers (RFC 6143 and the community registry).
namespace Encoding {
inline constexpr qint32 Raw = 0;
inline constexpr qint32 CopyRect = 1;
inline constexpr qint32 RRE = 2;
inline constexpr qint32 Hextile = 5;
inline constexpr qint32 Tight = 7;
inline constexpr qint32 ZRLE = 16;
// Tight's JPEG quality (-32 + 0..9) and compression level (-256 + 0..9) pseudo-encodings.
inline constexpr qint32 JpegQuality0 = -32;
inline constexpr qint32 CompressLevel0 = -256;
inline constexpr qint32 DesktopSize = -223;
inline constexpr qint32 LastRect = -224;
inline constexpr qint32 Cursor = -239;
inline constexpr qint32 QemuPointerMotionChange = -257;
inline constexpr qint32 QemuExtendedKeyEvent = -258;
inline constexpr qint32 QemuLedState = -261;
inline constexpr qint32 DesktopName = -307;
inline constexpr qint32 ExtendedDesktopSize = -308;
inline constexpr qint32 Fence = -312;
inline constexpr qint32 ContinuousUpdates = -313;
inline constexpr qint32 ExtendedClipboard = int32_t(0xC0A1E5CE);
} // namespace Encoding

namespace Security {
inline constexpr quint8 Invalid = 0;
inline constexpr quint8 None = 1;
inline constexpr quint8 VncAuth = 2;
inline constexpr quint8 VeNCrypt = 19;
inline constexpr quint8 AppleRemoteDesktop = 30;
} // namespace Security

// VeNCrypt sub-types.
namespace VeNCrypt {
inline constexpr quint32 Plain = 256;
inline constexpr quint32 TlsNone = 257;
inline constexpr quint32 TlsVnc = 258;
inline constexpr quint32 TlsPlain = 259;
inline constexpr quint32 X509None = 260;
inline constexpr quint32 X509Vnc = 261;
inline constexpr quint32 X509Plain = 262;
} // namespace VeNCrypt

// PIXEL_FORMAT from RFC 6143 §7.4. Pixels on the wire are bytesPerPixel() bytes in the
// format's byte order; true-colour values are (v >> shift) & max per channel.
struct PixelFormat
{
    quint8 bitsPerPixel = 32;
    quint8 depth = 24;
    bool bigEndian = false;
    bool trueColour = true;
    quint16 redMax = 255;
    quint16 greenMax = 255;
    quint16 blueMax = 255;
    quint8 redShift = 16;
    quint8 greenShift = 8;
    quint8 blueShift = 0;

    // The format Corral asks servers for: QImage::Format_RGB32's memory layout on this
    // machine, so raw pixels are plain copies.
    static PixelFormat native();
    static PixelFormat fromWire(const uchar *sixteenBytes);
    void toWire(uchar *sixteenBytes) const;

    int bytesPerPixel() const { return bitsPerPixel / 8; }
    // Empty when usable; otherwise what is wrong, for the error shown to the user.
    QString validate() const;
    bool isNative() const;
    // ZRLE's CPIXEL: 3 bytes when a 32 bpp true-colour format's channels
    // fit in the low (or high) three bytes, else bytesPerPixel().
    int compactPixelBytes() const;

    bool operator==(const PixelFormat &) const = default;
};

// 256-entry colour map for formats that are not true colour (SetColourMapEntries).
struct ColourMap
{
    quint32 rgb[256] = {}; // 0xffRRGGBB
};

struct Credentials
{
    QString username;
    QString password;
};

// What the client asks its user for during the handshake.
enum class CredentialKind { Password, UsernameAndPassword };

} // namespace Corral::Rfb
