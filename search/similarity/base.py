"""The similarity interface every engine implements, and the results it returns."""

from dataclasses import dataclass, field
from typing import Protocol

from django.utils.text import capfirst

from .. import analysis

TERMS_CITED = 3
COUNCIL_TERMS_CITED = 5


def cited_terms(terms, pages=(), limit=TERMS_CITED):
    """The shared terms a reason may cite, best first: distinctive ones only (never a stop or
    generic word), each as a reader would write it, found in the pages' titles and summaries
    ('bins', 'temporary accommodation', 'EHCP'), never a bare stem (search/analysis.py)."""
    texts = [
        f"{getattr(page, 'title', '')}\n{getattr(page, 'summary', '')}"
        for page in pages
        if page is not None
    ]
    return analysis.shown_terms(terms, texts, limit)


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


@dataclass
class SimilarItem:
    """A published page and why it matched."""

    page: object
    score: float
    shared_themes: list = field(default_factory=list)
    shared_terms: list = field(default_factory=list)
    role: str = ""  # for a council match: "published" or "partner"

    @property
    def reason(self):
        parts = []
        if self.shared_themes:
            noun = "theme" if len(self.shared_themes) == 1 else "themes"
            parts.append(f"{noun} {_join(self.shared_themes)}")
        terms = cited_terms(self.shared_terms, [self.page])
        if terms:
            parts.append(f"both mention {_join([f'‘{term}’' for term in terms])}")
        return capfirst("; ".join(parts)) if parts else "Describes a similar problem in other words"


@dataclass
class CouncilMatch:
    """A council whose published work (or work it partners on) is close to the problem."""

    council: object
    score: float
    items: list = field(default_factory=list)
    signals: list = field(default_factory=list)  # what the councils did together
    signal_bonus: float = 0.0

    @property
    def total(self):
        return round(self.score + self.signal_bonus, 4)

    @property
    def shared_terms(self):
        terms = []
        for item in self.items:
            terms.extend(term for term in item.shared_terms if term not in terms)
        return cited_terms(terms, [item.page for item in self.items], COUNCIL_TERMS_CITED)

    @property
    def shared_themes(self):
        themes = []
        for item in self.items:
            themes.extend(theme for theme in item.shared_themes if theme not in themes)
        return themes[:4]

    @property
    def reason(self):
        count = len(self.items)
        parts = [signal.reason for signal in self.signals[:3]]
        if count:
            parts.append(f"{count} similar {'page' if count == 1 else 'pages'}")
        if self.shared_themes:
            noun = "theme" if len(self.shared_themes) == 1 else "themes"
            parts.append(f"{noun} {_join(self.shared_themes)}")
        if self.shared_terms:
            parts.append("both mention " + _join([f"‘{t}’" for t in self.shared_terms]))
        return capfirst("; ".join(parts))


class SimilarityBackend(Protocol):
    """What the site asks of a similarity engine. Only live, public pages ever come back."""

    def similar_items(self, page, limit=5) -> list[SimilarItem]: ...

    def councils_for_page(self, page, limit=5) -> list[CouncilMatch]: ...

    def councils_for_text(self, text, limit=10) -> list[CouncilMatch]: ...

    def councils_for_council(self, council, limit=5) -> list[CouncilMatch]: ...

    def rebuild(self, progress=None) -> int: ...

    def update_page(self, page) -> None: ...

    def remove_page(self, page) -> None: ...
