"""Plain-text helpers: cleaning what people type, stripping markup, highlighting terms."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

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
        notices.append(
            "Your search had no words we could look for, so we show everything instead."
        )
    return query, shown, notices


def html_to_text(value):
    """Text of a rich text field or a StreamField, as one line."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return " ".join(strip_tags(value.replace("<", " <")).split())


def query_terms(query):
    """Words to highlight, singular, so 'bins' also marks 'bin' (matching is by prefix)."""
    terms = []
    for word in WORD.findall(query or ""):
        word = word.lower()
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if len(word) > 1 and word not in terms:
            terms.append(word)
    return terms


def highlight(text, terms, length=240):
    """An escaped snippet of `text` around the first matched term, with terms in <mark>."""
    text = text or ""
    terms = sorted({term.lower() for term in terms if term}, key=len, reverse=True)
    if not terms:
        snippet = text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"
        return escape(snippet)
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE
    )
    start = 0
    first = pattern.search(text)
    if first and first.start() > length // 2:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    snippet = text[start:start + length]
    if start + length < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + "…"
    if start:
        snippet = "…" + snippet
    pieces, last = [], 0
    for match in pattern.finditer(snippet):
        pieces.append(escape(snippet[last:match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(snippet[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
