#!/usr/bin/env python3
"""Turn the rows `compare -process -results FILE` wrote into the tables of
bench/README.md (Markdown, on standard output) and one chart: quality
against speed on one suite (F1 against pages per CPU second, log x).

    report.py RESULTS.json [--chart OUT.png] [--suite wild]

Run it with the bench's own Python (python/.venv/bin/python), which has
matplotlib. Nothing is measured here: every figure comes from the file.
"""

import argparse
import json
import sys

SUITES = ["zyte", "boilerplate", "dates", "wild"]
PYTHON = {"trafilatura", "trafilatura+precision", "trafilatura+recall", "resiliparse",
          "readability-lxml", "justext"}
# The suites every contender runs (the dates suite only has the tools that
# give a date): the summary's speed is over these.
COMMON = ["zyte", "boilerplate", "wild"]


def f3(x):
    return "-" if x is None else f"{x:.3f}"


def speed(x):
    if not x:
        return "-"
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}"


def load(path):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    by = {}
    names = []
    for r in rows:
        by[(r["suite"], r["name"])] = r
        if r["name"] not in names:
            names.append(r["name"])
    return by, names


def summary(by, names):
    out = ["| extractor | zyte F1 | boilerplate F1 | dates accuracy | wild F1 | pages/s per core (zyte+boilerplate+wild) |",
           "|---|---:|---:|---:|---:|---:|"]
    for n in names:
        cells = []
        for s, key in (("zyte", "f1"), ("boilerplate", "f1"), ("dates", "accuracy"), ("wild", "f1")):
            r = by.get((s, n))
            cells.append(f3(r.get(key)) if r and r["scored"] else "-")
        pages = sum(by[(s, n)]["pages"] for s in COMMON if (s, n) in by and not by[(s, n)].get("error"))
        cpu = sum(by[(s, n)]["cpu_seconds"] for s in COMMON if (s, n) in by and not by[(s, n)].get("error"))
        out.append(f"| {n} | " + " | ".join(cells) + f" | {speed(pages / cpu if cpu else 0)} |")
    return "\n".join(out)


def suite_table(by, names, suite):
    rows = [by[(suite, n)] for n in names if (suite, n) in by]
    if not rows:
        return ""
    head = "| extractor | P | R | F1 |"
    sep = "|---|---:|---:|---:|"
    if suite in ("zyte", "boilerplate", "dates"):
        head += " accuracy |"
        sep += "---:|"
    if suite == "boilerplate":
        head += " title | author | date |"
        sep += "---:|---:|---:|"
    if suite == "wild":
        sets = sorted({k for r in rows for k in (r.get("sets") or {})})
        head += " median F1 | " + " | ".join(sets) + " |"
        sep += "---:|" * (len(sets) + 1)
    head += " errors | pages | CPU s | pages/s per core | in-extractor pages/s |"
    sep += "---:|---:|---:|---:|---:|"
    out = [head, sep]
    for r in rows:
        if r.get("error"):
            out.append(f"| {r['name']} | error: {r['error']} |")
            continue
        sc = r["scored"]
        cells = [f3(r["precision"]) if sc else "-", f3(r["recall"]) if sc else "-", f3(r["f1"]) if sc else "-"]
        if suite in ("zyte", "boilerplate", "dates"):
            cells.append(f3(r.get("accuracy")) if sc else "-")
        if suite == "boilerplate":
            meta = r.get("meta") or {}
            cells += [f3(meta.get(k)) if sc and k in meta else "-" for k in ("title", "author", "date")]
        if suite == "wild":
            cells.append(f3(r.get("median")) if sc else "-")
            cells += [f3((r.get("sets") or {}).get(k)) if sc else "-" for k in sets]
        cells += [str(r["errors"]) if sc else "-", str(r["pages"]), f"{r['cpu_seconds']:.2f}",
                  speed(r["pages_per_cpu_second"]), speed(r.get("in_extractor_pages_per_second"))]
        out.append(f"| {r['name']} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def place_labels(fig, ax, points):
    """Writes each point's name beside it, on the first side where it
    overlaps no name already written (a greedy layout, in pixels)."""
    fig.canvas.draw()
    placed = []
    offsets = [(8, 4, "left"), (8, -12, "left"), (-8, 4, "right"), (-8, -12, "right"),
               (14, 16, "left"), (14, -24, "left"), (-14, 16, "right"), (-14, -24, "right"),
               (20, 28, "left"), (20, -36, "left")]
    px = fig.dpi / 72  # pixels per point
    for x, y, label in sorted(points, key=lambda p: -p[1]):
        X, Y = ax.transData.transform((x, y))
        w, h = len(label) * 4.9 * px, 9 * px
        for dx, dy, ha in offsets:
            x0 = X + dx * px - (w if ha == "right" else 0)
            y0 = Y + dy * px
            box = (x0, y0, x0 + w, y0 + h)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                break
        placed.append(box)
        ax.annotate(label, (x, y), textcoords="offset points", xytext=(dx, dy), ha=ha, va="bottom", fontsize=8,
                    arrowprops=dict(arrowstyle="-", lw=0.5, color="0.5", shrinkA=0, shrinkB=4))


def chart(by, names, suite, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5.6), dpi=120)
    rinse = by.get((suite, "rinse"))
    points = []
    for n in names:
        r = by.get((suite, n))
        if not r or r.get("error") or not r["pages_per_cpu_second"]:
            continue
        f1 = r["f1"] if r["scored"] else (rinse or {}).get("f1")
        if f1 is None:
            continue
        if n.startswith("rinse"):
            color, marker = "#d62728", "*" if r["scored"] else "P"
        elif n in PYTHON:
            color, marker = "#1f77b4", "o"
        else:
            color, marker = "#2ca02c", "s"
        ax.scatter(r["pages_per_cpu_second"], f1, s=140 if marker == "*" else 60, c=color, marker=marker, zorder=3)
        points.append((r["pages_per_cpu_second"], f1, n if r["scored"] else n + " (CLI: every stage + Parquet)"))
    ax.set_xscale("log")
    xs = [p[0] for p in points]
    ax.set_xlim(min(xs) / 1.6, max(xs) * 2.2)
    ys = [p[1] for p in points]
    pad = (max(ys) - min(ys)) * 0.08 or 0.01
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    place_labels(fig, ax, points)
    ax.set_xlabel("pages per second per core (whole process, CPU time, one worker; log scale)")
    ax.set_ylabel(f"{suite} F1")
    ax.set_title(f"Quality against speed on the {suite} suite")
    ax.grid(True, which="both", alpha=0.3)
    from matplotlib.lines import Line2D
    ax.legend(handles=[
        Line2D([], [], color="#d62728", marker="*", linestyle="", markersize=11, label="rinse"),
        Line2D([], [], color="#2ca02c", marker="s", linestyle="", label="Go ports"),
        Line2D([], [], color="#1f77b4", marker="o", linestyle="", label="Python"),
    ], loc="lower left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("results")
    ap.add_argument("--chart", help="write the chart to this PNG file")
    ap.add_argument("--suite", default="wild", help="the chart's suite (default wild)")
    args = ap.parse_args()
    by, names = load(args.results)
    print(summary(by, names))
    for s in SUITES:
        t = suite_table(by, names, s)
        if t:
            print(f"\n**{s}**\n\n{t}")
    if args.chart:
        chart(by, names, args.suite, args.chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
