"""bench/load.py without gunicorn or wrk: reading wrk's output, the ratio, the table, and that
every page type the URLconf serves is measured or said not to be."""

import json

import pytest

from bench import load

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8123/
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.50ms    3.10ms  40.00ms   80.00%
    Req/Sec   160.00     10.00   180.00     70.00%
  1600 requests in 10.00s, 32.00MB read
Requests/sec:    160.00
Transfer/sec:      3.20MB
BENCH_JSON {"requests": 1600, "duration_us": 10000000, "bytes": 33554432, \
"errors": {"connect": 0, "read": 0, "write": 0, "status": 3, "timeout": 0}, \
"p50_us": 11800, "p95_us": 18250, "p99_us": 31040, "max_us": 40000}
"""


def test_parses_wrk_output():
    figures = load.parse_wrk(WRK_OUTPUT)
    assert figures == {
        "requests": 1600,
        "rps": 160.0,
        "p50_ms": 11.8,
        "p95_ms": 18.2,
        "p99_ms": 31.0,
        "max_ms": 40.0,
        "kb_per_request": 20.5,
        "errors": {"status": 3},
    }


def test_wrk_output_without_the_summary_line_is_an_error():
    with pytest.raises(ValueError, match="no BENCH_JSON"):
        load.parse_wrk("Requests/sec: 12.0\n")


def test_ratio_to_the_static_ceiling():
    assert load.ratio(580.0, 1000.0) == 0.58
    assert load.ratio(1.0, 3.0) == 0.333
    assert load.ratio(10.0, 0) is None


def test_lua_script_posts_a_form_and_prints_one_json_line():
    script = load.lua_script(
        "POST", "problem=bins&csrfmiddlewaretoken=x", {"Cookie": "csrftoken=y"}
    )
    assert 'wrk.method = "POST"' in script
    assert 'wrk.body = "problem=bins&csrfmiddlewaretoken=x"' in script
    assert 'wrk.headers["Cookie"] = "csrftoken=y"' in script
    assert "BENCH_JSON" in script and "latency:percentile(99)" in script
    assert "wrk.body = nil" in load.lua_script()


def _run(label="Before, 1,000 items"):
    figures = load.parse_wrk(WRK_OUTPUT)
    page = {**figures, "ratio": load.ratio(figures["rps"], 800.0)}
    mode = {
        "load_average": [1.5, 2.0, 2.5],
        "static": {"rps": 800.0, "p50_ms": 1.2},
        "static_end": {"rps": 700.0},
        "load_average_end": [3.0, 2.0, 2.5],
        "worker_rss_mb": {"11": 180.5, "12": 175.0},
        "pages": {"Home": page},
    }
    return {
        "label": label,
        "items": 1067,
        "date": "2026-12-02",
        "machine": {"cores": 2, "ram_gb": 23.5, "cpu": "x"},
        "duration_s": 10,
        "connections": 2,
        "workers": 2,
        "paths": {"Home": "GET /", "Case study": "GET /c/"},
        "queries": {"Home": 12, "Case study": None},
        "modes": {"uncached": mode, "cached": mode},
    }


def test_table_gives_each_page_its_figures_and_ratio():
    text = load.table(_run())
    assert (
        "**Before, 1,000 items** (1,067 published items, 2026-12-02; 2 cores, 23.5 GB RAM" in text
    )
    assert "load average 1.5 / 2.0 / 2.5 at start; static-file ceiling 800 requests/s" in text
    assert "(p50 1.2 ms), 700 at the end (load average 3.0 / 2.0 / 2.5)" in text
    assert "worker RSS after warm-up 180.5, 175 MB" in text
    assert (
        "| Home | 12 | 160 (errors) | 11.8 / 18.2 / 31 | 0.20× | "
        "160 (errors) | 11.8 / 18.2 / 31 | 0.20× |"
    ) in text
    assert "| Case study | – | – | – | – | – | – | – |" in text


def test_a_page_slower_than_the_run_says_so():
    run = _run()
    run["modes"]["uncached"] = {
        **run["modes"]["uncached"],
        "pages": {
            "Home": {
                "requests": 0,
                "rps": 0.0,
                "p50_ms": 0.0,
                "p95_ms": 0.0,
                "p99_ms": 0.0,
                "errors": {},
            }
        },
    }
    assert "| Home | 12 | 0 | none in 10 s | 0× | 160 (errors)" in load.table(run)


def test_results_and_doc_section_are_rewritten_in_place(tmp_path):
    results, doc = tmp_path / "load.json", tmp_path / "performance.md"
    doc.write_text("# Performance\n\n<!-- load:start -->\nold\n<!-- load:end -->\n\nAfter.\n")
    load.save(_run("A"), results)
    runs = load.save(_run("B"), results)
    load.save(_run("A"), results)
    assert list(json.loads(results.read_text())) == ["A", "B"]
    load.write_doc(runs, doc)
    text = doc.read_text()
    assert "old" not in text and text.endswith("<!-- load:end -->\n\nAfter.\n")
    assert text.index("**A**") < text.index("**B**")


def test_every_page_type_the_urlconf_serves_is_measured_or_excused():
    names, page_models = load.served_names()
    covered = {item for page in load.PAGE_TYPES for item in page.covers}
    assert names - covered - set(load.NOT_MEASURED) == set()
    assert page_models - covered - set(load.ABSTRACT_PAGE_MODELS) == set()
    assert not covered & set(load.NOT_MEASURED), "measured and excused at once"
    assert (covered | set(load.NOT_MEASURED)) - names - page_models == set(), "stale names"
