"""Council profiles in words: alternative names once, the type once, profile labels
explained and a summary of what the council shared, joined and reused."""

import re
from html import unescape

import pytest

from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from collaboration.models import Reuse, Standing
from councils.factories import CouncilFactory
from councils.models import Council
from councils.names import name_key

pytestmark = pytest.mark.django_db


def also_known_as(html):
    """The names in the profile's "Also known as" row, or [] without one."""
    match = re.search(
        r'Also known as</dt>\s*<dd class="govuk-summary-list__value">(.*?)</dd>', html, re.S
    )
    if not match:
        return []
    value = match.group(1)
    items = re.findall(r"<li>(.*?)</li>", value)
    return [unescape(item) for item in items] if items else [unescape(value.strip())]


def test_no_council_in_the_register_shows_a_name_twice(register):
    for council in Council.objects.all():
        names = council.other_names
        keys = [name_key(name) for name in names]
        assert len(keys) == len(set(keys)), (council.code, names)
        own = {name_key(council.short_name), name_key(council.official_name)}
        assert not own & set(keys), (council.code, names)
        for name in names:
            assert name != name.lower(), (council.code, name)
            assert not name.endswith((" UA", " CA")), (council.code, name)
            assert "\ufffd" not in name and "ï¿½" not in name, (council.code, name)


@pytest.mark.parametrize(
    "code, shown",
    [
        ("BST", []),  # "Bristol, City of", "Bristol UA", "bristol city of": all City of Bristol
        ("KHL", []),
        ("AGY", ["Sir Ynys Môn"]),
        ("RCT", ["Rhondda Cynon Taff"]),
        ("SOS", ["Southend"]),
        ("SWA", ["Abertawe"]),
        ("KIN", []),  # "King's Lynn & West Norfolk" is Kings Lynn and West Norfolk
    ],
)
def test_profiles_show_each_alternative_name_once(client, register, code, shown):
    council = Council.objects.get(code=code)
    html = client.get(council.get_absolute_url()).content.decode()
    assert also_known_as(html) == shown


def test_rhondda_cynon_taf_has_one_name_and_keeps_its_address(client, register):
    council = Council.objects.get(code="RCT")
    assert council.short_name == "Rhondda Cynon Taf"
    assert council.slug == "rhondda-cynon-taff"
    html = client.get("/councils/?q=Rhondda+Cynon+Taff").content.decode()
    assert ">Rhondda Cynon Taf</a>" in html
    assert "Rhondda Cynon Taff</a>" not in html


def test_type_is_said_once_in_words(client, register):
    html = client.get(Council.objects.get(code="BST").get_absolute_url()).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert main.count("Unitary authority") == 1
    assert "(unitary)" not in main
    assert "Runs all the local council services in its area." in main

    district = client.get(Council.objects.get(code="MAI").get_absolute_url()).content.decode()
    assert "District council" in district
    assert "Non-metropolitan district" not in district


def test_profile_labels_are_in_words(client, register):
    html = client.get(Council.objects.get(code="BST").get_absolute_url()).content.decode()
    assert "Emissions:" not in html
    assert "IMD quintile;" not in html
    main = html[html.index("<main") : html.index("</main>")]
    assert "Urban or rural</dt>" in main
    assert "Local authority predominately made up of urban neighbourhoods." in main
    assert "Deprivation</dt>" in main
    assert "fifth of areas (Index of Multiple Deprivation," in main
    assert "Carbon emissions</dt>" in main


def test_summary_counts_what_the_council_shared_joined_and_reused(
    client, django_assert_max_num_queries
):
    council = CouncilFactory(short_name="Wychavon")
    other = CouncilFactory(short_name="Worcester")
    mine = CaseStudyPageFactory(council=council, title="Fewer missed bins")
    CaseStudyPageFactory(council=council, title="Shared contact centre")
    LessonPageFactory(council=council, title="Map the data first")
    ProjectPageFactory(council=other, partner_councils=[council], title="Shared register")
    theirs = CaseStudyPageFactory(council=other, title="Bin day finder")
    CaseStudyPageFactory(council=council, title="Unfinished draft", draft=True)
    Reuse.objects.create(council=council, page=theirs, standing=Standing.ACTIVE)
    Reuse.objects.create(council=other, page=mine, output="", standing=Standing.ACTIVE)
    Reuse.objects.create(council=other, page=mine, output="Bin data", standing=Standing.ACTIVE)

    response = client.get(council.get_absolute_url())
    summary = {label: (words, anchor) for label, words, anchor in response.context["summary"]}
    assert summary == {
        "Shared": ("2 case studies and 1 lesson", "section-1"),
        "Partner in": ("1 project", "section-2"),
        "Reused": ("1 piece of another council's work", "section-3"),
        "Its work reused": ("2 times by other councils", "section-4"),
    }
    html = response.content.decode()
    assert '<a class="govuk-link" href="#section-1">2 case studies and 1 lesson</a>' in html
    assert 'id="section-1">Published by this council</h2>' in html
    assert 'id="section-4">Councils that reused this council&#x27;s work</h2>' in html


def test_summary_of_a_council_with_nothing_yet(client):
    council = CouncilFactory()
    response = client.get(council.get_absolute_url())
    assert [words for _, words, _ in response.context["summary"]] == ["None yet"] * 4
    assert 'href="#section-1"' not in response.content.decode()
