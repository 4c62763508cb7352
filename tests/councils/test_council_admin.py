"""Organisers find councils in the Wagtail admin's council snippet listing.

Every test sees the same three councils (one Scottish with other names, one Welsh, one
former), built once for the module (tests/shared_data.py)."""

import pytest

from councils.factories import CouncilFactory
from tests.shared_data import build_once, fresh_copy

URL = "/admin/snippets/councils/council/"


def build():
    return [
        CouncilFactory(
            short_name="Aberdeen City",
            nation="Scotland",
            region="Scotland",
            alt_names="Aberdeen City,city of aberdeen",
        ),
        CouncilFactory(short_name="Cardiff", nation="Wales", region="Wales"),
        CouncilFactory(short_name="Restormel", former=True),
    ]


@pytest.fixture(scope="module")
def _councils(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


@pytest.fixture
def councils(_councils, db):
    return fresh_copy(_councils)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_councils")]


def listed(response):
    return sorted(council.short_name for council in response.context["object_list"])


def test_lists_every_council_including_former(admin_client, councils):
    response = admin_client.get(URL)

    assert response.status_code == 200
    assert listed(response) == ["Aberdeen City", "Cardiff", "Restormel"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"nation": "Wales"}, ["Cardiff"]),
        ({"is_current": "false"}, ["Restormel"]),
        ({"q": "city of aberdeen"}, ["Aberdeen City"]),
        ({"q": "aberd"}, ["Aberdeen City"]),
        ({"q": "restormel", "is_current": "false"}, ["Restormel"]),
    ],
)
def test_filters_and_search(admin_client, councils, query, expected):
    response = admin_client.get(URL, query)

    assert response.status_code == 200
    assert listed(response) == expected


def test_search_by_register_code(admin_client, councils):
    response = admin_client.get(URL, {"q": councils[1].code})
    assert listed(response) == ["Cardiff"]
    response = admin_client.get(URL, {"q": councils[1].gss_code})
    assert listed(response) == ["Cardiff"]


def test_readers_cannot_open_it(client, councils):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/login/" in response.url or "sign" in response.url
