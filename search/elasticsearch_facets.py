"""Faceted search counted by Elasticsearch aggregations.

The same facets, values and "disjunctive" counts as the database implementation
(`search.facets.facet_counts`): each facet counts the pages that match the words and every
*other* active filter. One search request with `size=0` returns every facet, the total and, for
the zero-results suggestion, how many pages each filter hides. Results, councils and themes
still come from Wagtail's search API in `FacetedSearch`, so they are the same code on every
backend.
"""

from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from wagtail.search.backends import get_search_backend

from elasticsearch_dsl import A, Q, Search
from modelsearch.query import MatchAll

from casestudies.models import LearningPage
from councils.models import Council

from . import facets
from .services import FacetedSearch
from .text import search_query

COUNCIL_FACETS = ("council", "council_type", "nation", "region")
BUCKETS = 1000  # more than there are councils, themes or years


def terms(field, values):
    # Not Q("terms", **{field: ...}): elasticsearch-dsl reads "__" in a keyword as a dot, and
    # Wagtail's field names contain "__".
    return Q({"terms": {field: list(values)}})


@dataclass
class TextMatch:
    """What `matched_ids` returns here: the words and how many pages they match, rather than
    every id (the aggregations apply the words themselves)."""

    query: str
    operator: str
    total: int

    def __bool__(self):
        return self.total > 0


class PageIndex:
    """The names Wagtail gives learning pages' fields in its Elasticsearch index."""

    def __init__(self, backend):
        self.name = backend.get_index_for_model(LearningPage).name
        fields = {}
        for model in (LearningPage, *LearningPage.__subclasses__()):
            mapping = backend.mapping_class(model)
            for field in model.get_search_fields():
                key = (type(field).__name__, field.field_name)
                fields.setdefault(key, (mapping, field))
        self._fields = fields

    def column(self, kind, name):
        mapping, field = self._fields[(kind, name)]
        return mapping.get_field_column_name(field)

    def nested_column(self, relation, name):
        mapping, field = self._fields[("RelatedFields", relation)]
        related = type(mapping)(field.get_field(mapping.model).related_model)
        inner = next(sub for sub in field.fields if sub.field_name == name)
        return mapping.get_field_column_name(field), related.get_field_column_name(inner)


class ElasticsearchFacetedSearch(FacetedSearch):
    rank_in_memory = False  # Elasticsearch filters, ranks and pages the results itself

    def __init__(self, backend="default"):
        super().__init__(backend)
        self.engine = get_search_backend(backend)
        self.index = PageIndex(self.engine)

    # The words ------------------------------------------------------------------------------

    def _base_query(self, query, operator):
        """Wagtail's own query for the words over live, public learning pages."""
        words = search_query(query, operator) if query else MatchAll()
        compiler = self.engine.query_compiler_class(
            LearningPage.objects.live().public(), words, operator=operator
        )
        return Q(compiler.get_query())

    def _search(self):
        return Search(using=self.engine.es, index=self.index.name).extra(size=0)

    def matched_ids(self, query, operator):
        total = self._search().query(self._base_query(query, operator)).count()
        return TextMatch(query, operator, total)

    # Filters --------------------------------------------------------------------------------

    def _councils(self):
        # Keyed by the id as text: bucket keys are numbers or text depending on the mapping.
        return {
            str(row[0]): row
            for row in Council.objects.values_list(
                "pk", "slug", "short_name", "council_type", "nation", "region"
            )
        }

    def _clauses(self, selected, peers):
        """One Elasticsearch filter per active facet (and for `peers_of`), from the filter
        specification the database uses too (`facets.criteria`)."""
        clauses = {}
        for name, (on, values) in facets.criteria(selected, peers).items():
            if on == "content_type":
                clauses[name] = terms(
                    self.index.column("FilterField", "content_type"),
                    [str(value) for value in values],
                )
            elif on == "theme":
                path, slug = self.index.nested_column("themes", "slug")
                clauses[name] = Q("nested", path=path, query=terms(f"{path}.{slug}", values))
            elif on == "phase":
                clauses[name] = terms(self.index.column("FilterField", "phase"), values)
            elif on in ("lead", "involved"):
                clauses[name] = terms(self._council_column(name), [str(value) for value in values])
            elif on == "year":
                published = self.index.column("FilterField", "first_published_at")
                clauses[name] = Q(
                    "bool",
                    should=[
                        Q({"range": {published: {"gte": start.isoformat(), "lt": end.isoformat()}}})
                        for start, end in map(facets.year_range, values)
                    ],
                    minimum_should_match=1,
                )
        return clauses

    @staticmethod
    def _all(clauses):
        return Q("bool", filter=list(clauses)) if clauses else Q("match_all")

    def _value_aggregation(self, name):
        if name == "kind":
            return A("terms", field=self.index.column("FilterField", "content_type"), size=10)
        if name == "theme":
            path, slug = self.index.nested_column("themes", "slug")
            return A(
                "nested",
                path=path,
                aggs={"values": A("terms", field=f"{path}.{slug}", size=BUCKETS)},
            )
        if name == "phase":
            return A("terms", field=self.index.column("FilterField", "phase"), size=BUCKETS)
        if name == "year":
            return A(
                "date_histogram",
                field=self.index.column("FilterField", "first_published_at"),
                calendar_interval="year",
                format="yyyy",
                min_doc_count=1,
            )
        return A("terms", field=self._council_column(name), size=BUCKETS)

    def _council_column(self, facet):
        """The council facet and `peers_of` match a page's lead council and its partners;
        council type, nation and region are the lead council's."""
        if facets.FILTERS.get(facet, "involved") == "involved":
            return self.index.column("FilterField", "involved_council_ids")
        return self.index.column("FilterField", "council")

    # Counting -------------------------------------------------------------------------------

    def count_facets(self, params, matched, peers):
        query = (
            self._base_query(matched.query, matched.operator)
            if matched is not None
            else self._base_query("", self.operator)
        )
        councils = self._councils()
        clauses = self._clauses(params.active, peers)
        search = self._search().query(query)
        peers_clause = [clauses["peers_of"]] if "peers_of" in clauses else []
        facet_clauses = {name: clause for name, clause in clauses.items() if name != "peers_of"}
        for name, _label in facets.FACETS:
            others = [c for other, c in facet_clauses.items() if other != name] + peers_clause
            search.aggs.bucket(f"facet_{name}", "filter", filter=self._all(others)).bucket(
                "values", self._value_aggregation(name)
            )
        search.aggs.bucket("total", "filter", filter=self._all(clauses.values()))
        for name, clause in clauses.items():
            others = [c for other, c in clauses.items() if other != name]
            search.aggs.bucket(
                f"hidden_{name}", "filter", filter=Q("bool", filter=others, must_not=[clause])
            )
        response = search.execute().aggregations.to_dict()
        counts = {
            name: self._read_counts(name, response[f"facet_{name}"]["values"], councils)
            for name, _label in facets.FACETS
        }
        names = {row[1]: row[2] for row in councils.values() if row[1] in counts["council"]}
        total = response["total"]["doc_count"]
        hidden = {}
        if not total:
            hidden = Counter(
                {
                    name: response[f"hidden_{name}"]["doc_count"]
                    for name in clauses
                    if response[f"hidden_{name}"]["doc_count"]
                }
            )
        return counts, total, names, hidden

    def _read_counts(self, name, aggregation, councils):
        counts = Counter()
        if name == "theme":
            aggregation = aggregation["values"]
        if name == "kind":
            kinds = {
                str(ContentType.objects.get_for_model(model).pk): key
                for key, (_label, model) in facets.KINDS.items()
            }
            for bucket in aggregation["buckets"]:
                counts[kinds.get(str(bucket["key"]))] += bucket["doc_count"]
        elif name in COUNCIL_FACETS:
            position = {"council": 1, "council_type": 3, "nation": 4, "region": 5}[name]
            for bucket in aggregation["buckets"]:
                row = councils.get(str(bucket["key"]))
                if row is not None and row[position]:
                    counts[row[position]] += bucket["doc_count"]
        elif name == "year":
            for bucket in aggregation["buckets"]:
                counts[bucket["key_as_string"]] += bucket["doc_count"]
        else:
            for bucket in aggregation["buckets"]:
                counts[bucket["key"]] += bucket["doc_count"]
        return counts
