"""Queries and render time per page type, straight through Django (no web server).

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/page_costs.py

Run it on a database with generated content (bench/generate.py, then rebuild_similarity).
Each page is requested three times to warm per-process caches, then timed `--repeat` times
(median, milliseconds); the queries are those of the last request. No page cache.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.setup import start_django  # noqa: E402


def urls():
    from django.db.models import Count

    from casestudies.models import CaseStudyPage, LessonPage, ProjectPage
    from councils.models import Council

    def first(model):
        return model.objects.live().public().order_by("pk").first().url

    busiest = Council.objects.annotate(n=Count("learning_pages")).order_by("-n").first()
    return {
        "home": "/",
        "theme index": "/themes/",
        "theme page": "/themes/waste/",
        "case study listing": "/case-studies/",
        "case study": first(CaseStudyPage),
        "lesson": first(LessonPage),
        "project": first(ProjectPage),
        "council profile (busiest)": busiest.get_absolute_url(),
        "council directory": "/councils/",
        "search": "/search/",
        "search with filters": "/search/?q=bins&theme=waste&nation=England",
    }


def measure(repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, url in urls().items():
        for _ in range(3):
            client.get(url)
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        results[name] = {
            "status": response.status_code,
            "queries": len(queries),
            "ms": round(statistics.median(times), 1),
            "kb": round(len(response.content) / 1024, 1),
        }
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start_django()
    print(json.dumps(measure(args.repeat), indent=1))
