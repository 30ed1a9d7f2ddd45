#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The README's Performance table, made from the benchmarks' --json files.

    tests/bench/perf_table.py FILE_GUI FILE_SYNC
    tests/bench/perf_table.py GUI_1,GUI_2,GUI_3 SYNC_1,SYNC_2

FILE_GUI comes from `bench_gui --json FILE_GUI`, FILE_SYNC from `bench_sync --json FILE_SYNC`
(either may be `-` for none). Several runs of a bench, separated by commas, give each figure as
the range of the runs; bench_sync runs of different sizes (1,500 and 10,000 runs) get rows of
their own. Prints the machine and date of each run, then one markdown row per figure: what was
measured, the figure, and its target with the headroom. A figure no run measured (null, as the
table's figures in `bench_gui 0 0 0`) has no row.

Headroom is how much of the target is left, for the worst of the runs: (target - figure) / target
for a "less than" target, (figure - target) / figure for an "at least" target (how much slower the
machine may be), and for a ratio to a bare fetch of the same requests, on what the client adds to
that fetch (a ratio of 1.04 uses 0.04 of the 0.10 allowed by "≤ 1.1 ×": 60 % headroom). The
project asks for 30 % on every interactive target; a row with less says so.
"""

import json
import sys

WANTED_HEADROOM = 30.0


def load(arg):
    if arg == "-":
        return []
    runs = []
    for path in arg.split(","):
        with open(path, encoding="utf-8") as f:
            runs.append(json.load(f))
    return runs


def get(run, path):
    """The value at a dotted path of a run's JSON ("details.chart.whole_ms"), or None."""
    value = run
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def span(runs, path, fmt, scale=1.0):
    """The runs' values at `path`, formatted: one value, or lowest–highest."""
    values = sorted(v * scale for v in (get(r, path) for r in runs) if isinstance(v, (int, float)))
    if not values:
        return "?"
    low, high = fmt.format(values[0]), fmt.format(values[-1])
    return low if low == high else f"{low}–{high}"


def target_cell(figures, op, target, text):
    """`text` with a tick and the headroom over the runs, or the miss."""
    if op == "x<=":
        # A ratio to a bare fetch of the same requests: the headroom is read on what the client
        # adds to that fetch (0.10 × for ≤ 1.1 ×), since the fetch itself is the server's speed.
        allowed = target - 1.0
        added = max(max(figures) - 1.0, 0.0)
        headroom = (allowed - added) / allowed * 100
        if max(figures) > target:
            return f"{text} ✗ (adds {added:.2f} × of the {allowed:.2f} × allowed)"
        note = f" (less than {WANTED_HEADROOM:.0f} %)" if headroom < WANTED_HEADROOM else ""
        return (f"{text} ✓, adds at most {added:.2f} × of the {allowed:.2f} × allowed over the bare fetch: "
                f"{headroom:.0f} % headroom{note}")
    if op == ">=":
        headrooms = [(f - target) / f * 100 if f > 0 else -100.0 for f in figures]
        met = min(figures) >= target
    else:
        headrooms = [(target - f) / target * 100 for f in figures]
        met = max(figures) < target if op == "<" else max(figures) <= target
    low, high = f"{min(headrooms):.0f}", f"{max(headrooms):.0f}"
    headroom = low if low == high else f"{low}–{high}"
    if not met:
        return f"{text} ✗ ({headroom} %)"
    if min(headrooms) < WANTED_HEADROOM:
        return f"{text} ✓, {headroom} % headroom (less than {WANTED_HEADROOM:.0f} %)"
    return f"{text} ✓, {headroom} % headroom"


def machine_line(name, run):
    m = run.get("machine", {})
    load_avg = " / ".join(f"{v:.2f}" for v in m.get("load_average_before", []))
    args = " ".join(run.get("arguments", [])) or "(defaults)"
    return (f"- `{name} {args}`: {m.get('date', '?')}, {m.get('build_type', '?')} build, {m.get('cpu_model', '?')}, "
            f"{m.get('cores', '?')} cores, {m.get('memory_gib', '?')} GiB, {m.get('os', '?')}, Qt {m.get('qt', '?')}; "
            f"load average before the run {load_avg or '?'}")


def rows(runs, table):
    """One markdown row per entry of `table` whose figure some run measured.

    An entry: (figure key, what, measured text from the runs, target: None or (op, value, text)),
    where `what` and the measured text are functions of the runs."""
    out = []
    for key, what, measured, target in table:
        figures = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
        if not figures:
            continue
        cell = target_cell(figures, *target) if target else ""
        out.append(f"| {what(runs)} | {measured(runs)} | {cell} |")
    return out


def first(runs, path, default=0):
    values = [get(r, path) for r in runs if get(r, path) is not None]
    return values[0] if values else default


def by_order(p95, median):
    """The measured text of a scroll figure: its 95th percentile and median (keys of the details)
    in both orders of the table."""
    newest, sorted_ = "details.scroll, newest first.", "details.scroll, sorted by a metric."
    return lambda r: (f"{span(r, newest + p95, '{:.1f}')} / {span(r, sorted_ + p95, '{:.1f}')} ms "
                      f"(median {span(r, newest + median, '{:.1f}')} / {span(r, sorted_ + median, '{:.1f}')} ms)")


GUI = [
    ("cold_start_ms",
     lambda r: f"`modeldesk --cache … --experiment bench --screenshot`, whole process: start, open the "
               f"{first(r, 'details.runs'):,}-run cache, show the experiment, paint, write the PNG, exit",
     lambda r: f"{span(r, 'cold_start_ms', '{:.0f}')} ms median of 5", ("<", 1000, "cold start < 1 s")),
    ("table_open_ms",
     lambda r: f"runs table of {first(r, 'details.runs'):,} runs × {first(r, 'details.columns')} columns: "
               "open (load + first paint)",
     lambda r: f"{span(r, 'table_open_ms', '{:.0f}')} ms", ("<", 300, "< 300 ms")),
    ("scroll_p95_ms", lambda r: "… scroll a page down, 95th percentile (newest first / sorted by a metric)",
     by_order("p95_ms", "median_ms"), ("<", 16, "< 16 ms")),
    ("jump_p95_ms", lambda r: "… jump to a random place (scroll bar dragged), 95th percentile of "
                              f"{first(r, 'details.scroll, newest first.jumps', 40)} jumps (the same two orders)",
     by_order("jump_p95_ms", "jump_median_ms"), ("<", 16, "< 16 ms")),
    ("sort_ms", lambda r: f"… sort all {first(r, 'details.runs'):,} rows by a metric column, with the repaint",
     lambda r: f"{span(r, 'sort_ms', '{:.0f}')} ms", None),
    ("filter_narrow_ms",
     lambda r: f"… filter `{first(r, 'details.filter_narrow.filter', '?')}` "
               f"({first(r, 'details.filter_narrow.rows'):,} runs), with the repaint",
     lambda r: f"{span(r, 'filter_narrow_ms', '{:.0f}')} ms median of 5", ("<", 50, "< 50 ms")),
    ("filter_broad_ms",
     lambda r: f"… filter `{first(r, 'details.filter_broad.filter', '?')}` "
               f"({first(r, 'details.filter_broad.rows'):,} runs), with the repaint",
     lambda r: f"{span(r, 'filter_broad_ms', '{:.0f}')} ms median of 5", ("<", 50, "< 50 ms")),
    ("peak_mib", lambda r: f"peak memory with the {first(r, 'details.runs'):,}-run table open (VmHWM)",
     lambda r: f"{span(r, 'peak_mib', '{:.0f}')} MiB", ("<", 500e6 / 2**20, "< 500 MB")),
    ("compare_1000_ms",
     lambda r: f"comparison of {first(r, 'details.compare.runs'):,} runs ({first(r, 'details.compare.rows')} rows): "
               "read, build, model",
     lambda r: f"{span(r, 'compare_1000_ms', '{:.0f}')} ms median of 3", ("<", 200, "< 200 ms")),
    ("chart_replot_ms",
     lambda r: f"chart of {first(r, 'details.chart_runs')} runs × {first(r, 'details.chart_steps'):,} points: "
               "replot, whole range / zoomed to a tenth / while dragging",
     lambda r: f"{span(r, 'details.chart.whole_ms', '{:.1f}')} / {span(r, 'details.chart.zoomed_ms', '{:.1f}')} / "
               f"{span(r, 'details.chart.dragging_ms', '{:.1f}')} ms (median of 10 each)",
     ("<", 30, "< 30 ms")),
    ("chart_bands_replot_ms",
     lambda r: f"chart of 20 runs × {first(r, 'details.chart_steps'):,} points, antialiased with min/max bands: "
               "the same three",
     lambda r: f"{span(r, 'details.chart_bands.whole_ms', '{:.1f}')} / "
               f"{span(r, 'details.chart_bands.zoomed_ms', '{:.1f}')} / "
               f"{span(r, 'details.chart_bands.dragging_ms', '{:.1f}')} ms (median of 10 each)",
     ("<", 30, "< 30 ms")),
]

SYNC = [
    ("sync_ratio",
     lambda r: f"server: full sync of {first(r, 'details.runs.count'):,} runs ({first(r, 'details.runs.spec', '?')}: "
               f"runs, metrics, params; {first(r, 'details.runs.page_mb'):.1f} MB of runs/search pages)",
     lambda r: f"{span(r, 'details.runs.sync_s', '{:.2f}')} s: **{span(r, 'sync_ratio', '{:.2f}')} ×** the bare fetch "
               f"of the same pages ({span(r, 'details.runs.bare_fetch_s', '{:.2f}')} s)",
     ("x<=", 1.1, "≤ 1.1 ×")),
    ("incremental_ratio", lambda r: "… second sync, unchanged",
     lambda r: f"{span(r, 'details.runs.second_sync_s', '{:.2f}')} s: "
               f"**{span(r, 'incremental_ratio', '{:.1f}', 100)} %** of the full sync",
     ("<=", 0.05, "≤ 5 %")),
    ("history_points_per_s",
     lambda r: f"server: full histories ({first(r, 'details.histories.spec', '?')}: runs, metrics, steps; "
               f"{first(r, 'details.histories.points') / 1e6:.3g} M points), into the cache",
     lambda r: f"{span(r, 'details.histories.seconds', '{:.2f}')} s: "
               f"**{span(r, 'history_points_per_s', '{:.1f}', 1e-6)} M points/s** "
               f"(a bare fetch: {span(r, 'details.histories.bare_fetch_s', '{:.2f}')} s)",
     (">=", 1e6, "≥ 1 M points/s")),
]


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    gui, sync = load(argv[1]), load(argv[2])
    for name, runs in (("bench_gui", gui), ("bench_sync", sync)):
        for run in runs:
            print(machine_line(name, run))
    print()
    print("| what | measured | target |")
    print("| --- | --- | --- |")
    # bench_sync runs of different sizes (the 1,500-run server and the 10,000-run default) get
    # rows of their own, in the order first given.
    sizes = []
    for run in sync:
        if get(run, "details.runs.count") not in sizes:
            sizes.append(get(run, "details.runs.count"))
    lines = rows(gui, GUI)
    for size in sizes:
        lines += rows([r for r in sync if get(r, "details.runs.count") == size], SYNC)
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
