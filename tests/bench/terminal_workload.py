#!/usr/bin/python3
"""Writes the colour workload of the terminal benchmark: deterministic text with SGR colours.

  terminal_workload.py --bytes N [--seed S] OUT

The output looks like what people cat into terminals: log lines, coloured `ls` and compiler
output, diffs and the odd wide table, one line at a time with varied lengths (blank to about
two screen widths at 120 columns, so some lines wrap). Colours are the 16-colour set
(30-37, 90-97 and backgrounds), the 256-colour palette (38;5;N / 48;5;N) and truecolor
(38;2;R;G;B), with bold, italic, underline and reverse, and a reset at the end of every
line. About 1% of the text is UTF-8 beyond ASCII (Latin-1 letters, box drawing, arrows),
all one cell wide. Lines end with LF, as in a file: the pty in front of the terminal turns them
into CR LF (ONLCR), for xterm the kernel's and for bench_terminal its own copy of that rule.

The same seed and size give the same bytes. The last line is a plain marker,
"end of workload: N bytes, seed S", which the benchmark looks for on the final screen.
"""

import argparse
import random
import sys

WORDS = (
    "the of and to in is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when if "
    "so no will more can said what up its about into them than only other time new some "
    "could these two may first then do any like my now over such our man me even most made "
    "after also did many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see "
    "men work long get here between both life being under never day same another know while "
    "last might us great old year off come since against go came right used take three"
).split()
IDENTS = ("main", "vm_list", "host", "qemu", "virDomainGetInfo", "ssh_channel_read", "parse",
          "QObject::connect", "std::vector<int>", "TerminalWidget", "feed", "libvterm", "SIGSEGV",
          "nullptr", "0x7ffd5e3a", "corral", "fleet", "scheduler", "pool", "overlay.qcow2")
LEVELS = (("INFO", "32"), ("WARN", "33"), ("ERROR", "1;31"), ("DEBUG", "2;37"), ("TRACE", "90"))
UNICODE = "äöüßéèàçñøåÆŒ€£°±µ─│┌┐└┘├┤┬┴┼═║→←↑↓•…"
ESC = "\x1b["


def word(rng):
    if rng.random() < 0.01:
        return "".join(rng.choice(UNICODE) for _ in range(rng.randint(1, 6)))
    return rng.choice(WORDS)


def sentence(rng, n):
    return " ".join(word(rng) for _ in range(n))


def colour16(rng):
    return str(rng.choice((30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97)))


def colour256(rng):
    return "38;5;%d" % rng.randrange(256)


def truecolour(rng):
    return "38;2;%d;%d;%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def attrs(rng):
    out = []
    r = rng.random()
    if r < 0.4:
        out.append(colour16(rng))
    elif r < 0.7:
        out.append(colour256(rng))
    elif r < 0.9:
        out.append(truecolour(rng))
    if rng.random() < 0.2:
        out.append("1")
    if rng.random() < 0.1:
        out.append("4")
    if rng.random() < 0.05:
        out.append("3")
    if rng.random() < 0.05:
        out.append("7")
    if rng.random() < 0.1:
        out.append(rng.choice(("4%d" % rng.randrange(8), "48;5;%d" % rng.randrange(256))))
    return ";".join(out) or "0"


def log_line(rng, n):
    level, sgr = rng.choice(LEVELS)
    stamp = "2026-11-%02d %02d:%02d:%02d.%03d" % (rng.randint(1, 30), rng.randrange(24),
                                                  rng.randrange(60), rng.randrange(60),
                                                  rng.randrange(1000))
    return "%s90m%s%s0m %s%sm%-5s%s0m %s36m%s%s0m: %s" % (
        ESC, stamp, ESC, ESC, sgr, level, ESC, ESC, rng.choice(IDENTS), ESC,
        sentence(rng, rng.randint(2, 24)))


def ls_line(rng, n):
    items = []
    for _ in range(rng.randint(1, 8)):
        kind = rng.random()
        name = rng.choice(IDENTS).replace("::", "_") + rng.choice((".c", ".h", ".txt", "", "/"))
        if kind < 0.3:
            items.append("%s1;34m%s%s0m" % (ESC, name, ESC))
        elif kind < 0.45:
            items.append("%s1;32m%s%s0m" % (ESC, name, ESC))
        elif kind < 0.55:
            items.append("%s1;36m%s%s0m" % (ESC, name, ESC))
        else:
            items.append(name)
    return "  ".join(items)


def compiler_line(rng, n):
    return "%s1m%s.cpp:%d:%d: %s%sm%s:%s0m %s1m%s%s0m" % (
        ESC, rng.choice(IDENTS), rng.randint(1, 2000), rng.randint(1, 100), ESC,
        rng.choice(("1;31", "1;35", "1;36")), rng.choice(("error", "warning", "note")), ESC, ESC,
        sentence(rng, rng.randint(3, 14)), ESC)


def diff_line(rng, n):
    sign, sgr = rng.choice((("+", "32"), ("-", "31"), (" ", "0"), ("@@", "36")))
    return "%s%sm%s%s%s0m" % (ESC, sgr, sign, sentence(rng, rng.randint(0, 16)), ESC)


def rainbow_line(rng, n):
    # Every word its own colour: the worst case for run merging in a renderer.
    return " ".join("%s%sm%s" % (ESC, attrs(rng), word(rng))
                    for _ in range(rng.randint(1, 30))) + ESC + "0m"


def table_line(rng, n):
    cells = ["%s%sm%-*s%s0m" % (ESC, attrs(rng), rng.randint(4, 14), word(rng), ESC)
             for _ in range(rng.randint(3, 16))]
    return "│".join(cells)


KINDS = ((log_line, 30), (ls_line, 10), (compiler_line, 10), (diff_line, 15),
         (rainbow_line, 20), (table_line, 10), (lambda rng, n: "", 5))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bytes", type=int, required=True, help="size of the output (about)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    funcs = [f for f, w in KINDS for _ in range(w)]
    written = 0
    chunk = []
    with open(args.out, "wb") as f:
        while written < args.bytes:
            line = (rng.choice(funcs)(rng, written) + "\n").encode("utf-8")
            chunk.append(line)
            written += len(line)
            if len(chunk) >= 4096:
                f.write(b"".join(chunk))
                chunk = []
        f.write(b"".join(chunk))
        marker = "end of workload: %d bytes, seed %d\n" % (written, args.seed)
        f.write(marker.encode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
