"""The similarity engine on Elasticsearch: more-like-this queries against Wagtail's page index.

Elasticsearch picks a text's most telling terms (TF-IDF against the whole index, leaving out the
same stop words as the embedded engine) and finds the live, public learning pages that share
them; Wagtail's own filters (`live().public()`) are part of every query, so drafts and private
pages never come back. Candidates are then re-ranked with theme overlap from the database, as
the embedded engine does, and each result says why: the themes both share and the terms that
scored most in Elasticsearch's explanation of the match.

Wagtail keeps the index current (`update_index`, and its save and delete signals). The embedded
TF-IDF data is kept current too, because it answers whenever the engine cannot
(`search.engine.with_fallback`).
"""

import re

from django.db.models import prefetch_related_objects

from wagtail.search.backends import get_search_backend

from elasticsearch import BadRequestError
from elasticsearch_dsl import Q, Search
from modelsearch.query import MatchAll

from casestudies.models import CaseStudyPage, LearningPage, ProjectPage, ThemedPage
from councils.models import Council

from .. import analysis
from ..engine import with_fallback
from .base import CouncilMatch, SimilarItem
from .documents import STOP_WORDS, page_text
from .tfidf import TfidfSimilarityBackend

# Relative more-like-this scores spread less than the embedded engine's cosine, so theme
# overlap weighs half as much there to leave the words in charge (on the relevance benchmark,
# 0.15 and 0.3 score the same).
THEME_WEIGHT = 0.15
MAX_QUERY_TERMS = 40
MINIMUM_SHOULD_MATCH = "5%"  # two of forty terms
CANDIDATES = 100
MLT_FIELDS = ["_all_text"]
SHARED_TERMS_SHOWN = 3
COUNCIL_PAGES_COMPARED = 25
EXPLAINED_TERM = re.compile(r"^weight\([^:]+:(\S+) in \d+\)")


def _explained_terms(explanation):
    """{term: score} from an Elasticsearch `_explanation` tree."""
    terms = {}
    stack = [explanation]
    while stack:
        node = stack.pop()
        found = EXPLAINED_TERM.match(node.get("description", ""))
        if found:
            terms[found.group(1)] = terms.get(found.group(1), 0) + node.get("value", 0)
        else:
            stack.extend(node.get("details", []))
    return terms


def _jaccard(first, second):
    union = len(first | second)
    return len(first & second) / union if union else 0.0


class MoreLikeThis:
    """One more-like-this query over Wagtail's page index, filtered by Wagtail's own
    `live().public()` filters. `hits()` ranks candidates cheaply; `shared_terms()` asks
    Elasticsearch to explain the matches of just the pages that will be shown."""

    def __init__(self, texts, exclude=(), size=CANDIDATES, reference=None):
        self.texts = [analysis.with_equivalents(text) for text in texts if text.strip()]
        self.exclude = [str(pk) for pk in exclude if pk != reference]
        self.size = size
        self.reference = reference
        self.boost_terms = 1  # weigh each term by its TF-IDF, as the embedded engine does
        self.backend = get_search_backend()
        self.index = self.backend.get_index_for_model(LearningPage).name
        self._filters = None

    def _query(self, ids=None):
        if self._filters is None:
            self._filters = self.backend.query_compiler_class(
                LearningPage.objects.live().public(), MatchAll()).get_filters()
        filters = list(self._filters)
        if ids is not None:
            filters.append({"ids": {"values": [str(pk) for pk in ids]}})
        return Q("bool", must=[Q(
            "more_like_this", fields=MLT_FIELDS, like=self.texts,
            min_term_freq=1, min_doc_freq=1, min_word_length=3, boost_terms=self.boost_terms,
            max_query_terms=MAX_QUERY_TERMS, minimum_should_match=MINIMUM_SHOULD_MATCH,
            stop_words=sorted(STOP_WORDS), analyzer=analysis.TEXT_ANALYZER,
        )], filter=filters, must_not=[Q("ids", values=self.exclude)])

    def _search(self, ids=None, **extra):
        def run():
            return Search(using=self.backend.es, index=self.index).query(
                self._query(ids)).extra(_source=False, stored_fields=["pk"], **extra).execute()

        try:
            return run()
        except BadRequestError as error:
            # Lucene's term weight turns negative when deleted documents (not yet merged
            # away) make a word look commoner than the index's live documents allow; the
            # query is then refused. Ask again with unweighted terms.
            if not self.boost_terms or "boost must be a positive" not in str(error):
                raise
            self.boost_terms = 0
            return run()

    def hits(self):
        """[(page id, relative score)], best first. Scores are relative to the reference
        page's match with itself, or to the best match when there is no reference."""
        if not self.texts:
            return []
        found = [(int(hit.meta.id), hit.meta.score)
                 for hit in self._search(size=self.size + 1)]
        own = next((score for pk, score in found if pk == self.reference), None)
        found = [hit for hit in found if hit[0] != self.reference][:self.size]
        top = own or (found[0][1] if found else 1.0) or 1.0
        return [(pk, min(score / top, 1.0)) for pk, score in found]

    def shared_terms(self, ids):
        """{page id: the terms that scored most in its match}, for these pages only."""
        if not ids or not self.texts:
            return {}
        terms = {}
        for hit in self._search(ids, size=len(ids), explain=True):
            scored = _explained_terms(hit.meta.explanation.to_dict())
            top = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
            terms[int(hit.meta.id)] = [term for term, _weight in top[:SHARED_TERMS_SHOWN]]
        return terms


class ElasticsearchSimilarityBackend:
    def __init__(self):
        self.fallback = TfidfSimilarityBackend()

    # Keeping the data current -------------------------------------------------------------

    def rebuild(self, progress=None):
        """Rebuild the fallback data; `manage.py update_index` rebuilds the engine's index."""
        say = progress or (lambda message: None)
        say("Elasticsearch: the page index is rebuilt by `manage.py update_index`")
        return self.fallback.rebuild(progress)

    def update_page(self, page):
        self.fallback.update_page(page)

    def remove_page(self, page):
        self.fallback.remove_page(page)

    # Reading ------------------------------------------------------------------------------

    def similar_items(self, page, limit=5):
        return with_fallback("similar content", lambda: self._similar_items(page, limit),
                             lambda: self.fallback.similar_items(page, limit))

    def councils_for_page(self, page, limit=5):
        return with_fallback("councils facing similar problems",
                             lambda: self._councils_for_page(page, limit),
                             lambda: self.fallback.councils_for_page(page, limit))

    def councils_for_text(self, text, limit=10):
        return with_fallback("councils facing a problem",
                             lambda: self._councils_for_text(text, limit),
                             lambda: self.fallback.councils_for_text(text, limit))

    def councils_for_council(self, council, limit=5):
        return with_fallback("councils with similar problems",
                             lambda: self._councils_for_council(council, limit),
                             lambda: self.fallback.councils_for_council(council, limit))

    # More like this -----------------------------------------------------------------------

    def _more_like_this(self, texts, exclude=(), size=CANDIDATES, reference=None):
        """A `MoreLikeThis` search for the live, public learning pages most like the texts."""
        return MoreLikeThis(texts, exclude, size, reference)

    def _ranked(self, search, themes=None):
        """[(page id, score, shared theme names)], best first: the more-like-this score,
        re-ranked with theme overlap when the query has themes."""
        hits = search.hits()
        if not hits:
            return []
        page_themes, names = {}, {}
        for page_id, tag_id, name in ThemedPage.objects.filter(
            content_object_id__in=[pk for pk, _score in hits]
        ).values_list("content_object_id", "tag_id", "tag__name"):
            page_themes.setdefault(page_id, set()).add(tag_id)
            names[tag_id] = name
        ranked = []
        for pk, score in hits:
            own = page_themes.get(pk, set())
            if themes:
                score = (1 - THEME_WEIGHT) * score + THEME_WEIGHT * _jaccard(own, themes)
            shared = sorted(names[tag] for tag in own & (themes or set()))
            ranked.append((pk, round(score, 4), shared))
        ranked.sort(key=lambda item: (-item[1], item[0]))
        return ranked

    @staticmethod
    def _pages(ids):
        pages = LearningPage.objects.live().public().filter(pk__in=ids).select_related("council")
        return {page.pk: page for page in pages}

    @staticmethod
    def _themes_of(page):
        return {item.tag_id for item in page.specific.themed_items.all()}

    def _similar_items(self, page, limit):
        specific = page.specific
        search = self._more_like_this([page_text(specific)], exclude=[page.pk],
                                      size=limit * 4, reference=page.pk)
        ranked = self._ranked(search, self._themes_of(page))[:limit]
        ids = [pk for pk, _score, _shared in ranked]
        pages, terms = self._pages(ids), search.shared_terms(ids)
        return [SimilarItem(pages[pk], score, shared, terms.get(pk, []))
                for pk, score, shared in ranked if pk in pages]

    def _councils(self, search, ranked, exclude, limit, per_council=3):
        if not ranked:
            return []
        ids = [pk for pk, *_rest in ranked]
        owners = dict(LearningPage.objects.filter(pk__in=ids).values_list("pk", "council_id"))
        partners = {}
        for model in (CaseStudyPage, ProjectPage):
            through = model.partner_councils.through
            source = f"{model._meta.model_name}_id"
            for page_id, council_id in through.objects.filter(
                **{f"{source}__in": ids}
            ).values_list(source, "council_id"):
                partners.setdefault(page_id, set()).add(council_id)
        by_council = {}
        for entry in ranked:
            pk = entry[0]
            roles = [(owners.get(pk), "published")]
            roles += [(council, "partner") for council in sorted(partners.get(pk, ()))]
            for council_id, role in roles:
                if council_id is not None and council_id not in exclude:
                    by_council.setdefault(council_id, []).append((entry, role))

        def council_score(entries):
            best = sorted((entry[1] for entry, _role in entries), reverse=True)[:3]
            return best[0] + 0.3 * sum(best[1:])

        chosen = sorted(by_council.items(),
                        key=lambda item: (-council_score(item[1]), item[0]))[:limit]
        wanted = [entry[0] for _council, entries in chosen for entry, _role in
                  entries[:per_council]]
        pages, terms = self._pages(wanted), search.shared_terms(wanted)
        councils = Council.objects.in_bulk([council_id for council_id, _entries in chosen])
        matches = []
        for council_id, entries in chosen:
            items = [SimilarItem(pages[pk], score, shared, terms.get(pk, []), role)
                     for (pk, score, shared), role in entries[:per_council] if pk in pages]
            if items and council_id in councils:
                matches.append(CouncilMatch(councils[council_id],
                                            round(council_score(entries), 4), items))
        return matches

    def _councils_for_text(self, text, limit):
        search = self._more_like_this([text])
        return self._councils(search, self._ranked(search), set(), limit)

    def _councils_for_page(self, page, limit):
        specific = page.specific
        exclude = {page.council_id}
        if hasattr(specific, "partner_councils"):
            exclude |= {council.pk for council in specific.partner_councils.all()}
        search = self._more_like_this([page_text(specific)], exclude=[page.pk],
                                      reference=page.pk)
        return self._councils(search, self._ranked(search, self._themes_of(page)), exclude,
                              limit)

    def _councils_for_council(self, council, limit):
        own_ids = list(LearningPage.objects.for_council(council).live().public()
                       .values_list("pk", flat=True))
        if not own_ids:
            return []
        own = list(LearningPage.objects.filter(pk__in=own_ids).order_by("-first_published_at")
                   .specific()[:COUNCIL_PAGES_COMPARED])
        prefetch_related_objects(own, "tags")
        search = self._more_like_this([page_text(page) for page in own], exclude=own_ids)
        return self._councils(search, self._ranked(search), {council.pk}, limit)
