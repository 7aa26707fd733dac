#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <cstddef>
#include <cstring>

namespace Corral::Rfb {

// A cursor over bytes that have arrived but are not consumed yet. Decoders peek at what they
// need and skip() only whole units (a tile, a rectangle's compressed block), so a unit split
// across network reads is simply tried again when more bytes are there. Multi-byte integers
// are big-endian (network order), as everywhere in RFB.
class ByteReader
{
public:
    ByteReader(const uchar *data, size_t size)
        : m_data(data), m_size(size)
    { }

    size_t available() const { return m_size - m_pos; }
    bool has(size_t n) const { return available() >= n; }
    const uchar *peek() const { return m_data + m_pos; }
    const uchar *peek(size_t offset) const { return m_data + m_pos + offset; }
    void skip(size_t n) { Q_ASSERT(n <= available()); m_pos += n; }
    size_t consumed() const { return m_pos; }

    // Integers at `offset` from the current position; the caller checked has().
    quint8 u8(size_t offset = 0) const { return m_data[m_pos + offset]; }
    quint16 u16(size_t offset = 0) const
    {
        const uchar *p = m_data + m_pos + offset;
        return quint16(p[0] << 8 | p[1]);
    }
    quint32 u32(size_t offset = 0) const
    {
        const uchar *p = m_data + m_pos + offset;
        return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
    }
    qint32 s32(size_t offset = 0) const { return qint32(u32(offset)); }

private:
    const uchar *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

// Big-endian integers appended to a message being built.
inline void putU16(QByteArray &b, quint16 v)
{
    b.append(char(v >> 8)).append(char(v));
}
inline void putU32(QByteArray &b, quint32 v)
{
    b.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

} // namespace Corral::Rfb
