"""Speed benchmark: search and similarity latency (p50/p95) and similarity rebuild time.

    DATABASE_URL=... .venv/bin/python bench/speed.py --label "SQLite" --write

Run it on a database with generated content (bench/generate.py). Each run's figures are kept
in bench/results/speed.json under its label (plus the item count) and the whole table is
rewritten into docs/performance.md. Requests go through Django's test client, so the figures
include the view, the queries and the template, but not a web server.
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.relevance import labelled  # noqa: E402
from bench.setup import ROOT, replace_section, start_django  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "speed.json"
SEARCHES = [
    {"q": "missed bin collections"},
    {"q": "temporary accommodation"},
    {"q": "council tax chatbot"},
    {"q": "damp and mould sensors"},
    {"q": "school transport routes", "sort": "newest"},
    {"q": "ransomware backups"},
    {"q": "planning validation backlog"},
    {"q": "devices"},
    {"q": "recruitment"},
    {"q": "residents data", "theme": "housing"},
    {"q": "pilot", "nation": "Wales"},
    {"q": "budget consultation", "kind": "lesson"},
    {"theme": "waste"},
    {"theme": ["waste", "housing"], "nation": "England", "page": "3"},
    {"year": "2021", "kind": "project", "phase": "alpha"},
    {"q": "Kirklees"},
    {"q": "feedback evaluation survey", "region": "London"},
    {},
    {"q": "electric vehicle charge points", "council_type": "UA"},
    {"q": "high streets", "peers_of": "leeds"},
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(action):
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def summary(values):
    return {
        "p50": round(statistics.median(values), 1),
        "p95": round(percentile(values, 0.95), 1),
        "n": len(values),
    }


def measure(repeat, skip_rebuild):
    from django.conf import settings
    from django.test import Client

    from casestudies.models import LearningPage
    from search.similarity import get_similarity_backend

    settings.DEBUG = False  # no query log: measure what production runs
    engine = get_similarity_backend()
    items = LearningPage.objects.live().public().count()
    results = {"items": items}
    if not skip_rebuild:
        results["rebuild_s"] = round(timed(lambda: engine.rebuild()) / 1000, 1)
    engine._snapshot = None
    results["snapshot_load_ms"] = round(timed(engine.snapshot), 1)

    client = Client(SERVER_NAME="localhost")
    for params in SEARCHES[:3]:
        client.get("/search/", params)
    search = []
    for _ in range(repeat):
        for params in SEARCHES:

            def get(params=params):
                response = client.get("/search/", params)
                assert response.status_code == 200, response.status_code

            search.append(timed(get))
    results["search_ms"] = summary(search)

    rng = random.Random(7)
    pks = list(LearningPage.objects.live().public().values_list("pk", flat=True))
    pages = list(LearningPage.objects.filter(pk__in=rng.sample(pks, min(40, len(pks)))))
    similar, councils = [], []
    for _ in range(repeat):
        for page in pages:
            similar.append(timed(lambda page=page: engine.similar_items(page, limit=5)))
            councils.append(timed(lambda page=page: engine.councils_for_page(page, limit=5)))
    results["similar_items_ms"] = summary(similar)
    results["councils_for_page_ms"] = summary(councils)

    texts = [problem["text"] for problem in labelled.load_problems()]
    pasted = []
    for _ in range(repeat):
        for text in texts[:20]:

            def post(text=text):
                response = client.post("/search/similar-councils/", {"problem": text})
                assert response.status_code == 200

            pasted.append(timed(post))
    results["similar_councils_page_ms"] = summary(pasted)
    return results


def table(runs):
    lines = [
        "| Run | Items | Search page p50 / p95 | Similar content p50 / p95 | "
        "Councils for a page p50 / p95 | Problem-statement page p50 / p95 | "
        "Similarity rebuild | Cold load of similarity data |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, run in runs.items():

        def pair(key, run=run):
            return f"{run[key]['p50']} / {run[key]['p95']} ms"

        rebuild = f"{run['rebuild_s']} s" if "rebuild_s" in run else "not measured"
        lines.append(
            f"| {label} | {run['items']:,} | {pair('search_ms')} | {pair('similar_items_ms')} | "
            f"{pair('councils_for_page_ms')} | {pair('similar_councils_page_ms')} | "
            f"{rebuild} | {run['snapshot_load_ms']} ms |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", required=True, help="e.g. 'SQLite, 10,000 items'")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    start_django()
    results = measure(args.repeat, args.skip_rebuild)
    print(json.dumps(results, indent=2))
    runs = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    runs[args.label] = results
    if args.write:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(runs, indent=2) + "\n")
        replace_section(ROOT / "docs" / "performance.md", "speed", table(runs))
    print(table(runs))


if __name__ == "__main__":
    main()
