"""The embedded similarity engine: TF-IDF over published text plus theme overlap.

Each live, public learning page's key terms are stored in the database (`PageTerms`), so it
works on SQLite and PostgreSQL with no extra service. Each process keeps a sparse matrix of
them in memory and reloads it when `SimilarityState.version` changes, so a request costs one
query to check the version plus one each for the pages and councils it shows.

Over 300 lines: the engine's vocabulary, matrix, refits and three kinds of match share the
same cached state, so they stay in one module.
"""

import math
import threading
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

import numpy as np
from scipy import sparse

from casestudies.models import (
    CaseStudyPage,
    LearningPage,
    ProjectPage,
    TaggedPage,
    Theme,
    ThemedPage,
)
from councils.models import Council

from ..models import BackgroundFailure, PageTerms, SimilarityState, new_version
from .base import CouncilMatch, SimilarItem
from .documents import analyse, page_text

THEME_WEIGHT = 0.3
MAX_TERMS = 60
MIN_SCORE = 0.04
SHARED_TERMS_SHOWN = 3
CANDIDATES = 300
# On a small site, publishing refits the whole vocabulary when the number of published pages
# has grown by a tenth since the last fit (always below 20 pages); on a larger one, new pages
# reuse the stored vocabulary until `rebuild_similarity` runs.
AUTO_REBUILD_BELOW = 2000
ALWAYS_REBUILD_BELOW = 20
REBUILD_GROWTH = 1.1
# From 20 pages on, terms on more than half of them say little about any one page and give
# way to the page's own terms; a page with fewer than five of its own (on a site of
# near-identical pages, say) keeps its common ones, so it can still be matched.
COMMON_TERMS_FROM = 20
COMMON_SHARE = 0.5
OWN_TERMS_NEEDED = 5


@dataclass
class Snapshot:
    version: str
    ids: list
    row_of: dict
    matrix: object  # pages x terms, unit rows
    vocabulary: dict  # term -> column
    terms: list  # column -> term
    themes: object  # pages x themes, 0/1
    theme_columns: dict  # theme id -> column
    theme_names: list  # column -> theme name
    theme_counts: object
    owners: list
    partners: list
    idf: dict
    document_count: int

    @classmethod
    def empty(cls, version=""):
        return cls(version, [], {}, sparse.csr_matrix((0, 0)), {}, [], sparse.csr_matrix((0, 0)),
                   {}, [], np.zeros(0), [], [], {}, 0)


def vectorise(text, idf, document_count):
    """Unit-length TF-IDF weights of a text's top terms, with the stored vocabulary."""
    counts = Counter(analyse(text))
    unseen = math.log((1 + document_count) / 1) + 1
    weights = {term: (1 + math.log(count)) * idf.get(term, unseen)
               for term, count in counts.items()}
    return _top_terms(weights)


def _top_terms(weights):
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(weight * weight for _term, weight in top)) or 1.0
    return {term: round(weight / norm, 5) for term, weight in top}


def _common_columns(matrix):
    """Columns of the terms on more than COMMON_SHARE of the pages (rows)."""
    pages, terms = matrix.shape
    if pages < COMMON_TERMS_FROM:
        return set()
    pages_with_term = np.bincount(matrix.indices, minlength=terms)
    return set(np.flatnonzero(pages_with_term > COMMON_SHARE * pages).tolist())


def _page_weights(vocabulary, columns, values, common):
    weights, own = {}, {}
    for column, value in zip(columns.tolist(), values.tolist(), strict=True):
        weights[vocabulary[column]] = value
        if column not in common:
            own[vocabulary[column]] = value
    return own if len(own) >= OWN_TERMS_NEEDED else weights


def live_pages():
    return LearningPage.objects.live().public()


class TfidfSimilarityBackend:
    def __init__(self):
        self._snapshot = None
        self._lock = threading.Lock()

    # Keeping the data current -------------------------------------------------------------

    def rebuild(self, progress=None):
        """Refit the vocabulary on every live, public learning page and store their terms."""
        say = progress or (lambda message: None)
        pages = live_pages()
        ids = list(pages.order_by("pk").values_list("pk", flat=True))
        say(f"Reading {len(ids)} published pages")
        tags = {}
        for page_id, name in TaggedPage.objects.filter(
            content_object_id__in=pages.values("pk")
        ).values_list("content_object_id", "tag__name"):
            tags.setdefault(page_id, []).append(name)
        texts = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for page in LearningPage.objects.filter(pk__in=chunk).order_by("pk").specific():
                page._tag_names = tags.get(page.pk, [])
                texts.append((page.pk, page_text(page)))
            say(f"  read {min(start + 500, len(ids))} of {len(ids)}")
        state = SimilarityState.get()
        if not texts:
            with transaction.atomic():
                PageTerms.objects.all().delete()
                state.idf, state.document_count = {}, 0
                state.built_at, state.version = timezone.now(), new_version()
                state.save()
                BackgroundFailure.clear(BackgroundFailure.Task.SIMILARITY)
            say("No published pages: similarity data cleared")
            return 0
        say("Weighing terms (TF-IDF)")
        from sklearn.feature_extraction.text import TfidfVectorizer  # 1.8 s to import

        vectorizer = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, norm=None)
        matrix = vectorizer.fit_transform([text for _pk, text in texts]).tocsr()
        vocabulary = vectorizer.get_feature_names_out()
        idf = {term: round(float(value), 5) for term, value in zip(vocabulary, vectorizer.idf_,
                                                                    strict=True)}
        common = _common_columns(matrix)
        rows = []
        for index, (pk, _text) in enumerate(texts):
            start, end = matrix.indptr[index], matrix.indptr[index + 1]
            weights = _page_weights(vocabulary, matrix.indices[start:end],
                                    matrix.data[start:end], common)
            rows.append(PageTerms(page_id=pk, terms=_top_terms(weights)))
        say("Saving terms")
        with transaction.atomic():
            PageTerms.objects.all().delete()
            PageTerms.objects.bulk_create(rows, batch_size=500)
            state.idf, state.document_count = idf, len(rows)
            state.built_at, state.version = timezone.now(), new_version()
            state.save()
            BackgroundFailure.clear(BackgroundFailure.Task.SIMILARITY)
        say(f"Stored key terms for {len(rows)} pages ({len(idf)} distinct terms)")
        return len(rows)

    def update_page(self, page):
        specific = live_pages().filter(pk=page.pk).specific().first()
        if specific is None:
            self.remove_page(page)
            return
        state = SimilarityState.get()
        if state.document_count < ALWAYS_REBUILD_BELOW or (
            state.document_count < AUTO_REBUILD_BELOW
            and PageTerms.objects.count() + 1 >= REBUILD_GROWTH * state.document_count
        ):
            self.rebuild()
            return
        terms = vectorise(page_text(specific), state.idf, state.document_count)
        PageTerms.objects.update_or_create(page_id=page.pk, defaults={"terms": terms})
        SimilarityState.bump()

    def remove_page(self, page):
        PageTerms.objects.filter(page_id=page.pk).delete()
        SimilarityState.bump()

    # Reading ------------------------------------------------------------------------------

    def snapshot(self):
        version = SimilarityState.objects.filter(pk=1).values_list("version", flat=True).first()
        current = self._snapshot
        if current is not None and current.version == version:
            return current
        if version is None:
            return Snapshot.empty()
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                self._snapshot = self._load(version)
            return self._snapshot

    def _load(self, version):
        state = SimilarityState.objects.get(pk=1)
        pages = live_pages()
        owners_by_pk = dict(pages.values_list("pk", "council_id"))
        stored = [(pk, terms) for pk, terms in
                  PageTerms.objects.filter(page_id__in=pages.values("pk"))
                  .order_by("page_id").values_list("page_id", "terms")
                  if pk in owners_by_pk]
        vocabulary, data, indices, indptr = {}, [], [], [0]
        for _pk, terms in stored:
            for term, weight in terms.items():
                indices.append(vocabulary.setdefault(term, len(vocabulary)))
                data.append(weight)
            indptr.append(len(indices))
        ids = [pk for pk, _terms in stored]
        row_of = {pk: row for row, pk in enumerate(ids)}
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(ids), len(vocabulary)))
        theme_names = dict(Theme.objects.values_list("pk", "name"))
        theme_columns = {pk: column for column, pk in enumerate(theme_names)}
        theme_rows, theme_cols = [], []
        for page_id, tag_id in ThemedPage.objects.filter(
            content_object_id__in=pages.values("pk")
        ).values_list("content_object_id", "tag_id"):
            if page_id in row_of and tag_id in theme_columns:
                theme_rows.append(row_of[page_id])
                theme_cols.append(theme_columns[tag_id])
        themes = sparse.csr_matrix(
            (np.ones(len(theme_rows)), (theme_rows, theme_cols)),
            shape=(len(ids), len(theme_columns)))
        partners = [set() for _pk in ids]
        for model in (CaseStudyPage, ProjectPage):
            through = model.partner_councils.through
            source = f"{model._meta.model_name}_id"
            for page_id, council_id in through.objects.values_list(source, "council_id"):
                if page_id in row_of:
                    partners[row_of[page_id]].add(council_id)
        return Snapshot(
            version=version, ids=ids, row_of=row_of, matrix=matrix, vocabulary=vocabulary,
            terms=list(vocabulary), themes=themes, theme_columns=theme_columns,
            theme_names=list(theme_names.values()),
            theme_counts=np.asarray(themes.sum(axis=1)).ravel(),
            owners=[owners_by_pk[pk] for pk in ids], partners=partners,
            idf=state.idf, document_count=state.document_count,
        )

    def _query(self, snap, terms, theme_ids=()):
        """(column -> weight, set of theme columns) for terms and themes from outside."""
        vector = {snap.vocabulary[t]: w for t, w in terms.items() if t in snap.vocabulary}
        return vector, {snap.theme_columns[t] for t in theme_ids if t in snap.theme_columns}

    def _page_query(self, snap, page):
        row = snap.row_of.get(page.pk)
        if row is not None:
            start, end = snap.matrix.indptr[row], snap.matrix.indptr[row + 1]
            vector = dict(zip(snap.matrix.indices[start:end].tolist(),
                              snap.matrix.data[start:end].tolist(), strict=True))
            themes = set(snap.themes.indices[snap.themes.indptr[row]:snap.themes.indptr[row + 1]]
                         .tolist())
            return vector, themes, row
        # Not published yet (a preview): weigh its text with the stored vocabulary.
        specific = page.specific
        terms = vectorise(page_text(specific), snap.idf, snap.document_count)
        theme_ids = [item.tag_id for item in specific.themed_items.all()]
        vector, themes = self._query(snap, terms, theme_ids)
        return vector, themes, None

    def _scores(self, snap, vector, themes):
        if not snap.ids or not vector:
            return np.zeros(len(snap.ids))
        columns = np.fromiter(vector.keys(), dtype=np.int64)
        weights = np.fromiter(vector.values(), dtype=np.float64)
        query = sparse.csr_matrix((weights, (np.zeros(len(columns)), columns)),
                                  shape=(1, len(snap.vocabulary)))
        scores = np.asarray((snap.matrix @ query.T).todense()).ravel()
        if themes:
            shared = np.asarray(snap.themes[:, sorted(themes)].sum(axis=1)).ravel()
            union = snap.theme_counts + len(themes) - shared
            overlap = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
            scores = (1 - THEME_WEIGHT) * scores + THEME_WEIGHT * overlap
        return scores

    def _top_rows(self, scores, count, exclude=()):
        scores = scores.copy()
        for row in exclude:
            scores[row] = -1
        count = min(count, len(scores))
        if count == 0:
            return []
        top = np.argpartition(-scores, count - 1)[:count]
        return [int(row) for row in sorted(top, key=lambda r: (-scores[r], r))
                if scores[row] >= MIN_SCORE]

    def _reason(self, snap, row, vector, themes):
        start, end = snap.matrix.indptr[row], snap.matrix.indptr[row + 1]
        contributions = sorted(
            ((weight * vector[col], snap.terms[col]) for col, weight in
             zip(snap.matrix.indices[start:end].tolist(), snap.matrix.data[start:end].tolist(),
                 strict=True) if col in vector),
            reverse=True)
        page_themes = snap.themes.indices[snap.themes.indptr[row]:snap.themes.indptr[row + 1]]
        shared = sorted(snap.theme_names[col] for col in set(page_themes.tolist()) & themes)
        return shared, [term for _weight, term in contributions[:SHARED_TERMS_SHOWN]]

    def _pages(self, snap, rows):
        pages = live_pages().filter(pk__in=[snap.ids[row] for row in rows]).select_related(
            "council")
        return {page.pk: page for page in pages}

    def similar_items(self, page, limit=5):
        snap = self.snapshot()
        vector, themes, own_row = self._page_query(snap, page)
        scores = self._scores(snap, vector, themes)
        rows = self._top_rows(scores, limit * 2, exclude=[own_row] if own_row is not None else [])
        pages = self._pages(snap, rows)
        items = []
        for row in rows:
            found = pages.get(snap.ids[row])
            if found is None or found.pk == page.pk:
                continue
            shared_themes, shared_terms = self._reason(snap, row, vector, themes)
            items.append(SimilarItem(found, round(float(scores[row]), 4), shared_themes,
                                     shared_terms))
        return items[:limit]

    def _councils(self, snap, vector, themes, exclude, limit, skip_rows=(), per_council=3):
        scores = self._scores(snap, vector, themes)
        rows = self._top_rows(scores, CANDIDATES, exclude=skip_rows)
        by_council = {}
        for row in rows:
            roles = [(snap.owners[row], "published")]
            roles += [(council, "partner") for council in sorted(snap.partners[row])]
            for council_id, role in roles:
                if council_id not in exclude:
                    by_council.setdefault(council_id, []).append((row, role))
        ranked = sorted(
            by_council.items(),
            key=lambda item: (-self._council_score(scores, item[1]), item[0]))[:limit]
        wanted = [row for _council, entries in ranked for row, _role in entries[:per_council]]
        pages = self._pages(snap, wanted)
        councils = Council.objects.in_bulk([council_id for council_id, _entries in ranked])
        matches = []
        for council_id, entries in ranked:
            items = []
            for row, role in entries:
                found = pages.get(snap.ids[row])
                if found is None or len(items) == per_council:
                    continue
                shared_themes, shared_terms = self._reason(snap, row, vector, themes)
                items.append(SimilarItem(found, round(float(scores[row]), 4), shared_themes,
                                         shared_terms, role))
            if items and council_id in councils:
                score = self._council_score(scores, [(r, "") for r, _role in entries])
                matches.append(CouncilMatch(councils[council_id], round(score, 4), items))
        return matches

    @staticmethod
    def _council_score(scores, entries):
        best = sorted((float(scores[row]) for row, _role in entries), reverse=True)[:3]
        return best[0] + 0.3 * sum(best[1:])

    def councils_for_text(self, text, limit=10):
        snap = self.snapshot()
        vector, themes = self._query(snap, vectorise(text, snap.idf, snap.document_count))
        return self._councils(snap, vector, themes, exclude=set(), limit=limit)

    def councils_for_page(self, page, limit=5):
        snap = self.snapshot()
        vector, themes, own_row = self._page_query(snap, page)
        exclude = {page.council_id}
        if own_row is not None:
            exclude |= snap.partners[own_row]
        return self._councils(snap, vector, themes, exclude, limit,
                              skip_rows=[own_row] if own_row is not None else [])

    def councils_for_council(self, council, limit=5):
        snap = self.snapshot()
        own = [row for row, owner in enumerate(snap.owners)
               if owner == council.pk or council.pk in snap.partners[row]]
        if not own:
            return []
        centroid = np.asarray(snap.matrix[own].sum(axis=0)).ravel()
        norm = np.linalg.norm(centroid) or 1.0
        vector = {int(col): float(centroid[col] / norm) for col in np.nonzero(centroid)[0]}
        return self._councils(snap, vector, set(), {council.pk}, limit, skip_rows=own)
