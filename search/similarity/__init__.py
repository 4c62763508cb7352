"""The similarity engines. Choose one with the SEARCH_SIMILARITY_BACKEND setting (a dotted
path); the default is TF-IDF over published text. Each answers the matching core's questions
(`search.matching`), which turns the answers into similar pages and councils the same way for
every engine."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import CouncilMatch, SimilarItem, SimilarityBackend

DEFAULT_BACKEND = "search.similarity.tfidf.TfidfSimilarityBackend"

_backends = {}


def get_similarity_backend() -> SimilarityBackend:
    path = getattr(settings, "SEARCH_SIMILARITY_BACKEND", DEFAULT_BACKEND)
    if path not in _backends:
        _backends[path] = import_string(path)()
    return _backends[path]


__all__ = ["CouncilMatch", "SimilarItem", "SimilarityBackend", "get_similarity_backend"]
