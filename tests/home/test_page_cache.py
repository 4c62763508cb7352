"""Anonymous readers get cached pages; publishing anything empties the cache at once."""

from django.core.cache import cache

from wagtail.models import Site

import pytest

from home.models import HomePage, SiteSettings, StandardPage


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def about_page(db):
    home = HomePage.objects.get()
    page = StandardPage(title="About us", slug="about-us", introduction="First version.")
    home.add_child(instance=page)
    page.save_revision().publish()
    # Settings are created on first use; creating them counts as a content change.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return page


@pytest.mark.django_db
def test_second_anonymous_request_is_served_from_cache(client, page_cache, about_page):
    first = client.get("/about-us/")
    second = client.get("/about-us/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.django_db
def test_publishing_invalidates_cached_pages(client, page_cache, about_page):
    assert b"First version." in client.get("/about-us/").content
    about_page.introduction = "Second version."
    about_page.save_revision().publish()
    response = client.get("/about-us/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Second version." in response.content


@pytest.mark.django_db
def test_unpublishing_removes_page_for_cached_readers(client, page_cache, about_page):
    assert client.get("/about-us/").status_code == 200
    about_page.unpublish()
    assert client.get("/about-us/").status_code == 404


@pytest.mark.django_db
def test_signed_in_users_are_never_served_cached_pages(client, page_cache, about_page,
                                                        django_user_model):
    client.get("/about-us/")
    user = django_user_model.objects.create_user("reader", password="a-long-password-1")
    client.force_login(user)
    response = client.get("/about-us/")
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_cache_is_off_by_default(client, about_page):
    response = client.get("/about-us/")
    assert "X-Page-Cache" not in response
