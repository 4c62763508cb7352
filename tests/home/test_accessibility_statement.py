"""The accessibility statement at /accessibility/: the sections the Public Sector Bodies
Accessibility Regulations 2018 expect, a live feedback address, and a setup_site that brings
the old one-paragraph page up to date without overwriting an organiser's edits."""

import re
from io import StringIO

from django.core.management import call_command

from wagtail.models import Site

import pytest

from home.blocks import feedback_email
from home.models import HomePage, SiteSettings, StandardPage
from home.site_structure import SHIPPED_STATEMENTS, ContentError, load_statement

pytestmark = pytest.mark.django_db

REQUIRED_HEADINGS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website’s accessibility",
    "Compliance status",
    "Non-accessible content",
    "Preparation of this accessibility statement",
]


def setup_site():
    out = StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def statement():
    return StandardPage.objects.get(slug="accessibility")


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def old_one_paragraph_page():
    """The statement as earlier versions of setup_site left it."""
    page = StandardPage(
        title="Accessibility statement", slug="accessibility", introduction=SHIPPED_STATEMENTS[0]
    )
    HomePage.objects.get().add_child(instance=page)
    return page


def test_the_statement_has_every_section_the_regulations_expect(client):
    setup_site()

    response = client.get("/accessibility/")

    assert response.status_code == 200
    html = response.content.decode()
    headings = [text_of(h) for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)]
    for heading in REQUIRED_HEADINGS:
        assert heading in headings, heading
    text = text_of(html)
    for words in (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA",
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018",
        "Equality and Human Rights Commission (EHRC)",
        "Equality Advisory and Support Service (EASS)",
        "Equality Commission for Northern Ireland",
        "axe-core",
        "keyboard",
        "search with filters applied",
        "the sign-in page",
        "This statement was prepared on 1 December 2026",
        "It was last reviewed on 1 December 2026",
        "has not yet been audited by an accessibility specialist",
    ):
        assert words in text, words
    assert "Last reviewed 1 December 2026" in text
    assert "How accessible Shared Endeavour is" in html  # the meta description


def test_readers_are_given_the_feedback_address_from_the_site_settings(client, settings):
    setup_site()
    settings.FEEDBACK_EMAIL = "fallback@network.example"
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.service_email = "organisers@network.example"
    site_settings.save()

    html = client.get("/accessibility/").content.decode()

    assert 'href="mailto:organisers@network.example"' in html
    assert "fallback@network.example" not in html

    site_settings.service_email = ""
    site_settings.save()
    html = client.get("/accessibility/").content.decode()
    assert 'href="mailto:fallback@network.example"' in html


def test_without_any_address_the_statement_still_says_whom_to_contact(client, settings):
    setup_site()
    settings.FEEDBACK_EMAIL = ""

    html = client.get("/accessibility/").content.decode()

    assert feedback_email() == ""
    assert "mailto:" not in html
    assert "Write to the network organisers who run this website." in html


def test_setup_site_replaces_the_old_one_paragraph_statement():
    old = old_one_paragraph_page()

    output = setup_site()

    page = statement()
    assert page.pk == old.pk
    assert "updated standard page: Accessibility statement" in output
    assert page.introduction.startswith("This accessibility statement applies to")
    assert [block.block_type for block in page.body][:2] == ["paragraph", "heading"]
    assert page.revisions.count() == 1 and page.live_revision is not None
    assert page.search_description
    assert str(page.last_reviewed) == "2026-12-01"


def test_setup_site_keeps_a_statement_an_organiser_has_edited():
    page = old_one_paragraph_page()
    page.introduction = "Our own statement, written by the organisers."
    page.save_revision().publish()

    output = setup_site()

    assert statement().introduction == "Our own statement, written by the organisers."
    assert not statement().body
    assert "updated" not in output


def test_setup_site_keeps_a_statement_with_a_draft_waiting():
    page = old_one_paragraph_page()
    page.introduction = "A new statement in draft."
    page.save_revision()

    setup_site()

    page = statement()
    assert page.introduction == SHIPPED_STATEMENTS[0]
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().introduction == "A new statement in draft."


def test_setup_site_leaves_the_full_statement_alone_when_run_again():
    setup_site()
    page = statement()
    page.body = list(page.body.raw_data)[:3]
    page.save_revision().publish()
    revisions = page.revisions.count()

    output = setup_site()

    assert statement().revisions.count() == revisions
    assert len(statement().body) == 3
    assert "(0 pages created)" in output and "updated" not in output


def test_the_statement_file_is_checked_on_load(tmp_path):
    good = load_statement()
    assert {kind for kind, _ in good["body"]} == {"paragraph", "heading", "feedback_contact"}

    path = tmp_path / "statement.yaml"
    path.write_text(
        "title: A\nslug: a\nintroduction: b\nsearch_description: c\n"
        "last_reviewed: 2026-12-01\nbody:\n  - video: x\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="body item 1"):
        load_statement(path)

    path.write_text("title: A\n", encoding="utf-8")
    with pytest.raises(ContentError, match="expected the keys"):
        load_statement(path)


def test_a_deploy_check_warns_when_readers_have_no_feedback_address(settings):
    from home.checks import check_feedback_address

    settings.FEEDBACK_EMAIL = ""
    assert [w.id for w in check_feedback_address()] == ["home.W001"]

    settings.FEEDBACK_EMAIL = "organisers@network.example"
    assert check_feedback_address() == []
