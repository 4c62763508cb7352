"""Marking a page reviewed in one click, from the page and from the admin."""

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision

import pytest

from casestudies.models import CaseStudyPage
from freshness.reviews import ACTION, mark_reviewed
from home import page_cache

from .data import LONG_AGO, _built, data_fixture  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("_built")


def client_for(user=None, **kwargs):
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


def post_review(user, page, **kwargs):
    return client_for(user, **kwargs).post(reverse("freshness:mark_reviewed", args=[page.pk]))


def test_an_owner_marks_a_page_reviewed_without_a_new_revision(data):
    page = data["stale_case_study"]
    revisions = Revision.objects.for_instance(page).count()
    response = post_review(data["olu"], page)
    assert response.status_code == 302
    assert response["Location"] == page.url + "#last-reviewed"
    page.refresh_from_db()
    today = timezone.localdate()
    assert page.last_reviewed == today
    assert Revision.objects.for_instance(page).count() == revisions
    assert page.live_revision.content["last_reviewed"] == today.isoformat()
    assert page.last_published_at == LONG_AGO  # not published again
    entry = PageLogEntry.objects.get(page=page, action=ACTION)
    assert entry.user == data["olu"]
    assert entry.message == "Marked as reviewed"


@pytest.mark.parametrize("who", ["org", "superuser"])
def test_organisers_and_superusers_may_mark_any_councils_page(data, who, django_user_model):
    user = (
        data["org"]
        if who == "org"
        else django_user_model.objects.create_superuser(
            "root", "root@example.gov.uk", "not-used-here-1"
        )
    )
    page = data["old_lesson"]
    assert post_review(user, page).status_code == 302
    page.refresh_from_db()
    assert page.last_reviewed == timezone.localdate()


@pytest.mark.parametrize("who", ["cat", "nobody", None])
def test_everyone_else_is_refused(data, who):
    page = data["stale_case_study"]
    before = page.last_reviewed
    response = post_review(data[who] if who else None, page)
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.last_reviewed == before
    assert not PageLogEntry.objects.filter(page=page, action=ACTION).exists()


def test_post_only_csrf_checked_and_published_pages_only(data):
    page = data["stale_case_study"]
    url = reverse("freshness:mark_reviewed", args=[page.pk])
    assert client_for(data["olu"]).get(url).status_code == 405
    assert post_review(data["olu"], page, enforce_csrf_checks=True).status_code == 403
    assert post_review(data["olu"], data["stale_draft"]).status_code == 404
    missing = reverse("freshness:mark_reviewed", args=[999999])
    assert client_for(data["olu"]).post(missing).status_code == 404
    assert client_for(data["olu"]).post("/freshness/pages/%D9%A3/reviewed/").status_code == 404


def test_the_date_survives_publishing_an_older_draft(data):
    page = CaseStudyPage.objects.get(pk=data["stale_case_study"].pk)
    old_date = page.last_reviewed
    page.title = "Fewer missed bins, and how"
    draft = page.save_revision(user=data["olu"])
    draft.refresh_from_db()
    assert draft.content["last_reviewed"] == old_date.isoformat()
    mark_reviewed(page, data["olu"])
    draft.refresh_from_db()
    draft.publish(user=data["org"])
    page.refresh_from_db()
    assert page.title == "Fewer missed bins, and how"
    assert page.last_reviewed == timezone.localdate()
    # And the editor opened on the latest revision shows the new date.
    assert page.get_latest_revision_as_object().last_reviewed == timezone.localdate()


def test_marking_reviewed_empties_the_anonymous_page_cache(data, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    page = data["stale_case_study"]
    anonymous = Client()
    anonymous.get(page.url)  # the first render stores settings and similarity data
    anonymous.get(page.url)
    assert anonymous.get(page.url)["X-Page-Cache"] == "hit"
    generation = page_cache.current_generation()
    mark_reviewed(page, data["olu"])
    assert page_cache.current_generation() != generation
    response = anonymous.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert timezone.localdate().strftime("%-d %B %Y") in response.content.decode()


def test_the_form_shows_to_signed_in_owners_only(data):
    page = data["stale_case_study"]
    action = reverse("freshness:mark_reviewed", args=[page.pk])
    anonymous = Client().get(page.url).content.decode()
    assert action not in anonymous and "Mark as reviewed" not in anonymous
    assert action not in client_for(data["cat"]).get(page.url).content.decode()
    owner_html = client_for(data["olu"]).get(page.url).content.decode()
    assert f'action="{action}"' in owner_html
    post_review(data["olu"], page)
    again = client_for(data["olu"]).get(page.url).content.decode()
    assert "You marked this case study as reviewed today" in again
    assert f'action="{action}"' not in again


def test_the_stale_tag_follows_the_one_rule(data):
    stale = Client().get(data["stale_case_study"].url).content.decode()
    assert "Due for review" in stale
    fresh = Client().get(data["fresh_case_study"].url).content.decode()
    assert "Due for review" not in fresh
    assert "Over a year ago" not in stale
    assert data["never_reviewed_lesson"].review_is_overdue
    assert not data["reviewed_case_study"].review_is_overdue


def test_admin_header_and_listing_buttons_for_owners_only(data):
    page = data["stale_case_study"]
    url = reverse("freshness_mark_reviewed", args=[page.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert url in client_for(data["olu"]).get(edit).content.decode()
    explorer = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    listing = client_for(data["org"]).get(explorer).content.decode()
    assert url in listing and 'data-action="w-action#post"' in listing
    # Another council's practitioner cannot open the page in the admin at all.
    assert url not in client_for(data["cat"]).get(explorer).content.decode()


def test_admin_view_confirms_on_get_and_marks_on_post(data):
    page = data["stale_case_study"]
    url = reverse("freshness_mark_reviewed", args=[page.pk])
    owner = client_for(data["olu"])
    response = owner.get(url)
    assert response.status_code == 200
    assert "no new revision is made" in response.content.decode()
    page.refresh_from_db()
    assert page.last_reviewed != timezone.localdate()  # GET changes nothing
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = owner.post(url, {"next": edit})
    assert response.status_code == 302 and response["Location"] == edit
    page.refresh_from_db()
    assert page.last_reviewed == timezone.localdate()
    response = owner.post(url, {"next": "https://elsewhere.example.com/"})
    assert response["Location"].startswith("/admin/")
    # Wagtail's admin answers a refusal with a redirect to its home page and a message.
    for response in (client_for(data["cat"]).post(url), client_for(data["cat"]).get(url)):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Client().post(url).status_code == 302  # to sign in
    log = PageLogEntry.objects.filter(page=page, action=ACTION)
    assert list(log.values_list("user__username", flat=True)) == ["olu", "olu"]
