"""Following and unfollowing themes, councils, projects and searches, and /following/."""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from casestudies.models import Theme, ThemePage
from councils.factories import CouncilFactory
from following.models import Follow
from tests.shared_data import build_once, fresh_copy


def build():
    from home.site_structure import ensure_site_structure

    ensure_site_structure()
    CaseStudyIndexPageFactory()
    ProjectIndexPageFactory()
    council = CouncilFactory(short_name="Avonford")
    theme = Theme.objects.get(slug="waste")
    CaseStudyPageFactory(council=council, themes=[theme], title="Bins online")
    users = get_user_model().objects
    return {
        "council": council,
        "theme": theme,
        "theme_page": ThemePage.objects.live().get(theme=theme),
        "project": ProjectPageFactory(council=council, title="Shared routes"),
        "reader": users.create_user("reader", "reader@example.gov.uk", "pw"),
        "other": users.create_user("other", "other@example.gov.uk", "pw"),
    }


@pytest.fixture(scope="module")
def _data(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


@pytest.fixture
def data(_data, db):
    return fresh_copy(_data)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_data")]


@pytest.fixture
def reader(client, data):
    client.force_login(data["reader"])
    return data["reader"]


def follow_urls(data):
    return {
        "theme": f"/following/themes/{data['theme'].slug}/",
        "council": f"/following/councils/{data['council'].slug}/",
        "project": f"/following/projects/{data['project'].pk}/",
    }


@pytest.mark.parametrize("kind", ["theme", "council", "project"])
def test_follow_each_kind_once(client, data, reader, kind):
    url = follow_urls(data)[kind]
    response = client.post(url, {"next": "/somewhere/"})
    assert response.status_code == 302
    assert response["Location"] == "/somewhere/"
    client.post(url)  # again: still one
    follows = Follow.objects.filter(person=reader)
    assert follows.count() == 1
    assert follows.get().kind == kind
    assert follows.get().subject == data[kind]


def test_an_unsafe_next_is_ignored(client, data, reader):
    response = client.post(follow_urls(data)["council"], {"next": "https://evil.example/"})
    assert response["Location"] == "/councils/avonford/"


def test_follow_a_search_saves_its_filters_in_a_canonical_order(client, data, reader):
    client.post(
        "/following/search/",
        {"query": "theme=waste&kind=lesson&kind=case-study&page=3&sort=newest&x=1"},
    )
    client.post("/following/search/", {"query": "kind=case-study&theme=waste&kind=lesson"})
    follow = Follow.objects.get(person=reader)
    assert follow.kind == "search"
    assert follow.query == "kind=case-study&kind=lesson&theme=waste"


@pytest.mark.parametrize("query", ["", "page=2&sort=newest", "kind=nonsense", "q=%20"])
def test_an_empty_search_is_refused_politely(client, data, reader, query):
    response = client.post("/following/search/", {"query": query})
    assert response.status_code == 400
    assert "There is no search to follow" in response.content.decode()
    assert not Follow.objects.exists()


def test_a_huge_or_broken_search_is_refused(client, data, reader):
    assert client.post("/following/search/", {"query": "q=" + "a" * 5000}).status_code == 400
    assert client.post("/following/search/", {"query": "q=a\x00b"}).status_code == 400
    assert not Follow.objects.exists()


def test_unfollow_your_own_follow_only(client, data, reader):
    mine = Follow.objects.create(person=reader, kind="theme", theme=data["theme"])
    theirs = Follow.objects.create(person=data["other"], kind="theme", theme=data["theme"])
    assert client.post(f"/following/{theirs.pk}/unfollow/").status_code == 404
    assert client.post(f"/following/{mine.pk}/unfollow/").status_code == 302
    assert list(Follow.objects.all()) == [theirs]


def test_anonymous_readers_are_sent_to_sign_in_and_back(client, data):
    page = data["theme_page"].url
    response = client.post(follow_urls(data)["theme"], {"next": page})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/?next=")
    assert page.replace("/", "%2F") in response["Location"]
    assert client.get("/following/")["Location"].startswith("/accounts/sign-in/")
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    "url", ["/following/themes/waste/", "/following/search/", "/following/1/unfollow/"]
)
def test_following_is_post_only(client, data, reader, url):
    assert client.get(url).status_code == 405


def test_following_needs_the_csrf_token(data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(data["reader"])
    assert client.post(follow_urls(data)["theme"]).status_code == 403
    assert not Follow.objects.exists()


def test_unknown_subjects_are_not_found(client, data, reader):
    assert client.post("/following/themes/no-such-theme/").status_code == 404
    assert client.post("/following/councils/no-such-council/").status_code == 404
    assert client.post("/following/projects/999999/").status_code == 404
    data["project"].unpublish()
    assert client.post(follow_urls(data)["project"]).status_code == 404


def test_following_is_rate_limited(client, data, reader, settings):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "follow-person": "2/h"}
    client.post(follow_urls(data)["theme"])
    client.post(follow_urls(data)["council"])
    assert client.post(follow_urls(data)["project"]).status_code == 429


def test_anonymous_pages_are_the_same_for_everyone(client, data):
    for url in (
        data["theme_page"].url,
        "/councils/avonford/",
        data["project"].url,
        "/search/?theme=waste",
    ):
        html = client.get(url).content.decode()
        assert "Sign in to follow this" in html, url
        assert "csrfmiddlewaretoken" not in html, url
        assert "Stop following" not in html, url


def test_signed_in_readers_see_whether_they_follow(client, data, reader):
    page = data["theme_page"].url
    assert "Follow this theme" in client.get(page).content.decode()
    client.post(follow_urls(data)["theme"])
    html = client.get(page).content.decode()
    assert "You follow this theme" in html
    assert "Stop following" in html


def test_follow_this_search_appears_only_for_a_search(client, data, reader):
    assert "Follow this search" not in client.get("/search/").content.decode()
    html = client.get("/search/?theme=waste&page=1").content.decode()
    assert "Follow this search" in html
    assert 'name="query" value="theme=waste"' in html


def test_what_i_follow_groups_each_kind_with_its_feed(client, data, reader):
    assert "You do not follow anything yet" in client.get("/following/").content.decode()
    for url in follow_urls(data).values():
        client.post(url)
    client.post("/following/search/", {"query": "q=bins&theme=waste"})
    Follow.objects.create(
        person=data["other"], kind="council", council=CouncilFactory(short_name="Barchester")
    )
    html = client.get("/following/").content.decode()
    for heading in ("Themes", "Councils", "Projects", "Searches"):
        assert f">{heading}</h2>" in html
    assert "Barchester" not in html
    assert "/feeds/themes/waste/" in html
    assert "/feeds/councils/avonford/" in html
    assert f"/feeds/projects/{data['project'].pk}/" in html
    assert "/feeds/search/?q=bins&amp;theme=waste" in html
    assert "“bins” in Theme: Waste" in html
    assert html.count("Stop following") == 4


def test_what_i_follow_in_few_queries(client, data, reader, django_assert_max_num_queries):
    for url in follow_urls(data).values():
        client.post(url)
    client.get("/following/")
    with django_assert_max_num_queries(30) as before:
        client.get("/following/")
    counted = len(before)
    for n in range(5):
        Follow.objects.create(
            person=reader, kind="council", council=CouncilFactory(short_name=f"Council {n}")
        )
        Follow.objects.create(person=reader, kind="project", project=ProjectPageFactory())
    with django_assert_max_num_queries(counted):
        client.get("/following/")


def test_organisers_see_how_many_follow_what_in_the_admin(client, data):
    from accounts.roles import make_organiser, make_practitioner, setup_roles

    setup_roles()
    Follow.objects.create(person=data["reader"], kind="theme", theme=data["theme"])
    Follow.objects.create(person=data["other"], kind="theme", theme=data["theme"])
    Follow.objects.create(person=data["other"], kind="council", council=data["council"])
    organiser = get_user_model().objects.create_user("organiser", "o@example.gov.uk", "pw")
    make_organiser(organiser)
    client.force_login(organiser)
    html = client.get("/admin/").content.decode()
    assert "2 people follow something on the site." in html
    assert "Most followed themes: Waste (2)." in html
    assert "Most followed councils: Avonford (1)." in html

    practitioner = data["other"]
    make_practitioner(practitioner, [data["council"]])
    client.force_login(practitioner)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "people follow something" not in response.content.decode()
