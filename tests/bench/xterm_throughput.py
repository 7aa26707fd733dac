#!/usr/bin/python3
"""Terminal throughput of xterm: the peer of `bench_terminal throughput`.

  xterm_throughput.py [--geometry 120x40] [--font 'DejaVu Sans Mono'] [--font-size 10]
                      [--scrollback 10000] [--startup-runs 3] [--xserver-pid PID]
                      [--timeout S] [--label TEXT] FILE

Runs Debian's xterm on $DISPLAY as `xterm -geometry 120x40 -fa FONT -fs SIZE -sl 10000
-e cat FILE`, timing it from its start until it exits (xterm exits when cat has written the
last byte to the pty and xterm has read and processed it). xterm's own start and exit are
taken out: the same command with `-e true` is timed --startup-runs times first and the median
subtracted. Everything else is xterm's real behaviour: its default jump scroll, drawing with
Xft (XRender) on the X server, the pty (LF -> CR LF by the kernel) and cat writing into it.
Reported besides: xterm's CPU time (user + system, from wait4) and the X server's over the
timed run (--xserver-pid), and the window's size (a separate run that asks xwininfo).

Prints human lines and one JSON line like bench_terminal's ("peer": "xterm"); exit status 0,
or 1 with an "error" in the JSON line.
"""

import argparse
import json
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TICK = os.sysconf("SC_CLK_TCK")
RUNNING = []  # the xterm being timed: its process group is ended with us


def end_running(signum, frame):
    for pid in RUNNING:
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    sys.exit(128 + signum)


def xserver_cpu_ms(pid):
    if not pid:
        return None
    try:
        with open("/proc/%d/stat" % pid, encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 // TICK  # utime + stime


def run_xterm(argv, timeout):
    """Runs argv in a process group of its own; returns (wall seconds, CPU ms, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, start_new_session=True, stdin=subprocess.DEVNULL)
    RUNNING.append(proc.pid)
    # A pidfd becomes readable when the process exits: wait on it with the deadline.
    pidfd = os.pidfd_open(proc.pid)
    try:
        ready, _, _ = select.select([pidfd], [], [], timeout)
    finally:
        os.close(pidfd)
    if not ready:
        os.killpg(proc.pid, signal.SIGKILL)
        os.wait4(proc.pid, 0)
        RUNNING.remove(proc.pid)
        raise TimeoutError("%s did not finish within %d s" % (" ".join(argv[-3:]), timeout))
    _, status, usage = os.wait4(proc.pid, 0)
    RUNNING.remove(proc.pid)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, (usage.ru_utime + usage.ru_stime) * 1000.0, proc.returncode


def window_size(base, timeout):
    """The xterm window's size in pixels, asked from inside it (xwininfo -id $WINDOWID)."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        script = 'xwininfo -id "$WINDOWID" > %s' % out.name
        try:
            run_xterm(base + ["-e", "sh", "-c", script], timeout)
        except (TimeoutError, OSError):
            return None
        info = out.read()
    size = {}
    for line in info.splitlines():
        key, _, value = line.strip().partition(":")
        if key in ("Width", "Height"):
            size[key.lower()] = int(value)
    return size or None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geometry", default="120x40")
    ap.add_argument("--font", default="DejaVu Sans Mono")
    ap.add_argument("--font-size", default="10")
    ap.add_argument("--scrollback", type=int, default=10000)
    ap.add_argument("--startup-runs", type=int, default=3)
    ap.add_argument("--xserver-pid", type=int, default=0)
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--label", default="")
    ap.add_argument("file")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, end_running)
    signal.signal(signal.SIGINT, end_running)

    base = ["xterm", "-geometry", args.geometry, "-fa", args.font, "-fs", args.font_size,
            "-sl", str(args.scrollback), "+sb", "-title", "xterm_throughput"]
    size = os.path.getsize(args.file)
    result = {"bench": "terminal-throughput", "peer": "xterm", "label": args.label,
              "file": args.file, "bytes": size, "geometry": args.geometry}
    try:
        win = window_size(base, 60)
        startups = []
        for _ in range(args.startup_runs):
            wall, _, status = run_xterm(base + ["-e", "true"], 60)
            if status != 0:
                raise RuntimeError("xterm -e true exited with status %d" % status)
            startups.append(wall)
        startup = statistics.median(startups)
        cpu_before = xserver_cpu_ms(args.xserver_pid)
        wall, cpu, status = run_xterm(base + ["-e", "cat", args.file], args.timeout)
        cpu_after = xserver_cpu_ms(args.xserver_pid)
        if status != 0:
            raise RuntimeError("xterm -e cat exited with status %d" % status)
    except (RuntimeError, TimeoutError, OSError) as e:
        result["error"] = str(e)
        print("xterm_throughput: error: %s" % e, file=sys.stderr)
        print(json.dumps(result), flush=True)
        return 1

    seconds = wall - startup
    result.update({
        "seconds": seconds, "wallSeconds": wall, "startupSeconds": startup,
        "startupRuns": startups, "mbPerSec": size / 1e6 / seconds, "xtermCpuMs": cpu,
        "window": win,
    })
    if cpu_before is not None and cpu_after is not None:
        result["xserverCpuMs"] = cpu_after - cpu_before
    print("xterm_throughput: %s (%d bytes), %s, window %s, font %s %spt, scrollback %d"
          % (args.file, size, args.geometry,
             "%dx%d" % (win["width"], win["height"]) if win else "?", args.font,
             args.font_size, args.scrollback))
    print("  seconds                    %.3f (%.3f wall - %.3f startup, median of %d)"
          % (seconds, wall, startup, len(startups)))
    print("  MB/s (file bytes, 10^6)    %.2f" % result["mbPerSec"])
    print("  xterm CPU                  %.0f ms; X server CPU %s ms"
          % (cpu, result.get("xserverCpuMs", "-")))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
