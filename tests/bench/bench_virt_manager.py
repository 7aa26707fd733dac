#!/usr/bin/python3
"""The virt-manager side of the inventory benchmark: Debian's virt-manager on one libvirt URI,
measured the way bench_inventory measures Corral.

  bench_virt_manager.py --uri URI --expect-vms N --workdir DIR [--steady S] [--timeout S]
                        [--server-pid PID]... [--label TEXT] [--screenshot PNG]

Needs $DISPLAY (an Xvfb). Starts `virt-manager --no-fork --debug --connect URI` inside
dbus-run-session, with HOME, XDG dirs and the D-Bus session under DIR, in a process group of
its own that is always killed at the end. Its log lines (stderr) are stamped with
CLOCK_MONOTONIC as they arrive:

  open       "Scheduling background open thread for URI": the connection starts. This is
             the zero of every time below, as Fleet::load() is for Corral.
  inventory  every expected VM has been added ("domain=NAME status=... added", logged just
             before the "vm-added" signal that appends the row) AND the manager window has
             been shown ("Showing manager"; with --connect, virt-manager builds the window,
             from every VM it knows, only once the connection is active).
  shown      the first tick of the lag probe (vmm_lagprobe.py) after that: the main loop is
             free again, so the window can paint. The load phase ends here.

Then the steady phase, from "shown": S seconds of CPU (utime+stime of all threads) and VmRSS from
/proc/PID, sampled every second, exactly as for Corral; and the main loop's lag from the
probe, over the load and steady phases. Prints human lines and one final JSON line.
Exit status: 0 measured, 1 inventory incomplete within --timeout (the steady phase is still
measured, from the timeout), 2 usage or start failure.
"""

import argparse
import json
import math
import os
import re
import signal
import subprocess
import sys
import threading
import time

PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vmm_lagprobe.py")
PYTHON = "/usr/bin/python3"  # virt-manager's own interpreter (its shebang), with python3-gi
ADDED = re.compile(r"\) domain=(.*) status=\S.* added$")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def say(line):
    print(line, flush=True)


def warn(line):
    print(line, file=sys.stderr, flush=True)


def row(label, text):
    return "  %-34s %s" % (label, text)


def sample(pid):
    """(cpu_ms, rss_kib, hwm_kib) of a process from /proc, or None if it is gone."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            stat = f.read()
        with open("/proc/%d/status" % pid, "rb") as f:
            status = f.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = stat[stat.rindex(b")") + 2:].split()
    cpu_ms = (int(fields[11]) + int(fields[12])) * 1000 // CLK_TCK
    kib = {}
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            kib[key] = int(value.split()[0])
    return cpu_ms, kib.get("VmRSS", 0), kib.get("VmHWM", 0)


def cpu_percent(a, b, wall_s):
    return 100.0 * (b[0] - a[0]) / 1000.0 / wall_s if wall_s > 0 else 0.0


def lag_summary(samples):
    if not samples:
        return {"samples": 0, "maxMs": 0.0, "p99Ms": 0.0, "over50Ms": 0}
    s = sorted(samples)
    rank = max(1, math.ceil(0.99 * len(s)))
    return {"samples": len(s), "maxMs": s[-1], "p99Ms": s[rank - 1],
            "over50Ms": sum(1 for x in s if x > 50.0)}


def lag_text(s):
    if not s["samples"]:
        return "no samples"
    return "max %.1f ms, p99 %.1f ms, %d of %d ticks over 50 ms" % (
        s["maxMs"], s["p99Ms"], s["over50Ms"], s["samples"])


class LogWatcher:
    """Reads virt-manager's stderr until EOF, stamping and recognising lines."""

    def __init__(self, stream, logpath, expect):
        self.expect = expect
        self.t_open = None
        self.t_all_added = None
        self.t_manager = None
        self.t_active = None
        self.added = 0
        self.first_error = None
        self.done = threading.Event()
        self._stream = stream
        self._log = open(logpath, "w", encoding="utf-8")
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        for raw in self._stream:
            now = time.monotonic()
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self._log.write("%.6f %s\n" % (now, line))
            if self.t_open is None and "Scheduling background open thread for" in line:
                self.t_open = now
            elif ADDED.search(line):
                self.added += 1
                if self.added == self.expect:
                    self.t_all_added = now
            elif "Showing manager" in line and self.t_manager is None:
                self.t_manager = now
            elif "changed to state=Active" in line and self.t_active is None:
                self.t_active = now
            elif self.first_error is None and ("] ERROR (" in line or "Traceback" in line):
                self.first_error = line
            if self.inventory_time() is not None:
                self.done.set()
        self._log.close()
        self.done.set()

    def inventory_time(self):
        if self.t_all_added is None or self.t_manager is None:
            return None
        return max(self.t_all_added, self.t_manager)

    def join(self, timeout):
        self._thread.join(timeout)


class LagTail:
    """Follows the probe's output through a FIFO: a reader thread blocks on it (no polling),
    copies each line to the record file and wakes whoever waits for a pid or a tick; a second
    thread wakes them when virt-manager exits, so every wait is on a real condition."""

    def __init__(self, fifo, record):
        self.fifo = fifo
        self.record = record
        self.pid = None
        self.ticks = []
        self.exited = threading.Event()
        self.cond = threading.Condition()
        os.mkfifo(fifo)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        with open(self.fifo, encoding="ascii") as src, open(self.record, "w") as out:
            for line in src:
                out.write(line)
                parts = line.split()
                with self.cond:
                    if len(parts) == 2 and parts[0] == "pid":
                        self.pid = int(parts[1])
                    elif len(parts) == 2:
                        self.ticks.append((float(parts[0]), float(parts[1])))
                    self.cond.notify_all()

    def watch(self, proc):
        def wait():
            proc.wait()
            self.exited.set()
            with self.cond:
                self.cond.notify_all()
        threading.Thread(target=wait, daemon=True).start()

    def wait_for(self, predicate, timeout):
        """Waits until predicate() holds or virt-manager exits; returns predicate()."""
        with self.cond:
            self.cond.wait_for(lambda: predicate() or self.exited.is_set(), timeout)
            return predicate()

    def snapshot(self):
        with self.cond:
            return list(self.ticks)

    def finish(self, timeout):
        """After virt-manager is gone: the FIFO's writer closed, so the reader reaches EOF. If
        the probe never opened it, open it once ourselves so the reader's open returns."""
        if self._reader.is_alive() and self.pid is None:
            try:
                os.close(os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        self._reader.join(timeout)


def kill_group(proc):
    """Ends dbus-run-session, its dbus-daemon and virt-manager: the group we created."""
    if proc.poll() is not None:
        return
    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def screenshot(path):
    try:
        subprocess.run(["import", "-window", "root", path], timeout=30, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return True
    except (OSError, subprocess.SubprocessError):
        return False


def on_term(signum, _frame):
    # Unwind through main()'s finally, which ends virt-manager's process group.
    raise SystemExit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--uri", required=True)
    ap.add_argument("--expect-vms", type=int, required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--steady", type=int, default=60)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--server-pid", type=int, action="append", default=[])
    ap.add_argument("--label", default="")
    ap.add_argument("--screenshot")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        warn("bench_virt_manager: DISPLAY is not set (start an Xvfb)")
        return 2
    if args.expect_vms <= 0 or args.steady < 0 or args.timeout <= 0:
        warn("bench_virt_manager: --expect-vms and --timeout must be > 0, --steady >= 0")
        return 2

    work = os.path.abspath(args.workdir)
    home = os.path.join(work, "home")
    run = os.path.join(work, "run")
    for d in (home, run):
        os.makedirs(d, exist_ok=True)
    os.chmod(run, 0o700)
    lag = LagTail(os.path.join(work, "lag.fifo"), os.path.join(work, "lag.txt"))
    logfile = os.path.join(work, "virt-manager.log")
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "DISPLAY": os.environ["DISPLAY"],
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
        "XDG_RUNTIME_DIR": run,
        "NO_AT_BRIDGE": "1",  # no accessibility bus: Corral runs without one too
    }
    cmd = ["dbus-run-session", "--", PYTHON, PROBE, lag.fifo,
           "--no-fork", "--debug", "--connect", args.uri]

    t_launch = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    lag.watch(proc)
    try:
        return measure(args, proc, t_launch, lag, logfile)
    finally:
        kill_group(proc)
        lag.finish(10)


def measure(args, proc, t_launch, lag, logfile):
    watcher = LogWatcher(proc.stderr, logfile, args.expect_vms)
    lag.wait_for(lambda: lag.pid is not None, 30)
    pid = lag.pid
    if not pid:
        warn("bench_virt_manager: virt-manager did not start; see " + logfile)
        return 2

    deadline = t_launch + args.timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if watcher.done.wait(timeout=min(1.0, max(deadline - time.monotonic(), 0.01))):
            break
    t_inventory = watcher.inventory_time()
    error = None
    if proc.poll() is not None:
        error = "virt-manager exited (status %s) before the inventory was shown" % proc.returncode
    elif t_inventory is None:
        error = ("inventory incomplete after %d s: %d of %d VMs added, manager window %s"
                 % (args.timeout, watcher.added, args.expect_vms,
                    "shown" if watcher.t_manager else "not shown"))
    if watcher.first_error:
        warn("virt-manager logged: " + watcher.first_error)

    # "Shown": the first probe tick after the inventory, i.e. the main loop is free to paint
    # again (bounded: a stalled loop may take many seconds). The steady phase starts there,
    # as Corral's starts after its list has painted.
    t_shown = None
    if t_inventory is not None:
        def first_tick_after():
            return next((t for t, _ in lag.ticks if t > t_inventory), None)
        lag.wait_for(lambda: first_tick_after() is not None, 120)
        with lag.cond:
            t_shown = first_tick_after()

    # Steady phase: from then (or from the timeout, so there are figures anyway).
    t_steady = time.monotonic()
    first = sample(pid)
    max_rss = first[1] if first else 0
    servers = [(p, sample(p)) for p in args.server_pid]
    last_progress, t_progress = first, t_steady
    if proc.poll() is None and first:
        say("steady: measuring for %d s" % args.steady)
        for i in range(1, args.steady + 1):
            # The sampling schedule; virt-manager exiting ends the phase at once.
            if lag.exited.wait(timeout=max(t_steady + i - time.monotonic(), 0)):
                break
            s = sample(pid)
            if not s:
                break
            max_rss = max(max_rss, s[1])
            if i % 10 == 0:
                now = time.monotonic()
                say("steady: %d s, CPU %.2f%% of a core over the last %d s, RSS %.1f MiB" % (
                    i, cpu_percent(last_progress, s, now - t_progress), round(now - t_progress),
                    s[1] / 1024.0))
                last_progress, t_progress = s, now
    t_end = time.monotonic()
    last = sample(pid)
    server_end = [(p, sample(p)) for p in args.server_pid]
    shot = bool(args.screenshot) and last is not None and screenshot(args.screenshot)
    kill_group(proc)
    watcher.join(10)
    lag.finish(10)

    ticks = lag.snapshot()
    t_open = watcher.t_open
    # A tick's lateness belongs to the phase of the previous tick, where the stall began.
    load_lag, steady_lag = [], []
    t_load_end = t_shown if t_shown is not None else t_steady
    for t, late in ticks:
        prev = t - (late + 10.0) / 1000.0
        if t_open is not None and t_open <= prev < t_load_end:
            load_lag.append(late)
        elif t_load_end <= prev < t_end:
            steady_lag.append(late)
    # A stall still going on when the steady phase ends has no closing tick (the probe writes
    # every tick at once): count what was seen of it.
    last_tick = max((t for t, _ in ticks if t < t_end), default=None)
    if last_tick is not None and last_tick >= t_load_end:
        open_stall = (t_end - last_tick) * 1000.0 - 10.0
        if open_stall > 0:
            steady_lag.append(open_stall)

    def ms(t):
        return round((t - t_open) * 1000.0) if t is not None and t_open is not None else -1

    load_s, steady_s = lag_summary(load_lag), lag_summary(steady_lag)
    result = {
        "bench": "inventory", "peer": "virt-manager", "label": args.label, "hosts": 1,
        "vms": watcher.added, "startupMs": round((t_open - t_launch) * 1000) if t_open else -1,
        "inventoryMs": ms(t_inventory), "shownMs": ms(t_shown),
        "allAddedMs": ms(watcher.t_all_added), "managerShownMs": ms(watcher.t_manager),
        "activeMs": ms(watcher.t_active),
        "maxLagMs": max(load_s["maxMs"], steady_s["maxMs"]),
        "lag": {"load": load_s, "steady": steady_s},
    }
    say("virt-manager %s: 1 host, %d of %d VMs added" % (args.label, watcher.added,
                                                        args.expect_vms))
    say(row("process start -> connection open", "%d ms (not part of the times below)"
            % result["startupMs"]))
    say(row("all VMs added", "%d ms after open" % result["allAddedMs"]))
    say(row("connection active", "%d ms after open" % result["activeMs"]))
    say(row("manager window shown", "%d ms after open" % result["managerShownMs"]))
    say(row("inventory in the window", "%d ms after open" % result["inventoryMs"]))
    say(row("main loop free again (paintable)", "%d ms after open" % result["shownMs"]))
    if first and last:
        wall = t_end - t_steady
        cpu = cpu_percent(first, last, wall)
        result.update({"steadySec": wall, "steadyCpuPercent": cpu, "rssMiB": max_rss / 1024.0,
                       "rssFinalMiB": last[1] / 1024.0, "rssPeakMiB": last[2] / 1024.0})
        say(row("steady phase", "%.1f s" % wall))
        say(row("  CPU", "%.2f%% of one core (all threads)" % cpu))
        say(row("  RSS", "max %.1f MiB, final %.1f MiB; process peak (VmHWM) %.1f MiB" % (
            max_rss / 1024.0, last[1] / 1024.0, last[2] / 1024.0)))
        result["serverCpu"] = []
        for (p, a), (_, b) in zip(servers, server_end):
            if a and b:
                c = cpu_percent(a, b, wall)
                result["serverCpu"].append({"pid": p, "cpuPercent": c})
                say(row("  server pid %d CPU" % p, "%.2f%% of one core" % c))
    say(row("event-loop lag, load", lag_text(load_s)))
    say(row("event-loop lag, steady", lag_text(steady_s)))
    if shot:
        say(row("screenshot", args.screenshot))
    if error:
        result["error"] = error
        warn("bench_virt_manager: " + error)
    say(json.dumps(result, sort_keys=True))
    return 1 if error else 0


if __name__ == "__main__":
    sys.exit(main())
