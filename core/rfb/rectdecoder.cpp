#include "rectdecoder_p.h"

#include <algorithm>
#include <climits>

namespace Corral::Rfb {

std::unique_ptr<RectDecoder> RectDecoder::create(qint32 encoding)
{
    switch (encoding) {
    case Encoding::Raw:
        return std::make_unique<RawDecoder>();
    case Encoding::CopyRect:
        return std::make_unique<CopyRectDecoder>();
    case Encoding::RRE:
        return std::make_unique<RreDecoder>();
    case Encoding::Hextile:
        return std::make_unique<HextileDecoder>();
    case Encoding::ZRLE:
        return std::make_unique<ZrleDecoder>();
    case Encoding::Tight:
        return std::make_unique<TightDecoder>();
    default:
        return nullptr;
    }
}

void ZlibStream::reset()
{
    if (m_active)
        inflateEnd(&m_z);
    m_z = {};
    m_active = false;
}

QString ZlibStream::detail() const
{
    return m_z.msg ? QString::fromUtf8(m_z.msg) : QString();
}

ZlibStream::Result ZlibStream::inflateAll(const uchar *in, size_t size, std::vector<uchar> &out,
                                          size_t initial, size_t limit, size_t &produced)
{
    produced = 0;
    if (!m_active) {
        m_z = {};
        if (inflateInit(&m_z) != Z_OK)
            return Result::Corrupt;
        // RFB's streams never end, so zlib's Adler-32 is never checked; skip computing it.
        inflateValidate(&m_z, 0);
        m_active = true;
    }
    if (size > UINT_MAX)
        return Result::TooLong;
    if (out.size() < std::min(initial, limit))
        out.resize(std::min(initial, limit));

    m_z.next_in = const_cast<Bytef *>(in);
    m_z.avail_in = uInt(size);
    for (;;) {
        // Once `limit` bytes are out, inflate into a one-byte probe: any output there means the
        // block holds more than allowed, no output means the remaining input was flush markers.
        size_t room = std::min(out.size(), limit);
        if (produced == room && room < limit) {
            out.resize(std::min(limit, std::max<size_t>(out.size() * 2, 64 * 1024)));
            room = std::min(out.size(), limit);
        }
        const bool probing = produced == room;
        uchar probe = 0;
        m_z.next_out = probing ? &probe : out.data() + produced;
        m_z.avail_out = probing ? 1 : uInt(std::min<size_t>(room - produced, UINT_MAX));
        const int ret = inflate(&m_z, Z_SYNC_FLUSH);
        if (probing) {
            if (m_z.avail_out == 0)
                return Result::TooLong;
        } else {
            produced = size_t(m_z.next_out - out.data());
        }
        switch (ret) {
        case Z_OK:
        case Z_BUF_ERROR:
            break;
        case Z_STREAM_END:
            if (m_z.avail_in != 0)
                return Result::Corrupt;
            // The server ended its stream; whatever comes next starts a new one.
            inflateReset(&m_z);
            return Result::Ok;
        default:
            return Result::Corrupt;
        }
        if (m_z.avail_in == 0 && m_z.avail_out != 0)
            return Result::Ok;
        if (ret == Z_BUF_ERROR && m_z.avail_out != 0)
            return Result::Corrupt; // no progress possible with input and room left
    }
}

} // namespace Corral::Rfb
