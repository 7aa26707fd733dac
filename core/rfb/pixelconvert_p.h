#pragma once

// Pixel helpers shared by Framebuffer and the decoders. Private to core/rfb.

#include <QtGlobal>

namespace Corral::Rfb {

inline constexpr quint32 OpaqueAlpha = 0xff000000u;

// Sets the top byte of 0x??RRGGBB words to 0xff, as Format_RGB32 expects. Works in blocks of a
// constant length because GCC's -O2 cost model vectorizes those, not loops of unknown length.
inline void forceOpaque(quint32 *rgb, int count)
{
    int i = 0;
    for (; i + 8 <= count; i += 8) {
        for (int j = 0; j < 8; ++j)
            rgb[i + j] |= OpaqueAlpha;
    }
    for (; i < count; ++i)
        rgb[i] |= OpaqueAlpha;
}

// std::fill_n for pixel rows, in blocks for the same reason.
inline void fillWords(quint32 *dst, int count, quint32 value)
{
    int i = 0;
    for (; i + 8 <= count; i += 8) {
        for (int j = 0; j < 8; ++j)
            dst[i + j] = value;
    }
    for (; i < count; ++i)
        dst[i] = value;
}

} // namespace Corral::Rfb
