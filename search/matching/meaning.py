"""Matching by meaning: how close a page's title and summary are to what is matched, as the
cosine of their sentence embeddings (`sentence_model`), whatever words each uses.

Shared words miss a practitioner who writes "knackered sofas chucked on verges" for a case
study on fly-tipping. The matching core blends this closeness with the engine's word score
(`SEARCH_MEANING_WEIGHT`, 0.5 by default; 0 turns it off), the same on every engine. Title and
summary are what is embedded: the model was trained on sentences and short paragraphs, and
cuts a text at 256 tokens.

Each live, public page's vector is stored (`PageMeaning`, 768 bytes in float16) when it is
published, or by `manage.py rebuild_similarity`, which embeds only the pages whose text has
changed. Each process keeps them as one matrix, reloaded when `SimilarityState.version`
changes, as the TF-IDF engine does.
"""

import hashlib
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

import numpy as np

from core.public_pages import live_public_q

from ..models import PageMeaning, SimilarityState
from ..text import html_to_text
from . import sentence_model

DEFAULT_WEIGHT = 0.5
# Unrelated sentences score 0.0-0.2 with this model (sentence-transformers' own example: 0.10
# and 0.14 for the weather against a drive to the stadium); only the rest counts.
UNRELATED = 0.2
REBUILD_BATCH = 64
# Pages that meaning adds beyond the engine's words: 100 (as many as the words) made a case
# study's "councils working on this" take 35 ms at 10,000 pages, against 6 ms without meaning.
CANDIDATES = 30


def weight():
    """The share of a match that is meaning; 0 when the model is not installed."""
    if not sentence_model.available():
        return 0.0
    return float(getattr(settings, "SEARCH_MEANING_WEIGHT", DEFAULT_WEIGHT))


def text_of(page):
    return f"{page.title}. {html_to_text(getattr(page, 'summary', '') or '')}".strip()


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _stored(vector):
    return np.asarray(vector, dtype=np.float16).tobytes()


# Keeping the vectors current ----------------------------------------------------------------


def update_page(page):
    from ..matching.core import live_pages

    specific = live_pages().filter(pk=page.pk).specific().first()
    if specific is None:
        remove_page(page)
        return
    text = text_of(specific)
    digest = _digest(text)
    if PageMeaning.objects.filter(page_id=page.pk, text_digest=digest).exists():
        return
    vector = sentence_model.model().embed([text])[0]
    PageMeaning.objects.update_or_create(
        page_id=page.pk, defaults={"vector": _stored(vector), "text_digest": digest}
    )


def remove_page(page):
    PageMeaning.objects.filter(page_id=page.pk).delete()


def rebuild(progress=None):
    """Embed every live, public page whose title or summary changed since it was embedded;
    forget the others. Returns (pages with a vector, pages embedded now)."""
    from ..matching.core import live_pages

    say = progress or (lambda message: None)
    texts = {page.pk: text_of(page) for page in live_pages().specific().iterator(2000)}
    known = dict(PageMeaning.objects.values_list("page_id", "text_digest"))
    stale = [pk for pk, text in texts.items() if known.get(pk) != _digest(text)]
    say(f"Embedding {len(stale)} of {len(texts)} published pages (the others are unchanged)")
    model = sentence_model.model() if stale else None
    for start in range(0, len(stale), REBUILD_BATCH):
        chunk = stale[start : start + REBUILD_BATCH]
        vectors = model.embed([texts[pk] for pk in chunk])
        with transaction.atomic():
            PageMeaning.objects.filter(page_id__in=chunk).delete()
            PageMeaning.objects.bulk_create(
                PageMeaning(page_id=pk, vector=_stored(vector), text_digest=_digest(texts[pk]))
                for pk, vector in zip(chunk, vectors, strict=True)
            )
        done = min(start + REBUILD_BATCH, len(stale))
        if done % 640 == 0 or done == len(stale):
            say(f"  embedded {done} of {len(stale)}")
    PageMeaning.objects.exclude(page_id__in=list(texts)).delete()
    SimilarityState.bump()
    return len(texts), len(stale)


# Reading ------------------------------------------------------------------------------------


@dataclass
class Vectors:
    version: str
    ids: list
    row_of: dict
    # pages x 384, unit rows, float32: 15 MB at 10,000 pages, 154 MB at 100,000. Kept in
    # float16 as stored, each query's product took 8 ms more at 10,000 pages (numpy has no
    # fast float16 product), so memory is traded for speed here.
    matrix: object


_current = None
_lock = threading.Lock()


def vectors():
    global _current
    version = SimilarityState.objects.filter(pk=1).values_list("version", flat=True).first()
    if _current is not None and _current.version == version:
        return _current
    with _lock:
        if _current is None or _current.version != version:
            _current = _load(version)
        return _current


def _load(version):
    stored = list(
        PageMeaning.objects.filter(live_public_q("page"))
        .order_by("page_id")
        .values_list("page_id", "vector")
    )
    ids = [pk for pk, _vector in stored]
    matrix = np.zeros((len(ids), sentence_model.DIMENSIONS), dtype=np.float32)
    for row, (_pk, vector) in enumerate(stored):
        matrix[row] = np.frombuffer(vector, dtype=np.float16)
    return Vectors(version, ids, {pk: row for row, pk in enumerate(ids)}, matrix)


def _query(like, stored):
    """The unit vector of what is matched, or None."""
    if like.text:
        return sentence_model.model().embed([like.text])[0]
    rows = [stored.row_of[pk] for pk in like.ids if pk in stored.row_of]
    if like.page is not None and not rows:  # a preview, or a page not embedded yet
        return sentence_model.model().embed([text_of(like.page.specific)])[0]
    if not rows:
        return None
    centre = stored.matrix[rows].sum(axis=0)
    norm = np.linalg.norm(centre)
    return centre / norm if norm else None


def closeness(like, size, among=()):
    """{page id: closeness 0-1} for the `size` stored pages closest to what is matched and for
    the pages `among`, where above UNRELATED, never `like.exclude` (a page's closeness to
    itself is 1); None when there is nothing to compare (no vectors stored yet)."""
    stored = vectors()
    if not stored.ids:
        return None
    query = _query(like, stored)
    if query is None:
        return None
    scores = (stored.matrix @ query - UNRELATED) / (1 - UNRELATED)
    for pk in like.exclude:
        if pk in stored.row_of:
            scores[stored.row_of[pk]] = 0
    count = min(size, int(np.count_nonzero(scores > 0)))
    rows = np.argpartition(-scores, count - 1)[:count].tolist() if count else []
    rows += [stored.row_of[pk] for pk in among if pk in stored.row_of]
    return {stored.ids[row]: float(scores[row]) for row in rows if scores[row] > 0}
