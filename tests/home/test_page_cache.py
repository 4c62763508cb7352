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
def test_signed_in_users_are_never_served_cached_pages(
    client, page_cache, about_page, django_user_model
):
    client.get("/about-us/")
    user = django_user_model.objects.create_user("reader", password="a-long-password-1")
    client.force_login(user)
    response = client.get("/about-us/")
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_cache_is_off_by_default(client, about_page):
    response = client.get("/about-us/")
    assert "X-Page-Cache" not in response


# The generation that keys every cached page must never come back after a change, whatever
# the cache does with it: the database cache's incr() used to re-save it with a 300 s expiry,
# after which it restarted at 1 and pages cached before a publish were served again.

CACHE_BACKENDS = {
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "test_page_cache",
    },
    "files": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"},
}


@pytest.fixture(params=sorted(CACHE_BACKENDS))
def any_page_cache(request, settings, tmp_path, db):
    from django.core.cache import caches
    from django.core.management import call_command

    config = dict(CACHE_BACKENDS[request.param], TIMEOUT=1)
    if request.param == "files":
        config["LOCATION"] = str(tmp_path / "cache")
    settings.CACHES = {**settings.CACHES, "pages": config}
    settings.PAGE_CACHE_ALIAS = "pages"
    settings.PAGE_CACHE_SECONDS = 300
    if request.param == "database":
        call_command("createcachetable", "test_page_cache", verbosity=0)
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.mark.django_db
def test_a_lost_generation_never_brings_back_an_old_page(client, any_page_cache, about_page):
    from home.page_cache import GENERATION_KEY

    any_page_cache.clear()
    assert client.get("/about-us/")["X-Page-Cache"] == "miss"
    about_page.introduction = "Second version."
    about_page.save_revision().publish()
    assert b"Second version." in client.get("/about-us/").content
    # The generation key expires or is evicted; the old page is still in the cache.
    any_page_cache.delete(GENERATION_KEY)
    response = client.get("/about-us/")
    assert b"Second version." in response.content
    assert b"First version." not in response.content


@pytest.mark.django_db
def test_generation_outlives_the_cache_default_expiry(client, any_page_cache, about_page):
    import time

    from home.page_cache import current_generation

    client.get("/about-us/")
    about_page.introduction = "Second version."
    about_page.save_revision().publish()
    generation = current_generation()
    time.sleep(1.2)  # past the cache's default TIMEOUT of one second
    assert current_generation() == generation
    response = client.get("/about-us/")
    assert b"Second version." in response.content


@pytest.mark.django_db
def test_unpublished_page_never_comes_back_from_the_cache(client, any_page_cache, about_page):
    from home.page_cache import GENERATION_KEY

    any_page_cache.clear()
    assert client.get("/about-us/").status_code == 200
    about_page.unpublish()
    any_page_cache.delete(GENERATION_KEY)
    assert client.get("/about-us/").status_code == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_starts_a_new_generation_again_when_it_commits(page_cache):
    from django.db import transaction

    from home.page_cache import current_generation, invalidate

    before = current_generation()
    with transaction.atomic():
        invalidate()
        during = current_generation()
    after = current_generation()
    assert len({before, during, after}) == 3
