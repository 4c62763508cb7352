"""Relevance ranking of the pages a search matched, in memory: BM25F.

The search backend decides which pages match the words; this orders them with BM25F over
each page's title, summary and theme names, each field weighed by the boost its model
declares in `search_fields` (read from `LearningPage`, so the two never disagree) and
length-normalised on its own, so a match on a short field (the themes) is not drowned by a
long summary. It stays hand-made because it is measurably faster: the database backend's own
ranking scores every match with a correlated subquery, 400–450 ms per search at 10,000 pages
on SQLite; this takes a few milliseconds (docs/performance.md).
"""

from collections import Counter
from functools import cache

from .similarity.documents import analyse

K1 = 1.2
B = 0.75
# Ranked field -> (the model's search field it reads, its path inside RelatedFields).
FIELDS = {"title": ("title", None), "summary": ("summary", None), "themes": ("themes", "name")}


@cache
def boosts():
    """{ranked field: boost} from LearningPage.search_fields (1 when none is declared)."""
    from wagtail.search import index

    from casestudies.models import LearningPage

    declared = {}
    for field in LearningPage.search_fields:
        if isinstance(field, index.SearchField):
            declared[(field.field_name, None)] = field.boost or 1
        elif isinstance(field, index.RelatedFields):
            for inner in field.fields:
                if isinstance(inner, index.SearchField):
                    declared[(field.field_name, inner.field_name)] = inner.boost or 1
    return {name: float(declared.get(source, 1)) for name, source in FIELDS.items()}


def ranking_terms(title, summary, theme_names=()):
    """{field: Counter(term -> count)} of one page."""
    return {
        "title": Counter(analyse(title or "")),
        "summary": Counter(analyse(summary or "")),
        "themes": Counter(analyse(" ".join(theme_names))),
    }


def score(rowset, row, query_terms):
    weights = boosts()
    total = 0.0
    for term in query_terms:
        frequency = 0.0
        for name, counts in row.terms.items():
            count = counts.get(term)
            if count:
                length = sum(counts.values()) / (rowset.average_length[name] or 1.0)
                frequency += weights[name] * count / (1 - B + B * length)
        if frequency:
            total += rowset.idf(term) * frequency * (K1 + 1) / (frequency + K1)
    return total


def rank(rowset, pks, query, newest_first=False):
    """`pks` ordered by relevance to `query` (newest first among equals), or newest first."""
    rows = [rowset.by_pk[pk] for pk in pks if pk in rowset.by_pk]
    query_terms = set(analyse(query or ""))

    def published(row):
        return row.published.timestamp() if row.published else 0.0

    if newest_first or not query_terms:
        rows.sort(key=lambda row: (published(row), row.pk), reverse=True)
    else:
        rows.sort(
            key=lambda row: (score(rowset, row, query_terms), published(row), row.pk), reverse=True
        )
    return [row.pk for row in rows]
