"""The case study form as practitioners and organisers meet it (issue 14)."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset

import pytest

from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyPage, Theme
from councils.factories import CouncilFactory
from tests.permissions.conftest import make_user
from tests.permissions.helpers import case_study_form_data, partners_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(db):
    setup_roles()
    councils = {
        name: CouncilFactory(short_name=name)
        for name in ("Cornwall", "Plymouth", "Devon", "Torbay")
    }
    gone = CouncilFactory(short_name="Restormel", is_current=False)
    index = CaseStudyIndexPageFactory()
    return {"councils": councils, "gone": gone, "index": index}


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])


def signed_in(client, councils=(), organiser=False, name="sam"):
    user = make_user(name)
    if organiser:
        make_organiser(user)
    else:
        make_practitioner(user, councils)
    client.force_login(user)
    return user


def council_field(client, index):
    response = client.get(add_url(index))
    assert response.status_code == 200
    return response.context["form"]["council"]


def test_a_practitioner_of_one_council_has_it_chosen(client, setting):
    cornwall = setting["councils"]["Cornwall"]
    signed_in(client, [cornwall])
    field = council_field(client, setting["index"])
    assert list(field.field.queryset) == [cornwall]
    assert field.value() == cornwall.pk
    assert "You write for Cornwall." in field.help_text


def test_a_practitioner_of_two_councils_is_offered_both_and_told_so(client, setting):
    cornwall, plymouth = setting["councils"]["Cornwall"], setting["councils"]["Plymouth"]
    signed_in(client, [cornwall, plymouth])
    field = council_field(client, setting["index"])
    assert list(field.field.queryset) == [cornwall, plymouth]
    assert "You write for Cornwall and Plymouth." in field.help_text
    html = str(field)
    assert "Devon" not in html and "Torbay" not in html


def test_an_organiser_names_the_lead_council_in_a_searchable_box(client, setting):
    signed_in(client, organiser=True)
    field = council_field(client, setting["index"])
    assert "any council" in field.help_text
    html = str(field)
    assert 'data-controller="w-tag"' in html and "&quot;tagLimit&quot;: 1" in html
    assert "<option" not in html  # not a list of every council


def test_an_organiser_can_lead_with_any_current_council_by_name(client, setting):
    signed_in(client, organiser=True)
    response = post_new(client, setting, council="devon", contact_is_public="no")
    assert response.status_code == 302, response.context["form"].errors
    assert CaseStudyPage.objects.get(slug="bins").council == setting["councils"]["Devon"]


@pytest.mark.parametrize(
    "named,error",
    [
        ("Restormel", "Restormel is not a current council"),
        ("Devon, Torbay", "Choose one council."),
        ("", "This field is required."),
    ],
)
def test_an_organiser_must_name_one_current_council(client, setting, named, error):
    signed_in(client, organiser=True)
    response = post_new(client, setting, council=named, contact_is_public="no")
    assert response.status_code == 200
    assert error in response.context["form"].errors["council"][0]


def test_a_page_of_an_abolished_council_keeps_it_when_an_organiser_edits(client, setting):
    page = CaseStudyPageFactory(parent=setting["index"], council=setting["gone"])
    signed_in(client, organiser=True)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    field = client.get(url).context["form"]["council"]
    assert "Restormel" in str(field)
    data = case_study_form_data(page, contact_is_public="no")
    data["council"] = "Restormel"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.council == setting["gone"]


def test_a_practitioner_cannot_post_another_council_as_the_lead(client, setting):
    cornwall, devon = setting["councils"]["Cornwall"], setting["councils"]["Devon"]
    signed_in(client, [cornwall])
    page = CaseStudyPage(title="Bins", slug="bins", summary="Fewer missed bins.", council=devon)
    data = case_study_form_data(page, contact_is_public="no")
    data["action-submit"] = "submit"
    response = client.post(add_url(setting["index"]), data)
    assert response.status_code == 200
    assert "council" in response.context["form"].errors
    assert not CaseStudyPage.objects.filter(slug="bins").exists()


def test_the_partner_chooser_completes_current_councils_only(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    url = reverse("casestudies_council_autocomplete")
    assert client.get(url, {"term": "Res"}).json() == []
    assert client.get(url, {"term": "plym"}).json() == ["Plymouth"]
    for hostile in ("", "x" * 5000, "\x00", "٣"):
        response = client.get(url, {"term": hostile})
        assert response.status_code == 200 and response.json() == []
    html = client.get(add_url(setting["index"])).content.decode()
    assert 'data-controller="w-tag"' in html
    assert url in html


def test_the_partner_chooser_is_for_signed_in_editors(client, setting):
    response = client.get(reverse("casestudies_council_autocomplete"), {"term": "Ply"})
    assert response.status_code == 302


def post_new(client, setting, **changes):
    page = CaseStudyPage(
        title="Bins",
        slug="bins",
        summary="Fewer missed bins.",
        council=setting["councils"]["Cornwall"],
    )
    data = case_study_form_data(page, **changes)
    if "contact_is_public" not in changes:
        data.pop("contact_is_public")
    return client.post(add_url(setting["index"]), data)


def test_an_abolished_council_cannot_be_named_as_a_partner(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    response = post_new(
        client, setting, partners=partners_data("Restormel"), contact_is_public="no"
    )
    assert response.status_code == 200
    errors = response.context["form"].formsets["partners"].forms[0].errors["council"]
    assert "Restormel is not a current council" in errors[0]


def test_partners_are_saved_by_name_in_any_case(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    response = post_new(
        client, setting, partners=partners_data("plymouth", " Devon "), contact_is_public="no"
    )
    assert response.status_code == 302, response.context["form"].errors
    page = CaseStudyPage.objects.get(slug="bins")
    assert [c.short_name for c in page.partner_councils()] == ["Plymouth", "Devon"]


def test_a_council_listed_twice_as_a_partner_is_refused_clearly(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    response = post_new(
        client, setting, partners=partners_data("Plymouth", "plymouth"), contact_is_public="no"
    )
    assert response.status_code == 200
    partners = response.context["form"].formsets["partners"]
    assert partners.non_form_errors() == [
        "Each council can be listed once. Remove the council listed twice."
    ]
    assert not CaseStudyPage.objects.filter(slug="bins").exists()


def test_the_lead_council_is_not_also_a_partner(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    response = post_new(client, setting, partners=partners_data("Cornwall"), contact_is_public="no")
    assert response.status_code == 200
    errors = response.context["form"].formsets["partners"].forms[0].errors["council"]
    assert errors == ["Cornwall leads this page, so it is not a partner too."]


def test_a_partner_keeps_its_role_and_place(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    partners = inline_formset(
        [{"council": "Devon", "role": "ran the pilot"}, {"council": "Plymouth", "role": ""}]
    )
    response = post_new(client, setting, partners=partners, contact_is_public="no")
    assert response.status_code == 302, response.context["form"].errors
    page = CaseStudyPage.objects.get(slug="bins")
    assert [(p.council.short_name, p.role) for p in page.partners.all()] == [
        ("Devon", "ran the pilot"),
        ("Plymouth", ""),
    ]


def test_themes_are_checkboxes_of_the_curated_list_with_descriptions(client, setting):
    Theme.objects.filter(slug="waste").update(description="Bins, recycling and street cleaning")
    signed_in(client, [setting["councils"]["Cornwall"]])
    response = client.get(add_url(setting["index"]))
    field = response.context["form"]["themes"]
    assert field.label == "Themes"
    assert set(field.field.queryset) == set(Theme.objects.all())
    html = str(field)
    assert 'type="checkbox"' in html
    assert "Bins, recycling and street cleaning" in html
    assert "&quot;" not in html
    assert response.context["form"]["tags"].label == "Other keywords"


def test_chosen_themes_are_saved(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    waste = Theme.objects.get(slug="waste")
    response = post_new(client, setting, themes=[waste.pk], contact_is_public="yes")
    assert response.status_code == 302, response.context["form"].errors
    page = CaseStudyPage.objects.get(slug="bins")
    assert list(page.themes.all()) == [waste]
    assert page.contact_is_public is True


def test_a_new_page_asks_whether_to_publish_a_contact(client, setting):
    signed_in(client, [setting["councils"]["Cornwall"]])
    form = client.get(add_url(setting["index"])).context["form"]
    assert "someone to call" in form["contact_is_public"].help_text
    response = post_new(client, setting)
    assert response.status_code == 200
    assert response.context["form"].errors["contact_is_public"] == [
        "Choose whether to publish a contact"
    ]


def test_an_existing_page_keeps_its_contact_choice(client, setting):
    cornwall = setting["councils"]["Cornwall"]
    signed_in(client, [cornwall])
    page = CaseStudyPageFactory(council=cornwall, contact_is_public=True, parent=setting["index"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(url).context["form"]["contact_is_public"].value() == "yes"
    data = case_study_form_data(page)
    data.pop("contact_is_public")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.contact_is_public is True


def test_the_editor_loads_the_script_that_names_wagtails_text_boxes(client, setting):
    from django.templatetags.static import static

    signed_in(client, [setting["councils"]["Cornwall"]])
    html = client.get(add_url(setting["index"])).content.decode()
    assert f'<script src="{static("js/admin/field-names.js")}" defer></script>' in html
