#!/usr/bin/python3
"""Side-by-side table and target verdicts for the VNC benchmark.

  vnc_report.py [--title TEXT] [--note TEXT] RESULT...

Each RESULT file holds the output of one vnc_measure.py run; its last JSON line with "bench"
"vnc" is the result ("peer" and "encoding" say whose and which; a file without one, or with an
"error", is a failed run). The runs of one viewer on one encoding are one column: frame rate,
CPU per 100 frames and the other figures are their medians (min / max shown when there are
several). Prints per encoding the table, then the ratios Corral / best peer (best: the lowest
CPU per frame and the highest frame rate, each on its own) and PASS/FAIL per target.
Exit status: 0 every target passes, 1 a target fails, 2 a run failed, a viewer's last frame
differs from the server's with a lossless encoding, or Corral has no figures.
"""

import argparse
import json
import statistics
import sys

# The targets.
TARGET_CPU_RATIO = 0.5  # Corral's CPU per frame over the better peer's, at most
TARGET_FPS_RATIO = 1.0  # Corral's frame rate over the better peer's, at least

PEERS = ["vncviewer", "gvncviewer"]
CLIENTS = ["corral"] + PEERS
ENCODING_ORDER = ["tight", "tight-jpeg", "zrle", "hextile"]
LOSSLESS = {"tight", "zrle", "hextile"}
ENCODING_TITLES = {"tight": "Tight, lossless", "tight-jpeg": "Tight, JPEG quality 8",
                   "zrle": "ZRLE", "hextile": "Hextile"}


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
        if isinstance(parsed, dict) and parsed.get("bench") == "vnc":
            parsed["_path"] = path
            return parsed
    return None


def fmt(value, spec):
    return "-" if value is None else spec % value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--title", default="VNC benchmark")
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("results", nargs="+")
    args = parser.parse_args()

    runs = {}
    failed = []
    for path in args.results:
        r = load(path)
        if r is None:
            failed.append("%s: no result" % path)
            continue
        if r.get("error"):
            failed.append("%s %s: %s (%s)" % (r["peer"], r["encoding"], r["error"], path))
            continue
        runs.setdefault((r["peer"], r["encoding"]), []).append(r)
    columns = {key: summarise(group) for key, group in runs.items()}
    # With a lossless encoding the viewer's last frame must be the server's, pixel for pixel.
    for (peer, enc), column in sorted(columns.items()):
        image = column.get("image")
        if enc in LOSSLESS and image and "error" not in image and image["differingPixels"]:
            failed.append("%s %s: the last frame differs from the server's in %d pixels "
                          "(lossless encoding)" % (peer, enc, image["differingPixels"]))
    several = any(len(group) > 1 for group in runs.values())

    encodings = [e for e in ENCODING_ORDER if any(k[1] == e for k in runs)]
    clients = [c for c in CLIENTS if any(k[0] == c for k in runs)]
    out = [args.title, ""]
    out += ["Note: " + n for n in args.note]
    if args.note:
        out.append("")

    col = 14
    rows = [
        ("frames per second", lambda r: fmt(r["fps"], "%.2f")),
        ("CPU s per 100 frames", lambda r: fmt(r["cpuPer100Frames"], "%.3f")),
    ]
    if several:
        rows += [
            ("  fps min / max", lambda r: "%.1f/%.1f" % (r["fpsMin"], r["fpsMax"])),
            ("  CPU/100 min / max", lambda r: "%.2f/%.2f" % (r["cpuMin"], r["cpuMax"])),
            ("  runs", lambda r: "%d" % r["runs"]),
        ]
    rows += [
        ("CPU (% of one core)", lambda r: fmt(r["cpuPercent"], "%.1f")),
        ("frames in window", lambda r: "%d" % r["frames"]),
        ("first update (ms)", lambda r: fmt(r.get("firstUpdateMs"), "%.0f")),
        ("  from process start", lambda r: fmt(r.get("firstUpdateFromSpawnMs"), "%.0f")),
        ("peak RSS (MiB)", lambda r: fmt(r["peakRssKiB"] / 1024 if r.get("peakRssKiB")
                                         else None, "%.1f")),
        ("KiB per frame", lambda r: fmt(r["kibPerFrame"], "%.0f")),
        ("Xvnc CPU (%)", lambda r: other_percent(r, "xvnc")),
        ("viewers' Xvfb CPU (%)", lambda r: other_percent(r, "xvfb")),
        ("animator CPU (%)", lambda r: other_percent(r, "animator")),
        ("load avg before/after", lambda r: "%s/%s" % (r.get("loadavgBefore", "?"),
                                                       r.get("loadavgAfter", "?"))),
        ("last frame vs server", lambda r: image_cell(r.get("image"))),
    ]
    if any(r.get("updates") is not None for r in columns.values()):
        at = [label for label, _ in rows].index("frames in window") + 1
        rows.insert(at, ("updates parsed", lambda r: fmt(r.get("updates"), "%d")))

    verdicts = []
    ratio_lines = []
    for enc in encodings:
        out.append("%s (%s)" % (ENCODING_TITLES[enc], enc))
        out.append("%-24s" % "" + "".join("%*s" % (col, c) for c in clients))
        for label, getter in rows:
            cells = []
            for c in clients:
                r = columns.get((c, enc))
                cells.append("%*s" % (col, getter(r) if r else "failed"))
            out.append("%-24s" % label + "".join(cells))
        out.append("")

        corral = columns.get(("corral", enc))
        peers = [columns[(p, enc)] for p in PEERS if (p, enc) in columns]
        cpu_peers = [p for p in peers if p.get("cpuPer100Frames")]
        if not corral or not peers:
            ratio_lines.append("  %-11s no ratio: %s" % (
                enc, "Corral has no figures" if not corral else "no peer has figures"))
            continue
        best_cpu = min(cpu_peers, key=lambda p: p["cpuPer100Frames"])
        best_fps = max(peers, key=lambda p: p["fps"])
        cpu_ratio = corral["cpuPer100Frames"] / best_cpu["cpuPer100Frames"]
        fps_ratio = corral["fps"] / best_fps["fps"] if best_fps["fps"] else None
        ratio_lines.append(
            "  %-11s CPU per frame %.2fx %s's (%.3f vs %.3f s per 100 frames); "
            "frame rate %sx %s's (%.2f vs %.2f per second)" % (
                enc, cpu_ratio, best_cpu["peer"], corral["cpuPer100Frames"],
                best_cpu["cpuPer100Frames"], fmt(fps_ratio, "%.2f"), best_fps["peer"],
                corral["fps"], best_fps["fps"]))
        verdicts.append((cpu_ratio <= TARGET_CPU_RATIO,
                         "%s: CPU per frame <= %.1fx the better peer's: %.2fx" % (
                             enc, TARGET_CPU_RATIO, cpu_ratio)))
        verdicts.append((fps_ratio is not None and fps_ratio >= TARGET_FPS_RATIO,
                         "%s: frame rate >= the better peer's: %sx" % (
                             enc, fmt(fps_ratio, "%.2f"))))

    out.append("last frame vs server: the viewer's screen against the server's with the animation"
               " paused (last round): = pixel for pixel, else PSNR in dB.")
    out.append("")
    out.append("Ratios Corral / best peer (CPU: lower is better; frame rate: higher is better):")
    out += ratio_lines or ["  none"]
    out.append("")
    if verdicts:
        out.append("Targets (Corral):")
        for ok, text in verdicts:
            out.append("  [%s] %s" % ("PASS" if ok else "FAIL", text))
    else:
        out.append("Targets (Corral): not measured")
    if failed:
        out.append("")
        out.append("Failed runs:")
        out += ["  " + f for f in failed]
    print("\n".join(out))

    if failed or not verdicts:
        return 2
    return 0 if all(ok for ok, _ in verdicts) else 1


def summarise(group):
    """One column from the runs of one viewer on one encoding: medians, and the extremes."""
    column = dict(group[-1])  # the last run's non-numeric fields (and its image check)
    for key in ("fps", "cpuPer100Frames", "cpuPercent", "frames", "firstUpdateMs",
                "firstUpdateFromSpawnMs", "peakRssKiB", "seconds", "updates"):
        values = [r[key] for r in group if r.get(key) is not None]
        column[key] = statistics.median(values) if values else None
    frames = sum(r["frames"] for r in group)
    column["kibPerFrame"] = (sum(r.get("bytesInWindow", 0) for r in group) / 1024 / frames
                             if frames else None)
    for name in ("xvnc", "xvfb", "animator"):
        values = [r["others"][name] / r["seconds"] for r in group
                  if r.get("others", {}).get(name) is not None and r.get("seconds")]
        column.setdefault("othersPerSecond", {})[name] = (statistics.median(values) if values
                                                          else None)
    column["fpsMin"] = min(r["fps"] for r in group)
    column["fpsMax"] = max(r["fps"] for r in group)
    cpu = [r["cpuPer100Frames"] for r in group if r.get("cpuPer100Frames") is not None]
    column["cpuMin"] = min(cpu) if cpu else float("nan")
    column["cpuMax"] = max(cpu) if cpu else float("nan")
    column["runs"] = len(group)
    column["loadavgBefore"] = "/".join(r.get("loadavgBefore", "?") for r in group[:1])
    column["loadavgAfter"] = "/".join(r.get("loadavgAfter", "?") for r in group[-1:])
    return column


def image_cell(image):
    if not image:
        return "-"
    if "error" in image:
        return "not compared"
    if image["differingPixels"] == 0:
        return "="
    return "%.1f dB" % image["psnr"]


def other_percent(r, name):
    value = r.get("othersPerSecond", {}).get(name)
    return "-" if value is None else "%.1f" % (value / 10)


if __name__ == "__main__":
    sys.exit(main())
