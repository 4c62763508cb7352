"""The matching core: one way, for every engine, of turning "which pages, how close, on
which words" into similar pages and councils facing similar problems.

Over 300 lines because it is the one place every engine's matches become councils and
reasons; splitting it would scatter the weights it states once.

An engine (`search/similarity/tfidf.py`, `search/similarity/elasticsearch.py`) subclasses
`Matcher` and answers two questions about a `Like` (what to match):

- `candidates(like, size)` → `Hits`: live, public pages sharing at least MIN_SHARED_TERMS
  distinctive term with it (two lost every problem statement that shares one thesaurus
  concept with its answer: 0.00 against 0.05 precision@5 on those), best first, each with the
  engine's raw score, and `own`, the score the matched page would get against itself (None
  when the engine cannot tell);
- `shared_terms(like, ids)` → {page id: the terms that counted most}, for the pages shown.

Everything else is here, once. Scores are made 0–1 the same way on both engines: against a
page, relative to that page's match with itself; against pasted text or a council's pages,
relative to the best match. Then theme overlap (Jaccard) weighs THEME_WEIGHT, and nothing
under FLOOR is shown, so "no close match" is an honest answer. A page counts for its lead
council in full and for each partner at PARTNER_SHARE; a council's score is its best page
plus NEXT_PAGES × its next two; a council's track record in cross-council work (live projects
it led or joined) adds a modest prior; what councils did together adds its bounded bonus
(`evidence`). A page shared by four councils is evidence for each of them (each faces the
problem); the lists fold councils matched on the same work into one line
(`search/grouping.py`), so it does not fill four places with the same reason. Discounting a
page already credited (0.5 or 0.8 of its weight for each later council) cost 0.17 / 0.09 and
0.06 / 0.01 of precision@5 / recall@10 for councils for a page on the benchmark, 0.09 and
0.03 of precision for councils facing similar problems, so the lists fold and the ranking does
not discount.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, prefetch_related_objects

from casestudies.models import LearningPage, Partnership, ProjectPage, ThemedPage
from core.public_pages import live_public_q
from councils.models import Council

from ..similarity.base import CouncilMatch, SimilarItem
from ..similarity.documents import page_text
from . import evidence, meaning

THEME_WEIGHT = 0.3
FLOOR = 0.05
MIN_SHARED_TERMS = 1
CANDIDATES = 100
PER_COUNCIL = 3
NEXT_PAGES = 0.3
PARTNER_SHARE = 0.6
TRACK_RECORD_PER_PROJECT = 0.01
TRACK_RECORD_MOST = 3  # projects counted: the prior is at most 0.03, half of one signal
COUNCIL_PAGES_COMPARED = 25


@dataclass
class Like:
    """What to match: one page (published or a preview), a council's published pages
    (`ids`), or a pasted problem (`text`). `exclude`: page ids never returned; engines keep
    what they worked out for one query in `state`."""

    ids: tuple = ()
    text: str = ""
    page: object = None
    exclude: frozenset = frozenset()
    themes: frozenset = frozenset()
    state: dict = field(default_factory=dict)

    @property
    def reference(self):
        return self.page.pk if self.page is not None else None

    def texts(self):
        """The words to match, as field-weighted page text (see documents.page_text)."""
        if self.page is not None:
            return [page_text(self.page.specific)]
        if self.text:
            return [self.text]
        pages = list(
            LearningPage.objects.filter(pk__in=self.ids)
            .order_by("-first_published_at", "pk")
            .specific()[:COUNCIL_PAGES_COMPARED]
        )
        prefetch_related_objects(pages, "tags")
        return [page_text(page) for page in pages]


@dataclass
class Hits:
    found: list  # [(page id, raw score)], best first
    own: float | None = None


def live_pages():
    return LearningPage.objects.live().public()


def _jaccard(first, second):
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def partners_of(ids):
    """{page id: {partner council id}} for these pages: one query."""
    partners = {}
    for page_id, council_id in Partnership.objects.filter(page__in=ids).values_list(
        "page_id", "council_id"
    ):
        partners.setdefault(page_id, set()).add(council_id)
    return partners


def track_record(council_ids):
    """{council id: live, public projects it led or joined}: two aggregate queries."""
    # order_by() first: a model's default ordering would join the GROUP BY and count 1 a row.
    counts = Counter(
        dict(
            ProjectPage.objects.live()
            .public()
            .filter(council__in=council_ids)
            .order_by()
            .values("council")
            .annotate(n=Count("pk"))
            .values_list("council", "n")
        )
    )
    joined = (
        Partnership.objects.filter(
            live_public_q("page"), page__projectpage__isnull=False, council__in=council_ids
        )
        .order_by()
        .values("council")
        .annotate(n=Count("pk"))
        .values_list("council", "n")
    )
    counts.update(dict(joined))
    return counts


@dataclass
class Scored:
    pk: int
    score: float
    themes: list  # shared theme names


class Matcher:
    """Similar pages and councils from an engine's candidates; see the module docstring."""

    def candidates(self, like, size) -> Hits:
        raise NotImplementedError

    def shared_terms(self, like, ids) -> dict:
        raise NotImplementedError

    # What to match --------------------------------------------------------------------

    @staticmethod
    def like_page(page, exclude=()):
        specific = page.specific
        themes = frozenset(item.tag_id for item in specific.themed_items.all())
        return Like(
            ids=(page.pk,), page=page, themes=themes, exclude=frozenset({page.pk, *exclude})
        )

    # Pages ----------------------------------------------------------------------------

    def ranked(self, like, size=CANDIDATES):
        """[Scored], best first: normalised, blended with meaning, weighed with themes, above
        the floor."""
        hits = self.candidates(like, size)
        found = [(pk, score) for pk, score in hits.found if pk not in like.exclude and score > 0]
        share = meaning.weight()
        near = None
        if share:
            near = meaning.closeness(
                like, min(size, meaning.CANDIDATES), among=[pk for pk, _score in found]
            )
        if not found and not near:
            return []
        top = hits.own if like.page is not None and hits.own else found[0][1] if found else 1.0
        words = {pk: min(raw / top, 1.0) for pk, raw in found}
        ids = list(words) + [pk for pk in near or () if pk not in words]
        page_themes, names = {}, {}
        for page_id, tag_id, name in ThemedPage.objects.filter(
            content_object_id__in=ids
        ).values_list("content_object_id", "tag_id", "tag__name"):
            page_themes.setdefault(page_id, set()).add(tag_id)
            names[tag_id] = name
        ranked = []
        for pk in ids:
            own = page_themes.get(pk, set())
            score = words.get(pk, 0.0)
            if near is not None:
                score = (1 - share) * score + share * near.get(pk, 0.0)
            if like.themes:
                score = (1 - THEME_WEIGHT) * score + THEME_WEIGHT * _jaccard(own, like.themes)
            if score >= FLOOR:
                shared = sorted(names[tag] for tag in own & like.themes)
                ranked.append(Scored(pk, round(score, 4), shared))
        ranked.sort(key=lambda item: (-item.score, item.pk))
        return ranked[:size]

    @staticmethod
    def _pages(ids):
        return live_pages().filter(pk__in=list(ids)).select_related("council").in_bulk()

    def similar_items(self, page, limit=5):
        like = self.like_page(page)
        ranked = self.ranked(like, size=limit * 4)[:limit]
        ids = [item.pk for item in ranked]
        pages, terms = self._pages(ids), self.shared_terms(like, ids)
        return [
            SimilarItem(pages[item.pk], item.score, item.themes, terms.get(item.pk, []))
            for item in ranked
            if item.pk in pages
        ]

    # Councils -------------------------------------------------------------------------

    def councils_for_text(self, text, limit=10):
        return self._councils(Like(text=text), set(), limit)

    def councils_for_page(self, page, limit=5):
        specific = page.specific
        exclude = {page.council_id, *specific.partner_council_ids()}
        return self._councils(self.like_page(page), exclude, limit, this_page=page)

    def councils_for_council(self, council, limit=5):
        own = tuple(
            LearningPage.objects.for_council(council)
            .live()
            .public()
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not own:
            return []
        return self._councils(
            Like(ids=own, exclude=frozenset(own)), {council.pk}, limit, between=council
        )

    def _councils(self, like, exclude, limit, this_page=None, between=None):
        ranked = self.ranked(like)
        ids = [item.pk for item in ranked]
        owners = dict(LearningPage.objects.filter(pk__in=ids).values_list("pk", "council_id"))
        partners = partners_of(ids)
        evidence_for = {}
        by_council = {}
        for item in ranked:
            roles = [(owners.get(item.pk), "published", 1.0)]
            roles += [
                (council, "partner", PARTNER_SHARE) for council in sorted(partners.get(item.pk, ()))
            ]
            for council_id, role, share in roles:
                if council_id is not None and council_id not in exclude:
                    by_council.setdefault(council_id, []).append((item, role, share))
        if evidence.weight():
            if between is not None:
                evidence_for = evidence.between(between)
            else:
                best = [item.pk for item in ranked[: evidence.PAGES_WITH_SIGNALS]]
                pages = self._pages(best)
                shown = [this_page] if this_page is not None else []
                shown += [pages[pk] for pk in best if pk in pages]
                evidence_for = evidence.on_pages(
                    shown[: evidence.PAGES_WITH_SIGNALS], this_page, exclude
                )
        chosen = self._choose(by_council, evidence_for, track_record(list(by_council)), limit)
        wanted = [
            item.pk for _council, _score, entries in chosen for item, _role, _share in entries
        ]
        pages, terms = self._pages(wanted), self.shared_terms(like, wanted)
        councils = Council.objects.in_bulk([council_id for council_id, *_rest in chosen])
        matches = []
        for council_id, score, entries in chosen:
            if council_id not in councils:
                continue
            items = [
                SimilarItem(pages[item.pk], item.score, item.themes, terms.get(item.pk, []), role)
                for item, role, _share in entries
                if item.pk in pages
            ]
            signals = evidence_for.get(council_id, [])
            if items or signals:
                matches.append(
                    CouncilMatch(
                        councils[council_id],
                        round(score, 4),
                        items,
                        signals=signals,
                        signal_bonus=evidence.bonus(signals),
                    )
                )
        return matches

    @staticmethod
    def _choose(by_council, evidence_for, record, limit):
        """[(council id, score, its pages)], best first."""
        ordered = {
            council_id: sorted(entries, key=lambda e: (-e[0].score * e[2], e[0].pk))
            for council_id, entries in by_council.items()
        }

        def scored(council_id):
            entries = ordered.get(council_id, [])
            weights = sorted(
                (item.score * share for item, _role, share in entries),
                reverse=True,
            )[:PER_COUNCIL]
            if not weights:
                return 0.0, []
            prior = TRACK_RECORD_PER_PROJECT * min(record.get(council_id, 0), TRACK_RECORD_MOST)
            return weights[0] + NEXT_PAGES * sum(weights[1:]) + prior, entries[:PER_COUNCIL]

        remaining = set(by_council) | {
            council_id
            for council_id, signals in evidence_for.items()
            if not evidence.alone(signals)
        }
        chosen = []
        while remaining and len(chosen) < limit:
            options = []
            for council_id in remaining:
                score, entries = scored(council_id)
                total = score + evidence.bonus(evidence_for.get(council_id, []))
                options.append((-total, not entries, council_id, score, entries))
            _total, _no_text, council_id, score, entries = min(options)
            chosen.append((council_id, score, entries))
            remaining.discard(council_id)
        return chosen
