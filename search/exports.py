"""CSV and JSON exports of a search's results, and the columns they share.

The columns are stated once, in `COLUMNS`: the CSV header, the JSON keys and the data
dictionary page all come from it. Rows are read a chunk of pages at a time (a fixed number of
queries per chunk), so an export of any size holds one chunk in memory, never the whole set.

Over 300 lines because the CSV and JSON exports share one list of columns and one set of
limits; split, each format would restate them.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from casestudies.choices import BudgetBand, CollaborationStance, Phase
from casestudies.models import CaseStudyPage, LearningPage, Partnership, ProjectPage, ThemedPage
from core import licence

from .facets import KINDS
from .services import RankedPages

CHUNK_SIZE = 250
# What the columns read from a page and its council; nothing else is loaded.
PAGE_FIELDS = [
    "content_type_id",
    "title",
    "summary",
    "url_path",
    "first_published_at",
    "last_published_at",
    "last_reviewed",
    "council__code",
    "council__gss_code",
    "council__short_name",
    "council__official_name",
]
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Record:
    """One published page and what its columns are computed from."""

    page: LearningPage
    url: str
    kind: str
    themes: list = field(default_factory=list)
    partners: list = field(default_factory=list)  # [(code, name)], ordered by name
    cost_band: str = ""
    phase: str = ""
    stance: str = ""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    meaning: str
    example: str
    value: Callable[[Record], object]
    choices: tuple = ()  # (value, label) pairs when the column takes one of a fixed list


def _datetime(value):
    return value.astimezone(datetime.UTC).isoformat(timespec="seconds") if value else None


def _attribution(record):
    return licence.attribution(record.page.council.official_name)


COLUMNS = [
    Column(
        "url",
        "URL",
        "The page's full address on Shared Endeavour.",
        "https://example.org/case-studies/fewer-missed-bin-collections/",
        lambda r: r.url,
    ),
    Column(
        "kind",
        "text, one of a list",
        "What the page is: a case study, a lesson or a project.",
        "case-study",
        lambda r: r.kind,
        tuple((key, label) for key, (label, _model) in KINDS.items()),
    ),
    Column(
        "title", "text", "The page's title.", "Fewer missed bin collections", lambda r: r.page.title
    ),
    Column(
        "summary",
        "text",
        "The page's summary, in two or three sentences.",
        "Crews' round data online cut missed bin collection reports by three quarters.",
        lambda r: r.page.summary,
    ),
    Column(
        "council_code",
        "text",
        "The register code of the council that published the page.",
        "CRF",
        lambda r: r.page.council.code,
    ),
    Column(
        "council_gss_code",
        "text",
        "The ONS GSS code of that council, where it has one.",
        "W06000015",
        lambda r: r.page.council.gss_code or None,
    ),
    Column(
        "council_name",
        "text",
        "The short name of that council.",
        "Cardiff",
        lambda r: r.page.council.short_name,
    ),
    Column(
        "partner_council_codes",
        "list of text",
        "The register codes of the other "
        "councils involved in a case study or a project, in the order of their names.",
        "BGE; VGL",
        lambda r: [code for code, _name in r.partners],
    ),
    Column(
        "partner_council_names",
        "list of text",
        "The short names of those councils, in the same order.",
        "Bridgend; Vale of Glamorgan",
        lambda r: [name for _code, name in r.partners],
    ),
    Column(
        "themes",
        "list of text",
        "The names of the page's themes, in alphabetical order.",
        "Customer contact; Waste and recycling",
        lambda r: r.themes,
    ),
    Column(
        "phase",
        "text, one of a list",
        "For a project, the phase it is in; empty for case studies and lessons.",
        Phase.BETA.value,
        lambda r: r.phase or None,
        tuple(Phase.choices),
    ),
    Column(
        "stance",
        "text, one of a list",
        "For a project, how its council wants to work "
        "with others; empty for case studies and lessons.",
        CollaborationStance.LOOKING_FOR_PARTNERS.value,
        lambda r: r.stance or None,
        tuple(CollaborationStance.choices),
    ),
    Column(
        "cost_band",
        "text, one of a list",
        "For a case study, what the work cost; for a "
        "project, its budget; empty when not given and for lessons.",
        BudgetBand.UNDER_10K.value,
        lambda r: r.cost_band or None,
        tuple(BudgetBand.choices),
    ),
    Column(
        "first_published",
        "date and time (ISO 8601, UTC)",
        "When the page was first published.",
        "2025-06-01T12:00:00+00:00",
        lambda r: _datetime(r.page.first_published_at),
    ),
    Column(
        "last_published",
        "date and time (ISO 8601, UTC)",
        "When the page was last published, which is when it last changed.",
        "2025-09-14T08:30:00+00:00",
        lambda r: _datetime(r.page.last_published_at),
    ),
    Column(
        "last_reviewed",
        "date (ISO 8601)",
        "When the council last checked the page was still right; empty if it has not said.",
        "2025-09-01",
        lambda r: r.page.last_reviewed.isoformat() if r.page.last_reviewed else None,
    ),
    Column(
        "licence",
        "text",
        "The licence the page is offered under.",
        licence.LICENCE_NAME,
        lambda r: licence.LICENCE_NAME,
    ),
    Column(
        "licence_url",
        "URL",
        "Where the licence's terms are published.",
        licence.LICENCE_URL,
        lambda r: licence.LICENCE_URL,
    ),
    Column(
        "attribution",
        "text",
        "The sentence to print with anything you reuse from the page.",
        licence.attribution("Cardiff Council"),
        _attribution,
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]


def pk_chunks(results, size=CHUNK_SIZE):
    """The ids of `results` (what `FacetedSearch.all_results` returns), in order, in lists
    of at most `size`."""
    if isinstance(results, RankedPages):
        for start in range(0, len(results.pks), size):
            yield results.pks[start : start + size]
    elif isinstance(results, QuerySet):
        chunk = []
        for pk in results.values_list("pk", flat=True).iterator(chunk_size=size):
            chunk.append(pk)
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
    else:  # a search backend's results, read a slice at a time
        start = 0
        while chunk := [page.pk for page in results[start : start + size]]:
            yield chunk
            start += size


def _partners(pks):
    """{page id: [(code, name)]} for these pages, in one query."""
    partners = {}
    rows = (
        Partnership.objects.filter(page__in=pks)
        .values_list("page_id", "council__code", "council__short_name")
        .order_by("council__short_name")
    )
    for page_id, code, name in rows:
        partners.setdefault(page_id, []).append((code, name))
    return partners


def records(results, request, size=CHUNK_SIZE):
    """A `Record` for every page of `results`, in order, reading `size` pages at a time."""
    kind_by_ct = {
        ContentType.objects.get_for_model(model).pk: key for key, (_label, model) in KINDS.items()
    }
    published = LearningPage.objects.live().public()  # public() reads the restrictions now
    for pks in pk_chunks(results, size):
        pages = published.filter(pk__in=pks).select_related("council").only(*PAGE_FIELDS).in_bulk()
        themes = {}
        for page_id, name in (
            ThemedPage.objects.filter(content_object_id__in=pks)
            .values_list("content_object_id", "tag__name")
            .order_by("tag__name")
        ):
            themes.setdefault(page_id, []).append(name)
        partners = _partners(pks)
        costs = dict(CaseStudyPage.objects.filter(pk__in=pks).values_list("pk", "cost_band"))
        projects = {
            pk: rest
            for pk, *rest in ProjectPage.objects.filter(pk__in=pks).values_list(
                "pk", "phase", "stance", "budget_band"
            )
        }
        for pk in pks:
            page = pages.get(pk)
            if page is None:  # unpublished since the search ran
                continue
            phase, stance, budget = projects.get(pk, ("", "", ""))
            yield Record(
                page=page,
                url=page.get_full_url(request),
                kind=kind_by_ct.get(page.content_type_id),
                themes=themes.get(pk, []),
                partners=partners.get(pk, []),
                cost_band=costs.get(pk) or budget,
                phase=phase,
                stance=stance,
            )
        del pages, themes, partners, costs, projects  # before the next chunk is read


def row(record):
    """{column name: value} for one record, as the JSON export writes it."""
    return {column.name: column.value(record) for column in COLUMNS}


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(value)
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_lines(records):
    """The CSV export, a line at a time: the header, then a line per record."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(cells):
        writer.writerow(cells)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line(COLUMN_NAMES)
    for record in records:
        yield line([_csv_cell(column.value(record)) for column in COLUMNS])


def json_pieces(records, about):
    """The JSON export, a piece at a time: `about` (licence, query, …), then the results
    array written one object at a time, then their count."""
    head = json.dumps(about, ensure_ascii=False)
    yield head[:-1] + ', "results": ['
    count = 0
    for record in records:
        yield ("," if count else "") + "\n" + json.dumps(row(record), ensure_ascii=False)
        count += 1
    yield f'\n], "count": {count}}}\n'
