"""Relevance ranking of the pages a search matched, in memory.

The search backend decides which pages match the words; this orders them with BM25 over each
page's title (counted three times), summary and themes. Ranking in the database
backend's own SQL scores every match with a correlated subquery, which took most of a
second at 10,000 pages on SQLite; this takes a few milliseconds.
"""

from collections import Counter

from .similarity.documents import analyse

K1 = 1.2
B = 0.75


def ranking_terms(title, summary, theme_slugs=()):
    terms = Counter(analyse(title or "") * 3)
    terms.update(analyse(summary or ""))
    terms.update(analyse(" ".join(slug.replace("-", " ") for slug in theme_slugs)))
    return dict(terms)


def score(rowset, row, query_terms):
    total = 0.0
    for term in query_terms:
        frequency = row.terms.get(term)
        if frequency:
            norm = K1 * (1 - B + B * row.length / (rowset.average_length or 1.0))
            total += rowset.idf(term) * frequency * (K1 + 1) / (frequency + norm)
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
        rows.sort(key=lambda row: (score(rowset, row, query_terms), published(row), row.pk),
                  reverse=True)
    return [row.pk for row in rows]
