#pragma once

#include "bytereader.h"
#include "framebuffer.h"

#include <QImage>
#include <QPoint>
#include <QString>

#include <memory>

namespace Corral::Rfb {

// Decodes one encoding's rectangles into the framebuffer, a whole unit (a row of raw pixels, a
// tile, a compressed block) at a time as bytes arrive. One decoder per encoding lives as long
// as the connection, so zlib streams that span rectangles (ZRLE, Tight) keep their state.
class RectDecoder
{
public:
    enum class Status {
        NeedMore, // consumed the complete units there were; call decode() again with more bytes
        Done,     // the rectangle is finished
        Failed,   // the data is invalid; error() says why, the connection must end
    };

    virtual ~RectDecoder() = default;

    // Starts a rectangle. The client has checked that `r` (non-empty, or empty for encodings
    // that allow it) lies inside the framebuffer.
    virtual void begin(const QRect &r) = 0;
    // Consumes from `in` only whole units, never past the end of this rectangle's data.
    virtual Status decode(ByteReader &in, Framebuffer &fb) = 0;
    // A new connection: forget zlib streams and partial state.
    virtual void reset() { }

    QString error() const { return m_error; }

    // The decoder for one of Encoding::Raw, CopyRect, RRE, Hextile, ZRLE, Tight; nullptr for
    // any other number.
    static std::unique_ptr<RectDecoder> create(qint32 encoding);

protected:
    Status fail(const QString &error)
    {
        m_error = error;
        return Status::Failed;
    }

private:
    QString m_error;
};

// The Cursor pseudo-encoding (RFC 6143 §7.8.1): width×height pixels, then a 1-bit mask with
// rows padded to whole bytes. `r`'s position is the hotspot.
class CursorDecoder
{
public:
    void begin(const QRect &r);
    RectDecoder::Status decode(ByteReader &in, const Framebuffer &fb);
    QImage image() const { return m_image; }   // Format_ARGB32, transparent where masked
    QPoint hotspot() const { return m_hotspot; }
    QString error() const { return m_error; }

private:
    QRect m_rect;
    QImage m_image;
    QPoint m_hotspot;
    QString m_error;
};

} // namespace Corral::Rfb
