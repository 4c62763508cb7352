"""A page's themes are searchable as soon as it is published with them, on every backend."""

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import Theme


def result_titles(response):
    return [item.title for item in response.context["outcome"].page.object_list]


@pytest.mark.django_db
def test_changed_themes_are_searchable_after_publishing(client):
    page = CaseStudyPageFactory(
        title="Rebuilding after the ransomware attack",
        summary="How we restored services in three weeks.",
    )
    page.themes.set([Theme.objects.get(slug="housing")])
    page.save_revision().publish()
    assert page.title not in result_titles(client.get("/search/", {"q": "cyber security"}))

    page.themes.set([Theme.objects.get(slug="cyber-security")])
    page.save_revision().publish()
    assert page.title in result_titles(client.get("/search/", {"q": "cyber security"}))
