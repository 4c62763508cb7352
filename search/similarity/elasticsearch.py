"""The similarity engine on Elasticsearch: more-like-this queries against Wagtail's page index.

Elasticsearch picks a text's most telling terms (TF-IDF against the whole index, leaving out the
same stop words as the embedded engine) and finds the live, public learning pages that share at
least MIN_SHARED_TERMS of them; Wagtail's own filters (`live().public()`) are part of every
query, so drafts and private pages never come back. It answers only which pages, with what
score and on which terms (the ones that scored most in Elasticsearch's explanation of the
match); the matching core (`search.matching`) does the rest, as for the embedded engine.

Wagtail keeps the index current (`update_index`, and its save and delete signals). The embedded
TF-IDF data answers whenever the engine cannot (`search.engine.with_fallback`); it is rebuilt
by `rebuild_similarity`, not on every publish.
"""

import re

from wagtail.search.backends import get_search_backend

from elasticsearch import BadRequestError
from elasticsearch_dsl import Q, Search
from modelsearch.query import MatchAll

from casestudies.models import LearningPage

from .. import analysis
from ..engine import with_fallback
from ..matching import MIN_SHARED_TERMS, Hits, Matcher
from .documents import STOP_WORDS
from .tfidf import TfidfSimilarityBackend

MAX_QUERY_TERMS = 40
MLT_FIELDS = ["_all_text"]
SHARED_TERMS_SHOWN = 3
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


class MoreLikeThis:
    """One more-like-this query over Wagtail's page index, filtered by Wagtail's own
    `live().public()` filters. `hits()` ranks candidates cheaply; `shared_terms()` asks
    Elasticsearch to explain the matches of just the pages that will be shown."""

    def __init__(self, texts, exclude=(), size=100, reference=None):
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
                LearningPage.objects.live().public(), MatchAll()
            ).get_filters()
        filters = list(self._filters)
        if ids is not None:
            filters.append({"ids": {"values": [str(pk) for pk in ids]}})
        return Q(
            "bool",
            must=[
                Q(
                    "more_like_this",
                    fields=MLT_FIELDS,
                    like=self.texts,
                    min_term_freq=1,
                    min_doc_freq=1,
                    min_word_length=3,
                    boost_terms=self.boost_terms,
                    max_query_terms=MAX_QUERY_TERMS,
                    minimum_should_match=MIN_SHARED_TERMS,
                    stop_words=sorted(STOP_WORDS),
                    analyzer=analysis.TEXT_ANALYZER,
                )
            ],
            filter=filters,
            must_not=[Q("ids", values=self.exclude)],
        )

    def _search(self, ids=None, **extra):
        def run():
            # Statistics from every shard, and ties broken by page id: two identical runs
            # give identical rankings.
            return (
                Search(using=self.backend.es, index=self.index)
                .query(self._query(ids))
                .params(search_type="dfs_query_then_fetch")
                .sort("_score", {"pk": {"order": "asc"}})
                .extra(_source=False, stored_fields=["pk"], track_scores=True, **extra)
                .execute()
            )

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
        """Hits: (page id, score) best first, and the reference page's match with itself."""
        if not self.texts:
            return Hits([])
        found = [(int(hit.meta.id), hit.meta.score) for hit in self._search(size=self.size + 1)]
        own = next((score for pk, score in found if pk == self.reference), None)
        return Hits([hit for hit in found if hit[0] != self.reference][: self.size], own)

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


class ElasticsearchSimilarityBackend(Matcher):
    """More-like-this answers the matching core's questions; when the engine fails, the
    embedded TF-IDF data (kept by `rebuild_similarity`, not on every publish) answers."""

    def __init__(self):
        self.fallback = TfidfSimilarityBackend()

    # Keeping the data current -------------------------------------------------------------

    def rebuild(self, progress=None):
        """Rebuild the fallback data; `manage.py update_index` rebuilds the engine's index."""
        say = progress or (lambda message: None)
        say("Elasticsearch: the page index is rebuilt by `manage.py update_index`")
        return self.fallback.rebuild(progress)

    def update_page(self, page):
        """Wagtail has re-indexed the page (search.signals); make the change searchable
        and merge away the replaced document, so scores never count it."""
        settle_index()

    def remove_page(self, page):
        self.fallback.remove_page(page)
        settle_index()

    # Reading ------------------------------------------------------------------------------

    def similar_items(self, page, limit=5):
        return with_fallback(
            "similar content",
            lambda: super(ElasticsearchSimilarityBackend, self).similar_items(page, limit),
            lambda: self.fallback.similar_items(page, limit),
        )

    def councils_for_page(self, page, limit=5):
        return with_fallback(
            "councils facing similar problems",
            lambda: super(ElasticsearchSimilarityBackend, self).councils_for_page(page, limit),
            lambda: self.fallback.councils_for_page(page, limit),
        )

    def councils_for_text(self, text, limit=10):
        return with_fallback(
            "councils facing a problem",
            lambda: super(ElasticsearchSimilarityBackend, self).councils_for_text(text, limit),
            lambda: self.fallback.councils_for_text(text, limit),
        )

    def councils_for_council(self, council, limit=5):
        return with_fallback(
            "councils with similar problems",
            lambda: super(ElasticsearchSimilarityBackend, self).councils_for_council(
                council, limit
            ),
            lambda: self.fallback.councils_for_council(council, limit),
        )

    # What the core asks -------------------------------------------------------------------

    @staticmethod
    def _search(like, size):
        if "search" not in like.state:
            like.state["search"] = MoreLikeThis(like.texts(), like.exclude, size, like.reference)
        return like.state["search"]

    def candidates(self, like, size):
        return self._search(like, size).hits()

    def shared_terms(self, like, ids):
        return self._search(like, len(ids)).shared_terms(ids)


def settle_index():
    """Refresh the page index and expunge deleted documents (the index's merge policy allows
    none to linger: config/settings/base.py), so relevance statistics count only live ones."""
    backend = get_search_backend()
    index = backend.get_index_for_model(LearningPage).name
    backend.es.indices.refresh(index=index)
    backend.es.indices.forcemerge(index=index, only_expunge_deletes=True)
    backend.es.indices.refresh(index=index)
