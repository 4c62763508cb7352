"""An editor publishes a case study through the Wagtail admin, and readers then find it."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    LessonIndexPageFactory,
    ThemePageFactory,
)
from casestudies.models import CaseStudyPage, LessonPage, Theme
from councils.factories import CouncilFactory
from tests.permissions.helpers import partners_data

pytestmark = pytest.mark.django_db


def case_study_form(council, partner, **changes):
    data = {
        "title": "Missed bins halved",
        "slug": "missed-bins-halved",
        "council": council.pk,
        "summary": "We put round data online and missed bin reports fell by half.",
        "tags": "bins, open data",
        "started_on": "2023-04-01",
        "finished_on": "2024-03-31",
        "problem": rich_text("<p>Hundreds of missed bin reports every month.</p>"),
        "what_we_did": rich_text("<p>Published the crews' rounds as open data.</p>"),
        "outcomes": streamfield(
            [
                (
                    "outcome",
                    {
                        "description": "Missed bin reports a month",
                        "value": "240",
                        "unit": "reports",
                        "baseline": "480",
                        "period": "2023/24",
                    },
                ),
            ]
        ),
        "cost_band": "under_10k",
        "cost_detail": "Staff time only.",
        "do_differently": rich_text("<p>Ask the crews first.</p>"),
        "outputs": streamfield(
            [
                (
                    "output",
                    {
                        "kind": "code",
                        "title": "Round data publisher",
                        "url": "https://example.org/rounds",
                        "description": "",
                    },
                ),
            ]
        ),
        "contact_name": "Sam Jones",
        "contact_role": "Waste services manager",
        "contact_email": "sam.jones@example.gov.uk",
        "contact_is_public": "yes",
        "listing_summary": "",
        "search_description": "",
        "seo_title": "",
        "last_reviewed": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data["partners"] = partners_data(partner.short_name)  # the chooser posts councils' names
    data.update(changes)
    data = nested_form_data(data)
    data["themes"] = [Theme.objects.get(slug="waste").pk]  # a checkbox per theme
    return data


def test_superuser_publishes_a_case_study_that_readers_then_find(admin_client):
    council = CouncilFactory(short_name="Wychavon")
    partner = CouncilFactory(short_name="Malvern Hills")
    theme_page = ThemePageFactory(theme=Theme.objects.get(slug="waste"))
    index = CaseStudyIndexPageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])

    assert admin_client.get(add_url).status_code == 200
    response = admin_client.post(add_url, case_study_form(council, partner))

    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page = CaseStudyPage.objects.get(slug="missed-bins-halved")
    assert page.live
    assert page.live_revision is not None
    assert page.council == council
    assert page.partner_councils() == [partner]
    assert [theme.slug for theme in page.themes.all()] == ["waste"]
    assert sorted(tag.name for tag in page.tags.all()) == ["bins", "open data"]
    assert page.outcomes[0].value["value"] == 240
    assert page.outputs[0].value["title"] == "Round data publisher"
    assert page.public_contact["email"] == "sam.jones@example.gov.uk"

    page_html = admin_client.get(page.url).content.decode()
    assert "Hundreds of missed bin reports every month." in page_html
    assert "Round data publisher" in page_html

    for url in (council.get_absolute_url(), partner.get_absolute_url(), theme_page.url, index.url):
        html = admin_client.get(url).content.decode()
        assert "Missed bins halved" in html, url
        assert page.url in html, url


def test_saving_a_draft_does_not_publish(admin_client):
    council, partner = CouncilFactory(), CouncilFactory()
    theme_page = ThemePageFactory(theme=Theme.objects.get(slug="waste"))
    index = CaseStudyIndexPageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])
    data = case_study_form(council, partner)
    del data["action-publish"]

    response = admin_client.post(add_url, data)

    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="missed-bins-halved")
    assert not page.live
    for url in (council.get_absolute_url(), theme_page.url, index.url):
        assert "Missed bins halved" not in admin_client.get(url).content.decode(), url


def test_editors_cannot_invent_themes(admin_client):
    council, partner = CouncilFactory(), CouncilFactory()
    index = CaseStudyIndexPageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])

    response = admin_client.post(
        add_url, case_study_form(council, partner, themes="Waste, Made-up theme")
    )

    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="missed-bins-halved")
    assert [theme.slug for theme in page.themes.all()] == ["waste"]
    assert not Theme.objects.filter(name="Made-up theme").exists()


def test_missing_required_fields_are_reported(admin_client):
    # An emptied rich text editor submits "null".
    council, partner = CouncilFactory(), CouncilFactory()
    index = CaseStudyIndexPageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])

    response = admin_client.post(
        add_url, case_study_form(council, partner, summary="", problem="null")
    )

    assert response.status_code == 200
    assert {"summary", "problem"} <= set(response.context["form"].errors)
    assert not CaseStudyPage.objects.exists()


def test_superuser_publishes_a_lesson_linked_to_its_case_study(admin_client):
    case_study = CaseStudyPageFactory(title="Fewer missed bins")
    index = LessonIndexPageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=["casestudies", "lessonpage", index.pk])
    data = nested_form_data(
        {
            "title": "Talk to the crews first",
            "slug": "talk-to-the-crews-first",
            "council": case_study.council.pk,
            "summary": "The people who empty the bins knew where the problems were.",
            "tags": "",
            "context": rich_text("<p>We redesigned rounds from the office.</p>"),
            "what_worked": rich_text("<p>Riding along with the crews.</p>"),
            "what_did_not": rich_text("<p>Route software on its own.</p>"),
            "advice": rich_text("<p>Start at the depot.</p>"),
            "sources": inline_formset([{"page": case_study.pk, "ORDER": "1", "DELETE": ""}]),
            "listing_summary": "",
            "search_description": "",
            "seo_title": "",
            "last_reviewed": "",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(add_url, data)

    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="talk-to-the-crews-first")
    assert lesson.live
    assert [source.page_id for source in lesson.sources.all()] == [case_study.pk]
    lesson_html = admin_client.get(lesson.url).content.decode()
    assert case_study.url in lesson_html
    assert "Start at the depot." in lesson_html
    assert lesson.url in admin_client.get(case_study.url).content.decode()
