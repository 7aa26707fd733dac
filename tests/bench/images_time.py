#!/usr/bin/python3
"""Runs one command and times it with the monotonic clock, for the image-upload benchmark.

  images_time.py --result FILE --log LOG [--timeout S] [--field KEY=VALUE]... -- CMD [ARG]...

CMD runs with stdin from /dev/null, stdout and stderr appended to LOG, in a session (process
group) of its own. The time is taken from just before it is started to just after it has been
reaped (CLOCK_MONOTONIC through time.monotonic()). Appends one JSON line to FILE:
{"seconds": ..., "rc": ..., KEY: VALUE, ...}; rc is the command's exit status, 124 when it ran
past S seconds (default 3600) and was killed, 128+N when signal N ended it. The exit status is
rc. A SIGTERM or SIGINT to this helper kills the command's process group first.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time

TIMED_OUT = 124


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--result", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--timeout", type=float, default=3600.0)
    parser.add_argument("--field", action="append", default=[])
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    fields = {}
    for item in args.field:
        key, sep, value = item.partition("=")
        if not sep:
            parser.error("--field wants KEY=VALUE")
        fields[key] = value

    proc = None

    def stop(signum, _frame):
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    with open(args.log, "ab") as log, open(os.devnull, "rb") as devnull:
        start = time.monotonic()
        proc = subprocess.Popen(command, stdin=devnull, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            rc = proc.wait(timeout=args.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            rc = TIMED_OUT
        seconds = time.monotonic() - start
    if rc < 0:
        rc = 128 - rc
    # Whatever the command left behind in its group (a pipeline's ssh) goes too.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass

    result = {"seconds": round(seconds, 6), "rc": rc}
    result.update(fields)
    with open(args.result, "a", encoding="utf-8") as f:
        f.write(json.dumps(result) + "\n")
    return rc


if __name__ == "__main__":
    sys.exit(main())
