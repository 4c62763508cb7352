"""The search page with its download links, the data dictionary and content pages with their
licence statement pass axe-core, and the links download the results."""

import pytest

from casestudies.factories import CaseStudyPageFactory, ProjectPageFactory
from casestudies.models import ThemePage
from councils.models import Council

from .test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def published(site):
    council, partner = Council.objects.current().order_by("pk")[:2]
    case_study = CaseStudyPageFactory(
        council=council, title="Fewer missed bin collections", partner_councils=[partner]
    )
    project = ProjectPageFactory(council=partner, title="Shared bin rounds")
    return [case_study.url, project.url, ThemePage.objects.live().first().url]


def test_search_with_download_links_the_data_dictionary_and_licences_pass_axe(
    published, live_server, browser_page
):
    failures = []
    for url in ["/search/?q=bin", "/search/export/columns/", *published]:
        response = browser_page.goto(live_server.url + url)
        assert response.status == 200, url
        failures += [f"{url}: {problem}" for problem in _audit(browser_page)]
    assert not failures, "Accessibility problems:\n" + "\n".join(failures)


def test_the_download_links_download_the_results(published, live_server, browser_page):
    browser_page.goto(live_server.url + "/search/?q=bin")
    links = browser_page.locator(".se-export-links")
    for name, extension in (
        ("CSV file of these results", "csv"),
        ("JSON file of these results", "json"),
    ):
        with browser_page.expect_download() as download:
            links.get_by_role("link", name=name).click()
        assert download.value.suggested_filename.endswith(f".{extension}")
        assert "Fewer missed bin collections" in download.value.path().read_text("utf-8")
    links.get_by_role("link", name="What the columns mean").click()
    browser_page.wait_for_url("**/search/export/columns/")
