#!/usr/bin/env python3
"""Draws docs/img/bench-scaling.svg from `solvent bench` JSON documents (one per population size).

Usage: tools/bench-chart/chart.py OUT.svg BENCH-10000.json BENCH-30000.json ...
Standard library only. Left: ns per sub-account of the full revaluation (one thread and two), the stream baseline
the row-wise baseline (same walk, seven result columns written,
no arithmetic) and the naive object-per-account evaluation, against the population (log-log). Right: the quiet tick's median and
p99 in ns against the population: flat when the cost does not grow with the book.
"""
import json
import math
import sys

W, H = 900, 380
PANEL_W, PANEL_H = 360, 260
MARGIN_L, MARGIN_T = 70, 50
SERIES_LEFT = [
    ("naiveNsPerSubaccount", "naive, object per account", "#b03a2e"),
    ("fullRevaluationNsPerSubaccount", "revalueAll, 1 thread", "#1f618d"),
    ("parallelRevaluationNsPerSubaccount", "revalueAll, 2 threads", "#27ae60"),
    ("rowStreamBaselineNsPerSubaccount", "row-wise stream + writes, 1 thread", "#aab7b8"),
    ("streamBaselineNsPerSubaccount", "stream baseline (reads)", "#7f8c8d"),
]
SERIES_RIGHT = [
    ("quietTickP99Ns", "quiet tick p99", "#b9770e"),
    ("quietTickMedianNs", "quiet tick median", "#6c3483"),
]


def log_scale(lo, hi, size):
    a, b = math.log10(lo), math.log10(hi)
    return lambda v: (math.log10(v) - a) / (b - a) * size


def panel(x0, docs, series, title, ylabel, ylo, yhi):
    out = []
    xs = [d["accounts"] for d in docs]
    fx = log_scale(min(xs) / 1.3, max(xs) * 1.3, PANEL_W)
    fy = log_scale(ylo, yhi, PANEL_H)
    y0 = MARGIN_T + PANEL_H
    out.append(f'<rect x="{x0}" y="{MARGIN_T}" width="{PANEL_W}" height="{PANEL_H}" fill="none" stroke="#999"/>')
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{MARGIN_T - 18}" text-anchor="middle" font-weight="bold">{title}</text>')
    out.append(f'<text x="{x0 - 50}" y="{MARGIN_T + PANEL_H / 2}" text-anchor="middle" '
               f'transform="rotate(-90 {x0 - 50} {MARGIN_T + PANEL_H / 2})">{ylabel}</text>')
    decade = 10 ** math.floor(math.log10(ylo))
    while decade <= yhi:
        for m in (1, 2, 5):
            v = decade * m
            if ylo <= v <= yhi:
                y = y0 - fy(v)
                out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + PANEL_W}" y2="{y:.1f}" stroke="#eee"/>')
                out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{v:g}</text>')
        decade *= 10
    for n in xs:
        x = x0 + fx(n)
        label = f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"
        out.append(f'<text x="{x:.1f}" y="{y0 + 16}" text-anchor="middle" font-size="11">{label}</text>')
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{y0 + 34}" text-anchor="middle">sub-accounts</text>')
    for i, (key, name, colour) in enumerate(series):
        pts = [(x0 + fx(d["accounts"]), y0 - fy(d[key])) for d in docs if d.get(key)]
        out.append('<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(
            colour, " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)))
        for x, y in pts:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        ly = MARGIN_T + 14 + 16 * i
        out.append(f'<line x1="{x0 + 10}" y1="{ly - 4}" x2="{x0 + 30}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{x0 + 36}" y="{ly}" font-size="11">{name}</text>')
    return out


def main():
    out_path, files = sys.argv[1], sys.argv[2:]
    docs = sorted((json.load(open(f)) for f in files), key=lambda d: d["accounts"])
    left_values = [d[k] for d in docs for k, _, _ in SERIES_LEFT if d.get(k)]
    right_values = [d[k] for d in docs for k, _, _ in SERIES_RIGHT if d.get(k)]
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    svg += panel(MARGIN_L, docs, SERIES_LEFT, "Full revaluation, ns per sub-account", "ns per sub-account",
                 min(left_values) / 1.5, max(left_values) * 1.5)
    svg += panel(MARGIN_L + PANEL_W + 100, docs, SERIES_RIGHT, "Quiet tick (0.01% move), ns per tick", "ns per tick",
                 min(right_values) / 1.5, max(right_values) * 3)
    first = docs[0]
    command = "solvent bench --quick" if first.get("quick") else "solvent bench"
    svg.append(f'<text x="{MARGIN_L}" y="{H - 12}" font-size="11" fill="#555">{command}; '
               f'{first.get("jdk")}; {first.get("cpu")}, {first.get("cores")} cores</text>')
    svg.append("</svg>")
    with open(out_path, "w") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main()
