"""Relevance benchmark: precision@5 and recall@10 of the similarity engine against two
baselines (plain keyword search; tag overlap of three or more shared themes and tags) on
the hand-labelled set in labels.json, over the demo content.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/relevance/run.py --write

needs `manage.py load_demo_data` (and `rebuild_similarity`) run on that database first.

It then adds the labelled records of working together ("signals" in labels.json) in a
transaction it rolls back, and measures councils facing similar problems again with those
signals weighed at 0 (off) and at the site's weight.
"""

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.setup import ROOT, replace_section, start_django  # noqa: E402

LABELS = Path(__file__).with_name("labels.json")
MIN_SHARED_TAGS = 3


def precision_at(ranked, relevant, k=5):
    return len([item for item in ranked[:k] if item in relevant]) / k


def recall_at(ranked, relevant, k=10):
    return len([item for item in ranked[:k] if item in relevant]) / len(relevant)


class Corpus:
    def __init__(self):
        from casestudies.models import CaseStudyPage, LearningPage, ProjectPage

        pages = LearningPage.objects.live().public()
        self.pages = {page.slug: page for page in pages.select_related("council")}
        self.by_pk = {page.pk: page for page in self.pages.values()}
        self.councils = {page.pk: [page.council.slug] for page in self.pages.values()}
        for model in (CaseStudyPage, ProjectPage):
            for page in model.objects.live().prefetch_related("partner_councils"):
                if page.pk in self.councils:
                    self.councils[page.pk] += [c.slug for c in page.partner_councils.all()]
        self.tags = {pk: set() for pk in self.by_pk}
        for page in pages.prefetch_related("themed_items__tag", "tagged_items__tag"):
            self.tags[page.pk] = {item.tag.name.lower() for item in page.themed_items.all()} | {
                item.tag.name.lower() for item in page.tagged_items.all()}
        self.all_tags = set().union(*self.tags.values()) if self.tags else set()

    def councils_of(self, pks):
        ordered = []
        for pk in pks:
            for slug in self.councils.get(pk, []):
                if slug not in ordered:
                    ordered.append(slug)
        return ordered

    def tag_overlap(self, tags, exclude=()):
        scored = [(len(tags & page_tags), pk) for pk, page_tags in self.tags.items()
                  if pk not in exclude and len(tags & page_tags) >= MIN_SHARED_TAGS]
        return [pk for _shared, pk in sorted(scored, key=lambda item: (-item[0], item[1]))]

    def tags_in_text(self, text):
        words = " " + re.sub(r"[^a-z0-9 ]+", " ", text.lower()) + " "
        return {tag for tag in self.all_tags
                if f" {tag} " in words or f" {tag.rstrip('s')} " in words}


def keyword(text, exclude=()):
    from casestudies.models import LearningPage
    from search.text import clean_query

    query, _shown, _notices = clean_query(text, limit=1000)
    pages = LearningPage.objects.live().public().exclude(pk__in=list(exclude))
    return [page.pk for page in pages.search(query, operator="or")[:10]]


def evaluate(cases):
    """cases: list of (ranked, relevant) -> mean precision@5, recall@10."""
    if not cases:
        return 0.0, 0.0
    precision = sum(precision_at(r, rel) for r, rel in cases) / len(cases)
    recall = sum(recall_at(r, rel) for r, rel in cases) / len(cases)
    return precision, recall


def run():
    from search.similarity import get_similarity_backend

    labels = json.loads(LABELS.read_text())
    corpus = Corpus()
    engine = get_similarity_backend()
    missing = [slug for group in labels["groups"].values() for slug in group
               if slug not in corpus.pages]
    if missing:
        raise SystemExit(f"Labelled items missing from the database: {missing}. "
                         "Run manage.py load_demo_data first.")
    methods = ("similarity engine", "keyword search", f"tag overlap (>= {MIN_SHARED_TAGS})")
    similar = {name: [] for name in methods}
    for group in labels["groups"].values():
        for slug in group:
            seed = corpus.pages[slug]
            relevant = {corpus.pages[other].pk for other in group if other != slug}
            similar[methods[0]].append(
                ([item.page.pk for item in engine.similar_items(seed, limit=10)], relevant))
            similar[methods[1]].append((keyword(seed.title, exclude=[seed.pk]), relevant))
            similar[methods[2]].append(
                (corpus.tag_overlap(corpus.tags[seed.pk], exclude={seed.pk})[:10], relevant))
    councils = {name: [] for name in methods}
    for problem in labels["problems"]:
        items = {corpus.pages[slug].pk for group in problem["groups"]
                 for slug in labels["groups"][group]}
        items |= {corpus.pages[slug].pk for slug in problem.get("items", [])}
        relevant = set(corpus.councils_of(sorted(items)))
        found = engine.councils_for_text(problem["text"], limit=10)
        councils[methods[0]].append(([m.council.slug for m in found], relevant))
        councils[methods[1]].append((corpus.councils_of(keyword(problem["text"]))[:10],
                                     relevant))
        tagged = corpus.tag_overlap(corpus.tags_in_text(problem["text"]))
        councils[methods[2]].append((corpus.councils_of(tagged)[:10], relevant))
    return similar, councils, labels, with_signals(labels, corpus, engine)


def create_signals(labels, corpus):
    """The labelled records of working together; {group: {council slugs}} they make relevant."""
    from collaboration.models import JoinRequest, Reuse, SharedProblem
    from councils.models import Council

    councils = Council.objects.in_bulk([s["council"] for s in labels["signals"]],
                                       field_name="slug")
    group_of = {slug: group for group, slugs in labels["groups"].items() for slug in slugs}
    relevant = {}
    for signal in labels["signals"]:
        council, page = councils[signal["council"]], corpus.pages[signal["page"]]
        if signal["kind"] == "faces":
            SharedProblem.objects.create(council=council, page=page)
        elif signal["kind"] == "reuse":
            Reuse.objects.create(council=council, page=page, output=signal.get("output", ""))
        else:
            JoinRequest.objects.create(council=council, project_id=page.pk,
                                       message="We face the same problem.")
        relevant.setdefault(group_of[signal["page"]], set()).add(council.slug)
    return relevant


def with_signals(labels, corpus, engine):
    """{label: cases} for councils facing similar problems, signals off and on."""
    from django.conf import settings
    from django.db import transaction
    from django.test import override_settings

    results = {}
    with transaction.atomic():
        extra = create_signals(labels, corpus)
        weight = getattr(settings, "SEARCH_SIGNAL_WEIGHT", 1.0)
        for label, value in (("similarity engine, signals off (weight 0)", 0),
                             (f"similarity engine with signals (weight {weight:g})", weight)):
            cases = []
            with override_settings(SEARCH_SIGNAL_WEIGHT=value):
                for problem in labels["problems"]:
                    items = {corpus.pages[slug].pk for group in problem["groups"]
                             for slug in labels["groups"][group]}
                    items |= {corpus.pages[slug].pk for slug in problem.get("items", [])}
                    relevant = set(corpus.councils_of(sorted(items)))
                    for group in problem["groups"]:
                        relevant |= extra.get(group, set())
                    found = engine.councils_for_text(problem["text"], limit=10)
                    cases.append(([m.council.slug for m in found], relevant))
            results[label] = cases
        transaction.set_rollback(True)
    return results


def report(similar, councils, labels, signalled):
    from django.db import connection

    seeds = len(next(iter(similar.values())))
    lines = [
        f"Measured on the demo content ({connection.vendor}), {seeds} 'similar content' "
        f"queries (every item in a labelled group of two or more) and "
        f"{len(labels['problems'])} problem statements for 'councils facing similar problems'. "
        "A council is relevant if it owns or partners on a relevant item.",
        "",
        "| Task | Method | Precision@5 | Recall@10 |",
        "|---|---|---|---|",
    ]
    for task, results in (("Similar content", similar),
                          ("Councils facing similar problems", councils)):
        for method, cases in results.items():
            precision, recall = evaluate(cases)
            lines.append(f"| {task} | {method} | {precision:.2f} | {recall:.2f} |")
        ideal = [(sorted(relevant), relevant) for _ranked, relevant in cases]
        precision, recall = evaluate(ideal)
        lines.append(f"| {task} | *best possible* | {precision:.2f} | {recall:.2f} |")
    lines += ["", "Groups have two to six items, so precision@5 for similar content cannot "
              "reach 1.00: the best possible row is the ceiling.", "",
              f"With {len(labels['signals'])} labelled records of working together (see "
              "`signals` in labels.json: councils with little or no matching text that said "
              "“we face this too”, reused an item or asked to join a project; each is also "
              "relevant for its group's problems):", "",
              "| Task | Method | Precision@5 | Recall@10 |", "|---|---|---|---|"]
    for method, cases in signalled.items():
        precision, recall = evaluate(cases)
        lines.append(f"| Councils facing similar problems | {method} | {precision:.2f} | "
                     f"{recall:.2f} |")
    ideal = [(sorted(relevant), relevant) for _ranked, relevant in cases]
    precision, recall = evaluate(ideal)
    lines.append(f"| Councils facing similar problems | *best possible* | {precision:.2f} | "
                 f"{recall:.2f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true",
                        help="also write the table into docs/performance.md")
    parser.add_argument("--section", default="relevance",
                        help="section name in docs/performance.md (e.g. relevance-postgresql)")
    args = parser.parse_args()
    start_django()
    text = report(*run())
    print(text)
    if args.write:
        replace_section(ROOT / "docs" / "performance.md", args.section, text)


if __name__ == "__main__":
    main()
