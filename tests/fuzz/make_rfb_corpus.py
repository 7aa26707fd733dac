#!/usr/bin/env python3
"""Writes seed inputs for fuzz_rfb: small, valid server streams that reach every encoding.

Usage: make_rfb_corpus.py OUTDIR. Each file is one option byte, then what a server sends:
version, security, ServerInit, a FramebufferUpdate (plus a cut text, a bell, a colour map).
"""
import os
import struct
import sys
import zlib

W, H = 40, 24


def pixel_format(bpp=32, depth=24, big=0, true=1, maxes=(255, 255, 255), shifts=(16, 8, 0)):
    return struct.pack(">BBBBHHHBBBxxx", bpp, depth, big, true, *maxes, *shifts)


def server_init(pf):
    name = b"corral-fuzz"
    return struct.pack(">HH", W, H) + pf + struct.pack(">I", len(name)) + name


def handshake(security=1):
    out = b"RFB 003.008\n" + bytes([1, security])
    if security == 2:
        out += bytes(range(16))  # VNC authentication challenge
    return out + struct.pack(">I", 0)


def rect(x, y, w, h, enc):
    return struct.pack(">HHHHi", x, y, w, h, enc)


def update(*rects):
    return struct.pack(">BxH", 0, len(rects)) + b"".join(rects)


def px(r, g, b):
    return struct.pack("<I", r << 16 | g << 8 | b)


def raw():
    return rect(0, 0, 4, 2, 0) + b"".join(px(i * 30, 255 - i * 20, i) for i in range(8))


def copyrect():
    return rect(10, 10, 8, 4, 1) + struct.pack(">HH", 0, 0)


def rre():
    return rect(0, 0, 16, 8, 2) + struct.pack(">I", 2) + px(1, 2, 3) + \
        px(200, 0, 0) + struct.pack(">HHHH", 1, 1, 4, 4) + px(0, 200, 0) + struct.pack(">HHHH", 8, 2, 6, 5)


def hextile():
    tiles = bytes([2 | 4 | 8]) + px(0, 0, 90) + px(250, 250, 0) + bytes([2, 0x11, 0x33, 0x52, 0x21])
    tiles += bytes([1]) + b"".join(px(i, i, i) for i in range(16 * 8))
    tiles += bytes([8 | 16, 1]) + px(9, 8, 7) + bytes([0x00, 0xff])
    return rect(0, 0, 40, 8, 5) + tiles


def zrle():
    tile = bytes([1]) + px(10, 20, 30)[:3]                      # solid
    tile2 = bytes([2]) + px(255, 0, 0)[:3] + px(0, 0, 255)[:3] + bytes([0b10101010] * 2 * 8)
    tile3 = bytes([128]) + px(1, 2, 3)[:3] + bytes([255, 10]) + px(4, 5, 6)[:3] + bytes([255, 255, 255, 0])
    data = zlib.compress(tile + tile2 + tile3)
    return (rect(0, 0, 16, 8, 16) + struct.pack(">I", len(data)) + data,
            rect(0, 8, 8, 8, 16))


def tight():
    fill = rect(0, 0, 8, 8, 7) + bytes([0x80]) + px(1, 200, 3)[:3]
    rawpixels = b"".join(px(i * 9, 0, 255 - i)[:3] for i in range(16 * 4))
    z = zlib.compressobj()
    body = z.compress(rawpixels) + z.flush(zlib.Z_SYNC_FLUSH)
    n = len(body)
    length = bytes([n & 0x7f | 0x80, n >> 7]) if n > 127 else bytes([n])
    basic = rect(8, 0, 16, 4, 7) + bytes([0x00]) + length + body
    palette = rect(24, 0, 8, 2, 7) + bytes([0x40, 1, 1]) + px(0, 0, 0)[:3] + px(255, 255, 255)[:3] + bytes([0x5a, 0xa5])
    return fill, basic, palette


def cursor():
    return rect(2, 3, 8, 2, -239) + b"".join(px(255, 0, 0) for _ in range(16)) + bytes([0xf0, 0x0f])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    native = pixel_format()
    seeds = {}
    z1, z2 = zrle()
    t1, t2, t3 = tight()
    seeds["raw"] = handshake() + server_init(native) + update(raw(), copyrect())
    seeds["rre"] = handshake() + server_init(native) + update(rre())
    seeds["hextile"] = handshake() + server_init(native) + update(hextile())
    seeds["zrle"] = handshake() + server_init(native) + update(z1)
    seeds["tight"] = handshake() + server_init(native) + update(t1, t2, t3)
    seeds["pseudo"] = handshake() + server_init(native) + update(
        cursor(), rect(0, 0, 0, 0, -258), rect(0, 0, 0, 0, -261) + b"\x02",
        rect(0, 0, 64, 32, -223)) + b"\x02" + struct.pack(">BxxxI", 3, 5) + b"hello"
    seeds["vncauth"] = handshake(2) + server_init(native) + update(raw())
    seeds["rgb565"] = handshake() + server_init(pixel_format(16, 16, 0, 1, (31, 63, 31), (11, 5, 0))) + \
        update(rect(0, 0, 2, 1, 0) + b"\x1f\x00\xe0\x07")
    seeds["colourmap"] = handshake() + server_init(pixel_format(8, 8, 0, 0, (0, 0, 0), (0, 0, 0))) + \
        struct.pack(">BxHH", 1, 0, 2) + struct.pack(">HHHHHH", 65535, 0, 0, 0, 65535, 0) + \
        update(rect(0, 0, 2, 1, 0) + b"\x00\x01")
    seeds["v33"] = b"RFB 003.003\n" + struct.pack(">I", 1) + server_init(native) + update(raw())
    for name, body in seeds.items():
        for flags in (0x00, 0x05):
            with open(os.path.join(out, "%s-%02x" % (name, flags)), "wb") as f:
                f.write(bytes([flags]) + body)


if __name__ == "__main__":
    main()
