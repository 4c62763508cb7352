"""ContentPaginator: a list of pages counted once per content version."""

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import LearningPage
from core.pagination import ContentPaginator

pytestmark = pytest.mark.django_db


def test_a_filter_that_matches_nothing_counts_none():
    CaseStudyPageFactory()
    paginator = ContentPaginator(LearningPage.objects.filter(pk__in=[]), 20)
    assert paginator.count == 0
    assert list(paginator.page(1)) == []


def test_a_list_that_is_not_a_queryset_is_counted_as_it_is():
    assert ContentPaginator(["a", "b", "c"], 2).count == 3
