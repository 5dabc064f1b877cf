"""``make bench-check``: no page type slower than the committed baseline by more than 5 %.

``python -m devtools.bench_check RUN.json BASELINE.json`` compares the rows of a ``make bench``
run (``var/bench-site-sqlite.json`` / ``-postgres.json``, written by ``bench_site --json``)
with a baseline from an idle machine (``docs/bench-baseline/{sqlite,postgres}.json``), row by
row (matched by the ``page`` name), on the median server time. A row fails when its median is

- more than ``--threshold`` (5 %) above the baseline's **and**
- more than ``--tolerance-ms`` (0.5 ms) above it in absolute terms,

so that rows measured in fractions of a millisecond (the floor view, the static file, the
cached home page) do not fail on timer noise: 0.7 → 0.8 ms is 14 % but no real regression.
**Machine speed.** The same code measured on another day can be several times slower
throughout (3 December 2026: the floor row 0.7 ms against 0.2 ms, docs/performance.md). With
``--normalise`` (the default), the baseline is first scaled by the run's *machine factor*: the
median, over the page types of both files with a baseline of at least 1 ms, of run ÷ baseline.
A page type then fails when it is slower than the others by more than the threshold. A
slowdown of every page type alike cannot be told from a slower machine this way; the factor
and the floor row's own ratio are printed so that a reader can judge (``--no-normalise``
compares the raw medians). A factor **below 1 is not applied**: it means a faster machine or
a change that made most page types faster (4 December 2026: 0.67×, the floor row 1.00×, after
the routing and URL memos), and scaling by it would flag every page type the change left
alone. The raw baseline applies then: a page type fails only when it is slower in absolute
terms.

A page type of the baseline that the run lacks fails as well (it was dropped or broke);
rows new in the run are listed and pass. Exit status 1 when any row fails, 2 when a file
cannot be read. No Django needed: it only reads the two JSON files.
"""

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

THRESHOLD = 0.05
TOLERANCE_MS = 0.5


@dataclass(frozen=True)
class Row:
    """One page type of the comparison; ``change`` is relative (0.07 = 7 % slower)."""

    page: str
    baseline_ms: float | None
    run_ms: float | None
    slower: bool

    @property
    def change(self):
        if not self.baseline_ms or self.run_ms is None:
            return None
        return self.run_ms / self.baseline_ms - 1

    def describe(self):
        if self.run_ms is None:
            return f"{self.page}: missing from the run (baseline {self.baseline_ms} ms)"
        if self.baseline_ms is None:
            return f"{self.page}: new, {self.run_ms} ms (not in the baseline)"
        change = self.change
        sign = "+" if change is not None and change >= 0 else ""
        percent = f" ({sign}{change * 100:.1f} %)" if change is not None else ""
        return f"{self.page}: {self.baseline_ms} → {self.run_ms} ms{percent}"


def medians(figures):
    """``{page: median_ms}`` of a bench_site JSON document."""
    rows = figures.get("rows") if isinstance(figures, dict) else None
    if not isinstance(rows, list):
        raise ValueError("no 'rows' list: not a bench_site --json file")
    result = {}
    for row in rows:
        if not isinstance(row, dict) or "page" not in row or "median_ms" not in row:
            raise ValueError(f"row without 'page' and 'median_ms': {row!r}")
        result[str(row["page"])] = float(row["median_ms"])
    return result


def machine_factor(before, after):
    """Median of run ÷ baseline over the page types of both with a baseline of ≥ 1 ms."""
    ratios = sorted(after[p] / base for p, base in before.items() if base >= 1 and p in after)
    if not ratios:
        return 1.0
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def compare(baseline, run, threshold=THRESHOLD, tolerance_ms=TOLERANCE_MS, factor=1.0):
    """Every page type of both documents as a :class:`Row`, in the baseline's order;
    ``factor`` scales the baseline first (:func:`machine_factor`)."""
    before, after = medians(baseline), medians(run)
    rows = []
    for page, base in before.items():
        now = after.get(page)
        if now is None:
            rows.append(Row(page, base, None, slower=True))
            continue
        scaled = base * factor
        limit = scaled + max(scaled * threshold, tolerance_ms)
        rows.append(Row(page, base, now, slower=now > limit))
    rows += [
        Row(page, None, now, slower=False) for page, now in after.items() if page not in before
    ]
    return rows


def check(
    run_path,
    baseline_path,
    threshold=THRESHOLD,
    tolerance_ms=TOLERANCE_MS,
    out=None,
    normalise=True,
):
    """Print the comparison; 0 when no row is slower, 1 when some are, 2 on unreadable input."""
    out = out or sys.stdout
    try:
        run, baseline = (
            json.loads(Path(p).read_text(encoding="utf-8")) for p in (run_path, baseline_path)
        )
        before, after = medians(baseline), medians(run)
        measured = machine_factor(before, after) if normalise else 1.0
        factor = max(measured, 1.0)
        rows = compare(baseline, run, threshold, tolerance_ms, factor)
    except (OSError, ValueError, TypeError) as error:
        print(f"bench-check: {error}", file=out)
        return 2
    slower = [row for row in rows if row.slower]
    label = run.get("label", run_path)
    print(
        f"bench-check {label}: {run_path} against {baseline_path} "
        f"(slower = median > +{threshold * 100:g} % and > +{tolerance_ms:g} ms)",
        file=out,
    )
    floor = next((p for p in before if p.startswith("floor")), None)
    if normalise:
        floor_ratio = (
            f"; the floor row {after[floor] / before[floor]:.2f}×"
            if floor and floor in after and before[floor]
            else ""
        )
        applied = (
            f"baseline scaled by it{floor_ratio}"
            if measured >= 1
            else f"below 1: not applied, the raw baseline counts{floor_ratio}"
        )
        print(f"machine factor {measured:.2f}× ({applied})", file=out)
    for row in rows:
        print(("SLOWER  " if row.slower else "ok      ") + row.describe(), file=out)
    if slower:
        print(f"{len(slower)} page type(s) slower than the baseline:", file=out)
        for row in slower:
            print("  " + row.describe(), file=out)
        return 1
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m devtools.bench_check", description=__doc__)
    parser.add_argument("run", help="JSON of a make bench run (var/bench-site-sqlite.json)")
    parser.add_argument("baseline", help="committed baseline (docs/bench-baseline/sqlite.json)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="0.05 = 5 %%")
    parser.add_argument("--tolerance-ms", type=float, default=TOLERANCE_MS)
    parser.add_argument(
        "--no-normalise", dest="normalise", action="store_false", help="compare raw medians"
    )
    args = parser.parse_args(argv)
    return check(
        args.run, args.baseline, args.threshold, args.tolerance_ms, normalise=args.normalise
    )


if __name__ == "__main__":
    sys.exit(main())
