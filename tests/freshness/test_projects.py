"""“This project may be out of date”: projects with no published progress update for six
months, unless retired; an invitation to the lead council to post one."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from casestudies.factories import ProgressUpdateFactory
from freshness.projects import last_update, may_be_out_of_date

from .data import _built, data_fixture, months_ago  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("_built")

NOTICE = "This project may be out of date."
ADD_UPDATE = reverse("wagtailsnippets_casestudies_progressupdate:add")


def html(page, user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(page.url).content.decode()


def test_a_quiet_project_shows_the_notice_with_an_invitation(data):
    page = data["quiet_project"]
    anonymous = html(page)
    assert NOTICE in anonymous
    assert "If you work for Wychavon" in anonymous and ADD_UPDATE in anonymous
    lead = html(page, data["olu"])
    assert NOTICE in lead and "Post a progress update" in lead
    partner = html(page, data["cat"])  # a partner council's practitioner: no invitation
    assert NOTICE in partner and ADD_UPDATE not in partner


def test_recent_updates_and_retired_projects_show_no_notice(data):
    assert NOTICE not in html(data["busy_project"])
    assert NOTICE not in html(data["retired_project"])
    assert not may_be_out_of_date(data["busy_project"])
    assert not may_be_out_of_date(data["retired_project"])


def test_only_published_updates_count(data):
    project = data["quiet_project"]
    ProgressUpdateFactory(project=project, date=timezone.localdate(), live=False)
    assert may_be_out_of_date(project)
    assert last_update(project) is None
    ProgressUpdateFactory(project=project, date=months_ago(2), live=True)
    assert not may_be_out_of_date(project)
    assert NOTICE not in html(project)


def test_time_alone_makes_a_project_out_of_date(data):
    project = data["busy_project"]
    latest = last_update(project)
    assert latest == months_ago(1)
    assert not may_be_out_of_date(project, today=latest + dt.timedelta(days=150))
    assert may_be_out_of_date(project, today=latest + dt.timedelta(days=200))


def test_the_notice_dates_the_last_update(data):
    project = data["quiet_project"]
    ProgressUpdateFactory(project=project, date=months_ago(9), live=True)
    page = html(project)
    assert NOTICE in page
    assert f"No progress update has been published since {months_ago(9):%-d %B %Y}" in page
