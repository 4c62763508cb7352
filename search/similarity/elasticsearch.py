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

from elasticsearch_dsl import Q, Search
from modelsearch.index import insert_or_update_object
from modelsearch.query import MatchAll

from casestudies.models import CaseStudyPage, LearningPage, ProjectPage, ThemedPage
from councils.models import Council

from ..engine import with_fallback
from .base import CouncilMatch, SimilarItem
from .documents import STOP_WORDS, page_text
from .tfidf import TfidfSimilarityBackend

THEME_WEIGHT = 0.3
MAX_QUERY_TERMS = 40
MINIMUM_SHOULD_MATCH = "10%"
BOOST = 1
CANDIDATES = 100
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
        # Wagtail indexes a page when it is saved, before its themes and tags are saved with
        # it; index it again once published, so theme filters and facets see the new ones.
        insert_or_update_object(page.specific)
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
        """[(page id, score, {term: weight})] for the live, public learning pages most like
        the texts, best first. Scores are relative to the `reference` page's own score (its
        match with itself), or to the best match when there is no reference."""
        texts = [text for text in texts if text.strip()]
        if not texts:
            return []
        backend = get_search_backend()
        compiler = backend.query_compiler_class(LearningPage.objects.live().public(),
                                                MatchAll())
        query = Q("bool", must=[Q(
            "more_like_this", fields=["_all_text"], like=texts,
            min_term_freq=1, min_doc_freq=1, min_word_length=3, boost_terms=BOOST,
            max_query_terms=MAX_QUERY_TERMS, minimum_should_match=MINIMUM_SHOULD_MATCH,
            stop_words=sorted(STOP_WORDS),
        )], filter=compiler.get_filters(), must_not=[Q("ids", values=[
            str(pk) for pk in exclude if pk != reference])])
        index = backend.get_index_for_model(LearningPage).name
        search = Search(using=backend.es, index=index).query(query).extra(
            size=size + 1, explain=True, _source=False, stored_fields=["pk"])
        hits = [(int(hit.meta.id), hit.meta.score, hit.meta.explanation.to_dict())
                for hit in search.execute()]
        own = next((score for pk, score, _explanation in hits if pk == reference), None)
        hits = [hit for hit in hits if hit[0] != reference][:size]
        top = own or (hits[0][1] if hits else 1.0) or 1.0
        return [(pk, min(score / top, 1.0), _explained_terms(explanation))
                for pk, score, explanation in hits]

    def _ranked(self, hits, themes=None):
        """[(page id, score, shared theme names, shared terms)], re-ranked with theme overlap
        when the query has themes."""
        if not hits:
            return []
        page_themes, names = {}, {}
        for page_id, tag_id, name in ThemedPage.objects.filter(
            content_object_id__in=[pk for pk, _score, _terms in hits]
        ).values_list("content_object_id", "tag_id", "tag__name"):
            page_themes.setdefault(page_id, set()).add(tag_id)
            names[tag_id] = name
        ranked = []
        for pk, score, terms in hits:
            own = page_themes.get(pk, set())
            if themes:
                score = (1 - THEME_WEIGHT) * score + THEME_WEIGHT * _jaccard(own, themes)
            shared = sorted(names[tag] for tag in own & (themes or set()))
            top = sorted(terms.items(), key=lambda item: (-item[1], item[0]))
            ranked.append((pk, round(score, 4), shared,
                           [term for term, _weight in top[:SHARED_TERMS_SHOWN]]))
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
        hits = self._more_like_this([page_text(specific)], exclude=[page.pk], size=limit * 4,
                                    reference=page.pk)
        ranked = self._ranked(hits, self._themes_of(page))[:limit]
        pages = self._pages([pk for pk, *_rest in ranked])
        return [SimilarItem(pages[pk], score, shared, terms)
                for pk, score, shared, terms in ranked if pk in pages]

    def _councils(self, ranked, exclude, limit, per_council=3):
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
        pages = self._pages(wanted)
        councils = Council.objects.in_bulk([council_id for council_id, _entries in chosen])
        matches = []
        for council_id, entries in chosen:
            items = [SimilarItem(pages[pk], score, shared, terms, role)
                     for (pk, score, shared, terms), role in entries[:per_council]
                     if pk in pages]
            if items and council_id in councils:
                matches.append(CouncilMatch(councils[council_id],
                                            round(council_score(entries), 4), items))
        return matches

    def _councils_for_text(self, text, limit):
        return self._councils(self._ranked(self._more_like_this([text])), set(), limit)

    def _councils_for_page(self, page, limit):
        specific = page.specific
        exclude = {page.council_id}
        if hasattr(specific, "partner_councils"):
            exclude |= {council.pk for council in specific.partner_councils.all()}
        hits = self._more_like_this([page_text(specific)], exclude=[page.pk],
                                    reference=page.pk)
        return self._councils(self._ranked(hits, self._themes_of(page)), exclude, limit)

    def _councils_for_council(self, council, limit):
        own = list(LearningPage.objects.for_council(council).live().public()
                   .order_by("-first_published_at").specific()[:COUNCIL_PAGES_COMPARED])
        if not own:
            return []
        prefetch_related_objects(own, "tags")
        hits = self._more_like_this([page_text(page) for page in own],
                                    exclude=[page.pk for page in own])
        return self._councils(self._ranked(hits), {council.pk}, limit)
