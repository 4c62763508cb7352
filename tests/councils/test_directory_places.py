"""The directory's Nation filter lists the nations and its Region filter England's regions."""

import re

import pytest

pytestmark = pytest.mark.django_db


def options(html, name):
    return re.findall(rf'name="{name}" type="checkbox" value="([^"]*)"', html)


def test_region_filter_lists_englands_regions_only(client, register):
    html = client.get("/councils/").content.decode()
    assert options(html, "nation") == ["England", "Scotland", "Wales", "Northern Ireland"]
    regions = options(html, "region")
    assert "London" in regions and "South West" in regions
    assert not {"England", "Scotland", "Wales", "Northern Ireland"} & set(regions)
    assert len(regions) == 9
    assert "Region of England</legend>" in html


def test_nation_and_region_filters(client, register):
    wales = client.get("/councils/?nation=Wales")
    assert wales.context["paginator"].count == 22
    london = client.get("/councils/?region=London")
    assert london.context["paginator"].count == 34
    both = client.get("/councils/?nation=England&region=London&region=North+East")
    assert both.context["paginator"].count == 34 + 15


@pytest.mark.parametrize(
    "old, new",
    [
        ("region=Scotland", "nation=Scotland"),
        ("region=Wales&region=London", "region=London&nation=Wales"),
        ("nation=Wales&region=Wales&q=port", "nation=Wales&q=port"),
    ],
)
def test_old_links_with_a_nation_as_region_move_to_the_nation_filter(client, register, old, new):
    response = client.get(f"/councils/?{old}")
    assert response.status_code == 301
    location = response["Location"].removeprefix("/councils/?")
    assert sorted(location.split("&")) == sorted(new.split("&"))
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "region=%00",
        "region=%D9%A3",
        "region=" + "x" * 5000,
        "region=Wales%00",
        "&".join(["region=Wales"] * 200),
        "nation=Scotland&region=Narnia",
    ],
)
def test_hostile_region_values_never_fail(client, register, query):
    response = client.get(f"/councils/?{query}", follow=True)
    assert response.status_code == 200
