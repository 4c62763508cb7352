"""Fixtures shared by every test folder."""

from io import StringIO

from django.core.management import call_command

import pytest

from casestudies.models import Theme
from home.models import HomePage
from home.site_structure import ensure_site_structure


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test that serves pages to a real browser commits to the database, so Django
    flushes it afterwards. Each one restores the rows the data migrations made (the home page,
    the themes); if only some did, the others' flushes would leave rows the restore collides
    with."""
    for item in items:
        if "live_server" in getattr(item, "fixturenames", ()) and not item.get_closest_marker(
            "django_db"
        ):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def home_page(db):
    """The home page migration home/0002 creates."""
    return HomePage.objects.first()


@pytest.fixture
def site_structure(db):
    """Index pages, a theme page per seeded theme and the about pages, as `setup_site` makes
    them. Returns the home page."""
    ensure_site_structure()
    return HomePage.objects.first()


@pytest.fixture
def register(db):
    """Every council in the real register (470 rows, about a second to load)."""
    call_command("import_councils", stdout=StringIO())


@pytest.fixture
def theme(db):
    """A seeded theme (migration casestudies/0002)."""
    return Theme.objects.get(slug="waste")


# Search engine -------------------------------------------------------------------------------
# With SEARCH_URL set the suite runs against Elasticsearch. The database rolls back after each
# test but the index does not, so every test that uses the database starts with empty indices.


@pytest.fixture(scope="session")
def search_engine_indices():
    """The test run's own indices, created once (empty, with Wagtail's mappings) and deleted
    at the end; None without SEARCH_URL."""
    from django.conf import settings

    if not settings.SEARCH_URLS:
        yield None
        return
    from wagtail.search.backends import get_search_backend

    from search.testing import delete_indices

    call_command("update_index", backend_name="default", schema_only=True, stdout=StringIO())
    backend = get_search_backend()
    yield backend
    delete_indices(backend)


@pytest.fixture(autouse=True)
def _empty_search_engine(request):
    from django.conf import settings

    uses_db = request.node.get_closest_marker("django_db") or {
        "db", "transactional_db", "django_db_setup"} & set(request.fixturenames)
    if settings.SEARCH_URLS and uses_db:
        from search.testing import empty_indices

        empty_indices(request.getfixturevalue("search_engine_indices"))


# Sign-in lockout -----------------------------------------------------------------------------


@pytest.fixture(autouse=True, scope="session")
def _client_login_passes_a_request():
    """Axes stays on in tests, and it refuses authenticate() without a request (it could not
    tell who is signing in). Client.login() passes none, so give it one."""
    from django.test import Client, RequestFactory

    login = Client.login

    def login_with_a_request(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/"))
        return login(self, **credentials)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "login", login_with_a_request)
        yield
