#!/usr/bin/python3
"""Keystroke-to-echo latency through OpenSSH's client: the baseline for `bench_terminal echo`.

  ssh_echo.py --host H --port P --user U --key KEY --known-hosts FILE
              [--count N] [--warmup N] [--pause MS] [--timeout S] [--label TEXT]

Runs `ssh -tt` (Debian's OpenSSH client) in a pty of its own, as a terminal would, against the
same sshd and shell as Corral's run, and does what bench_terminal echo does: sets the prompt
to a marker, then per sample writes one letter to the pty and times until that letter comes
back from ssh, writes a Backspace (DEL, what Corral's terminal sends) and waits for its
erase (a BS byte) to come back, then pauses (default 50 ms, as bench_terminal) while still
reading. The letters are the ones bench_terminal uses; none of them occurs in the shell's erase
or mode sequences, so finding the letter in the bytes is finding the echo. The first warm-up
samples are not counted.

The time is from the write to the pty master until the read that returns the letter: what a
terminal emulator in front of ssh would get, before it renders anything. Waiting is select()
with deadlines, never a fixed wait. Prints human lines and one JSON line; exit status 0, or 1 with
an "error" in the JSON line.
"""

import argparse
import fcntl
import json
import math
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

SET_PROMPT = b"PS1='corral''-bench> '; PS2=''; unset PROMPT_COMMAND\r"
PROMPT = b"corral-bench> "
LETTERS = b"abcdefgijknopqrstuvwxyz"
BACKSPACE = b"\x7f"


class Failure(Exception):
    pass


class Pty:
    def __init__(self, argv, cols, rows):
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.environ["TERM"] = "xterm-256color"
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.buffer = b""  # everything read since the last mark()
        self.eof = False

    def mark(self):
        self.buffer = b""

    def read_until(self, done, deadline, what):
        """Reads until done(buffer) holds; returns the perf_counter time of that read."""
        while True:
            if done(self.buffer):
                return time.perf_counter()
            if self.eof:
                raise Failure("ssh ended while waiting for %s; it printed %r"
                              % (what, self.buffer[-300:]))
            left = deadline - time.perf_counter()
            if left <= 0:
                raise Failure("no %s within the deadline; got %r" % (what, self.buffer[-300:]))
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            now = time.perf_counter()
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the slave side is closed
                data = b""
            if not data:
                self.eof = True
                continue
            self.buffer += data
            if done(self.buffer):
                return now

    def drain(self, until):
        """Reads whatever comes until the perf_counter time `until`."""
        while not self.eof:
            left = until - time.perf_counter()
            if left <= 0:
                return
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    self.eof = True
                self.buffer += data

    def write(self, data):
        os.write(self.fd, data)

    def close(self, deadline):
        if not self.eof:
            try:
                self.write(b"exit\r")
                self.read_until(lambda b: False, deadline, "the end of the shell")
            except Failure:
                pass
        pid, _ = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def percentile(values, p):
    if not values:
        return -1
    s = sorted(values)
    rank = math.ceil(p / 100.0 * len(s))
    return s[min(max(rank - 1, 0), len(s) - 1)]


def stats(values):
    return {"minMs": percentile(values, 0), "medianMs": percentile(values, 50),
            "p95Ms": percentile(values, 95), "maxMs": percentile(values, 100)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", required=True)
    ap.add_argument("--port", type=int, default=22)
    ap.add_argument("--user", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--known-hosts", required=True)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--pause", type=int, default=50, help="ms between samples")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=120, help="seconds for the whole run")
    ap.add_argument("--label", default="")
    args = ap.parse_args()

    argv = ["ssh", "-tt", "-i", args.key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "UserKnownHostsFile=" + args.known_hosts, "-o", "StrictHostKeyChecking=yes",
            "-p", str(args.port), "%s@%s" % (args.user, args.host)]
    version = os.popen("ssh -V 2>&1").read().strip()
    print("ssh_echo: %s@%s:%d with %s, %d samples (+%d warm-up), %d ms between keys"
          % (args.user, args.host, args.port, version, args.count, args.warmup, args.pause),
          flush=True)
    result = {"bench": "terminal-echo", "peer": "openssh", "label": args.label,
              "client": version}
    deadline = time.perf_counter() + args.timeout
    term = Pty(argv, args.cols, args.rows)
    arrival = []
    try:
        term.mark()
        term.write(SET_PROMPT)
        term.read_until(lambda b: PROMPT in b, deadline, "the prompt")
        for i in range(args.warmup + args.count):
            term.drain(time.perf_counter() + args.pause / 1000.0)
            letter = LETTERS[i % len(LETTERS):][:1]
            term.mark()
            sent = time.perf_counter()
            term.write(letter)
            got = term.read_until(lambda b: letter in b, deadline, "the echo of %r" % letter)
            if i >= args.warmup:
                arrival.append((got - sent) * 1000.0)
            term.mark()
            term.write(BACKSPACE)
            term.read_until(lambda b: b"\x08" in b, deadline, "the erase of %r" % letter)
    except Failure as e:
        result["error"] = str(e)
    finally:
        term.close(time.perf_counter() + 10)

    if "error" in result:
        print("ssh_echo: error: %s" % result["error"], file=sys.stderr)
        print(json.dumps(result), flush=True)
        return 1
    s = stats(arrival)
    print("  samples                    %d" % len(arrival))
    print("  echo arrived (ms)          %.2f / %.2f / %.2f / %.2f   (min / median / p95 / max)"
          % (s["minMs"], s["medianMs"], s["p95Ms"], s["maxMs"]))
    result.update({"samples": len(arrival), "pauseMs": args.pause, "arrival": s,
                   "arrivalSamplesMs": arrival})
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
