#!/usr/bin/python3
"""Side-by-side tables and target verdicts for the terminal benchmark.

  terminal_report.py [--title TEXT] RESULT...

Each RESULT file holds the output of one run of bench_terminal (throughput or echo),
xterm_throughput.py or ssh_echo.py; its last JSON line with "bench" terminal-throughput or
terminal-echo is the result ("peer" and "label" say whose and which workload; a file without
one, or with an "error", is a failed run). Throughput runs of one peer on one workload are one
column: seconds and MB/s are their medians. Prints the tables, the ratios Corral / peer and
PASS/FAIL per target. Exit status: 0 every target passes, 1 a target fails, 2 a run failed.
"""

import argparse
import json
import statistics
import sys

# The targets.
TARGET_THROUGHPUT_RATIO = 2.0  # Corral's MB/s over xterm's, per workload
TARGET_ECHO_ADDED_MS = 5.0  # Corral's median echo latency minus OpenSSH's

WORKLOADS = {"sgr": "SGR colours", "seq": "seq"}


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        if not line.startswith("{"):
            continue
        try:
            parsed = json.loads(line)
        except ValueError:
            continue
        if isinstance(parsed, dict) and parsed.get("bench", "").startswith("terminal-"):
            parsed["_path"] = path
            parsed["_exit"] = [ln.split(": ", 1)[1] for ln in lines
                               if ln.startswith("run-terminal: ") and "exit status" in ln]
            return parsed
    return None


def num(value, fmt):
    return "-" if value is None else fmt % value


def median(runs, key):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def mb(runs):
    size = median(runs, "bytes")
    return None if size is None else size / 1e6


def spread(runs, key, fmt):
    values = sorted(r[key] for r in runs if r.get(key) is not None)
    if not values:
        return "-"
    return "%s / %s (%d)" % (fmt % values[0], fmt % values[-1], len(values))


def table(heads, rows, first=34):
    width = max([len(h) for h in heads] + [len(c) for _, cells in rows for c in cells]) + 2
    print("%-*s" % (first, "") + "".join("%*s" % (width, h) for h in heads))
    for name, cells in rows:
        print("%-*s" % (first, name) + "".join("%*s" % (width, c) for c in cells))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--title", default="Terminal benchmark")
    ap.add_argument("results", nargs="+")
    args = ap.parse_args()

    groups, broken = {}, []
    for path in args.results:
        run = load(path)
        if run is None:
            broken.append("no result in %s (the run failed; see its log)" % path)
        elif run.get("error"):
            broken.append("%s %s %s: %s (%s)" % (run.get("bench"), run.get("peer"),
                                                 run.get("label"), run["error"], path))
        else:
            if run["_exit"]:
                broken.append("%s printed its result, then ended abnormally (%s)"
                              % (path, "; ".join(run["_exit"])))
            groups.setdefault((run["bench"], run.get("peer"), run.get("label")), []).append(run)

    print(args.title)
    verdicts = []
    lines = []

    def verdict(ok, text):
        verdicts.append(ok)
        lines.append("  [%s] %s" % ("PASS" if ok else "FAIL", text))

    loads = [w for w in WORKLOADS if any(k[0] == "terminal-throughput" and k[2] == w
                                         for k in groups)]
    if loads:
        cols = [(peer, w) for w in loads for peer in ("corral", "xterm")]
        runs = {c: groups.get(("terminal-throughput",) + c, []) for c in cols}
        n = max(len(r) for r in runs.values())
        print()
        print("Throughput: the file through the terminal, from first byte to last frame "
              "(median of %d run(s))" % n)
        print()
        rows = [
            ("file (MB, 10^6 bytes)", [num(mb(runs[c]), "%.1f") for c in cols]),
            ("seconds, median", [num(median(runs[c], "seconds"), "%.3f") for c in cols]),
            ("seconds, min / max (runs)", [spread(runs[c], "seconds", "%.2f") for c in cols]),
            ("MB/s, median", [num(median(runs[c], "mbPerSec"), "%.2f") for c in cols]),
            ("frames painted, median", [num(median(runs[c], "frames"), "%d") for c in cols]),
            ("terminal CPU (ms; xterm + cat)", [num(median(runs[c], "processCpuMs")
                                               if c[0] == "corral"
                                               else median(runs[c], "xtermCpuMs"), "%.0f")
                                           for c in cols]),
            ("X server CPU (ms), median", [num(median(runs[c], "xserverCpuMs"), "%.0f")
                                           for c in cols]),
            ("startup taken out (s), median", [num(median(runs[c], "startupSeconds"), "%.3f")
                                               for c in cols]),
        ]
        table(["%s %s" % c for c in cols], rows)
        print()
        print("Ratios Corral / xterm (throughput, higher is better for Corral):")
        for w in loads:
            c, x = median(runs[("corral", w)], "mbPerSec"), median(runs[("xterm", w)], "mbPerSec")
            if c is None or not x:
                print("  %-12s -" % w)
                verdict(False, "%s: no throughput figures for both peers" % WORKLOADS[w])
                continue
            worst = min(r["mbPerSec"] for r in runs[("corral", w)]) / max(
                r["mbPerSec"] for r in runs[("xterm", w)])
            print("  %-12s %.1fx  (%.2f vs %.2f MB/s; Corral's slowest run / xterm's fastest: "
                  "%.1fx)" % (w, c / x, c, x, worst))
            verdict(c / x >= TARGET_THROUGHPUT_RATIO,
                    "%s: Corral >= %.0fx xterm's throughput: %.1fx (median MB/s)"
                    % (WORKLOADS[w], TARGET_THROUGHPUT_RATIO, c / x))

    corral = (groups.get(("terminal-echo", "corral", "lab1")) or [None])[0]
    openssh = (groups.get(("terminal-echo", "openssh", "lab1")) or [None])[0]
    if corral or openssh:
        print()
        print("Echo: keystroke to echo over the lab's SSH (ms; %s samples, %s ms between keys)"
              % ("/".join(str(r.get("samples")) for r in (corral, openssh) if r),
                 "/".join(str(r.get("pauseMs")) for r in (corral, openssh) if r)))
        print()

        def quad(r, key):
            s = r.get(key) if r else None
            if not s:
                return "-"
            return "%.2f / %.2f / %.2f / %.2f" % (s["minMs"], s["medianMs"], s["p95Ms"],
                                                  s["maxMs"])
        table(["Corral", "OpenSSH ssh"], [
            ("arrived: min / median / p95 / max", [quad(corral, "arrival"),
                                                    quad(openssh, "arrival")]),
            ("on screen: same", [quad(corral, "shown"), "(no renderer)"]),
        ])
        print()
        if corral and openssh:
            base = openssh["arrival"]["medianMs"]
            arrived = corral["arrival"]["medianMs"] - base
            shown = corral["shown"]["medianMs"] - base
            print("Added by Corral = Corral median - OpenSSH median: %+.2f ms as bytes on the "
                  "GUI thread, %+.2f ms on screen (X server has the frame)" % (arrived, shown))
            verdict(shown <= TARGET_ECHO_ADDED_MS,
                    "echo latency added by Corral <= %.0f ms: %+.2f ms (on screen, median; "
                    "p95 %+.2f ms)" % (TARGET_ECHO_ADDED_MS, shown,
                                       corral["shown"]["p95Ms"] - openssh["arrival"]["p95Ms"]))
        else:
            verdict(False, "echo: no figures for both Corral and OpenSSH")

    print()
    print("Targets (Corral):")
    for line in lines:
        print(line)
    for b in broken:
        print("  [FAIL] %s" % b)
    if broken:
        return 2
    return 0 if verdicts and all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
