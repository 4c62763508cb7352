"""The corpus (tests/corpus.py) for the search engine tests, built once per module."""

from wagtail.search.backends import get_search_backend

import pytest

from tests.corpus import _corpus, corpus  # noqa: F401 (fixtures)


@pytest.fixture
def engine(db):
    """Wagtail's Elasticsearch backend (test_engine.py runs only when SEARCH_URL names one)."""
    return get_search_backend()
