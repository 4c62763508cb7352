"""The embedded similarity engine: TF-IDF over published text.

Each live, public learning page's key terms are stored in the database (`PageTerms`), so it
works on SQLite and PostgreSQL with no extra service. Each process keeps a sparse matrix of
them in memory and reloads it when `SimilarityState.version` changes. It only answers which
pages share terms with a query, how closely (cosine) and on which terms; the matching core
(`search.matching`) makes those into similar pages and councils.
"""

import math
import threading
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

import numpy as np
from scipy import sparse

from casestudies.models import TaggedPage

from ..matching import MIN_SHARED_TERMS, Hits, Matcher
from ..matching.core import live_pages
from ..models import BackgroundFailure, PageTerms, SimilarityState, new_version
from .documents import analyse, page_text

MAX_TERMS = 60
SHARED_TERMS_SHOWN = 3
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
    binary: object  # pages x terms, 1 where the page has the term
    vocabulary: dict  # term -> column
    terms: list  # column -> term
    idf: dict
    document_count: int

    @classmethod
    def empty(cls, version=""):
        return cls(
            version, [], {}, sparse.csr_matrix((0, 0)), sparse.csr_matrix((0, 0)), {}, [], {}, 0
        )


def vectorise(text, idf, document_count):
    """Unit-length TF-IDF weights of a text's top terms, with the stored vocabulary."""
    counts = Counter(analyse(text))
    unseen = math.log((1 + document_count) / 1) + 1
    weights = {
        term: (1 + math.log(count)) * idf.get(term, unseen) for term, count in counts.items()
    }
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


class TfidfSimilarityBackend(Matcher):
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
            chunk = ids[start : start + 500]
            for page in pages.model.objects.filter(pk__in=chunk).order_by("pk").specific():
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
        idf = {
            term: round(float(value), 5)
            for term, value in zip(vocabulary, vectorizer.idf_, strict=True)
        }
        common = _common_columns(matrix)
        rows = []
        for index, (pk, _text) in enumerate(texts):
            start, end = matrix.indptr[index], matrix.indptr[index + 1]
            weights = _page_weights(
                vocabulary, matrix.indices[start:end], matrix.data[start:end], common
            )
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
        stored = list(
            PageTerms.objects.filter(page_id__in=live_pages().values("pk"))
            .order_by("page_id")
            .values_list("page_id", "terms")
        )
        vocabulary, data, indices, indptr = {}, [], [], [0]
        for _pk, terms in stored:
            for term, weight in terms.items():
                indices.append(vocabulary.setdefault(term, len(vocabulary)))
                data.append(weight)
            indptr.append(len(indices))
        ids = [pk for pk, _terms in stored]
        row_of = {pk: row for row, pk in enumerate(ids)}
        matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(ids), len(vocabulary)))
        binary = matrix.copy()
        binary.data[:] = 1
        return Snapshot(
            version=version,
            ids=ids,
            row_of=row_of,
            matrix=matrix,
            binary=binary,
            vocabulary=vocabulary,
            terms=list(vocabulary),
            idf=state.idf,
            document_count=state.document_count,
        )

    def _vector(self, snap, like):
        """{column: weight} of the query, unit length: a page's stored terms, the centre of
        a council's pages, or the text weighed with the stored vocabulary."""
        rows = [snap.row_of[pk] for pk in like.ids if pk in snap.row_of]
        if like.page is not None and not rows or like.text:
            # A pasted problem, or a page not published yet (a preview).
            terms = vectorise("\n".join(like.texts()), snap.idf, snap.document_count)
            return {snap.vocabulary[t]: w for t, w in terms.items() if t in snap.vocabulary}
        if not rows:
            return {}
        centre = np.asarray(snap.matrix[rows].sum(axis=0)).ravel()
        norm = np.linalg.norm(centre) or 1.0
        return {int(col): float(centre[col] / norm) for col in np.nonzero(centre)[0]}

    def candidates(self, like, size):
        """Cosine similarity of unit vectors, so a page's match with itself is 1."""
        snap = self.snapshot()
        vector = like.state["vector"] = self._vector(snap, like)
        if not snap.ids or not vector:
            return Hits([], 1.0)
        columns = np.fromiter(vector.keys(), dtype=np.int64)
        weights = np.fromiter(vector.values(), dtype=np.float64)
        query = sparse.csr_matrix(
            (weights, (np.zeros(len(columns)), columns)), shape=(1, len(snap.vocabulary))
        )
        scores = np.asarray((snap.matrix @ query.T).todense()).ravel()
        shared = np.asarray((snap.binary @ (query.T != 0)).todense()).ravel()
        scores[shared < MIN_SHARED_TERMS] = 0
        for pk in like.exclude:
            if pk in snap.row_of:
                scores[snap.row_of[pk]] = 0
        count = min(size, int(np.count_nonzero(scores > 0)))
        if count == 0:
            return Hits([], 1.0)
        top = np.argpartition(-scores, count - 1)[:count]
        rows = sorted(top.tolist(), key=lambda row: (-scores[row], snap.ids[row]))
        return Hits([(snap.ids[row], float(scores[row])) for row in rows], 1.0)

    def shared_terms(self, like, ids):
        """The terms contributing most to each page's cosine."""
        snap = self.snapshot()
        vector = like.state.get("vector") or self._vector(snap, like)
        terms = {}
        for pk in ids:
            row = snap.row_of.get(pk)
            if row is None:
                continue
            start, end = snap.matrix.indptr[row], snap.matrix.indptr[row + 1]
            contributions = sorted(
                (
                    (weight * vector[col], snap.terms[col])
                    for col, weight in zip(
                        snap.matrix.indices[start:end].tolist(),
                        snap.matrix.data[start:end].tolist(),
                        strict=True,
                    )
                    if col in vector
                ),
                reverse=True,
            )
            terms[pk] = [term for _weight, term in contributions[:SHARED_TERMS_SHOWN]]
        return terms
