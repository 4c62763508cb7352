"""Turning a published page, or a pasted problem statement, into terms."""

from .. import analysis
from ..text import html_to_text

STOP_WORDS = analysis.stop_words()

# Fields that say what the page is about, with how many times each counts.
PAGE_FIELDS = (
    ("title", 2),
    ("summary", 2),
    ("problem", 2),
    ("what_we_did", 1),
    ("do_differently", 1),
    ("aims", 2),
    ("context", 2),
    ("what_worked", 1),
    ("what_did_not", 1),
    ("advice", 1),
    ("cost_detail", 1),
    ("outcomes", 1),
)


def analyse(text):
    """The terms of a text (search/analysis.py): stems without stop words, plus thesaurus
    concepts."""
    return analysis.terms(text)


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
