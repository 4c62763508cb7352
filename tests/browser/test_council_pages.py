"""Council profiles and the directory's filters in a browser: zero axe-core violations."""

from django.urls import reverse

import pytest

from casestudies.factories import CaseStudyPageFactory
from councils.models import Council

from .test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_council_profiles_and_directory_filters_pass_axe(site, live_server, browser_page):
    bristol = Council.objects.get(code="BST")
    CaseStudyPageFactory(council=bristol, title="Fewer missed bins")
    directory = reverse("councils:directory")
    pages = {
        "profile with a summary": bristol.get_absolute_url(),
        "profile with other names": Council.objects.get(code="AGY").get_absolute_url(),
        "county profile": Council.objects.get(code="KEN").get_absolute_url(),
        "directory by nation and region": f"{directory}?nation=England&region=London",
    }
    failures = []
    for name, path in pages.items():
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200, name
        failures.extend(f"{name}: {problem}" for problem in _audit(browser_page))
    assert not failures, "\n".join(failures)

    browser_page.goto(live_server.url + bristol.get_absolute_url())
    browser_page.get_by_role("link", name="1 case study").click()
    assert browser_page.evaluate("() => location.hash") == "#section-1"
    assert browser_page.locator("#section-1").is_visible()
