#!/usr/bin/python3
"""Tables, ratios and target verdicts for the image-upload benchmark (run-images).

  images_report.py --results RESULTS.jsonl --json OUT.json --file TAG=PATH=SHA256...
                   [--data-bytes TAG=N] [--repeat N] [--quick] [--corral-skipped REASON]
                   [--default-cipher NAME] [--title TEXT] [--note TEXT]...

RESULTS holds one JSON line per timed run, as images_time.py writes them: "file" (the TAG),
"peer", "run", "seconds", "rc" (0: the run succeeded). A peer's figure on a file is the median
of its successful runs. Prints one table per file (median seconds, min-max, MB/s with
MB = 10^6 bytes of the file's apparent size, each peer's time over Corral's), the ratios
"Corral vs ..." (the peer's time over Corral's: above 1, Corral is faster) and PASS/MISS per
target of issue 5; writes all of it to OUT.json.
Exit status: 0 every target passes, 1 a target is missed, 2 a run failed or Corral (or a peer a
target needs) has no figure.
"""

import argparse
import json
import os
import statistics
import sys

# Issue 5's targets.
TARGET_VS_VIRSH = 1.8  # virsh vol-upload's time over Corral's, at least
TARGET_VS_SCP_GCM = 1.0  # scp -c aes128-gcm's time over Corral's, above
TARGET_SPARSE = 1.3  # Corral's time for the sparse file over its time for the data, at most

FILE_ORDER = ["random-1g", "data-512m", "sparse-8g"]
FILE_TITLES = {
    "random-1g": "1 GiB of random data",
    "data-512m": "512 MiB of random data (the sparse file's data, dense)",
    "sparse-8g": "8 GiB sparse file, 512 MiB of data in 16 extents of 32 MiB",
}
# The files the targets are about; data-512m is the sparse file's reference.
TARGET_FILES = {"random-1g", "sparse-8g"}

PEER_ORDER = ["corral", "virsh", "virsh-sparse", "virsh-verify", "virsh-sparse-verify", "scp",
              "scp-gcm", "floor", "floor-gcm", "cp", "sha256"]


def peer_labels(cipher):
    cipher = cipher.split("@")[0]
    return {
        "corral": "Corral: corralctl image upload",
        "virsh": "virsh vol-upload (libssh)",
        "virsh-sparse": "virsh vol-upload --sparse",
        "virsh-verify": "virsh vol-upload + verify",
        "virsh-sparse-verify": "virsh vol-upload --sparse + verify",
        "scp": "scp (%s)" % cipher,
        "scp-gcm": "scp -c aes128-gcm@openssh.com",
        "floor": "floor: cat | ssh (%s)" % cipher,
        "floor-gcm": "floor: cat | ssh -c aes128-gcm",
        "cp": "local: cp",
        "sha256": "local: openssl dgst -sha256",
    }


def load_results(path):
    runs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except ValueError:
                raise SystemExit("%s:%d: not JSON" % (path, number))
            runs.append(r)
    return runs


def summarise(group):
    ok = sorted(r["seconds"] for r in group if r.get("rc") == 0 and r.get("seconds"))
    return {
        "runs": [{"run": int(r.get("run", 0)), "seconds": r.get("seconds"), "rc": r.get("rc")}
                 for r in group],
        "okRuns": len(ok),
        "failedRuns": len(group) - len(ok),
        "seconds": statistics.median(ok) if ok else None,
        "min": ok[0] if ok else None,
        "max": ok[-1] if ok else None,
    }


def fmt(value, spec, none="-"):
    return none if value is None else spec % value


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--json", required=True)
    parser.add_argument("--file", action="append", default=[], required=True)
    parser.add_argument("--data-bytes", action="append", default=[])
    parser.add_argument("--repeat", type=int, default=0)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--corral-skipped", default="")
    parser.add_argument("--default-cipher", default="default cipher")
    parser.add_argument("--title", default="Image upload benchmark")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args()
    labels = peer_labels(args.default_cipher)

    files = {}
    for item in args.file:
        tag, _, rest = item.partition("=")
        path, _, digest = rest.rpartition("=")
        st = os.stat(path)
        files[tag] = {"path": path, "bytes": st.st_size, "allocatedBytes": st.st_blocks * 512,
                      "sha256": digest, "dataBytes": st.st_size}
    for item in args.data_bytes:
        tag, _, value = item.partition("=")
        if tag in files:
            files[tag]["dataBytes"] = int(value)

    groups = {}
    for r in load_results(args.results):
        groups.setdefault((r.get("file"), r.get("peer")), []).append(r)
    peers = {}
    failed = []
    for (tag, peer), group in sorted(groups.items()):
        s = summarise(group)
        if tag in files and s["seconds"]:
            s["mbPerS"] = files[tag]["bytes"] / 1e6 / s["seconds"]
            s["dataMbPerS"] = files[tag]["dataBytes"] / 1e6 / s["seconds"]
        peers.setdefault(tag, {})[peer] = s
        for r in group:
            if r.get("rc") != 0:
                failed.append("%s %s run %s: exit status %s%s" % (
                    tag, peer, r.get("run"), r.get("rc"),
                    ", " + r["error"] if r.get("error") else ""))

    def seconds(tag, peer):
        return peers.get(tag, {}).get(peer, {}).get("seconds")

    def best(tag, candidates):
        """The fastest of the candidate peers that has a figure: (peer, seconds)."""
        have = [(seconds(tag, p), p) for p in candidates if seconds(tag, p)]
        if not have:
            return None, None
        s, p = min(have)
        return p, s

    out = [args.title, ""]
    out += ["Note: " + n for n in args.note]
    if args.corral_skipped:
        out.append("Note: CORRAL NOT MEASURED: " + args.corral_skipped)
    if args.quick:
        out.append("Note: --quick: one run per peer, no scp of the 8 GiB sparse file")
    out.append("")

    ratios = {}
    targets = []

    def target(tag, name, value, wanted, ok, why_missing):
        if value is None:
            verdict = "n/a"
        else:
            verdict = "PASS" if ok(value) else "MISS"
        targets.append({"file": tag, "name": name, "value": value, "target": wanted,
                        "verdict": verdict, **({"missing": why_missing} if value is None else {})})

    for tag in [t for t in FILE_ORDER if t in files] + [t for t in files if t not in FILE_ORDER]:
        info = files[tag]
        sparse = info["dataBytes"] < info["bytes"]
        out.append("%s: %s" % (os.path.basename(info["path"]), FILE_TITLES.get(tag, tag)))
        out.append("  %d bytes (%.1f MB), %d allocated, sha256 %s" % (
            info["bytes"], info["bytes"] / 1e6, info["allocatedBytes"], info["sha256"]))
        corral = seconds(tag, "corral")
        head = "  %-38s %9s %17s %9s" % ("peer", "median s", "min - max s", "MB/s")
        if sparse:
            head += " %10s" % "data MB/s"
        head += " %6s %14s" % ("runs", "time / Corral")
        out.append(head)
        present = [p for p in PEER_ORDER if p in peers.get(tag, {})]
        present += sorted(p for p in peers.get(tag, {}) if p not in PEER_ORDER)
        for peer in present:
            s = peers[tag][peer]
            line = "  %-38s %9s %17s %9s" % (
                labels.get(peer, peer), fmt(s["seconds"], "%.3f", "failed"),
                "%.3f - %.3f" % (s["min"], s["max"]) if s["okRuns"] > 1 else "-",
                fmt(s.get("mbPerS"), "%.1f"))
            if sparse:
                line += " %10s" % fmt(s.get("dataMbPerS"), "%.1f")
            line += " %6s %14s" % ("%d/%d" % (s["okRuns"], s["okRuns"] + s["failedRuns"]),
                                   fmt(ratio(s["seconds"], corral), "%.2fx"))
            out.append(line)
        if "corral" not in present:
            out.append("  %-38s %9s" % (labels["corral"], "not run"))
        out.append("")

        file_ratios = {}
        lines = []

        def add(name, value, detail, verdict_text=""):
            file_ratios[name] = value
            lines.append("  %-44s %8s  %s%s" % (name, fmt(value, "%.2fx", "n/a"), detail,
                                                 verdict_text))

        virsh_peer, virsh_s = best(tag, ["virsh", "virsh-sparse"])
        verify_peer, verify_s = best(tag, ["virsh-verify", "virsh-sparse-verify"])
        scp_peer, scp_s = best(tag, ["scp", "scp-gcm"])
        checked = tag in TARGET_FILES

        def detail(peer, peer_s, name_peer=False):
            which = "%s: " % labels.get(peer, peer) if name_peer and peer else ""
            if peer_s is None:
                return "(the peer was not measured)"
            if corral is None:
                return "(%s%.3f s; Corral not measured)" % (which, peer_s)
            return "(%s%.3f s / %.3f s)" % (which, peer_s, corral)

        def verdict(value, ok, text):
            if not checked:
                return ""
            if value is None:
                return "  [n/a] target %s" % text
            return "  [%s] target %s" % ("PASS" if ok(value) else "MISS", text)

        value = ratio(virsh_s, corral)
        ok_virsh = lambda v: v >= TARGET_VS_VIRSH  # noqa: E731
        add("corral vs virsh vol-upload", value, detail(virsh_peer, virsh_s, name_peer=sparse),
            verdict(value, ok_virsh, ">= %.1fx" % TARGET_VS_VIRSH))
        if sparse:
            # Both, and the target against the faster of the two, above.
            for peer, name in (("virsh", "corral vs virsh vol-upload, plain"),
                               ("virsh-sparse", "corral vs virsh vol-upload --sparse")):
                add(name, ratio(seconds(tag, peer), corral), detail(peer, seconds(tag, peer)))
        if checked:
            target(tag, "corral vs virsh vol-upload", value, ">= %.1f" % TARGET_VS_VIRSH, ok_virsh,
                   "Corral not measured" if corral is None else "virsh has no figure")
        value = ratio(verify_s, corral)
        add("corral vs virsh vol-upload + verify", value,
            detail(verify_peer, verify_s, name_peer=sparse))

        gcm_s = seconds(tag, "scp-gcm")
        value = ratio(gcm_s, corral)
        ok_scp = lambda v: v > TARGET_VS_SCP_GCM  # noqa: E731
        add("corral vs scp -c aes128-gcm", value, detail("scp-gcm", gcm_s),
            verdict(value, ok_scp, "> %.1fx" % TARGET_VS_SCP_GCM))
        if checked:
            why = ("Corral not measured" if corral is None else
                   "not run with --quick" if args.quick and tag == "sparse-8g" else
                   "scp -c aes128-gcm has no figure")
            target(tag, "corral vs scp -c aes128-gcm", value, "> %.1f" % TARGET_VS_SCP_GCM, ok_scp,
                   why)
        value = ratio(seconds(tag, "scp"), corral)
        add("corral vs scp (%s)" % args.default_cipher.split("@")[0], value,
            detail("scp", seconds(tag, "scp")))
        for peer, name in (("floor", "corral vs floor (%s)" % args.default_cipher.split("@")[0]),
                           ("floor-gcm", "corral vs floor (aes128-gcm)")):
            value = ratio(seconds(tag, peer), corral)
            add(name, value, detail(peer, seconds(tag, peer)))
        if sparse:
            dense = seconds("data-512m", "corral")
            value = ratio(corral, dense)
            ok_sparse = lambda v: v <= TARGET_SPARSE  # noqa: E731
            text = ("(%.3f s / %.3f s)" % (corral, dense)
                    if corral is not None and dense else "(Corral not measured on both)")
            file_ratios["sparse corral / 512 MiB dense corral"] = value
            lines.append("  %-44s %8s  %s%s" % (
                "sparse corral / 512 MiB dense corral", fmt(value, "%.2f", "n/a"), text,
                verdict(value, ok_sparse, "<= %.1f" % TARGET_SPARSE)))
            target(tag, "sparse corral / 512 MiB dense corral", value, "<= %.1f" % TARGET_SPARSE,
                   ok_sparse, "Corral not measured on both files")
        ratios[tag] = file_ratios
        out.append("  Ratios: the peer's time / Corral's (above 1: Corral is faster)")
        out += lines
        out.append("")

    out.append("virsh vol-upload + verify: the upload, then ssh HOST openssl dgst -sha256 on the")
    out.append("  volume, then openssl dgst -sha256 on the local file, one after the other.")
    out.append("Corral's time includes its verification (SHA-256 of both ends) and registration.")
    out.append("For the sparse file, corral vs virsh vol-upload (and + verify) takes the faster of")
    out.append("  plain and --sparse.")
    out.append("")
    if targets:
        out.append("Targets (issue 5):")
        for t in targets:
            shown = fmt(t["value"], "%.2f", "n/a")
            extra = " (%s)" % t["missing"] if t["value"] is None else ""
            out.append("  [%s] %s: %s, target %s%s" % (
                t["verdict"], "%s %s" % (t["file"], t["name"]), shown, t["target"], extra))
    if failed:
        out.append("")
        out.append("Failed runs:")
        out += ["  " + f for f in failed]
    print("\n".join(out))

    report = {
        "bench": "images",
        "title": args.title,
        "notes": args.note,
        "quick": args.quick,
        "repeat": args.repeat,
        "defaultCipher": args.default_cipher,
        "corralSkipped": args.corral_skipped or None,
        "files": files,
        "peers": peers,
        "ratios": ratios,
        "targets": targets,
        "failedRuns": failed,
    }
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")

    corral_missing = args.corral_skipped or not any("corral" in p for p in peers.values())
    # A target that could not be judged for a reason other than --quick counts as a failed run.
    unjudged = [t for t in targets if t["verdict"] == "n/a"
                and t.get("missing") != "not run with --quick"]
    if failed or corral_missing or unjudged:
        return 2
    return 0 if all(t["verdict"] != "MISS" for t in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
