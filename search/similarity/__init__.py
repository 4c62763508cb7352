"""The similarity engine. Choose the implementation with the SEARCH_SIMILARITY_BACKEND
setting (a dotted path); the default is TF-IDF over published text plus theme overlap.
Whichever it is, its council matches are blended with what councils did together
(search.collaboration_signals)."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import CouncilMatch, SimilarItem, SimilarityBackend

DEFAULT_BACKEND = "search.similarity.tfidf.TfidfSimilarityBackend"

_backends = {}


def get_similarity_backend() -> SimilarityBackend:
    path = getattr(settings, "SEARCH_SIMILARITY_BACKEND", DEFAULT_BACKEND)
    if path not in _backends:
        from ..collaboration_signals import with_signals

        _backends[path] = with_signals(import_string(path)())
    return _backends[path]


__all__ = ["CouncilMatch", "SimilarItem", "SimilarityBackend", "get_similarity_backend"]
