"""make bench-check: which page types count as slower than the baseline (no bench run here)."""

import json

import pytest

from devtools import bench_check


def figures(label="SQLite", **medians):
    """A bench_site --json document with one row per page type (``page_name=median_ms``)."""
    rows = [
        {"page": page.replace("_", " "), "kind": "", "median_ms": ms, "p95_ms": ms * 1.2}
        for page, ms in medians.items()
    ]
    return {"label": label, "seed_seconds": 1.0, "counts": {}, "rows": rows}


def slower(baseline, run, **options):
    return [row.page for row in bench_check.compare(baseline, run, **options) if row.slower]


def test_a_row_more_than_five_percent_slower_fails_and_others_pass():
    baseline = figures(home=20.0, directory=100.0, service_page=40.0)
    run = figures(home=21.0, directory=105.2, service_page=30.0)
    # home +5.0 % is on the limit (not above it); directory +5.2 % is above; faster is fine.
    assert slower(baseline, run) == ["directory"]


def test_sub_millisecond_rows_have_an_absolute_tolerance():
    baseline = figures(floor=0.7, static_file=0.4, hsds_api=2.3)
    # +0.4 ms is 57 % of the floor but within the 0.5 ms tolerance; HSDS +0.6 ms is not.
    run = figures(floor=1.1, static_file=0.8, hsds_api=2.9)
    assert slower(baseline, run) == ["hsds api"]
    assert slower(baseline, run, tolerance_ms=0.0) == ["floor", "static file", "hsds api"]


def test_missing_page_type_fails_and_a_new_one_passes():
    rows = bench_check.compare(figures(home=20.0, event_list=60.0), figures(home=20.0, new=5.0))
    by_page = {row.page: row for row in rows}
    assert by_page["event list"].slower and by_page["event list"].run_ms is None
    assert not by_page["new"].slower and by_page["new"].baseline_ms is None
    assert [row.page for row in rows] == ["home", "event list", "new"]


def test_threshold_is_configurable():
    baseline, run = figures(home=20.0), figures(home=21.5)  # +7.5 %
    assert slower(baseline, run) == ["home"]
    assert slower(baseline, run, threshold=0.10) == []


def write(tmp_path, name, document):
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return str(path)


def test_command_lists_the_slower_rows_and_exits_non_zero(tmp_path, capsys):
    run = write(tmp_path, "run.json", figures(home=30.0, directory=100.0))
    baseline = write(tmp_path, "base.json", figures(home=20.0, directory=100.0))
    assert bench_check.main([run, baseline]) == 1
    out = capsys.readouterr().out
    assert "SLOWER  home: 20.0 → 30.0 ms (+50.0 %)" in out
    assert "ok      directory: 100.0 → 100.0 ms (+0.0 %)" in out
    assert "1 page type(s) slower than the baseline:" in out


def test_command_passes_when_nothing_is_slower(tmp_path, capsys):
    run = write(tmp_path, "run.json", figures(home=20.5))
    baseline = write(tmp_path, "base.json", figures(home=20.0))
    assert bench_check.main([run, baseline]) == 0
    assert "slower than the baseline" not in capsys.readouterr().out


@pytest.mark.parametrize("content", ["not json", json.dumps({"label": "x"}), json.dumps([1, 2])])
def test_unreadable_input_is_a_clear_error(tmp_path, capsys, content):
    run = tmp_path / "run.json"
    run.write_text(content)
    baseline = write(tmp_path, "base.json", figures(home=20.0))
    assert bench_check.main([str(run), baseline]) == 2
    assert capsys.readouterr().out.startswith("bench-check: ")


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    baseline = write(tmp_path, "base.json", figures(home=20.0))
    assert bench_check.main([str(tmp_path / "nope.json"), baseline]) == 2
    assert "nope.json" in capsys.readouterr().out


def test_a_slower_machine_is_factored_out_and_a_relative_regression_still_fails(tmp_path, capsys):
    """3 December 2026: the same code about four times slower throughout (floor 0.2 → 0.7 ms)."""
    baseline = figures(floor=0.2, home=5.6, content_page=7.3, service_page=14.6, search=15.0)
    same_code = figures(floor=0.7, home=22.4, content_page=29.2, service_page=58.4, search=60.0)
    base, run = write(tmp_path, "base.json", baseline), write(tmp_path, "run.json", same_code)
    assert bench_check.main([run, base]) == 0
    assert "machine factor 4.00×" in capsys.readouterr().out
    assert bench_check.main([run, base, "--no-normalise"]) == 1
    one_slower = figures(floor=0.7, home=22.4, content_page=29.2, service_page=70.0, search=60.0)
    factor = bench_check.machine_factor(
        bench_check.medians(baseline), bench_check.medians(one_slower)
    )
    assert slower(baseline, one_slower, factor=factor) == ["service page"]


def test_a_change_that_speeds_most_rows_up_does_not_flag_the_rest(tmp_path, capsys):
    """4 December 2026: the routing and URL memos halved most rows on the same machine; the
    median ratio (0.5) must not turn the unchanged rows into "slower" ones."""
    baseline = figures(floor=0.4, home=10.0, content_page=12.0, service_page=15.0, directory=30.0)
    faster = figures(floor=0.4, home=5.0, content_page=6.0, service_page=3.0, directory=30.0)
    base, run = write(tmp_path, "base.json", baseline), write(tmp_path, "run.json", faster)
    assert bench_check.main([run, base]) == 0
    assert "machine factor 0.50× (below 1: not applied" in capsys.readouterr().out
    worse = figures(floor=0.4, home=5.0, content_page=6.0, service_page=3.0, directory=33.0)
    assert bench_check.main([write(tmp_path, "worse.json", worse), base]) == 1
    assert "directory: 30.0 → 33.0 ms" in capsys.readouterr().out
