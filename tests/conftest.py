"""Fixtures shared by every test folder."""

from io import StringIO

from django.core.management import call_command

import pytest

from casestudies.models import Theme
from home.models import HomePage
from home.site_structure import ensure_site_structure


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
