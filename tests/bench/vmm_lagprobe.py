#!/usr/bin/python3
"""Runs virt-manager (/usr/bin/virt-manager, Debian's) in this process with an event-loop lag
probe: a 10 ms GLib timeout on the default main context, the context virt-manager's GTK main
loop iterates, recording how late each tick comes -- the same measure bench_inventory takes of
Corral's Qt event loop with a 10 ms QTimer.

Usage: vmm_lagprobe.py LAGFILE [virt-manager arguments...]

LAGFILE (a file, or the FIFO the driver reads) gets "pid PID" first, then one line "MONOTONIC_S LATE_MS" per tick, flushed at once
(one small write per tick), so a killed process loses nothing and a gap at the end of the file
is a stall still going on. time.monotonic() is CLOCK_MONOTONIC, the clock the driver stamps
virt-manager's log lines with.

The probe costs virt-manager one Python callback and one write per 10 ms (some microseconds
each, well under 1% of a core); that CPU is counted in virt-manager's figures.
"""

import os
import sys
import time

INTERVAL_MS = 10


def install_probe(path):
    from gi.repository import GLib  # no version pin needed; virt-manager pins Gtk/Gdk itself

    out = open(path, "w", encoding="ascii")
    out.write("pid %d\n" % os.getpid())
    out.flush()
    state = {"last": None}

    def tick():
        now = time.monotonic()
        last = state["last"]
        if last is not None:
            late = max((now - last) * 1000.0 - INTERVAL_MS, 0.0)
            out.write("%.6f %.3f\n" % (now, late))
            out.flush()
        state["last"] = now
        return True

    GLib.timeout_add(INTERVAL_MS, tick)


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    install_probe(sys.argv[1])
    script = "/usr/bin/virt-manager"
    sys.argv = [script] + sys.argv[2:]
    import runpy
    runpy.run_path(script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
