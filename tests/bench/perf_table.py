#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The README's Performance table, made from the benchmarks' --json files.

    tests/bench/perf_table.py FILE_GUI FILE_SYNC

FILE_GUI comes from `bench_gui --json FILE_GUI`, FILE_SYNC from `bench_sync --json FILE_SYNC`
(either may be `-` for none). Prints the machine and date of each file, then one markdown row per
figure: what was measured, the figure, and its target with the headroom. A figure the run did not
measure (null, as in `bench_gui 0 0 0`) has no row.

Headroom is how much of the target is left: (target - figure) / target for a "less than" target,
(figure - target) / figure for an "at least" target (how much slower the machine may be). The
project asks for 30 % on every interactive target; a row with less says so.
"""

import json
import sys

WANTED_HEADROOM = 30.0


def load(path):
    if path == "-":
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def target_cell(figure, op, target, text):
    """`text` with a tick and the headroom, or the miss."""
    if op == "<":
        headroom = (target - figure) / target * 100
        met = figure < target
    elif op == "<=":
        headroom = (target - figure) / target * 100
        met = figure <= target
    else:  # ">="
        headroom = (figure - target) / figure * 100 if figure > 0 else -100.0
        met = figure >= target
    if not met:
        return f"{text} ✗ ({headroom:.0f} %)"
    if headroom < WANTED_HEADROOM:
        return f"{text} ✓, {headroom:.0f} % headroom (less than {WANTED_HEADROOM:.0f} %)"
    return f"{text} ✓, {headroom:.0f} % headroom"


def machine_line(name, data):
    m = data.get("machine", {})
    load_avg = " / ".join(f"{v:.2f}" for v in m.get("load_average_before", []))
    args = " ".join(data.get("arguments", [])) or "(defaults)"
    return (f"- `{name} {args}`: {m.get('date', '?')}, {m.get('build_type', '?')} build, {m.get('cpu_model', '?')}, "
            f"{m.get('cores', '?')} cores, {m.get('memory_gib', '?')} GiB, {m.get('os', '?')}, Qt {m.get('qt', '?')}; "
            f"load average before the run {load_avg or '?'}")


def gui_rows(g):
    d = g.get("details", {})
    runs = d.get("runs", 0)
    rows = []

    def row(key, what, measured, op=None, target=None, text=""):
        figure = g.get(key)
        if figure is None:
            return
        cell = target_cell(figure, op, target, text) if op else text
        rows.append(f"| {what} | {measured(figure)} | {cell} |")

    row("cold_start_ms",
        f"`modeldesk --cache … --experiment bench --screenshot`, whole process: start, open the {runs:,}-run cache, "
        "show the experiment, paint, write the PNG, exit",
        lambda v: f"{v:.0f} ms median of 5", "<", 1000, "cold start < 1 s")
    row("table_open_ms", f"runs table of {runs:,} runs × {d.get('columns', 0)} columns: open (load + first paint)",
        lambda v: f"{v:.0f} ms", "<", 300, "< 300 ms")

    scroll = d.get("scroll, newest first", {})
    by_metric = d.get("scroll, sorted by a metric", {})
    row("scroll_p95_ms", "… scroll a page down, 95th percentile (newest first / sorted by a metric)",
        lambda v: f"{scroll.get('p95_ms', v):.1f} / {by_metric.get('p95_ms', v):.1f} ms "
                  f"(median {scroll.get('median_ms', 0):.1f} / {by_metric.get('median_ms', 0):.1f} ms)",
        "<", 16, "< 16 ms")
    row("jump_p95_ms", "… jump to a random place (scroll bar dragged), 95th percentile (the same two orders)",
        lambda v: f"{scroll.get('jump_p95_ms', v):.1f} / {by_metric.get('jump_p95_ms', v):.1f} ms "
                  f"(median {scroll.get('jump_median_ms', 0):.1f} / {by_metric.get('jump_median_ms', 0):.1f} ms)",
        "<", 16, "< 16 ms")
    row("sort_ms", f"… sort all {runs:,} rows by a metric column, with the repaint", lambda v: f"{v:.0f} ms")
    for key in ("filter_narrow", "filter_broad"):
        f = d.get(key, {})
        row(f"{key}_ms", f"… filter `{f.get('filter', '?')}` ({f.get('rows', 0):,} runs), with the repaint",
            lambda v: f"{v:.0f} ms median of 5", "<", 50, "< 50 ms")
    row("peak_mib", f"peak memory with the {runs:,}-run table open (VmHWM)", lambda v: f"{v:.0f} MiB",
        "<", 500e6 / 2**20, "< 500 MB")
    c = d.get("compare", {})
    row("compare_1000_ms", f"comparison of {c.get('runs', 0):,} runs ({c.get('rows', 0)} rows): read, build, model",
        lambda v: f"{v:.0f} ms median of 3", "<", 200, "< 200 ms")

    steps = d.get("chart_steps", 0)
    for key, detail, what in (
            ("chart_replot_ms", "chart", f"chart of {d.get('chart_runs', 0)} runs × {steps:,} points"),
            ("chart_bands_replot_ms", "chart_bands", f"chart of 20 runs × {steps:,} points, antialiased with min/max bands")):
        t = d.get(detail, {})
        row(key, f"{what}: replot, whole range / zoomed to a tenth / while dragging",
            lambda v, t=t: f"{t.get('whole_ms', v):.1f} / {t.get('zoomed_ms', v):.1f} / {t.get('dragging_ms', v):.1f} ms "
                           "(median of 10 each)",
            "<", 30, "< 30 ms")
    return rows


def sync_rows(s):
    d = s.get("details", {})
    r = d.get("runs", {})
    h = d.get("histories", {})
    rows = []
    if s.get("sync_ratio") is not None:
        rows.append(f"| server: full sync of {r.get('count', 0):,} runs ({r.get('spec', '?')}: runs, metrics, params; "
                    f"{r.get('page_mb', 0):.1f} MB of runs/search pages) | {r.get('sync_s', 0):.2f} s: "
                    f"**{s['sync_ratio']:.2f} ×** the bare fetch of the same pages ({r.get('bare_fetch_s', 0):.2f} s) | "
                    f"{target_cell(s['sync_ratio'], '<=', 1.1, '≤ 1.1 ×')} |")
    if s.get("incremental_ratio") is not None:
        rows.append(f"| … second sync, unchanged | {r.get('second_sync_s', 0):.2f} s: "
                    f"**{s['incremental_ratio'] * 100:.1f} %** of the full sync | "
                    f"{target_cell(s['incremental_ratio'] * 100, '<=', 5, '≤ 5 %')} |")
    if s.get("history_points_per_s") is not None:
        spec = h.get("spec", "?,?,?").split(",")
        rows.append(f"| server: full histories, {spec[0]} runs × {spec[1]} metrics × {int(spec[2]):,} steps "
                    f"({h.get('points', 0) / 1e6:.0f} M points), into the cache | {h.get('seconds', 0):.2f} s: "
                    f"**{s['history_points_per_s'] / 1e6:.1f} M points/s**, "
                    f"{h.get('seconds', 0) / max(h.get('bare_fetch_s', 0), 1e-9):.1f} × a bare fetch "
                    f"({h.get('bare_fetch_s', 0):.2f} s) | "
                    f"{target_cell(s['history_points_per_s'] / 1e6, '>=', 1, '≥ 1 M points/s')} |")
    return rows


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    gui, sync = load(argv[1]), load(argv[2])
    for name, data in (("bench_gui", gui), ("bench_sync", sync)):
        if data:
            print(machine_line(name, data))
    print()
    print("| what | measured | target |")
    print("| --- | --- | --- |")
    for line in gui_rows(gui) + sync_rows(sync):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
