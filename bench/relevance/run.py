"""Relevance benchmark: precision@5 and recall@10 of the similarity engine against baselines
(the site's keyword search, tag and theme overlap, most-active councils) over the demo content.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/relevance/run.py --write
    SEARCH_URL=http://127.0.0.1:9200 DATABASE_URL=... .venv/bin/python bench/relevance/run.py

needs `manage.py load_demo_data` run on that database first. The database engine is always
measured; with SEARCH_URL set, Elasticsearch too, in a process of its own, into indices named
by SEARCH_INDEX (default `bench_relevance`, so a site's own indices are left alone). Each
engine's indices and similarity data are rebuilt first (`update_index`, `rebuild_similarity`),
because keyword scores depend on an index's history: on SQLite the index that page saves
built and a rebuilt one ranked a few keyword queries differently. Tasks:

- similar content: every item in a labelled group (labels.json) is a query, the other items
  of its group are the answers;
- councils for a page: the same queries, answered with councils (other than the page's own);
- councils facing similar problems: the problem statements of problems.yaml, and the subset
  of them sharing no content word with their answers.

Ties are broken by page id or council slug, so a run gives the same figures every time.
Per-query results go to bench/results/relevance-<database>.csv (--verbose prints misses).

Over 300 lines: the whole benchmark (tasks, baselines, one process per engine, the table and
the per-query file) stays in one script, so each figure can be traced to its code here.
"""

import argparse
import csv
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.relevance import labelled  # noqa: E402
from bench.setup import ROOT, replace_section, start_django  # noqa: E402

RESULTS = ROOT / "bench" / "results"
ENGINES = {"database": "Database (TF-IDF)", "elasticsearch": "Elasticsearch (more like this)"}
ENGINE_METHOD = "similarity engine"
# The engine's words (with the thesaurus) alone, and the sentence embeddings alone.
MEANING_VARIANTS = (
    ("similarity engine, words only (meaning weight 0)", 0.0),
    ("similarity engine, meaning only (weight 1)", 1.0),
)
CANDIDATES = 30  # asked of each method, so that ties at the cut-off are broken by key
SCORE_DIGITS = 6  # scores equal to this many places are a tie
TASKS = {
    "similar": "Similar content",
    "page-councils": "Councils for a page",
    "councils": "Councils facing similar problems",
    "councils-zero": "Councils facing similar problems, no shared word",
}


def precision_at(ranked, relevant, k=5):
    return len([item for item in ranked[:k] if item in relevant]) / k


def recall_at(ranked, relevant, k=10):
    return len([item for item in ranked[:k] if item in relevant]) / len(relevant)


def evaluate(cases):
    """cases: list of (ranked, relevant) -> mean precision@5, recall@10."""
    if not cases:
        return 0.0, 0.0
    precision = sum(precision_at(r, rel) for r, rel in cases) / len(cases)
    recall = sum(recall_at(r, rel) for r, rel in cases) / len(cases)
    return precision, recall


def by_score(scored, limit=10):
    """Keys of (score, key) pairs, best first; equal scores in key order."""
    ordered = sorted(scored, key=lambda pair: (-round(pair[0], SCORE_DIGITS), pair[1]))
    return [key for _score, key in ordered][:limit]


def ties_by_key(scored, limit=10):
    """Keys of (score, key) pairs already in rank order (whichever way the scores run, as
    SQLite's bm25 is lower for better), with each run of equal scores put in key order."""
    ordered, run = [], []
    for score, key in scored:
        if run and round(score, SCORE_DIGITS) != round(run[0][0], SCORE_DIGITS):
            ordered += sorted(k for _s, k in run)
            run = []
        run.append((score, key))
    ordered += sorted(k for _s, k in run)
    return ordered[:limit]


def first_seen(lists):
    """The distinct entries of a sequence of lists, in order of first appearance."""
    ordered = []
    for entries in lists:
        ordered.extend(entry for entry in entries if entry not in ordered)
    return ordered


class Corpus:
    """The published pages, their councils and tags, read once."""

    def __init__(self):
        from casestudies.models import LearningPage
        from casestudies.models.partners import partners_with_councils
        from councils.models import Council

        pages = LearningPage.objects.live().public().select_related("council")
        self.pages = {page.slug: page for page in pages}
        self.by_pk = {page.pk: page for page in self.pages.values()}
        self.generated = len([slug for slug in self.pages if slug.startswith("gen-")])
        self.councils = {page.pk: [page.council.slug] for page in self.pages.values()}
        for page in pages.prefetch_related(partners_with_councils()):
            partners = sorted(council.slug for council in page.partner_councils())
            self.councils[page.pk] += [s for s in partners if s not in self.councils[page.pk]]
        self.tags = {}
        for page in pages.prefetch_related("themed_items__tag", "tagged_items__tag"):
            names = [item.tag.name for item in page.themed_items.all()]
            names += [item.tag.name for item in page.tagged_items.all()]
            self.tags[page.pk] = {name.lower() for name in names}
        counts = {}
        for slugs in self.councils.values():
            for slug in slugs:
                counts[slug] = counts.get(slug, 0) + 1
        names = dict(Council.objects.filter(slug__in=counts).values_list("slug", "short_name"))
        self.most_active = sorted(counts, key=lambda s: (-counts[s], names.get(s, s), s))

    def councils_of(self, pks):
        return first_seen(self.councils.get(pk, []) for pk in pks)

    def tag_overlap(self, tags, exclude=()):
        """Pages sharing at least one theme or tag, most shared first."""
        scored = [
            (len(tags & page_tags), pk)
            for pk, page_tags in self.tags.items()
            if pk not in exclude and tags & page_tags
        ]
        return by_score(scored, limit=CANDIDATES)

    def tags_in_text(self, text):
        """The themes and tags all of whose words are in the text."""
        words = labelled.content_words(text)
        return {
            tag
            for tags in self.tags.values()
            for tag in tags
            if labelled.content_words(tag) and labelled.content_words(tag) <= words
        }


def keyword(text, exclude=()):
    """The site's own search (the configured Wagtail backend), any word matching."""
    from casestudies.models import LearningPage

    query = " ".join(re.findall(r"\w+", text))[:1000]
    if not query:
        return []
    pages = LearningPage.objects.live().public().exclude(pk__in=list(exclude))
    results = pages.search(query, operator="or").annotate_score("_score")[:CANDIDATES]
    return ties_by_key([(page._score or 0.0, page.pk) for page in results], limit=CANDIDATES)


def engine_items(matches):
    return by_score([(item.score, item.page.pk) for item in matches])


def engine_councils(matches):
    return by_score([(getattr(m, "total", m.score), m.council.slug) for m in matches])


def _case(query_id, query, ranked, relevant):
    return {"id": query_id, "query": query, "ranked": ranked[:10], "relevant": sorted(relevant)}


@dataclass
class Method:
    """How a method ranks, for each kind of query; `similar` None: it has no similar content."""

    similar: object  # seed page -> page ids
    page_councils: object  # seed page -> council slugs
    text: object  # problem statement -> council slugs


def method_cases(method, corpus, labels, problems, zero):
    """{task: [case]} of one method, every task it answers."""
    cases = {task: [] for task in TASKS if task != "similar" or method.similar}
    for group in labels["groups"].values():
        for slug in group:
            seed = corpus.pages[slug]
            others = [corpus.pages[other].pk for other in group if other != slug]
            if method.similar:
                cases["similar"].append(
                    _case(
                        slug,
                        seed.title,
                        [corpus.by_pk[pk].slug for pk in method.similar(seed)],
                        [corpus.by_pk[pk].slug for pk in others],
                    )
                )
            own = set(corpus.councils[seed.pk])
            relevant = set(corpus.councils_of(others)) - own
            if relevant:
                found = method.page_councils(seed)
                cases["page-councils"].append(
                    _case(slug, seed.title, [s for s in found if s not in own], relevant)
                )
    for problem in problems:
        items = [corpus.pages[slug].pk for slug in labelled.relevant_items(problem, labels)]
        relevant = set(corpus.councils_of(items))
        found = method.text(problem["text"])
        tasks = ["councils"] + (["councils-zero"] if problem["id"] in zero else [])
        for task in tasks:
            cases[task].append(_case(problem["id"], problem["text"], found, relevant))
    return cases


def methods(engine, corpus):
    """{name: Method}: the similarity engine, then the baselines."""

    @functools.cache  # pages and councils for a page read the same ranking
    def by_keyword(seed):
        return keyword(seed.title, exclude=[seed.pk])

    @functools.cache
    def by_tags(seed):
        return corpus.tag_overlap(corpus.tags[seed.pk], exclude={seed.pk})

    return {
        ENGINE_METHOD: Method(
            lambda seed: engine_items(engine.similar_items(seed, limit=CANDIDATES)),
            lambda seed: engine_councils(engine.councils_for_page(seed, limit=CANDIDATES)),
            lambda text: engine_councils(engine.councils_for_text(text, limit=CANDIDATES)),
        ),
        "keyword search": Method(
            by_keyword,
            lambda seed: corpus.councils_of(by_keyword(seed)),
            lambda text: corpus.councils_of(keyword(text)),
        ),
        "tag and theme overlap": Method(
            by_tags,
            lambda seed: corpus.councils_of(by_tags(seed)),
            lambda text: corpus.councils_of(corpus.tag_overlap(corpus.tags_in_text(text))),
        ),
        "most-active councils": Method(
            None, lambda seed: corpus.most_active, lambda text: corpus.most_active
        ),
    }


def collect(labels, problems, demo):
    """Every query of every task and method: {task: {method: [case dict]}}."""
    from django.test import override_settings

    from search.similarity import get_similarity_backend

    corpus = Corpus()
    labelled_slugs = {slug for group in labels["groups"].values() for slug in group}
    labelled_slugs |= {slug for p in problems for slug in labelled.relevant_items(p, labels)}
    missing = sorted(labelled_slugs - set(corpus.pages))
    if missing:
        raise SystemExit(
            f"Labelled items missing from the database: {missing}. "
            "Run manage.py load_demo_data first."
        )
    engine = get_similarity_backend()
    zero = set(labelled.zero_overlap_ids(problems, labels, demo))
    every = methods(engine, corpus)
    cases = {task: {} for task in TASKS}
    for name, method in every.items():
        for task, found in method_cases(method, corpus, labels, problems, zero).items():
            cases[task][name] = found
    meaning = {}
    for label, weight in MEANING_VARIANTS:
        with override_settings(SEARCH_MEANING_WEIGHT=weight):
            meaning[label] = method_cases(every[ENGINE_METHOD], corpus, labels, problems, zero)
    return {
        "items": len(corpus.pages),
        "generated": corpus.generated,
        "cases": cases,
        "signals": with_signals(labels, problems, corpus, engine),
        "meaning": meaning,
    }


def create_signals(labels, corpus):
    """The labelled records of working together; {group: {council slugs}} they make relevant."""
    from collaboration.models import JoinRequest, Reuse, SharedProblem
    from councils.models import Council

    councils = Council.objects.in_bulk([s["council"] for s in labels["signals"]], field_name="slug")
    group_of = {slug: group for group, slugs in labels["groups"].items() for slug in slugs}
    relevant = {}
    for signal in labels["signals"]:
        council, page = councils[signal["council"]], corpus.pages[signal["page"]]
        if signal["kind"] == "faces":
            SharedProblem.objects.create(council=council, page=page)
        elif signal["kind"] == "reuse":
            Reuse.objects.create(council=council, page=page, output=signal.get("output", ""))
        else:
            JoinRequest.objects.create(
                council=council, project_id=page.pk, message="We face the same problem."
            )
        relevant.setdefault(group_of[signal["page"]], set()).add(council.slug)
    return relevant


def with_signals(labels, problems, corpus, engine):
    """{label: cases} for councils facing similar problems, signals weighed at 0 and at the
    site's weight, with the labelled records added in a transaction that is rolled back."""
    from django.conf import settings
    from django.db import transaction
    from django.test import override_settings

    results = {}
    with transaction.atomic():
        extra = create_signals(labels, corpus)
        weight = getattr(settings, "SEARCH_SIGNAL_WEIGHT", 1.0)
        for label, value in (
            ("similarity engine, signals off (weight 0)", 0),
            (f"similarity engine with signals (weight {weight:g})", weight),
        ):
            results[label] = []
            with override_settings(SEARCH_SIGNAL_WEIGHT=value):
                for problem in problems:
                    items = [corpus.pages[s].pk for s in labelled.relevant_items(problem, labels)]
                    relevant = set(corpus.councils_of(items))
                    for group in problem.get("groups", []):
                        relevant |= extra.get(group, set())
                    found = engine.councils_for_text(problem["text"], limit=CANDIDATES)
                    results[label].append(
                        {
                            "id": problem["id"],
                            "query": problem["text"],
                            "ranked": engine_councils(found),
                            "relevant": sorted(relevant),
                        }
                    )
        transaction.set_rollback(True)
    return results


def measure(engine, reindex):
    """Run one engine in this process (Django started here) and return its results."""
    start_django()
    from django.core.management import call_command
    from django.db import connection

    if reindex:
        call_command("update_index", verbosity=0)
        call_command("rebuild_similarity", verbosity=0)
    labels, problems, demo = labelled.load_labels(), labelled.load_problems(), labelled.load_demo()
    results = collect(labels, problems, demo)
    results.update(
        engine=engine, database=connection.vendor, database_version=database_version(connection)
    )
    return results


def database_version(connection):
    if connection.vendor == "postgresql":
        return f"PostgreSQL {connection.pg_version // 10000}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def run_engine(engine, reindex):
    """Measure one engine in a subprocess with the settings that select it."""
    env = dict(os.environ)
    if engine == "database":
        env.pop("SEARCH_URL", None)
    else:
        env.setdefault("SEARCH_INDEX", "bench_relevance")
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "results.json"
        command = [sys.executable, __file__, "--engine", engine, "--json", str(out)]
        if not reindex:
            command.append("--no-reindex")
        subprocess.run(command, env=env, check=True)  # noqa: S603
        return json.loads(out.read_text())


def rows(task, runs):
    """Table rows of one task: a method per row, an engine per pair of columns."""
    methods = list(next(iter(runs.values()))["cases"][task])
    lines = []
    for method in methods:
        cells = []
        for run in runs.values():
            cases = [(c["ranked"], set(c["relevant"])) for c in run["cases"][task][method]]
            precision, recall = evaluate(cases)
            cells.append(f"{precision:.2f} | {recall:.2f}")
        lines.append(f"| {TASKS[task]} | {method} | " + " | ".join(cells) + " |")
    cases = [
        (c["relevant"], set(c["relevant"]))
        for c in next(iter(runs.values()))["cases"][task][methods[0]]
    ]
    precision, recall = evaluate(cases)
    best = f"{precision:.2f} | {recall:.2f}"
    lines.append(f"| {TASKS[task]} | *best possible* | " + " | ".join([best] * len(runs)) + " |")
    return lines


def report(runs):
    first = next(iter(runs.values()))
    counts = {task: len(first["cases"][task][ENGINE_METHOD]) for task in TASKS}
    header = " | ".join(f"{ENGINES[e]} P@5 | R@10" for e in runs)
    items = f"{first['items']:,} published items"
    if first.get("generated"):
        items += f", {first['generated']:,} of them generated by bench/generate.py"
    lines = [
        f"Measured on the demo content ({first['database_version']}, {items}): "
        f"{counts['similar']} 'similar content' queries (every item of a labelled "
        f"group), {counts['page-councils']} of them with councils to find, and "
        f"{counts['councils']} problem statements ({counts['councils-zero']} sharing no "
        "content word with their answers). A council is relevant if it leads or partners on "
        "a relevant item. P@5 is precision@5, R@10 recall@10.",
        "",
        f"| Task | Method | {header} |",
        "|---|---|" + "---|---|" * len(runs),
    ]
    for task in TASKS:
        lines += rows(task, runs)
    lines += [
        "",
        "With the labelled records of working together (`signals` in labels.json), "
        "added for the run and rolled back:",
        "",
        f"| Task | Method | {header} |",
        "|---|---|" + "---|---|" * len(runs),
    ]
    for label in first["signals"]:
        cells = []
        for run in runs.values():
            cases = [(c["ranked"], set(c["relevant"])) for c in run["signals"][label]]
            cells.append("{:.2f} | {:.2f}".format(*evaluate(cases)))
        lines.append(f"| {TASKS['councils']} | {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Words against meaning: the engine above blends its word score with the sentence "
        "embeddings' closeness (search/matching/meaning.py); here each alone:",
        "",
        f"| Task | Method | {header} |",
        "|---|---|" + "---|---|" * len(runs),
    ]
    for task in TASKS:
        for label in first["meaning"]:
            cells = []
            for run in runs.values():
                cases = [(c["ranked"], set(c["relevant"])) for c in run["meaning"][label][task]]
                cells.append("{:.2f} | {:.2f}".format(*evaluate(cases)))
            lines.append(f"| {TASKS[task]} | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def per_query(runs, path, verbose=False):
    """Write every query's result to a CSV file; print the misses when verbose."""
    path.parent.mkdir(exist_ok=True)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "engine",
                "task",
                "method",
                "query_id",
                "query",
                "precision_at_5",
                "recall_at_10",
                "top_5",
                "missed_in_top_10",
            ]
        )
        for engine, run in runs.items():
            for task, methods in run["cases"].items():
                for method, cases in methods.items():
                    for case in cases:
                        relevant = set(case["relevant"])
                        missed = sorted(relevant - set(case["ranked"][:10]))
                        precision = precision_at(case["ranked"], relevant)
                        recall = recall_at(case["ranked"], relevant)
                        writer.writerow(
                            [
                                engine,
                                task,
                                method,
                                case["id"],
                                case["query"],
                                f"{precision:.2f}",
                                f"{recall:.2f}",
                                " ".join(case["ranked"][:5]),
                                " ".join(missed),
                            ]
                        )
                        if verbose and method == ENGINE_METHOD and missed:
                            print(
                                f"{engine} {task} {case['id']}: recall {recall:.2f}, "
                                f"missed {', '.join(missed)}"
                            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--write", action="store_true", help="also write the table into docs/performance.md"
    )
    parser.add_argument(
        "--section",
        help="section of docs/performance.md "
        "(default relevance-<database>, e.g. relevance-postgresql)",
    )
    parser.add_argument("--verbose", action="store_true", help="print every query it misses")
    parser.add_argument(
        "--no-reindex",
        dest="reindex",
        action="store_false",
        help="measure the search indices and similarity data as they are, "
        "without update_index and rebuild_similarity first",
    )
    parser.add_argument("--engine", choices=sorted(ENGINES), help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    args = parser.parse_args()
    errors = labelled.validate(
        labelled.load_problems(), labelled.load_labels(), labelled.load_demo()
    )
    if errors:
        raise SystemExit("The labelled set is not sound:\n" + "\n".join(errors))
    if args.engine:  # one engine, in a process of its own
        results = measure(args.engine, args.reindex)
        Path(args.json).write_text(json.dumps(results))
        return
    engines = ["database"] + (["elasticsearch"] if os.environ.get("SEARCH_URL") else [])
    runs = {e: run_engine(e, args.reindex) for e in engines}
    text = report(runs)
    print(text)
    database = next(iter(runs.values()))["database"]
    per_query(runs, RESULTS / f"relevance-{database}.csv", verbose=args.verbose)
    if args.write:
        replace_section(
            ROOT / "docs" / "performance.md", args.section or f"relevance-{database}", text
        )


if __name__ == "__main__":
    main()
