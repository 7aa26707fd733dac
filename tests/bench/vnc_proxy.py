#!/usr/bin/python3
"""Counting RFB proxy for the VNC benchmark (see README.md in this folder).

  vnc_proxy.py --listen PORT --server unix:PATH|HOST:PORT --encoding NAME
               [--report FILE] [--parse-server]

Sits between one VNC viewer and the benchmark's server and passes bytes through both ways. It
reads the viewer's stream message by message (the only one it changes) and:

- rewrites SetEncodings to the benchmark's list for the encoding under test (ENCODINGS below),
  keeping only the DesktopSize and LastRect pseudo-encodings of those the viewer offered, so
  every viewer gets the same encodings, no continuous updates and no fences: each viewer asks
  for every update (FramebufferUpdateRequest) and gets one update per request;
- counts FramebufferUpdateRequests, and among the incremental ones those *answered*: sent after
  some bytes came from the server since the previous counted one. A request that follows
  another without any server bytes between them is merged by the server into the same update,
  so the answered count is the number of updates the viewer was sent (frames delivered), give
  or take the one in flight.

From the server's stream it reads only the handshake, to stamp the first byte after ServerInit
(the start of the first framebuffer update). With --parse-server it also follows the server's
messages through every rectangle (Raw, CopyRect, RRE, Hextile, ZRLE, Tight, the usual
pseudo-encodings) and counts the FramebufferUpdate messages themselves: the check that the
answered-request count is the update count. It costs CPU (Hextile walks every tile in Python),
so it is off by default.

Standalone, it serves connections until SIGTERM/SIGINT and then writes the report (JSON: per
connection the counts, encodings offered and used, and the timestamps, CLOCK_MONOTONIC ns).
vnc_measure.py uses the classes here in its own process.
"""

import argparse
import asyncio
import json
import signal
import struct
import sys
import time

# Encoding numbers.
RAW, COPYRECT, RRE, HEXTILE, TIGHT, ZRLE = 0, 1, 2, 5, 7, 16
JPEG_QUALITY_0 = -32
DESKTOP_SIZE, LAST_RECT = -223, -224
CURSOR, X_CURSOR, CURSOR_WITH_ALPHA = -239, -240, -314
DESKTOP_NAME, EXTENDED_DESKTOP_SIZE = -307, -308
QEMU_EXT_KEY, QEMU_LED, VMWARE_LED = -258, -261, 0x574D5668
FENCE, CONTINUOUS_UPDATES = -312, -313

# The benchmark's encodings: what every viewer is made to ask for (Raw is always allowed).
ENCODINGS = {
    "tight": [TIGHT, RAW],  # no JPEG quality: lossless Tight
    "tight-jpeg": [TIGHT, RAW, JPEG_QUALITY_0 + 8],
    "zrle": [ZRLE, RAW],
    "hextile": [HEXTILE, RAW],
}
# Pseudo-encodings kept when the viewer offered them (they cost nothing per frame).
KEPT_PSEUDO = [DESKTOP_SIZE, LAST_RECT]

ENCODING_NAMES = {
    RAW: "Raw", COPYRECT: "CopyRect", RRE: "RRE", HEXTILE: "Hextile", TIGHT: "Tight",
    ZRLE: "ZRLE", DESKTOP_SIZE: "DesktopSize", LAST_RECT: "LastRect", CURSOR: "Cursor",
    X_CURSOR: "XCursor", CURSOR_WITH_ALPHA: "CursorWithAlpha", DESKTOP_NAME: "DesktopName",
    EXTENDED_DESKTOP_SIZE: "ExtendedDesktopSize", QEMU_EXT_KEY: "QEMUExtendedKeyEvent",
    QEMU_LED: "QEMULEDState", FENCE: "Fence", CONTINUOUS_UPDATES: "ContinuousUpdates",
}


def encoding_name(number):
    if number in ENCODING_NAMES:
        return ENCODING_NAMES[number]
    if -32 <= number <= -23:
        return "JPEGQuality%d" % (number + 32)
    if -256 <= number <= -247:
        return "CompressLevel%d" % (number + 256)
    return str(number)


def now_ns():
    return time.monotonic_ns()


class ProtocolError(Exception):
    pass


class PixelFormat:
    def __init__(self, raw):
        (self.bpp, self.depth, self.big_endian, self.true_colour, self.red_max, self.green_max,
         self.blue_max) = struct.unpack(">BBBBHHH", raw[:10])

    @property
    def bytes(self):
        return self.bpp // 8

    @property
    def tight_bytes(self):
        # Tight's TPIXEL (and ZRLE's CPIXEL): 3 bytes for 32 bpp, depth 24, 8-bit channels.
        if (self.bpp == 32 and self.depth == 24 and self.true_colour
                and self.red_max == self.green_max == self.blue_max == 255):
            return 3
        return self.bytes

    def describe(self):
        return "%d bpp, depth %d, %s" % (self.bpp, self.depth,
                                         "true colour" if self.true_colour else "colour map")


class Connection:
    """One viewer connection's counters and timestamps (monotonic ns)."""

    def __init__(self, index, encoding):
        self.index = index
        self.encoding = encoding
        self.accepted_ns = now_ns()
        self.client_version = None
        self.server_version = None
        self.security = None
        self.server_init_ns = None  # ServerInit read: handshake over
        self.handshake_bytes = None  # size of the server's handshake
        self.first_update_ns = None  # first server byte after ServerInit
        self.first_request_ns = None
        self.first_incremental_ns = None
        self.pixel_format = None
        self.client_pixel_format = None
        self.offered = []  # what the viewer's (last) SetEncodings asked for
        self.sent = []  # what the proxy sent instead
        self.set_encodings = 0
        self.requests_full = 0
        self.requests_incremental = 0
        self.answered = []  # ns of each answered incremental request
        self.server_bytes_since_answer = 0
        self.other_messages = {}
        self.bytes_c2s = 0
        self.bytes_s2c = 0
        self.closed_ns = None
        self.error = None
        # --parse-server
        self.updates = []  # ns at the end of each FramebufferUpdate message
        self.rects = 0
        self.rect_encodings = {}
        self.server_parse_error = None

    def to_json(self):
        return {
            "index": self.index,
            "encoding": self.encoding,
            "acceptedNs": self.accepted_ns,
            "clientVersion": self.client_version,
            "serverVersion": self.server_version,
            "security": self.security,
            "serverInitNs": self.server_init_ns,
            "firstUpdateNs": self.first_update_ns,
            "firstRequestNs": self.first_request_ns,
            "firstIncrementalNs": self.first_incremental_ns,
            "pixelFormat": self.client_pixel_format or self.pixel_format,
            "offered": [encoding_name(e) for e in self.offered],
            "sent": [encoding_name(e) for e in self.sent],
            "setEncodings": self.set_encodings,
            "requestsFull": self.requests_full,
            "requestsIncremental": self.requests_incremental,
            "answered": len(self.answered),
            "answeredNs": self.answered,
            "otherMessages": self.other_messages,
            "bytesC2S": self.bytes_c2s,
            "bytesS2C": self.bytes_s2c,
            "closedNs": self.closed_ns,
            "error": self.error,
            "updates": len(self.updates),
            "updatesNs": self.updates,
            "rects": self.rects,
            "rectEncodings": {encoding_name(k): v for k, v in self.rect_encodings.items()},
            "serverParseError": self.server_parse_error,
        }


class ClientStream:
    """The viewer -> server stream, message by message; returns the bytes to forward."""

    def __init__(self, conn):
        self.conn = conn
        self.buf = bytearray()
        self.stage = "version"

    def feed(self, data):
        self.buf += data
        out = bytearray()
        while True:
            n = self._step(out)
            if n == 0:
                break
        return bytes(out)

    def _take(self, n):
        chunk = bytes(self.buf[:n])
        del self.buf[:n]
        return chunk

    def _step(self, out):
        conn = self.conn
        buf = self.buf
        if self.stage == "passthrough":
            out += buf
            n = len(buf)
            buf.clear()
            return n
        if self.stage == "version":
            if len(buf) < 12:
                return 0
            version = self._take(12)
            conn.client_version = version.decode("ascii", "replace").strip()
            if not version.startswith(b"RFB 003."):
                raise ProtocolError("viewer sent no RFB version: %r" % version)
            minor = int(version[8:11])
            self.stage = "security" if minor >= 7 else "clientinit"
            out += version
            return 12
        if self.stage == "security":
            if len(buf) < 1:
                return 0
            choice = self._take(1)
            conn.security = choice[0]
            if choice[0] != 1:
                raise ProtocolError("viewer chose security type %d; the benchmark's server "
                                    "offers None (1) only" % choice[0])
            self.stage = "clientinit"
            out += choice
            return 1
        if self.stage == "clientinit":
            if len(buf) < 1:
                return 0
            out += self._take(1)
            self.stage = "messages"
            return 1
        # Normal messages.
        if not buf:
            return 0
        kind = buf[0]
        if kind == 0:  # SetPixelFormat
            if len(buf) < 20:
                return 0
            msg = self._take(20)
            pf = PixelFormat(msg[4:20])
            conn.client_pixel_format = pf.describe()
            conn.set_pixel_format = pf
            out += msg
            return 20
        if kind == 2:  # SetEncodings
            if len(buf) < 4:
                return 0
            count = struct.unpack(">H", buf[2:4])[0]
            size = 4 + 4 * count
            if len(buf) < size:
                return 0
            msg = self._take(size)
            offered = list(struct.unpack(">%di" % count, msg[4:]))
            conn.offered = offered
            conn.set_encodings += 1
            sent = ENCODINGS[conn.encoding] + [e for e in KEPT_PSEUDO if e in offered]
            conn.sent = sent
            out += struct.pack(">BBH%di" % len(sent), 2, 0, len(sent), *sent)
            return size
        if kind == 3:  # FramebufferUpdateRequest
            if len(buf) < 10:
                return 0
            msg = self._take(10)
            t = now_ns()
            if conn.first_request_ns is None:
                conn.first_request_ns = t
            if msg[1]:
                conn.requests_incremental += 1
                if conn.first_incremental_ns is None:
                    conn.first_incremental_ns = t
                if conn.server_bytes_since_answer > 0:
                    conn.answered.append(t)
                    conn.server_bytes_since_answer = 0
            else:
                conn.requests_full += 1
            out += msg
            return 10
        size = None
        name = None
        if kind == 4:
            size, name = 8, "KeyEvent"
        elif kind == 5:
            size, name = 6, "PointerEvent"
        elif kind == 6:  # ClientCutText; a negative length is the extended clipboard's
            if len(buf) < 8:
                return 0
            length = struct.unpack(">i", buf[4:8])[0]
            size, name = 8 + abs(length), "ClientCutText"
        elif kind == 150:
            size, name = 10, "EnableContinuousUpdates"
        elif kind == 248:  # Fence
            if len(buf) < 9:
                return 0
            size, name = 9 + buf[8], "Fence"
        elif kind == 251:  # SetDesktopSize
            if len(buf) < 8:
                return 0
            size, name = 8 + 16 * buf[6], "SetDesktopSize"
        elif kind == 252:
            size, name = 4, "xvp"
        elif kind == 255:  # QEMU client message
            if len(buf) < 2:
                return 0
            sub = buf[1]
            if sub == 0:
                size, name = 12, "QEMUExtendedKeyEvent"
            elif sub == 1:
                if len(buf) < 4:
                    return 0
                op = struct.unpack(">H", buf[2:4])[0]
                size, name = (10 if op == 2 else 4), "QEMUAudio"
            else:
                raise ProtocolError("unknown QEMU client message %d" % sub)
        else:
            raise ProtocolError("unknown client message type %d" % kind)
        if len(buf) < size:
            return 0
        conn.other_messages[name] = conn.other_messages.get(name, 0) + 1
        out += self._take(size)
        return size

    def give_up(self, why):
        """After a parse error the rest passes through unread (and uncounted)."""
        self.conn.error = why
        self.stage = "passthrough"


class Reader:
    """Drives a generator parser over a byte stream: the generator yields n > 0 to receive
    the next n bytes, or -n to skip n bytes (which may span many feeds; nothing is copied)."""

    def __init__(self, gen):
        self.gen = gen
        self.buf = bytearray()
        self.pos = 0
        self.want = gen.send(None)

    def feed(self, data):
        view = memoryview(data)
        # Skips straight from the incoming data while the buffer is empty.
        if self.want < 0 and self.pos == len(self.buf):
            take = min(-self.want, len(view))
            view = view[take:]
            self.want += take
            if self.want < 0:
                return
            self.want = self.gen.send(None)
        self.buf += view
        while True:
            avail = len(self.buf) - self.pos
            if self.want < 0:
                take = min(-self.want, avail)
                self.pos += take
                self.want += take
                if self.want < 0:
                    break
                self.want = self.gen.send(None)
            else:
                if avail < self.want:
                    break
                chunk = bytes(self.buf[self.pos:self.pos + self.want])
                self.pos += self.want
                self.want = self.gen.send(chunk)
        if self.pos == len(self.buf):
            self.buf.clear()
            self.pos = 0
        elif self.pos > (1 << 20):
            del self.buf[:self.pos]
            self.pos = 0


def compact_length():
    """Tight's compact length: 1 to 3 bytes, 7 bits each, low first."""
    value = 0
    for i in range(3):
        byte = (yield 1)[0]
        if i < 2:
            value |= (byte & 0x7F) << (7 * i)
            if not byte & 0x80:
                return value
        else:
            value |= byte << 14
    return value


def version_minor(version):
    """3, 7 or 8 from b"RFB 003.008\\n" (or its text); 3 when unreadable."""
    if isinstance(version, str):
        version = version.encode("ascii", "replace")
    try:
        return int(version[8:11]) if version and version.startswith(b"RFB 003.") else 3
    except ValueError:
        return 3


def server_stream(conn, full):
    """Generator parser of the server -> viewer stream (see Reader)."""
    size = 12
    version = yield 12
    conn.server_version = version.decode("ascii", "replace").strip()
    # The server sends the next byte only after the viewer's version, which the viewer's
    # stream parser has read by then; the lower of the two versions is the one spoken.
    first = yield 1
    minor = min(version_minor(version), version_minor(conn.client_version))
    if minor >= 7:
        count = first[0]
        if count == 0:
            length = struct.unpack(">I", (yield 4))[0]
            reason = yield length
            raise ProtocolError("server refused: %s" % reason.decode("utf-8", "replace"))
        yield -count
        size += 1 + count
        if minor >= 8:  # SecurityResult; 3.7 sends none for security type None
            result = struct.unpack(">I", (yield 4))[0]
            size += 4
            if result != 0:
                raise ProtocolError("security failed")
    else:
        sec = struct.unpack(">I", first + (yield 3))[0]
        size += 4
        if sec == 0:
            raise ProtocolError("server refused")
    init = yield 24
    name_len = struct.unpack(">I", init[20:24])[0]
    conn.pixel_format = PixelFormat(init[4:20]).describe()
    server_pf = PixelFormat(init[4:20])
    yield -name_len
    conn.server_init_ns = now_ns()
    conn.handshake_bytes = size + 24 + name_len
    if not full:
        while True:  # the rest passes unread
            yield -(1 << 62)
    while True:
        kind = (yield 1)[0]
        if kind == 0:
            header = yield 3
            nrects = struct.unpack(">H", header[1:3])[0]
            pf = getattr(conn, "set_pixel_format", None) or server_pf
            i = 0
            while nrects == 0xFFFF or i < nrects:
                i += 1
                rect = yield 12
                x, y, w, h, enc = struct.unpack(">HHHHi", rect)
                conn.rects += 1
                conn.rect_encodings[enc] = conn.rect_encodings.get(enc, 0) + 1
                if enc == LAST_RECT:
                    break
                yield from rect_body(enc, w, h, pf)
            conn.updates.append(now_ns())
        elif kind == 1:  # SetColourMapEntries
            header = yield 5
            yield -(6 * struct.unpack(">H", header[3:5])[0])
        elif kind == 2:  # Bell
            pass
        elif kind == 3:  # ServerCutText
            header = yield 7
            yield -abs(struct.unpack(">i", header[3:7])[0])
        elif kind == 150:  # EndOfContinuousUpdates
            pass
        elif kind == 248:  # Fence
            header = yield 8
            yield -header[7]
        else:
            raise ProtocolError("unknown server message type %d" % kind)


def rect_body(enc, w, h, pf):
    bpp = pf.bytes
    if enc == RAW:
        if w * h:
            yield -(w * h * bpp)
    elif enc == COPYRECT:
        yield -4
    elif enc == RRE:
        count = struct.unpack(">I", (yield 4))[0]
        yield -(bpp + count * (bpp + 8))
    elif enc == HEXTILE:
        yield from hextile_body(w, h, bpp)
    elif enc == ZRLE:
        length = struct.unpack(">I", (yield 4))[0]
        yield -length
    elif enc == TIGHT:
        yield from tight_body(w, h, pf)
    elif enc in (DESKTOP_SIZE, QEMU_EXT_KEY, CONTINUOUS_UPDATES, FENCE):
        pass
    elif enc == EXTENDED_DESKTOP_SIZE:
        count = (yield 4)[0]
        yield -(16 * count)
    elif enc == DESKTOP_NAME:
        length = struct.unpack(">I", (yield 4))[0]
        yield -length
    elif enc == CURSOR:
        if w * h:
            yield -(w * h * bpp + (w + 7) // 8 * h)
    elif enc == X_CURSOR:
        if w * h:
            yield -(6 + (w + 7) // 8 * h * 2)
    elif enc == QEMU_LED:
        yield -1
    else:
        raise ProtocolError("cannot skip a rectangle in encoding %s" % encoding_name(enc))


def hextile_body(w, h, bpp):
    for ty in range(0, h, 16):
        th = min(16, h - ty)
        for tx in range(0, w, 16):
            tw = min(16, w - tx)
            sub = (yield 1)[0]
            if sub & 1:
                yield -(tw * th * bpp)
                continue
            skip = (bpp if sub & 2 else 0) + (bpp if sub & 4 else 0)
            if sub & 8:
                if skip:
                    yield -skip
                count = (yield 1)[0]
                yield -(count * (bpp + 2 if sub & 16 else 2))
            elif skip:
                yield -skip


def tight_body(w, h, pf):
    tpx = pf.tight_bytes
    control = (yield 1)[0]
    op = control >> 4
    if op == 8:  # fill
        yield -tpx
        return
    if op == 9 or op == 10:  # JPEG, PNG
        length = yield from compact_length()
        yield -length
        return
    if op > 10:
        raise ProtocolError("bad Tight compression control 0x%02x" % control)
    row = w * tpx
    if op & 4:  # explicit filter
        filt = (yield 1)[0]
        if filt == 1:  # palette
            colours = (yield 1)[0] + 1
            yield -(colours * tpx)
            row = (w + 7) // 8 if colours == 2 else w
        elif filt not in (0, 2):
            raise ProtocolError("bad Tight filter %d" % filt)
    size = row * h
    if size < 12:
        if size:
            yield -size
        return
    length = yield from compact_length()
    yield -length


class Proxy:
    """Accepts viewers on 127.0.0.1:port and connects each to the server."""

    HIGH_WATER = 4 << 20

    def __init__(self, port, server, encoding, parse_server=False, on_event=None):
        self.port = port
        self.server = server
        self.encoding = encoding
        self.parse_server = parse_server
        self.connections = []
        self.on_event = on_event or (lambda conn, what: None)
        self._listener = None
        self._tasks = set()

    async def start(self):
        loop = asyncio.get_running_loop()
        self._listener = await loop.create_server(self._accepted, "127.0.0.1", self.port,
                                                  reuse_address=True)

    def close(self):
        if self._listener:
            self._listener.close()
        for conn in self.connections:
            if conn.closed_ns is None and hasattr(conn, "close"):
                conn.close()

    def _accepted(self):
        side = _Side()
        side.on_made = self._start_pair
        return side

    def _start_pair(self, client_side):
        # The viewer's bytes wait in the kernel until the server is connected.
        client_side.transport.pause_reading()
        conn = Connection(len(self.connections), self.encoding)
        self.connections.append(conn)
        self.on_event(conn, "accepted")
        task = asyncio.get_running_loop().create_task(self._pair(conn, client_side))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _pair(self, conn, client_side):
        loop = asyncio.get_running_loop()
        server_side = _Side()
        try:
            if self.server.startswith("unix:"):
                await loop.create_unix_connection(lambda: server_side, self.server[5:])
            else:
                host, _, port = self.server.rpartition(":")
                await loop.create_connection(lambda: server_side, host, int(port))
        except OSError as e:
            conn.error = "cannot reach the server: %s" % e
            conn.closed_ns = now_ns()
            client_side.transport.close()
            self.on_event(conn, "closed")
            return
        client_transport = client_side.transport
        server_transport = server_side.transport
        cstream = ClientStream(conn)
        sreader = Reader(server_stream(conn, self.parse_server))

        def from_client(data):
            conn.bytes_c2s += len(data)
            try:
                out = cstream.feed(data)
            except ProtocolError as e:
                cstream.give_up(str(e))
                out = bytes(cstream.buf)
                cstream.buf.clear()
            if out:
                server_transport.write(out)

        def from_server(data):
            conn.bytes_s2c += len(data)
            conn.server_bytes_since_answer += len(data)
            if conn.server_parse_error is None:
                try:
                    sreader.feed(data)
                except (ProtocolError, StopIteration, ValueError, struct.error) as e:
                    conn.server_parse_error = str(e) or type(e).__name__
            if (conn.first_update_ns is None and conn.handshake_bytes is not None
                    and conn.bytes_s2c > conn.handshake_bytes):
                conn.first_update_ns = now_ns()
                self.on_event(conn, "first-update")
            client_transport.write(data)

        def close(_side=None):
            if conn.closed_ns is None:
                conn.closed_ns = now_ns()
                self.on_event(conn, "closed")
            client_transport.close()
            server_transport.close()

        conn.close = close
        client_side.peer = server_side
        server_side.peer = client_side
        client_side.on_data = from_client
        server_side.on_data = from_server
        client_side.on_close = close
        server_side.on_close = close
        server_side.flush_early()
        client_transport.resume_reading()


class _Side(asyncio.Protocol):
    """One end of the pump; pauses the other end's reading when its own writes pile up."""

    def __init__(self):
        self.transport = None
        self.peer = None
        self.on_made = None
        self.on_data = None
        self.on_close = None
        self._early = []

    def connection_made(self, transport):
        self.transport = transport
        transport.set_write_buffer_limits(high=Proxy.HIGH_WATER)
        if self.on_made:
            self.on_made(self)

    def flush_early(self):
        early, self._early = self._early, []
        for chunk in early:
            self.on_data(chunk)

    def data_received(self, data):
        if self.on_data is None:
            self._early.append(data)
            return
        self.on_data(data)

    def connection_lost(self, exc):
        if self.on_close:
            self.on_close(self)

    def eof_received(self):
        if self.on_close:
            self.on_close(self)
        return False

    def pause_writing(self):
        if self.peer and self.peer.transport:
            self.peer.transport.pause_reading()

    def resume_writing(self):
        if self.peer and self.peer.transport:
            self.peer.transport.resume_reading()


async def serve(args):
    proxy = Proxy(args.listen, args.server, args.encoding, args.parse_server)
    await proxy.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print("vnc_proxy: listening on 127.0.0.1:%d for %s, encoding %s" %
          (args.listen, args.server, args.encoding), flush=True)
    await stop.wait()
    proxy.close()
    report = {"bench": "vnc-proxy", "encoding": args.encoding,
              "connections": [c.to_json() for c in proxy.connections]}
    text = json.dumps(report)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    for c in proxy.connections:
        print("vnc_proxy: connection %d: %d incremental requests, %d answered, %s updates; "
              "offered %s" % (c.index, c.requests_incremental, len(c.answered),
                              len(c.updates) if args.parse_server else "-",
                              ",".join(encoding_name(e) for e in c.offered)), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", type=int, required=True, help="port on 127.0.0.1")
    parser.add_argument("--server", required=True, help="unix:PATH or HOST:PORT")
    parser.add_argument("--encoding", choices=sorted(ENCODINGS), required=True)
    parser.add_argument("--report", help="write the JSON report here on exit")
    parser.add_argument("--parse-server", action="store_true",
                        help="also count the server's FramebufferUpdate messages")
    args = parser.parse_args()
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
