"""Saves indexed for search in one batch (core/indexing.py), as the register's import does."""

from django.db import transaction

from wagtail.models import Page

import pytest
from modelsearch.backends import get_search_backend

from casestudies.models import ThemePage
from core.indexing import indexed_together
from councils.factories import CouncilFactory
from councils.models import Council
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def found(name):
    return [council.short_name for council in get_search_backend().search(name, Council)]


def test_saves_in_the_block_are_searchable_after_it():
    with indexed_together(Council):
        CouncilFactory(short_name="Quenbury")
        CouncilFactory(short_name="Wexcombe")
        assert found("Quenbury") == []
    assert found("Quenbury") == ["Quenbury"]
    assert found("Wexcombe") == ["Wexcombe"]


def test_a_failed_block_indexes_nothing_and_saves_after_it_are_indexed_again():
    with pytest.raises(ValueError), transaction.atomic(), indexed_together(Council):
        CouncilFactory(short_name="Quenbury")
        raise ValueError
    assert found("Quenbury") == []
    CouncilFactory(short_name="Wexcombe")
    assert found("Wexcombe") == ["Wexcombe"]


def test_the_site_structure_is_searchable_once_built(site_structure):
    titles = {page.title for page in get_search_backend().search("statement", Page)}
    assert "Accessibility statement" in titles
    assert StandardPage.objects.filter(title="Accessibility statement").exists()
    waste = ThemePage.objects.get(slug="waste")
    assert waste.title in {page.title for page in get_search_backend().search(waste.title, Page)}
