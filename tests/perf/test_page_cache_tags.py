"""The anonymous page cache: keys that ignore unused parameters, invalidation by what a
change touched (and nothing stale after any kind of change), one render per burst of misses."""

import threading

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from wagtail.models import Site

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import Theme
from councils.factories import CouncilFactory
from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(site_structure, page_cache):
    waste = Theme.objects.get(slug="waste")
    lead, other = CouncilFactory(short_name="Leadshire"), CouncilFactory(short_name="Othershire")
    page = CaseStudyPageFactory(title="Bins collected on time", council=lead, themes=[waste])
    about = StandardPage(title="About us", slug="about-us", introduction="About.")
    HomePage.objects.get().add_child(instance=about)
    about.save_revision().publish()
    # Settings are created on first use; creating them counts as a content change.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return {"page": page, "about": about, "lead": lead, "other": other, "theme": waste}


def state(client, url):
    response = client.get(url)
    return response.get("X-Page-Cache"), response


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_unused_and_tracking_parameters_share_the_page(client, site):
    warm(client, "/about-us/", "/case-studies/")
    for url in [
        "/about-us/?utm_source=mail&fbclid=x",
        "/about-us/?x=8f3a9c",
        "/about-us/?gclid=1",
        "/case-studies/?utm_campaign=a&nonsense=b",
    ]:
        assert state(client, url)[0] == "hit", url
    assert state(client, "/case-studies/?page=2")[0] == "miss"
    assert state(client, "/search/?q=bins&utm_source=x")[0] == "miss"
    assert state(client, "/search/?q=bins&utm_medium=y")[0] == "hit"


def test_the_view_never_sees_the_dropped_parameters(client, site):
    response = client.get("/case-studies/?page=2&utm_source=x&junk=1")
    assert b"utm_source" not in response.content
    assert b"junk" not in response.content


def test_a_long_query_string_is_not_cached(client, site):
    url = "/search/?q=" + "b" * 1200
    assert "X-Page-Cache" not in client.get(url)


def test_publishing_refreshes_what_shows_the_page_and_nothing_else(client, site):
    page, lead, other = site["page"], site["lead"], site["other"]
    shows = [
        page.url,
        "/",
        "/case-studies/",
        "/themes/",
        "/themes/waste/",
        lead.get_absolute_url(),
        "/search/?q=bins",
    ]
    unrelated = ["/about-us/", other.get_absolute_url(), "/themes/housing/"]
    warm(client, *shows, *unrelated)
    page.title = "Bins collected on time, every time"
    page.save_revision().publish()
    for url in shows:
        kind, response = state(client, url)
        assert kind == "miss", url
        if url != "/themes/":  # it shows counts, not titles
            assert b"every time" in response.content, url
    assert state(client, "/about-us/")[0] == "hit"
    assert state(client, other.get_absolute_url())[0] == "hit"


def test_a_new_page_appears_at_once(client, site):
    warm(client, "/", "/case-studies/", site["lead"].get_absolute_url(), "/themes/waste/")
    CaseStudyPageFactory(
        title="Potholes mended faster", council=site["lead"], themes=[site["theme"]]
    )
    for url in ["/", "/case-studies/", site["lead"].get_absolute_url(), "/themes/waste/"]:
        assert b"Potholes mended faster" in client.get(url).content, url


def test_unpublishing_and_deleting_remove_the_page_everywhere(client, site):
    page = site["page"]
    urls = ["/case-studies/", site["lead"].get_absolute_url(), "/themes/waste/", "/"]
    warm(client, page.url, *urls)
    page.unpublish()
    assert client.get(page.url).status_code == 404
    for url in urls:
        assert b"Bins collected on time" not in client.get(url).content, url
    page.save_revision().publish()
    warm(client, page.url, *urls)
    url = page.url
    page.delete()
    assert client.get(url).status_code == 404
    for listing in urls:
        assert b"Bins collected on time" not in client.get(listing).content, listing


def test_moving_to_another_council_updates_both_profiles(client, site):
    page, lead, other = site["page"], site["lead"], site["other"]
    warm(client, lead.get_absolute_url(), other.get_absolute_url())
    page.council = other
    page.save_revision().publish()
    assert b"Bins collected on time" not in client.get(lead.get_absolute_url()).content
    assert b"Bins collected on time" in client.get(other.get_absolute_url()).content


def test_moving_a_page_in_the_tree(client, site):
    about = site["about"]
    parent = StandardPage(title="Help", slug="help", introduction="Help.")
    HomePage.objects.get().add_child(instance=parent)
    parent.save_revision().publish()
    warm(client, "/about-us/")
    about.move(parent, pos="last-child")
    assert client.get("/about-us/").status_code != 200
    assert client.get("/help/about-us/").status_code == 200


def test_marking_reviewed_refreshes_the_page(client, site, django_user_model):
    from freshness.reviews import mark_reviewed

    page = site["page"]
    warm(client, page.url)
    mark_reviewed(
        page,
        django_user_model.objects.create_superuser(
            "organiser", "o@example.org", "a-long-password-1"
        ),
    )
    assert state(client, page.url)[0] == "miss"


def test_editing_a_theme_or_a_council_refreshes_every_page(client, site):
    page, theme, lead = site["page"], site["theme"], site["lead"]
    warm(client, page.url, "/about-us/")
    lead.short_name = "Leadborough"
    lead.save()
    assert b"Leadborough" in client.get(page.url).content
    assert state(client, "/about-us/")[0] == "miss"
    warm(client, page.url)
    theme.name = "Waste and recycling"
    theme.save()
    assert b"Waste and recycling" in client.get(page.url).content


def test_a_burst_of_misses_renders_once(settings, page_cache):
    from home.page_cache import AnonymousPageCacheMiddleware

    renders = []
    started = threading.Event()

    def view(request):
        renders.append(1)
        started.set()
        threading.Event().wait(0.3)
        return HttpResponse("rendered")

    middleware = AnonymousPageCacheMiddleware(view)
    request = RequestFactory()
    responses = []

    def get():
        responses.append(middleware(request.get("/robots.txt")))

    first = threading.Thread(target=get)
    first.start()
    started.wait(5)
    others = [threading.Thread(target=get) for _ in range(4)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join(10)
    assert len(renders) == 1
    assert [response.content for response in responses] == [b"rendered"] * 5
