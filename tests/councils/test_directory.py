"""The public council directory: filters, search, former councils and pagination.

Each class has its own councils, built once for the class (tests/shared_data.py) and seen by
every test in it: TestDirectory six (five current across the nations, one former),
TestPagination one page and three more of councils, with nothing else in the directory."""

import pytest

from councils.factories import CouncilFactory
from councils.views import CouncilDirectoryView
from tests.shared_data import build_once, fresh_copy

pytestmark = pytest.mark.django_db
URL = "/councils/"


def names(response):
    return [council.short_name for council in response.context["councils"]]


def build_councils():
    return {
        "Cornwall": CouncilFactory(short_name="Cornwall", unitary=True, region="South West"),
        "Maidstone": CouncilFactory(short_name="Maidstone", region="South East"),
        "Kent": CouncilFactory(short_name="Kent", county_council=True, region="South East"),
        "Fife": CouncilFactory(
            short_name="Fife",
            nation="Scotland",
            region="Scotland",
            council_type="SCO",
            council_type_name="Scottish unitary authority",
            alt_names="Fife,fife council,kingdom of fife",
        ),
        "Cardiff": CouncilFactory(
            short_name="Cardiff",
            nation="Wales",
            region="Wales",
            council_type="WPA",
            council_type_name="Welsh unitary authority",
        ),
        "Restormel": CouncilFactory(short_name="Restormel", region="South West", former=True),
    }


@pytest.fixture(scope="class")
def _councils(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build_councils)


@pytest.fixture
def councils(_councils, db):
    return fresh_copy(_councils)


@pytest.mark.usefixtures("_councils")
class TestDirectory:
    def test_lists_current_councils_alphabetically(self, client, councils):
        response = client.get(URL)

        assert response.status_code == 200
        assert names(response) == ["Cardiff", "Cornwall", "Fife", "Kent", "Maidstone"]
        assert "5 councils" in response.content.decode()

    def test_former_councils_only_when_asked_for(self, client, councils):
        assert "Restormel" not in names(client.get(URL))
        response = client.get(URL, {"former": "1"})
        assert "Restormel" in names(response)
        assert "Former" in response.content.decode()

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"nation": "Scotland"}, ["Fife"]),
            ({"nation": ["Scotland", "Wales"]}, ["Cardiff", "Fife"]),
            ({"region": "South East"}, ["Kent", "Maidstone"]),
            ({"council_type": "UA"}, ["Cornwall"]),
            ({"council_type": ["UA", "CTY"]}, ["Cornwall", "Kent"]),
            ({"nation": "England", "region": "South East", "council_type": "NMD"}, ["Maidstone"]),
            ({"nation": "Wales", "council_type": "UA"}, []),
            ({"region": "South West", "former": "1"}, ["Cornwall", "Restormel"]),
        ],
    )
    def test_filters(self, client, councils, query, expected):
        response = client.get(URL, query)

        assert response.status_code == 200
        assert names(response) == expected
        active = sum(
            len(v) if isinstance(v, list) else 1 for k, v in query.items() if k != "former"
        )
        assert response.context["active_filter_count"] == active

    def test_filter_links_show_what_is_selected(self, client, councils):
        response = client.get(URL, {"nation": "Scotland"})

        filters = response.context["filters"]
        assert ("Scotland", "Scotland", True) in filters["nation"]
        assert ("England", "England", False) in filters["nation"]
        assert ("UA", "Unitary authority", False) in filters["council_type"]
        assert "Nation: Scotland" in response.content.decode()

    @pytest.mark.parametrize(
        ("q", "expected"),
        [
            ("kingdom of fife", ["Fife"]),
            ("KINGDOM OF FIFE", ["Fife"]),
            ("corn", ["Cornwall"]),
            ("District Council", ["Cardiff", "Cornwall", "Fife", "Kent", "Maidstone"]),
            ("nowhere at all", []),
        ],
    )
    def test_search_by_any_name(self, client, councils, q, expected):
        response = client.get(URL, {"q": q})

        assert response.status_code == 200
        assert names(response) == expected

    def test_search_by_register_or_gss_code(self, client, councils):
        fife = councils["Fife"]
        assert names(client.get(URL, {"q": fife.code.lower()})) == ["Fife"]
        assert names(client.get(URL, {"q": fife.gss_code})) == ["Fife"]

    def test_nothing_found_says_so(self, client, councils):
        response = client.get(URL, {"q": "Atlantis", "nation": "Wales"})

        html = response.content.decode()
        assert "No council matches" in html
        assert "Atlantis" in html

    def test_unknown_filter_values_are_ignored_and_reported(self, client, councils):
        response = client.get(URL, {"nation": ["Atlantis", "Wales"], "council_type": "<b>X</b>"})

        assert response.status_code == 200
        assert names(response) == ["Cardiff"]
        assert response.context["unknown_filters"] == ["Atlantis", "<b>X</b>"]
        html = response.content.decode()
        assert "We ignored filters we do not recognise: Atlantis, &lt;b&gt;X&lt;/b&gt;" in html
        assert "<b>X</b>" not in html

    def test_an_overlong_search_is_shortened_with_a_notice(self, client, councils):
        response = client.get(URL, {"q": "Fife" + "x" * 500})

        assert response.status_code == 200
        assert len(response.context["query"]) == 200
        assert "shortened to its first 200 characters" in response.content.decode()


@pytest.fixture(scope="class")
def _many_councils(django_db_setup, django_db_blocker):
    yield from build_once(
        django_db_blocker, lambda: CouncilFactory.create_batch(CouncilDirectoryView.page_size + 3)
    )


@pytest.fixture
def many_councils(_many_councils, db):
    return fresh_copy(_many_councils)


@pytest.mark.usefixtures("_many_councils")
class TestPagination:
    @pytest.mark.parametrize(
        ("page_number", "shown"),
        [
            ("1", 1),
            ("2", 2),
            ("999", 2),
            ("0", 1),
            ("-3", 1),
            ("two", 1),
            ("1.5", 1),
            ("", 1),
        ],
    )
    def test_pagination_never_fails(self, client, many_councils, page_number, shown):
        response = client.get(URL, {"page": page_number})

        assert response.status_code == 200
        assert response.context["councils"].number == shown
        assert len(names(response)) == (50 if shown == 1 else 3)

    def test_pagination_keeps_the_filters(self, client, many_councils):
        response = client.get(URL, {"nation": "England", "page": "1"})

        html = response.content.decode()
        assert "nation=England&amp;page=2" in html or "page=2&amp;nation=England" in html
        assert 'aria-current="page"' in html
