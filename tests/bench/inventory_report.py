#!/usr/bin/python3
"""Side-by-side table and target verdicts for the inventory benchmark.

  inventory_report.py [--title TEXT] RESULT.json...

Each RESULT file holds the output of one bench_inventory or bench_virt_manager.py run, whose
last JSON line is the result (keys "peer" and "label" tell them apart; a file without one is
reported as a failed run). Several runs of one peer on one configuration are one column: the
run with the longest steady phase gives the steady figures, and the inventory times of all
of them give min / median / max. Prints the table, the ratios Corral / virt-manager for the
configurations both ran, and PASS/FAIL per target; the inventory target must hold in every
run, not on average. Exit status: 0 every target passes, 1 a target fails, 2 a run
failed or is missing.
"""

import argparse
import json
import sys

# The targets.
TARGET_SHOWN_MS = {1: 2000, 10: 4000}      # hosts -> complete inventory shown
TARGET_CPU_PERCENT = 2.0                   # steady, of one core
TARGET_RSS_MIB = 200e6 / 2 ** 20           # 200 MB = 190.7 MiB
TARGET_LAG_MS = 50.0                       # event-loop stall, load and steady phases


STEADY_KEYS = ("steadySec", "steadyCpuPercent", "rssMiB", "rssFinalMiB", "rssPeakMiB",
               "serverCpu")


def load(path):
    """The last JSON object line of a run's output that is a benchmark result, plus the
    driver's note of how the process ended ("run-inventory: ... exit status N ...")."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    result = None
    for line in reversed(lines):
        if not line.startswith("{"):
            continue
        try:
            parsed = json.loads(line)
        except ValueError:
            continue
        if isinstance(parsed, dict) and parsed.get("bench") == "inventory":
            result = parsed
            break
    if result is not None:
        result["_exit"] = [ln.split(": ", 1)[1] for ln in lines
                           if ln.startswith("run-inventory: ") and "exit status" in ln]
    return result


def num(value, fmt):
    if value is None or (isinstance(value, (int, float)) and value < 0):
        return "-"
    return fmt % value


def get(run, *keys):
    value = run
    for k in keys:
        if not isinstance(value, dict) or k not in value:
            return None
        value = value[k]
    return value


def spread(run):
    times = sorted(t for t in run.get("_shownAll", []) if t is not None and t >= 0)
    if not times:
        return "-"
    return "%d / %d / %d (%d)" % (times[0], times[len(times) // 2], times[-1], len(times))


def server_cpu(run):
    servers = run.get("serverCpu") or []
    return sum(s["cpuPercent"] for s in servers) if servers else None


ROWS = [
    ("VMs listed", lambda r: num(r.get("vms"), "%d")),
    ("inventory in the list (ms)", lambda r: num(r.get("inventoryMs"), "%d")),
    ("shown: painted / paintable (ms)", lambda r: num(r.get("shownMs"), "%d")),
    ("shown, min / median / max (runs)", spread),
    ("steady CPU (% of one core)", lambda r: num(r.get("steadyCpuPercent"), "%.2f")),
    ("steady RSS max (MiB)", lambda r: num(r.get("rssMiB"), "%.1f")),
    ("process peak RSS (MiB)", lambda r: num(r.get("rssPeakMiB"), "%.1f")),
    ("lag load: max / p99 (ms)", lambda r: "%s / %s" % (
        num(get(r, "lag", "load", "maxMs"), "%.1f"), num(get(r, "lag", "load", "p99Ms"), "%.1f"))),
    ("lag steady: max / p99 (ms)", lambda r: "%s / %s" % (
        num(get(r, "lag", "steady", "maxMs"), "%.1f"),
        num(get(r, "lag", "steady", "p99Ms"), "%.1f"))),
    ("lag startup, window build (ms)", lambda r: num(get(r, "lag", "startup", "maxMs"), "%.1f")),
    ("libvirtd CPU, steady (%)", lambda r: num(server_cpu(r), "%.2f")),
    ("load CPU, all threads (ms)", lambda r: num(r.get("loadCpuMs"), "%d")),
    ("load, GUI thread: CPU / wait (ms)", lambda r: "%s / %s" % (
        num(r.get("loadGuiCpuMs"), "%.0f"), num(r.get("loadGuiRunDelayMs"), "%.0f"))),
    ("largest GUI batch / re-sort (ms)", lambda r: "%s / %s" % (
        num(r.get("maxVmBatchMs"), "%.1f"), num(r.get("maxSortMs"), "%.1f"))),
]

RATIOS = [
    ("inventory in the list", "inventoryMs"),
    ("shown", "shownMs"),
    ("steady CPU", "steadyCpuPercent"),
    ("steady RSS max", "rssMiB"),
    ("process peak RSS", "rssPeakMiB"),
    ("max event-loop lag", "maxLagMs"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--title", default="Inventory benchmark")
    ap.add_argument("results", nargs="+")
    args = ap.parse_args()

    groups, broken = {}, []
    for path in args.results:
        run = load(path)
        if run is None:
            broken.append(path)
        else:
            groups.setdefault((run.get("peer"), run.get("label")), []).append(run)
    runs = []
    for group in groups.values():
        main_run = dict(max(group, key=lambda r: r.get("steadySec") or 0))
        if not main_run.get("steadySec"):
            # Only inventory-only runs (or a steady run that died): no steady figures at all.
            for key in STEADY_KEYS:
                main_run.pop(key, None)
            main_run.get("lag", {}).pop("steady", None)
        main_run["_shownAll"] = [r.get("shownMs") for r in group]
        main_run["_errors"] = [r["error"] for r in group if r.get("error")]
        # A "partial" result is the load phase's line of a run that died in its steady phase.
        main_run["_errors"] += ["a run ended during its steady phase without a result (%s)"
                                % ("; ".join(r["_exit"]) or "see its log")
                                for r in group if r.get("partial")]
        main_run["_errors"] += ["a run printed its result, then its process ended abnormally"
                                " (%s)" % "; ".join(r["_exit"])
                                for r in group if r["_exit"] and not r.get("partial")]
        runs.append(main_run)

    print(args.title)
    print()
    heads = ["%s %s" % (r.get("peer"), r.get("label")) for r in runs]
    width = max([len(h) for h in heads] + [len(cell(r)) for _, cell in ROWS for r in runs]) + 2
    print("%-32s" % "" + "".join("%*s" % (width, h) for h in heads))
    for name, cell in ROWS:
        print("%-32s" % name + "".join("%*s" % (width, cell(r)) for r in runs))

    corral = {r.get("label"): r for r in runs if r.get("peer") == "corral"}
    vmm = {r.get("label"): r for r in runs if r.get("peer") == "virt-manager"}
    for label in sorted(set(corral) & set(vmm)):
        c, v = corral[label], vmm[label]
        print()
        print("Ratios Corral / virt-manager on %s (lower is better for Corral):" % label)
        for name, key in RATIOS:
            a, b = c.get(key), v.get(key)
            if a is None or b is None or a < 0 or b <= 0:
                text = "-"
            else:
                text = "%.3f  (%s vs %s)" % (a / b, num(a, "%.1f"), num(b, "%.1f"))
            print("  %-24s %s" % (name, text))

    print()
    print("Targets (Corral):")
    verdicts = []

    def verdict(ok, text):
        verdicts.append(ok)
        print("  [%s] %s" % ("PASS" if ok else "FAIL", text))

    for label, r in sorted(corral.items(), key=lambda kv: (kv[1].get("hosts", 0), kv[0])):
        hosts = r.get("hosts", 0)
        for error in r["_errors"]:
            verdict(False, "%s: %s" % (label, error))
        limit = TARGET_SHOWN_MS.get(hosts)
        shown = [t if t is not None else -1 for t in r["_shownAll"]]
        if limit is not None:
            verdict(all(0 <= t <= limit for t in shown),
                    "%s: %d VMs on %d host(s) shown <= %d ms in every run: %s ms"
                    % (label, r.get("vms", 0), hosts, limit,
                       ", ".join(num(t, "%d") for t in shown)))
        steady_lag = get(r, "lag", "steady", "maxMs")
        lag = max(get(r, "lag", "load", "maxMs") or 0.0, steady_lag or 0.0)
        verdict(get(r, "lag", "load", "samples") and lag <= TARGET_LAG_MS,
                "%s: no GUI stall > %.0f ms (%s): max %s ms"
                % (label, TARGET_LAG_MS,
                   "load and steady" if steady_lag is not None else "load phase only",
                   num(lag, "%.1f")))
        if r.get("steadyCpuPercent") is None:
            verdict(False, "%s: no steady-phase figures, so no CPU or RSS verdict" % label)
            continue
        cpu = r.get("steadyCpuPercent")
        verdict(cpu is not None and cpu <= TARGET_CPU_PERCENT,
                "%s: steady CPU <= %.0f%% of a core: %s%%"
                % (label, TARGET_CPU_PERCENT, num(cpu, "%.2f")))
        peak = r.get("rssPeakMiB")
        verdict(peak is not None and peak <= TARGET_RSS_MIB,
                "%s: RSS <= 200 MB (%.1f MiB), process peak: %s MiB"
                % (label, TARGET_RSS_MIB, num(peak, "%.1f")))
    for v in vmm.values():
        for error in v["_errors"]:
            print("  [note] virt-manager %s: %s" % (v.get("label"), error))
    for path in broken:
        print("  [FAIL] no result in %s (the run failed; see its log)" % path)

    if broken:
        return 2
    return 0 if verdicts and all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
