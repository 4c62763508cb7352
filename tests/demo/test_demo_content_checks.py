"""The demo content is checked on load: a broken file gives one clear line and makes nothing.

Each case copies the shipped content into tmp_path and breaks one thing. read_content has no
database access (these tests would fail if it tried), so it cannot have made anything.
"""

import csv
import shutil
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page

import pytest

from councils.factories import CouncilFactory
from councils.models import Council
from demo import data
from demo.data import DemoDataError, read_content

with open(settings.COUNCIL_REGISTER_CSV, encoding="utf-8") as register:
    COUNCILS = {row["local-authority-code"] for row in csv.DictReader(register)}
THEMES = {slug for _, item in read_content().items() for slug in item["themes"]}
FIRST = "case_studies.yaml, item 'in-cab-tablets-cut-missed-bin-reports'"
LESSON = "lessons.yaml, item 'ask-the-crews-why-bins-were-missed'"


def broken(tmp_path, file, old, new):
    directory = tmp_path / "content"
    shutil.copytree(data.CONTENT_DIR, directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return directory


CASES = {
    "unknown key": (
        "case_studies.yaml",
        "  summary: Collection crews",
        "  sumary: Collection crews",
        f"{FIRST}, key 'sumary': unknown key; did you mean 'summary'?",
    ),
    "missing title": (
        "case_studies.yaml",
        "  title: In-cab tablets cut missed bin reports by a third\n",
        "",
        f"{FIRST}, key 'title': required but missing",
    ),
    "unknown council": (
        "case_studies.yaml",
        "  council: LDS\n",
        "  council: XYZ\n",
        f"{FIRST}, key 'council': unknown council 'XYZ' (not in the council register here; "
        "run manage.py import_councils)",
    ),
    "unknown theme": (
        "case_studies.yaml",
        "  themes: [waste,",
        "  themes: [wsate,",
        f"{FIRST}, key 'themes': unknown theme 'wsate'",
    ),
    "dangling lesson source": (
        "lessons.yaml",
        "  - in-cab-tablets-cut-missed-bin-reports\n",
        "  - no-such-story\n",
        f"{LESSON}, key 'sources': 'no-such-story' is not the slug of a demo case study or project",
    ),
    "dangling featured item": (
        "featured.yaml",
        "- untested-backups-are-wishes\n",
        "- untested-backup\n",
        "featured.yaml, key 'home': 'untested-backup' is not the slug of a demo case study or "
        "project or lesson",
    ),
    "bad date": (
        "case_studies.yaml",
        "  published: 2023-03-14\n",
        "  published: 2023-02-30\n",
        f"{FIRST}, key 'published': '2023-02-30' is not a date in the form YYYY-MM-DD",
    ),
    "bad field date": (
        "case_studies.yaml",
        "  started_on: 2022-04-04\n",
        "  started_on: 4 April 2022\n",
        f"{FIRST}, key 'started_on': '4 April 2022' is not a date in the form YYYY-MM-DD",
    ),
    "invalid YAML": (
        "case_studies.yaml",
        "  council: LDS\n",
        "  council: LDS\n   themes: x\n",
        "case_studies.yaml: not valid YAML at line 11, column 10: mapping values are not "
        "allowed in this context",
    ),
    "unknown choice": (
        "projects.yaml",
        "  phase: beta\n",
        "  phase: gamma\n",
        "projects.yaml, item 'common-data-standard-for-bin-collection-events', key 'phase': "
        "Value 'gamma' is not a valid choice.",
    ),
    "bad outcome": (
        "case_studies.yaml",
        "    value: 1250\n",
        "    value: about 1250\n",
        f"{FIRST}, key 'outcomes' entry 1 key 'value': Enter a number.",
    ),
    "duplicate slug": (
        "lessons.yaml",
        "- slug: ask-the-crews-why-bins-were-missed\n",
        "- slug: in-cab-tablets-cut-missed-bin-reports\n",
        "lessons.yaml, item 'in-cab-tablets-cut-missed-bin-reports', key 'slug': "
        "'in-cab-tablets-cut-missed-bin-reports' is also the slug of another demo item",
    ),
    "unknown user key": (
        "users.yaml",
        "  role: organiser\n",
        "  role: organiser\n  password: hunter2\n",
        "users.yaml, item 'organiser', key 'password': unknown key; did you mean 'password_env'?",
    ),
}


def test_the_shipped_content_passes():
    content = read_content(councils=COUNCILS, themes=THEMES)
    assert len(content.items()) == 67 and len(content.users) == 3


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_broken_file_gives_one_clear_line(tmp_path, case):
    file, old, new, message = CASES[case]
    directory = broken(tmp_path, file, old, new)
    with pytest.raises(DemoDataError) as error:
        read_content(directory, councils=COUNCILS, themes=THEMES)
    assert str(error.value) == message
    assert "\n" not in str(error.value)


@pytest.mark.django_db
def test_the_commands_stop_with_the_message_and_change_nothing(tmp_path, monkeypatch):
    CouncilFactory()  # a register, so the loader does not import the real one first
    file, old, new, message = CASES["missing title"]
    monkeypatch.setattr(data, "CONTENT_DIR", broken(tmp_path, file, old, new))
    before = (Page.objects.count(), get_user_model().objects.count(), Council.objects.count())

    with pytest.raises(CommandError) as error:
        call_command("load_demo_data", stdout=StringIO())
    assert str(error.value) == f"{message} Nothing was changed."
    with pytest.raises(CommandError) as error:
        call_command("remove_demo_data", stdout=StringIO())
    assert str(error.value) == f"{message} Nothing was changed."
    assert (
        Page.objects.count(),
        get_user_model().objects.count(),
        Council.objects.count(),
    ) == before
