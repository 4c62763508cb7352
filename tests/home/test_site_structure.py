"""`manage.py setup_site` builds the page tree a new site needs, and is safe to run again."""

from io import StringIO

from django.core.management import call_command

import pytest

from casestudies.factories import ThemeFactory
from casestudies.models import (
    CaseStudyIndexPage,
    LessonIndexPage,
    ProjectIndexPage,
    Theme,
    ThemeIndexPage,
    ThemePage,
)
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def setup_site():
    out = StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def test_creates_sections_theme_pages_and_about_pages():
    output = setup_site()

    home = HomePage.objects.get()
    for model, slug in (
        (CaseStudyIndexPage, "case-studies"),
        (LessonIndexPage, "lessons"),
        (ProjectIndexPage, "projects"),
        (ThemeIndexPage, "themes"),
    ):
        page = model.objects.get()
        assert (page.slug, page.get_parent().pk, page.live) == (slug, home.pk, True)
    theme_index = ThemeIndexPage.objects.get()
    assert ThemePage.objects.child_of(theme_index).count() == Theme.objects.count() == 20
    assert {page.slug for page in StandardPage.objects.child_of(home)} == {
        "about",
        "accessibility",
        "data-credits",
    }
    assert "mySociety" in StandardPage.objects.get(slug="data-credits").introduction
    assert "(27 pages created)" in output


def test_running_again_creates_nothing():
    setup_site()
    pages_before = sorted(HomePage.objects.get().get_descendants().values_list("pk", flat=True))

    output = setup_site()

    assert "(0 pages created)" in output
    assert (
        sorted(HomePage.objects.get().get_descendants().values_list("pk", flat=True))
        == pages_before
    )


def test_a_new_theme_gets_its_page_on_the_next_run():
    setup_site()
    theme = ThemeFactory(name="Coastal erosion")

    output = setup_site()

    page = ThemePage.objects.get(theme=theme)
    assert "(1 page created)" in output
    assert page.slug == "coastal-erosion"
    assert "Everything about coastal erosion." in page.introduction


def test_the_site_takes_its_address_from_the_environment_once(settings):
    from wagtail.models import Site

    settings.WAGTAILADMIN_BASE_URL = "https://councils.example.org"
    output = setup_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("councils.example.org", 443)
    assert "the site's address is now https://councils.example.org" in output

    site.hostname = "shared-endeavour.example.org"  # an organiser's choice in Settings › Sites
    site.save()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert "the site's address" not in setup_site()
    assert Site.objects.get(is_default_site=True).hostname == "shared-endeavour.example.org"
