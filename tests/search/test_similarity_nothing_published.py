"""The similarity engine with nothing published. Apart from tests/search/test_similarity.py,
whose every test sees the corpus it builds once."""

import pytest

from search.similarity import get_similarity_backend


@pytest.mark.django_db
def test_rebuild_with_nothing_published():
    engine = get_similarity_backend()
    assert engine.rebuild() == 0
    assert engine.councils_for_text("missed bin collections every week") == []
