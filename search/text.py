"""Plain-text helpers: cleaning what people type, stripping markup, highlighting terms."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from modelsearch.query import Or, PlainText

from . import analysis

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
# Words that search engines read as operators; people mean nothing special by them.
OPERATOR_WORDS = {"and", "or", "not", "near"}


def clean_query(raw, limit=MAX_QUERY_LENGTH):
    """(query to send to the search backend, text to show back, notices) for what was typed.

    Every character that means something to SQL or to a search syntax (quotes, brackets,
    stars, colons, tildes, carets, dashes at word edges) is dropped; only words are kept.
    """
    notices = []
    shown = " ".join((raw or "").split())
    if len(shown) > limit:
        shown = shown[:limit].rsplit(" ", 1)[0] or shown[:limit]
        notices.append(f"Your search was shortened to its first {limit} characters.")
    words = [word for word in WORD.findall(shown) if word.lower() not in OPERATOR_WORDS]
    query = " ".join(word.replace("’", "'") for word in words)
    if shown and not query:
        notices.append("Your search had no words we could look for, so we show everything instead.")
    return query, shown, notices


def html_to_text(value):
    """Text of a rich text field or a StreamField, as one line."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return " ".join(strip_tags(value.replace("<", " <")).split())


def search_query(query, operator="and"):
    """The search backend's query for `query` (what `clean_query` returned): its words, or,
    when it names a thesaurus term, its words or any equivalent wording, so "B&B" also
    finds "temporary accommodation" (search/data/thesaurus.yaml)."""
    words = PlainText(query, operator=operator)
    alternatives = [clean_query(text)[0] for text in analysis.expansions(query)]
    alternatives = [text for text in dict.fromkeys(alternatives) if text and text != query]
    if not alternatives:
        return words
    return Or([words, *(PlainText(text, operator=operator) for text in alternatives)])


def query_terms(query):
    """The stems to highlight for a query: its words' and those of the thesaurus
    equivalents it names ("B&B" marks "temporary accommodation")."""
    terms = []
    for text in [query or "", *analysis.expansions(query or "")]:
        for term in analysis.terms(text):
            if not term.startswith(analysis.CONCEPT) and term not in terms:
                terms.append(term)
    return terms


def highlight(text, terms, length=240):
    """An escaped snippet of `text` around the first matched word, with every word whose
    stem is one of `terms` (or whose own stem a term has) in <mark>."""
    text = text or ""
    wanted = {term.lower() for term in terms if term}
    wanted |= {analysis.word_stem(term) for term in wanted} - {None}
    if not wanted:
        snippet = text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"
        return escape(snippet)

    def marked(snippet):
        return [
            match.span()
            for match in analysis.WORD.finditer(snippet.translate(analysis.APOSTROPHES))
            if analysis.word_stem(match.group()) in wanted
        ]

    start = 0
    first = next(iter(marked(text)), None)
    if first and first[0] > length // 2:
        start = text.rfind(" ", 0, first[0] - length // 3) + 1
    snippet = text[start : start + length]
    if start + length < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + "…"
    if start:
        snippet = "…" + snippet
    pieces, last = [], 0
    for begin, end in marked(snippet):
        pieces.append(escape(snippet[last:begin]))
        pieces.append(f"<mark>{escape(snippet[begin:end])}</mark>")
        last = end
    pieces.append(escape(snippet[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
