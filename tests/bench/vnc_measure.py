#!/usr/bin/python3
"""One VNC viewer, one encoding: CPU per frame and frames per second (see README.md here).

  vnc_measure.py --client corral|vncviewer|gvncviewer --encoding NAME --server unix:PATH
                 --port PORT --display :N [--seconds 20] [--warmup 3] [--corral-bin PATH]
                 [--pid NAME=PID ...] [--screenshot FILE] [--check-image --server-display :M]
                 [--parse-server] [--label TEXT]

Runs the counting proxy (vnc_proxy.py) on 127.0.0.1:PORT in this process, starts the viewer
on X display :N in a session of its own, connected through the proxy, and waits for the first
framebuffer update. After --warmup seconds it reads the CPU time (utime + stime, all threads)
of every process in the viewer's session and of the --pid processes (the server, the viewers'
X server, the animator), waits --seconds, reads them again, and counts the frames the viewer
was sent in between (incremental update requests answered by the server; see vnc_proxy.py).
With --check-image it then stops the animator (SIGSTOP), waits --settle seconds and compares
the viewer's screen with the server's, pixel by pixel, before letting the animator go on.
Then it stops the viewer and prints human lines and one JSON line
({"bench":"vnc","peer":...,"encoding":...,"frames":...,"fps":...,"cpuPer100Frames":...}).
Exit status 0, or 2 when the viewer failed (exited early, no first update, no frames).
"""

import argparse
import asyncio
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vnc_proxy  # noqa: E402  pylint: disable=wrong-import-position

TICKS = os.sysconf("SC_CLK_TCK")

# TigerVNC's names for the benchmark's encodings, and whether JPEG is allowed.
TIGER = {"tight": ("Tight", False), "tight-jpeg": ("Tight", True), "zrle": ("ZRLE", False),
         "hextile": ("Hextile", False)}


def read_stat(pid):
    """(session id, utime+stime ms, cutime+cstime ms) of a process, or None."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            data = f.read()
    except OSError:
        return None
    fields = data[data.rindex(b")") + 2:].split()
    # fields[0] is field 3 (state): session is field 6, utime..cstime fields 14..17.
    session = int(fields[3])
    own = (int(fields[11]) + int(fields[12])) * 1000 // TICKS
    children = (int(fields[13]) + int(fields[14])) * 1000 // TICKS
    return session, own, children


def session_cpu_ms(sid):
    """CPU of every live process in session `sid`, plus what its leader's reaped children
    used. Also how many processes were counted."""
    total = 0
    count = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        stat = read_stat(int(name))
        if stat is None or stat[0] != sid:
            continue
        total += stat[1]
        count += 1
        if int(name) == sid:
            total += stat[2]
    return total, count


def pid_cpu_ms(pid):
    stat = read_stat(pid)
    return None if stat is None else stat[1]


def peak_rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def client_command(args, home):
    """argv and environment of the viewer under test."""
    env = dict(os.environ)
    env.update({
        "DISPLAY": args.display,
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "XDG_DATA_HOME": os.path.join(home, ".local/share"),
        "XDG_RUNTIME_DIR": os.path.join(home, "run"),
        # No session bus: nothing to autolaunch, no accessibility bridge, no dconf.
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=" + os.path.join(home, "no-bus"),
        "NO_AT_BRIDGE": "1",
        "GTK_A11Y": "none",
        "GSETTINGS_BACKEND": "memory",
        "GDK_BACKEND": "x11",
        "QT_QPA_PLATFORM": "xcb",
        "QT_ACCESSIBILITY": "0",
    })
    env.pop("WAYLAND_DISPLAY", None)
    for sub in (".config", ".cache", ".local/share", "run"):
        os.makedirs(os.path.join(home, sub), mode=0o700, exist_ok=True)
    if args.client == "corral":
        argv = [args.corral_bin, "--host", "127.0.0.1", "--port", str(args.port),
                "--encoding", args.encoding]
    elif args.client == "vncviewer":
        name, jpeg = TIGER[args.encoding]
        # Windowed at the server's size, top left (no window manager): 1:1, nothing scaled.
        # AutoSelect=0: keep the encoding and full colour whatever the measured bandwidth;
        # RemoteResize=0: never ask the server to change its size.
        argv = ["vncviewer", "-Shared", "-FullScreen=0", "-geometry", "1920x1080+0+0",
                "-AutoSelect=0", "-PreferredEncoding=" + name, "-FullColor=1",
                "-NoJPEG=%d" % (0 if jpeg else 1), "-QualityLevel=8", "-RemoteResize=0",
                "-SecurityTypes", "None", "-Log", "*:stderr:30",
                "127.0.0.1::%d" % args.port]
    elif args.client == "gvncviewer":
        # gvncviewer takes [host][:display] only: the port is 5900 + display.
        if not 5900 <= args.port < 5900 + 100:
            raise SystemExit("vnc_measure.py: gvncviewer needs a port 5900..5999")
        argv = ["gvncviewer", "127.0.0.1:%d" % (args.port - 5900)]
    else:
        raise SystemExit("vnc_measure.py: unknown client %s" % args.client)
    return argv, env


async def measure(args):
    loop = asyncio.get_running_loop()
    events = {"first-update": asyncio.Event(), "closed": asyncio.Event()}

    def on_event(conn, what):
        if conn.index == 0 and what in events:
            events[what].set()

    proxy = vnc_proxy.Proxy(args.port, args.server, args.encoding, args.parse_server, on_event)
    await proxy.start()
    result = {"bench": "vnc", "peer": args.client, "encoding": args.encoding,
              "label": args.label, "loadavgBefore": open("/proc/loadavg").read().split()[0]}
    home = args.home
    argv, env = client_command(args, home)
    log = open(args.client_log, "wb") if args.client_log else subprocess.DEVNULL
    spawn_ns = time.monotonic_ns()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True, cwd=home)
    if args.pid_file:
        # For the driver: it ends the viewer's process group if this process is killed.
        with open(args.pid_file, "w", encoding="ascii") as f:
            f.write("%d\n" % proc.pid)
    print("vnc_measure: %s (pid %d): %s" % (args.client, proc.pid, " ".join(argv)), flush=True)
    exited = loop.create_task(asyncio.to_thread(proc.wait))
    error = None
    try:
        first = loop.create_task(events["first-update"].wait())
        done, _ = await asyncio.wait({first, exited}, timeout=args.timeout,
                                     return_when=asyncio.FIRST_COMPLETED)
        if first not in done:
            first.cancel()
            error = ("exited with status %s before the first update" % proc.returncode
                     if exited in done else "no first update within %d s" % args.timeout)
            raise RuntimeError(error)
        conn = proxy.connections[0]
        result["firstUpdateMs"] = (conn.first_update_ns - conn.accepted_ns) / 1e6
        result["firstUpdateFromSpawnMs"] = (conn.first_update_ns - spawn_ns) / 1e6
        result["acceptFromSpawnMs"] = (conn.accepted_ns - spawn_ns) / 1e6
        await hold(exited, args.warmup)
        if exited.done():
            raise RuntimeError("exited with status %s during the warm-up" % proc.returncode)
        # The window.
        before = {name: pid_cpu_ms(pid) for name, pid in args.pid}
        cpu0, _ = session_cpu_ms(proc.pid)
        own0 = time.process_time()
        bytes0 = conn.bytes_s2c
        t0 = time.monotonic_ns()
        await hold(exited, args.seconds)
        t1 = time.monotonic_ns()
        bytes1 = conn.bytes_s2c
        cpu1, nprocs = session_cpu_ms(proc.pid)
        own1 = time.process_time()
        after = {name: pid_cpu_ms(pid) for name, pid in args.pid}
        if exited.done():
            raise RuntimeError("exited with status %s during the measurement" % proc.returncode)
        result["peakRssKiB"] = peak_rss_kib(proc.pid)
        animator = dict(args.pid).get("animator")
        if args.check_image and animator and args.server_display:
            result["image"] = await check_image(args, animator, conn, exited)
        elif args.screenshot:
            subprocess.run(["import", "-display", args.display, "-window", "root",
                            args.screenshot], check=False, timeout=60,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = (t1 - t0) / 1e9
        frames = sum(1 for t in conn.answered if t0 <= t < t1)
        result.update({
            "seconds": round(wall, 3),
            "frames": frames,
            "fps": frames / wall,
            "cpuMs": cpu1 - cpu0,
            "cpuPercent": (cpu1 - cpu0) / 10 / wall,
            "cpuPer100Frames": (cpu1 - cpu0) / 1000 / frames * 100 if frames else None,
            "processes": nprocs,
            "proxyCpuMs": round((own1 - own0) * 1000),
            "others": {name: (None if before[name] is None or after[name] is None
                              else after[name] - before[name]) for name in before},
            "requestsIncremental": conn.requests_incremental,
            "requestsFull": conn.requests_full,
            "answeredTotal": len(conn.answered),
            "bytesS2C": conn.bytes_s2c,
            "bytesInWindow": bytes1 - bytes0,
            "clientVersion": conn.client_version,
            "pixelFormat": conn.client_pixel_format or conn.pixel_format,
            "offered": [vnc_proxy.encoding_name(e) for e in conn.offered],
            "sent": [vnc_proxy.encoding_name(e) for e in conn.sent],
            "otherMessages": conn.other_messages,
            "proxyError": conn.error,
            "connections": len(proxy.connections),
        })
        if args.parse_server:
            updates = sum(1 for t in conn.updates if t0 <= t < t1)
            result.update({"updates": updates, "updatesTotal": len(conn.updates),
                           "rectEncodings": {vnc_proxy.encoding_name(k): v
                                             for k, v in conn.rect_encodings.items()},
                           "serverParseError": conn.server_parse_error})
        if frames == 0:
            error = "no frames in the measured window"
    except RuntimeError as e:
        error = str(e)
    finally:
        stop(proc)
        await exited
        proxy.close()
        if log is not subprocess.DEVNULL:
            log.close()
    result["loadavgAfter"] = open("/proc/loadavg").read().split()[0]
    if error:
        result["error"] = error
    return result


def grab(display):
    """The root window of an X display: (width, height, RGB bytes), or None."""
    try:
        ppm = subprocess.run(["import", "-display", display, "-window", "root", "-depth", "8",
                              "ppm:-"], check=True, timeout=60, capture_output=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    # P6, width, height, maxval, one whitespace byte, then the pixels.
    fields = []
    pos = 0
    while len(fields) < 4:
        while ppm[pos:pos + 1].isspace():
            pos += 1
        if ppm[pos:pos + 1] == b"#":
            pos = ppm.index(b"\n", pos) + 1
            continue
        end = pos
        while not ppm[end:end + 1].isspace():
            end += 1
        fields.append(ppm[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        return None
    width, height = int(fields[1]), int(fields[2])
    pixels = ppm[pos + 1:pos + 1 + width * height * 3]
    return width, height, pixels, ppm


def compare_screens(server, viewer):
    """Where the server's screen is in the viewer's (its window need not be at 0,0: gvncviewer
    has a menu bar above it, vncviewer may sit a few pixels off) and how far the viewer's
    pixels are from the server's there."""
    sw, sh, spx, _ = server
    vw, vh, vpx, _ = viewer
    row = sw * 3
    if vw < sw or vh < sh:
        return {"error": "the viewer's screen is smaller than the server's"}
    max_dx = min(64, vw - sw)
    max_dy = min(128, vh - sh)
    probes = (sh // 3, sh - 1 - sh // 3)

    def viewer_row(y, dx):
        start = (y * vw + dx) * 3
        return vpx[start:start + row]

    # Exact: a run of the server's row found in the viewer's at a pixel boundary.
    found = None
    needle = spx[probes[0] * row:probes[0] * row + 96]
    for dy in range(max_dy + 1):
        line = vpx[(probes[0] + dy) * vw * 3:(probes[0] + dy + 1) * vw * 3]
        index = line.find(needle)
        if 0 <= index <= max_dx * 3 and index % 3 == 0:
            dx = index // 3
            if all(viewer_row(y + dy, dx) == spx[y * row:(y + 1) * row] for y in probes):
                found = (dx, dy)
                break
    if found is None:  # lossy: the offset where sampled rows differ least
        def distance(dx, dy):
            return sum(abs(a - b) for y in probes
                       for a, b in zip(spx[y * row:(y + 1) * row:31],
                                       viewer_row(y + dy, dx)[::31]))
        found = min(((dx, dy) for dx in range(max_dx + 1) for dy in range(max_dy + 1)),
                    key=lambda o: distance(*o))
    dx, dy = found
    differing = 0
    max_diff = 0
    squares = 0
    for y in range(sh):
        a = spx[y * row:(y + 1) * row]
        b = viewer_row(y + dy, dx)
        if a == b:
            continue
        diffs = [abs(x - z) for x, z in zip(a, b)]
        max_diff = max(max_diff, max(diffs))
        squares += sum(d * d for d in diffs)
        differing += sum(1 for i in range(0, row, 3) if diffs[i] or diffs[i + 1] or diffs[i + 2])
    mse = squares / (sw * sh * 3)
    return {"offset": [dx, dy], "differingPixels": differing, "maxChannelDiff": max_diff,
            "psnr": None if mse == 0 else round(10 * math.log10(255 * 255 / mse), 2)}


async def hold(exited, seconds):
    """Lets a timed phase (warm-up, measurement window, settling) run for `seconds`; a viewer
    that exits ends it at once, so the caller reports the exit instead of measuring a corpse."""
    await asyncio.wait({exited}, timeout=seconds)


async def check_image(args, animator, conn, exited):
    """Stops the animation, lets the viewer get the last frame, and compares its screen with
    the server's; saves the viewer's screen as the screenshot."""
    try:
        os.kill(animator, signal.SIGSTOP)
    except ProcessLookupError:
        return {"error": "no animator"}
    # What the server still sent after the animation stopped: the last frame, and for JPEG
    # the server's refresh of lossy areas once they are idle.
    bytes_before = conn.bytes_s2c
    answered_before = len(conn.answered)
    try:
        await hold(exited, args.settle)
        if exited.done():
            return {"error": "viewer exited while the last frame settled"}
        result = {"settleBytes": conn.bytes_s2c - bytes_before,
                  "settleFrames": len(conn.answered) - answered_before}
        server = await asyncio.to_thread(grab, args.server_display)
        viewer = await asyncio.to_thread(grab, args.display)
    finally:
        os.kill(animator, signal.SIGCONT)
    if server is None or viewer is None:
        return {"error": "could not grab the screens"}
    if args.screenshot:
        subprocess.run(["convert", "ppm:-", args.screenshot], input=viewer[3], check=False,
                       timeout=60, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result.update(await asyncio.to_thread(compare_screens, server, viewer))
    return result


def stop(proc):
    """SIGTERM to the viewer's whole session (process group), SIGKILL after 5 s."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def report(r):
    name = "%s %s" % (r["peer"], r["encoding"])
    if r.get("error"):
        print("vnc_measure: %s FAILED: %s" % (name, r["error"]), flush=True)
    else:
        print("  first update    %.0f ms after connecting (%.0f ms after start)" %
              (r["firstUpdateMs"], r["firstUpdateFromSpawnMs"]))
        print("  frames          %d in %.2f s: %.2f per second" %
              (r["frames"], r["seconds"], r["fps"]))
        print("  viewer CPU      %.2f s (%.0f%% of a core): %.3f s per 100 frames" %
              (r["cpuMs"] / 1000, r["cpuPercent"], r["cpuPer100Frames"]))
        others = ", ".join("%s %.2f s" % (k, v / 1000) for k, v in r["others"].items()
                           if v is not None)
        print("  others' CPU     %s; proxy %.2f s" % (others or "-", r["proxyCpuMs"] / 1000))
        print("  bytes/frame     %.0f KiB" % (r["bytesInWindow"] / max(1, r["frames"]) / 1024))
        image = r.get("image")
        if image and "error" not in image:
            print("  last frame      %s" % describe_image(image))
        elif image:
            print("  last frame      not compared: %s" % image["error"])
        if "updates" in r:
            print("  updates parsed  %d in the window (%d answered requests)" %
                  (r["updates"], r["frames"]))
    print(json.dumps(r), flush=True)


def describe_image(image):
    if image["differingPixels"] == 0:
        return "the same as the server's, pixel for pixel"
    return "%d pixels differ from the server's (max %d levels, PSNR %.1f dB)" % (
        image["differingPixels"], image["maxChannelDiff"], image["psnr"])


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--client", required=True, choices=["corral", "vncviewer", "gvncviewer"])
    parser.add_argument("--encoding", required=True, choices=sorted(vnc_proxy.ENCODINGS))
    parser.add_argument("--server", required=True, help="the VNC server: unix:PATH or HOST:PORT")
    parser.add_argument("--port", type=int, required=True, help="the proxy's port on 127.0.0.1")
    parser.add_argument("--display", required=True, help="X display for the viewer")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--timeout", type=int, default=60, help="for the first update")
    parser.add_argument("--corral-bin", default="bench_vnc")
    parser.add_argument("--pid", action="append", default=[], metavar="NAME=PID",
                        help="also report this process's CPU over the window")
    parser.add_argument("--screenshot", help="PNG of the viewer's X screen after the window")
    parser.add_argument("--check-image", action="store_true",
                        help="after the window, stop the animator (--pid animator=PID) for "
                        "--settle seconds and compare the viewer's screen with the server's "
                        "(--server-display)")
    parser.add_argument("--server-display", help="the server's X display, for --check-image")
    parser.add_argument("--settle", type=float, default=2.0)
    parser.add_argument("--client-log", help="the viewer's stdout and stderr")
    parser.add_argument("--pid-file", help="write the viewer's pid (its process group) here")
    parser.add_argument("--parse-server", action="store_true",
                        help="also count the server's updates (checks the request count)")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    pids = []
    for item in args.pid:
        name, _, pid = item.partition("=")
        if not pid.isdigit():
            parser.error("--pid wants NAME=PID")
        pids.append((name, int(pid)))
    args.pid = pids

    def terminated(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminated)
    # The viewer's HOME, removed however this ends (short of SIGKILL).
    args.home = tempfile.mkdtemp(prefix="vnc-%s-" % args.client)
    try:
        result = asyncio.run(measure(args))
    except KeyboardInterrupt:
        return 130
    finally:
        shutil.rmtree(args.home, ignore_errors=True)
    report(result)
    return 2 if result.get("error") else 0


if __name__ == "__main__":
    sys.exit(main())
