"""The faceted search behind /search/, through Wagtail's search API.

`FacetedSearch` is the seam for other engines: the database implementation finds the pages
that match the words with one search, then counts facets from their stored values; an
Elasticsearch implementation can override `matched_ids` and `count_facets` with aggregations
and keep everything else.

Over 300 lines because parsing, filtering, ranking and facet counts are one pipeline, read
in the order a search runs it.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import QueryDict

from wagtail.search.backends import get_search_backend

from casestudies.cards import attach_card_facts
from casestudies.models import LearningPage, ThemePage
from core.pagination import PAGE_SIZE, ContentPaginator, page_of, requested_page
from core.params import MAX_FILTER_VALUES
from councils.models import Council
from councils.peers import peer_slugs

from . import facets
from .ranking import rank
from .text import clean_query, highlight, query_terms, search_query

SORTS = {"relevance": "Most relevant", "newest": "Newest"}


@dataclass
class SearchParams:
    query: str = ""
    shown_query: str = ""
    selected: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    peers_of: Council | None = None
    notices: list = field(default_factory=list)
    ignored: list = field(default_factory=list)

    @classmethod
    def from_querydict(cls, data):
        query, shown, notices = clean_query(data.get("q", ""))
        params = cls(query=query, shown_query=shown, notices=notices)
        council_slugs = [value.strip() for value in data.getlist("council")[:MAX_FILTER_VALUES]]
        peers_slug = data.get("peers_of", "").strip()[: facets.MAX_VALUE_LENGTH]
        vocabulary = facets.Vocabulary.load(council_slugs + [peers_slug])
        for name, label in facets.FACETS:
            values = []
            for raw in data.getlist(name)[:MAX_FILTER_VALUES]:
                value = raw.strip()[: facets.MAX_VALUE_LENGTH]
                if not value or value in values:
                    continue
                if vocabulary.accepts(name, value):
                    values.append(value)
                else:
                    params.ignored.append(f"{label}: {value}")
            if len(data.getlist(name)) > MAX_FILTER_VALUES:
                params.notices.append(
                    f"Only the first {MAX_FILTER_VALUES} {label.lower()} filters were used."
                )
            params.selected[name] = values
        if peers_slug:
            params.peers_of = Council.objects.filter(slug=peers_slug).first()
            if params.peers_of is None:
                params.ignored.append(f"Councils like: {peers_slug}")
        sort = data.get("sort", "relevance")
        params.sort = sort if sort in SORTS else "relevance"
        if sort not in SORTS:
            params.ignored.append(f"Sort: {sort[: facets.MAX_VALUE_LENGTH]}")
        params.page, notice = requested_page(data)
        if notice:
            params.notices.append(notice)
        params.vocabulary = vocabulary
        return params

    @property
    def active(self):
        return {name: values for name, values in self.selected.items() if values}

    def querydict(self, **changes):
        data = QueryDict(mutable=True)
        if self.shown_query:
            data["q"] = self.shown_query
        for name, values in self.selected.items():
            data.setlist(name, list(values))
        if self.peers_of:
            data["peers_of"] = self.peers_of.slug
        if self.sort != "relevance":
            data["sort"] = self.sort
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            elif isinstance(value, list):
                data.setlist(key, value)
            else:
                data[key] = value
        return data


@dataclass
class SearchOutcome:
    params: SearchParams
    page: object
    paginator: Paginator
    facets: list
    councils: list
    themes: list
    terms: list
    notices: list
    suggestion: dict | None = None


@dataclass
class Match:
    operator: str
    peers: set | None
    matched: set | None
    notices: list


class RankedPages:
    """Page ids in order, read from the database a page of results at a time."""

    def __init__(self, pks):
        self.pks = pks

    def count(self):
        return len(self.pks)

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, key):
        pks = self.pks[key]
        pages = LearningPage.objects.live().public().in_bulk(pks)
        return [pages[pk] for pk in pks if pk in pages]


class FacetedSearch:
    operator = "and"
    rank_in_memory = True

    def __init__(self, backend="default"):
        self.backend = backend  # the name of a Wagtail search backend

    def matched_ids(self, query, operator):
        """Ids of every live, public learning page matching the words, in one search.

        Faceting on "id" is the cheapest way Wagtail's database backends list the matches
        (one GROUP BY query, no model instances); Elasticsearch overrides this method."""
        results = (
            LearningPage.objects.live()
            .public()
            .search(search_query(query, operator), order_by_relevance=False, backend=self.backend)
        )
        return set(results.facet("id"))

    def count_facets(self, params, matched, peers):
        rows = facets.page_rows()
        counts, total, names = facets.facet_counts(rows, params.active, matched, peers)
        hidden = {}
        if not total:
            hidden = facets.without_facet_totals(rows, params.active, matched, peers)
        return counts, total, names, hidden

    def results(self, params, operator, peers, matched=None):
        """The pages to list, in order. With words, the pages `matched_ids` found are
        filtered and ranked in memory (see search/ranking.py); set `rank_in_memory = False`
        to have the search backend filter and order them instead."""
        pages = facets.apply_filters(LearningPage.objects.live().public(), params.active, peers)
        if not params.query:
            return pages.order_by("-first_published_at", "-id")
        if self.rank_in_memory and matched is not None:
            rows = facets.page_rows()
            pks = rows.matching(params.active, matched, peers)
            return RankedPages(rank(rows, pks, params.query, params.sort == "newest"))
        if params.sort == "newest":
            return pages.order_by("-first_published_at").search(
                search_query(params.query, operator), order_by_relevance=False, backend=self.backend
            )
        return pages.search(search_query(params.query, operator), backend=self.backend)

    def councils(self, params, limit=6):
        if not params.query:
            return []
        councils = Council.objects.current()
        for name in ("nation", "region", "council_type"):
            if params.selected.get(name):
                councils = councils.filter(**{f"{name}__in": params.selected[name]})
        backend = get_search_backend(self.backend)
        return list(backend.search(params.query, councils, operator=self.operator)[:limit])

    def themes(self, params, limit=3):
        if not params.query:
            return []
        return list(
            ThemePage.objects.live()
            .public()
            .search(params.query, operator=self.operator, backend=self.backend)[:limit]
        )

    def match(self, params):
        """What the words match: the operator used, the ids matched, peers and notices."""
        notices = list(params.notices)
        operator = self.operator
        peers = peer_slugs(params.peers_of) if params.peers_of else None
        matched = None
        if params.query:
            matched = self.matched_ids(params.query, operator)
            if not matched and len(params.query.split()) > 1:
                operator = "or"
                matched = self.matched_ids(params.query, operator)
                if matched:
                    notices.append(
                        "No page contained all your words, so these results contain some of them."
                    )
        return Match(operator=operator, peers=peers, matched=matched, notices=notices)

    def all_results(self, params):
        """Every page /search/ lists for these parameters, in its order, unpaginated."""
        match = self.match(params)
        return self.results(params, match.operator, match.peers, match.matched)

    def run(self, params):
        match = self.match(params)
        operator, peers, matched, notices = (
            match.operator,
            match.peers,
            match.matched,
            match.notices,
        )
        counts, total, names, hidden = self.count_facets(params, matched, peers)
        paginator = ContentPaginator(self.results(params, operator, peers, matched), PAGE_SIZE)
        page, notice = page_of(paginator, params.page)
        if notice:
            notices.append(notice)
        items = list(page.object_list)
        prefetch_related_objects(items, "council", "themed_items__tag")
        attach_card_facts(items)
        terms = query_terms(params.query)
        for item in items:
            item.snippet = highlight(item.get_listing_summary(), terms)
            item.title_highlighted = highlight(item.title, terms, length=300)
        page.object_list = items
        return SearchOutcome(
            params=params,
            page=page,
            paginator=paginator,
            facets=self.facet_list(params, counts, names),
            councils=self.councils(params),
            themes=self.themes(params),
            terms=terms,
            notices=notices,
            suggestion=self.suggestion(params, hidden) if not paginator.count else None,
        )

    def facet_list(self, params, counts, names):
        vocabulary = params.vocabulary
        result = []
        for name, label in facets.FACETS:
            selected = params.selected.get(name, [])
            values = []
            ordered = sorted(counts[name].items(), key=lambda item: (-item[1], str(item[0])))
            if name == "year":
                ordered = sorted(counts[name].items(), reverse=True)
            shown = ordered[: facets.MAX_FACET_VALUES_SHOWN]
            shown_keys = {key for key, _count in shown}
            shown += [
                (value, counts[name].get(value, 0)) for value in selected if value not in shown_keys
            ]
            for value, count in shown:
                if value is None:
                    continue
                label_text = names.get(value) if name == "council" else None
                values.append(
                    {
                        "value": value,
                        "label": label_text or vocabulary.label(name, value),
                        "count": count,
                        "selected": value in selected,
                    }
                )
            if values:
                result.append(
                    {
                        "name": name,
                        "label": label,
                        "values": values,
                        "more": max(len(ordered) - len(shown_keys), 0),
                    }
                )
        return result

    def suggestion(self, params, hidden):
        if not hidden:
            return None
        name, count = max(hidden.items(), key=lambda item: (item[1], item[0]))
        if name == "peers_of":
            label = f"councils like {params.peers_of}"
            data = params.querydict(peers_of=None, page=None)
        else:
            values = ", ".join(params.vocabulary.label(name, v) for v in params.selected[name])
            label = f"{facets.FACET_LABELS[name]}: {values}"
            data = params.querydict(**{name: None, "page": None})
        return {"label": label, "count": count, "querystring": data.urlencode()}
