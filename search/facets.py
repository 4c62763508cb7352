"""What can be filtered on /search/, the values each filter accepts, and facet counts.

Filters combine with AND across facets and OR within one. Facet counts are "disjunctive":
each facet counts the pages that match the words and every *other* active filter, so the
values someone could add to a facet keep their numbers.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from casestudies.choices import Phase
from casestudies.kinds import kinds
from casestudies.models import (
    LearningPage,
    Partnership,
    ProjectPage,
    Theme,
    ThemedPage,
)
from core.params import MAX_FILTER_VALUES, parse_int
from councils.models import Council, Nation

from .facet_index import RowSet
from .ranking import ranking_terms

MAX_VALUE_LENGTH = 100
MAX_FACET_VALUES_SHOWN = 12

KINDS = kinds()
FACETS = [
    ("kind", "Content type"),
    ("theme", "Theme"),
    ("council", "Council"),
    ("council_type", "Council type"),
    ("nation", "Nation"),
    ("region", "Region"),
    ("phase", "Project phase"),
    ("year", "Year published"),
]
FACET_LABELS = dict(FACETS)


@dataclass
class Vocabulary:
    """Every value each facet accepts, with its label, read in a fixed number of queries."""

    labels: dict = field(default_factory=dict)

    @classmethod
    def load(cls, selected_councils=()):
        council_types, regions = {}, set()
        for code, name, region in (
            Council.objects.current()
            .values_list("council_type", "council_type_name", "region")
            .distinct()
        ):
            council_types[code] = name
            if region:
                regions.add(region)
        labels = {
            "kind": {key: label for key, (label, _model) in KINDS.items()},
            "theme": dict(Theme.objects.values_list("slug", "name")),
            "council": dict(
                Council.objects.filter(
                    slug__in=list(selected_councils)[:MAX_FILTER_VALUES]
                ).values_list("slug", "short_name")
            ),
            "council_type": council_types,
            "nation": {value: value for value in Nation.values},
            "region": {value: value for value in sorted(regions)},
            "phase": dict(Phase.choices),
            "year": None,  # any plausible year
        }
        return cls(labels)

    def accepts(self, facet, value):
        if facet == "year":
            return parse_int(value, minimum=1990, maximum=2100) is not None
        return value in self.labels[facet]

    def label(self, facet, value):
        if facet == "year":
            return value
        return self.labels[facet].get(value, value)


@dataclass
class Row:
    """The facet values of one published page, and what relevance ranking needs."""

    pk: int
    values: dict
    published: object = None
    terms: dict = field(default_factory=dict)  # field -> Counter (search/ranking.py)


_rows_cache = {}


def page_rows():
    """Facet values of every live, public learning page.

    Kept in memory per process and reloaded when the published content changes (the
    version token in `SimilarityState`), so a search costs one query here, not two big ones.
    """
    from .models import SimilarityState

    version = SimilarityState.objects.filter(pk=1).values_list("version", flat=True).first()
    cached = _rows_cache.get("rows")
    if version is not None and cached is not None and cached[0] == version:
        return cached[1]
    rows = load_page_rows()
    if version is not None:
        _rows_cache["rows"] = (version, rows)
    return rows


def partners_by_page():
    """{page id: {council slug: short name}} for every partner on a learning page."""
    partners = {}
    for page_id, slug, name in Partnership.objects.values_list(
        "page_id", "council__slug", "council__short_name"
    ):
        partners.setdefault(page_id, {})[slug] = name
    return partners


def load_page_rows():
    """Facet values of every live, public learning page: four queries however many pages.

    "council" holds the lead council and every partner; the council type, nation and
    region are the lead council's."""
    pages = LearningPage.objects.live().public()
    kind_by_model = {model: key for key, (_label, model) in KINDS.items()}
    from django.contrib.contenttypes.models import ContentType

    kind_by_ct = {
        ContentType.objects.get_for_model(model).pk: key for model, key in kind_by_model.items()
    }
    themes, theme_names = {}, {}
    for page_id, slug, name in ThemedPage.objects.filter(
        content_object__in=pages.values("pk")
    ).values_list("content_object_id", "tag__slug", "tag__name"):
        themes.setdefault(page_id, set()).add(slug)
        theme_names.setdefault(page_id, []).append(name)
    partners = partners_by_page()
    rows = []
    for (
        pk,
        ct_id,
        council,
        council_name,
        ctype,
        nation,
        region,
        phase,
        published,
        title,
        summary,
    ) in pages.values_list(
        "pk",
        "content_type_id",
        "council__slug",
        "council__short_name",
        "council__council_type",
        "council__nation",
        "council__region",
        "projectpage__phase",
        "first_published_at",
        "title",
        "summary",
    ):
        names = {council: council_name, **partners.get(pk, {})}
        rows.append(
            Row(
                pk,
                published=published,
                terms=ranking_terms(title, summary, theme_names.get(pk, ())),
                values={
                    "kind": {kind_by_ct.get(ct_id)},
                    "theme": themes.get(pk, set()),
                    "council": set(names),
                    "council_type": {ctype},
                    "nation": {nation},
                    "region": {region} if region else set(),
                    "phase": {phase} if phase else set(),
                    "year": {str(published.year)} if published else set(),
                    "_council_names": names,
                },
            )
        )
    return RowSet(rows)


def facet_counts(rows, selected, matched_ids=None, peer_slugs=None):
    """{facet: Counter(value -> pages)}, the pages matching every filter, council names."""
    counts, total = rows.facet_counts(selected, matched_ids, peer_slugs)
    return counts, total, rows.council_names


def without_facet_totals(rows, selected, matched_ids=None, peer_slugs=None):
    """How many pages each active filter hides: pages that fail only that filter."""
    return rows.hidden_by_each_filter(selected, matched_ids, peer_slugs)


# One filter specification, read by the database (`apply_filters`) and by Elasticsearch
# (elasticsearch_facets.py): what each filter matches a page on. "lead" is a field of the
# page's lead council; "involved" is its lead council or a partner (as `peers_of` is).
FILTERS = {
    "kind": "content_type",
    "theme": "theme",
    "council": "involved",
    "council_type": "lead",
    "nation": "lead",
    "region": "lead",
    "phase": "phase",
    "year": "year",
}
COUNCIL_COLUMNS = {"council": 1, "peers_of": 1, "council_type": 2, "nation": 3, "region": 4}


def criteria(selected, peer_slugs=None):
    """{filter: (what it matches on, values)} for the active filters, resolved once for every
    engine: content type ids, theme slugs, council ids, phases or years. Two queries at most."""
    from django.contrib.contenttypes.models import ContentType

    wanted = {name: set(values) for name, values in selected.items() if values}
    if peer_slugs is not None:
        wanted["peers_of"] = set(peer_slugs)
    councils = []
    if set(wanted) & set(COUNCIL_COLUMNS):
        councils = list(
            Council.objects.values_list("pk", "slug", "council_type", "nation", "region")
        )
    found = {}
    for name, values in wanted.items():
        on = FILTERS.get(name, "involved")
        if on == "content_type":
            models = [KINDS[key][1] for key in selected[name]]
            values = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
        elif on in ("lead", "involved"):
            column = COUNCIL_COLUMNS[name]
            values = [row[0] for row in councils if row[column] in values]
        elif on == "year":
            values = [int(year) for year in selected[name]]
        else:
            values = list(selected[name])
        found[name] = (on, values)
    return found


def year_range(year):
    return (
        datetime.datetime(year, 1, 1, tzinfo=datetime.UTC),
        datetime.datetime(year + 1, 1, 1, tzinfo=datetime.UTC),
    )


def apply_filters(queryset, selected, peer_slugs=None):
    """The filters of `criteria` as lookups every Wagtail search backend accepts (FilterFields
    on LearningPage and Page: content_type, council, id, first_published_at)."""
    for on, values in criteria(selected, peer_slugs).values():
        if on == "content_type":
            queryset = queryset.filter(content_type__in=values)
        elif on == "theme":
            queryset = queryset.filter(
                id__in=ThemedPage.objects.filter(tag__slug__in=values).values("content_object_id")
            )
        elif on == "phase":
            queryset = queryset.filter(
                id__in=ProjectPage.objects.filter(phase__in=values).values("pk")
            )
        elif on == "lead":
            queryset = queryset.filter(council__in=values)
        elif on == "involved":
            queryset = queryset.filter(id__in=LearningPage.objects.involving(values).values("pk"))
        elif on == "year":
            years = Q()
            for year in values:
                start, end = year_range(year)
                years |= Q(first_published_at__gte=start, first_published_at__lt=end)
            queryset = queryset.filter(years)
    return queryset
