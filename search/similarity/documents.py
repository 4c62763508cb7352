"""Turning a published page, or a pasted problem statement, into terms."""

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..text import html_to_text

TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
# Words every page on this site uses; they say nothing about what a page is about.
SITE_STOP_WORDS = {
    "council", "councils", "councillor", "local", "authority", "authorities", "borough",
    "district", "county", "city", "work", "worked", "working", "new", "use", "used", "using",
    "year", "years", "month", "months", "week", "weeks", "time", "team", "teams", "people",
    "way", "ways", "make", "made", "need", "needed", "needs", "help", "helped", "did", "didn't",
    "don't", "we'd", "we're", "we've", "it's", "wasn't", "really", "lot", "lots", "start",
    "started", "problem", "problems", "project", "projects", "case", "study", "lesson",
    "lessons", "learned", "just", "got", "like", "want", "wanted", "went", "able", "based",
    "including", "also", "one", "two", "three", "first", "second", "what", "took", "staff",
    "service", "services", "residents", "resident",
}
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | SITE_STOP_WORDS

# Fields that say what the page is about, with how many times each counts.
PAGE_FIELDS = (
    ("title", 2), ("summary", 2), ("problem", 2), ("what_we_did", 1), ("do_differently", 1),
    ("aims", 2), ("context", 2), ("what_worked", 1), ("what_did_not", 1), ("advice", 1),
    ("cost_detail", 1), ("outcomes", 1),
)


@lru_cache(maxsize=200_000)
def normalise(word):
    """A very light stemmer that keeps words readable: plurals become singular."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word.removesuffix("'s")


def analyse(text):
    """The terms of a text: lower case, no stop words, plurals folded."""
    terms = []
    for word in TOKEN.findall(text.lower().replace("’", "'")):
        term = _term(word)
        if term:
            terms.append(term)
    return terms


@lru_cache(maxsize=200_000)
def _term(word):
    if len(word) < 3 or word in STOP_WORDS:
        return None
    word = normalise(word)
    return None if word in STOP_WORDS else word


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("id", "type", "url", "kind"):
                yield from _strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)


def field_text(value):
    if hasattr(value, "raw_data"):  # a StreamField: read its stored data, render nothing
        return " ".join(_strings(list(value.raw_data)))
    return html_to_text(value)


def page_text(page):
    """The text of a specific learning page, weighted by field."""
    parts = []
    for name, weight in PAGE_FIELDS:
        value = getattr(page, name, None)
        if value:
            parts.extend([field_text(value)] * weight)
    tags = getattr(page, "_tag_names", None)
    if tags is None:
        tags = [tag.name for tag in page.tags.all()]
    parts.append(" ".join(tags))
    return "\n".join(parts)
