"""Generate N published learning pages fast, for the speed benchmark.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/generate.py 10000
    .venv/bin/python bench/generate.py --remove

Pages are written in bulk (tree paths computed here, one INSERT per table per batch), then
added to the search index in bulk; Wagtail's add_child would take about a second a page.
Generated pages have slugs starting "gen-" and no revisions. Needs migrate, import_councils
and setup_site first. Deterministic: the same N gives the same pages.

Over 300 lines because generating, writing the tree in bulk and indexing in bulk share one
set of batches and timings.
"""

import argparse
import datetime
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.setup import start_django  # noqa: E402

BATCH = 500
TOPICS = {
    "waste": (
        "missed bin collections crews rounds recycling contamination in-cab tablets "
        "collection day calendar complaints contact centre assisted collections fleet "
        "fly-tipping dumping cameras enforcement clearance street cleansing",
        ["waste"],
    ),
    "housing": (
        "temporary accommodation homeless families bed breakfast nightly rates hotel "
        "placements prevention eviction arrears rehousing housing associations "
        "allocations waiting list",
        ["housing"],
    ),
    "repairs": (
        "damp mould condensation sensors tenants repairs surveyors ventilation "
        "inspections complaints housing ombudsman stock condition",
        ["housing"],
    ),
    "tax": (
        "council tax chatbot online account direct debit arrears reminders single person "
        "discount billing queues self-service revenues benefits",
        ["revenues-and-benefits", "customer-contact"],
    ),
    "transport": (
        "school transport special educational needs routes taxis passenger "
        "assistants contracts rural pupils journeys buses concessionary",
        ["highways-and-transport", "children-and-families"],
    ),
    "care": (
        "adult social care assessments waiting list occupational therapy reablement "
        "carers home adaptations trusted assessors hospital discharge",
        ["adult-social-care"],
    ),
    "cyber": (
        "ransomware backups restore incident response phishing email security "
        "business continuity mutual aid exercise playbook",
        ["cyber-security"],
    ),
    "digital": (
        "devices laptops tablets data connectivity libraries digital skills "
        "volunteers lending refurbished loneliness",
        ["digital-inclusion"],
    ),
    "climate": (
        "electric vehicle charge points chargers parishes grid rural car parks "
        "net zero retrofit solar flooding trees",
        ["climate"],
    ),
    "planning": (
        "planning applications validation backlog local plan consultation "
        "development management enforcement register open data",
        ["planning"],
    ),
    "democracy": (
        "budget consultation participatory budgeting elections polling stations "
        "engagement residents panels trade-offs rates",
        ["democracy"],
    ),
    "economy": (
        "high streets empty shops vacant units meanwhile use markets business "
        "support regeneration start-ups landlords leases",
        ["economic-development"],
    ),
    "workforce": (
        "recruitment agency social workers apprenticeships retention training "
        "pay vacancies graduates career grades",
        ["workforce-and-skills"],
    ),
    "procurement": (
        "procurement framework suppliers lots specification social value "
        "contract management small firms tender",
        ["procurement"],
    ),
    "health": (
        "stop smoking pharmacies health inequalities physical activity warm spaces "
        "energy bills cost of living food banks",
        ["public-health"],
    ),
}
GENERAL = [
    "pilot",
    "partners",
    "evidence",
    "savings",
    "residents",
    "data",
    "dashboard",
    "survey",
    "staff",
    "funding",
    "evaluation",
    "process",
    "users",
    "research",
    "design",
    "officers",
    "report",
    "results",
    "phase",
    "plan",
    "measure",
    "outcomes",
    "service",
    "managers",
    "feedback",
    "trial",
]


def words(rng, pool, count):
    return " ".join(rng.choice(pool) for _ in range(count))


def sentence(rng, topic_words, count=14):
    mixed = [
        rng.choice(topic_words) if rng.random() < 0.6 else rng.choice(GENERAL) for _ in range(count)
    ]
    return (" ".join(mixed)).capitalize() + "."


def remove():
    from wagtail.models import Page

    from search.similarity import get_similarity_backend

    pages = Page.objects.filter(slug__startswith="gen-")
    count = pages.count()
    started = time.perf_counter()
    pages.delete()
    from casestudies.models import CaseStudyIndexPage, LessonIndexPage, ProjectIndexPage

    for model in (CaseStudyIndexPage, LessonIndexPage, ProjectIndexPage):
        index = model.objects.first()
        if index:
            index.numchild = index.get_children().count()
            index.save(update_fields=["numchild"])
    get_similarity_backend().rebuild()
    print(f"Removed {count} generated pages in {time.perf_counter() - started:.1f}s")


def _index_each_field_once():
    """Wagtail's SQLite index reads every field three times (for the title, autocomplete and
    body columns), parsing rich text each time; remember each field's values per page."""
    from modelsearch.backends.database.sqlite import sqlite

    base = sqlite.ObjectIndexer
    if getattr(base, "remembers_fields", False):
        return

    class OnePassIndexer(base):
        remembers_fields = True

        def prepare_field(self, obj, field):
            prepared = self.__dict__.setdefault("_prepared", {})
            key = (id(obj), id(field))
            if key not in prepared:
                prepared[key] = list(super().prepare_field(obj, field))
            return iter(prepared[key])

    sqlite.ObjectIndexer = OnePassIndexer


def generate(total, seed=42):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from casestudies.choices import Phase
    from casestudies.models import (
        CaseStudyIndexPage,
        CaseStudyPage,
        LearningPage,
        LessonIndexPage,
        LessonPage,
        ProjectIndexPage,
        ProjectPage,
        Theme,
        ThemedPage,
    )
    from councils.models import Council

    rng = random.Random(seed)
    councils = list(Council.objects.current().values_list("pk", flat=True))
    themes = {theme.slug: theme.pk for theme in Theme.objects.all()}
    locale = Locale.get_default()
    kinds = [
        (CaseStudyPage, CaseStudyIndexPage, 0.5),
        (LessonPage, LessonIndexPage, 0.3),
        (ProjectPage, ProjectIndexPage, 0.2),
    ]
    start_at = Page.objects.filter(slug__startswith="gen-").count()
    # Apart from rng, so the content stays as it was; a second run adds different keys.
    keys = random.Random(f"translation-keys-{seed}-{start_at}")
    created = {model: [] for model, _index, _share in kinds}
    started = time.perf_counter()
    for model, index_model, share in kinds:
        index = index_model.objects.first()
        if index is None:
            raise SystemExit("Run manage.py setup_site first.")
        count = round(total * share)
        content_type = ContentType.objects.get_for_model(model)
        last = index.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        made = 0
        while made < count:
            batch = min(BATCH, count - made)
            pages, topics = [], []
            for _ in range(batch):
                step += 1
                number = start_at + made + len(pages)
                topic = rng.choice(list(TOPICS))
                pool, topic_themes = TOPICS[topic]
                pool = pool.split()
                title = f"{words(rng, pool, 3).capitalize()} {words(rng, GENERAL, 2)}"
                published = datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(
                    days=rng.randrange(0, 365 * 7)
                )
                slug = f"gen-{model._meta.model_name}-{number}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(index.path, index.depth + 1, step),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        locale=locale,
                        translation_key=uuid.UUID(int=keys.getrandbits(128), version=4),
                    )
                )
                topics.append((topic, pool, topic_themes))
            with transaction.atomic():
                Page.objects.bulk_create(pages)
                created[model] += [page.pk for page in pages]
                learning, specific, theme_rows = [], [], []
                for page, (_topic, pool, topic_themes) in zip(pages, topics, strict=True):
                    fields = {
                        "council_id": rng.choice(councils),
                        "summary": " ".join(sentence(rng, pool) for _ in range(2)),
                    }
                    learning.append(LearningPage(page_ptr_id=page.pk, **fields))
                    text = "<p>" + " ".join(sentence(rng, pool) for _ in range(4)) + "</p>"
                    extra = {}
                    if model is CaseStudyPage:
                        extra = {"problem": text, "what_we_did": text[:200] + "</p>"}
                    elif model is LessonPage:
                        extra = {
                            "context": text,
                            "what_worked": "<p>It worked.</p>",
                            "advice": "<p>Start small.</p>",
                        }
                    else:
                        extra = {"aims": text, "phase": rng.choice(Phase.values)}
                    specific.append(
                        model(learningpage_ptr_id=page.pk, page_ptr_id=page.pk, **fields, **extra)
                    )
                    chosen = set(topic_themes)
                    if rng.random() < 0.5:
                        chosen.add(rng.choice(list(themes)))
                    theme_rows += [
                        ThemedPage(content_object_id=page.pk, tag_id=themes[slug])
                        for slug in chosen
                        if slug in themes
                    ]
                LearningPage.objects._insert(
                    learning, fields=LearningPage._meta.local_concrete_fields
                )
                model.objects._insert(specific, fields=model._meta.local_concrete_fields)
                ThemedPage.objects.bulk_create(theme_rows)
                Page.objects.filter(pk=index.pk).update(numchild=step)
            made += batch
            print(
                f"  {model._meta.verbose_name}: {made} of {count} "
                f"({time.perf_counter() - started:.0f}s)",
                flush=True,
            )
    written = time.perf_counter()
    print(
        f"Wrote {total} pages in {written - started:.1f}s; adding them to the search index",
        flush=True,
    )
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        _index_each_field_once()
    for model, _index, _share in kinds:
        ids = created[model]  # only this run's pages: earlier runs' are indexed already
        for start in range(0, len(ids), BATCH):
            # The index reads each page's council, themes and tags: fetch them per batch, or
            # it makes several queries per page.
            chunk = list(
                model.objects.filter(pk__in=ids[start : start + BATCH])
                .select_related("council")
                .prefetch_related("themes", "tags")
            )
            backend.add_bulk(model, chunk)
            print(
                f"  indexed {model._meta.verbose_name_plural}: {start + len(chunk)} of "
                f"{len(ids)} ({time.perf_counter() - written:.0f}s)",
                flush=True,
            )
    print(
        f"Generated {total} pages in {time.perf_counter() - started:.1f}s "
        f"(search index {time.perf_counter() - written:.1f}s)",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--remove", action="store_true", help="delete generated pages")
    parser.add_argument(
        "--up-to",
        action="store_true",
        help="only add what is missing for COUNT generated pages in all",
    )
    args = parser.parse_args()
    start_django()
    if args.remove:
        remove()
    elif args.up_to:
        from wagtail.models import Page

        missing = args.count - Page.objects.filter(slug__startswith="gen-").count()
        if missing > 0:
            generate(missing)
        else:
            print(f"{args.count} generated pages are there already.")
    else:
        generate(args.count)
    from core.database import analyze

    analyze()


if __name__ == "__main__":
    main()
