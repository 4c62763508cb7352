"""`manage.py remind_stale`: one email per council about its stale pages, once per period."""

import datetime as dt
from io import StringIO
from unittest import mock

from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from core import emails
from freshness.models import StaleReminder
from freshness.reminders import period_start
from freshness.reviews import mark_reviewed

from .data import _built, data_fixture  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("_built")


def remind(*args):
    out, err = StringIO(), StringIO()
    call_command("remind_stale", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_each_council_hears_about_its_own_stale_pages(data):
    out, _err = remind()
    messages = by_recipient()
    assert set(messages) == {"olu@example.gov.uk", "oli@example.gov.uk", "cat@example.gov.uk"}
    owners = messages["olu@example.gov.uk"]
    assert owners.subject.startswith("Wychavon: ")
    text = owners.body
    for key in ("stale_case_study", "never_reviewed_lesson", "quiet_project"):
        page = data[key]
        assert page.title in text
        assert emails.absolute_url(reverse("freshness_mark_reviewed", args=[page.pk])) in text
        assert emails.absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])) in text
    for key in ("fresh_case_study", "stale_draft", "old_lesson", "year_old_case_study"):
        assert data[key].title not in text
    html = owners.alternatives[0][0]
    assert data["stale_case_study"].title in html
    assert "bins.lead@" not in text + html
    others = messages["cat@example.gov.uk"].body
    assert data["old_lesson"].title in others and data["stale_case_study"].title not in others
    assert "Wychavon: " in out and "Leeds: 2 pages, 1 email" in out
    assert out.strip().endswith(f"Sent 3 emails about {StaleReminder.objects.count()} stale pages.")


def test_a_second_run_in_the_period_sends_nothing(data):
    remind()
    mail.outbox.clear()
    out, _err = remind()
    assert mail.outbox == []
    assert "Sent 0 emails about 0 stale pages." in out
    # Once the period has passed the pages are due again.
    StaleReminder.objects.update(sent_at=period_start(6) - dt.timedelta(days=1))
    remind()
    assert len(mail.outbox) == 3


def test_a_reviewed_page_is_left_out(data):
    page = data["old_lesson"]
    mark_reviewed(page, data["cat"])
    remind()
    assert page.title not in by_recipient()["cat@example.gov.uk"].body


def test_months_chooses_the_period(data):
    remind("--months", "24")
    messages = by_recipient()
    leeds, wychavon = messages["cat@example.gov.uk"].body, messages["olu@example.gov.uk"].body
    assert data["old_lesson"].title in leeds  # reviewed 30 months ago
    assert data["year_old_case_study"].title not in leeds  # 18 months ago
    assert data["never_reviewed_lesson"].title in wychavon  # published in 2023, never reviewed
    assert data["stale_case_study"].title not in wychavon  # reviewed 8 months ago
    for bad in ("0", "-3", "1000"):
        with pytest.raises(CommandError, match="--months"):
            remind("--months", bad)


def test_one_councils_failure_does_not_stop_the_others(data, caplog):
    real_send = emails.send

    def send(template, subject, context, recipients, **kwargs):
        if context["council"].short_name == "Wychavon":
            raise ConnectionRefusedError("mail server down")
        return real_send(template, subject, context, recipients, **kwargs)

    with (
        mock.patch("freshness.reminders.emails.send", side_effect=send),
        pytest.raises(CommandError, match="1 council failed: Wychavon"),
    ):
        remind()
    assert set(by_recipient()) == {"cat@example.gov.uk"}
    assert "Stale content reminder for Wychavon failed" in caplog.text
    assert not StaleReminder.objects.filter(council=data["owner"]).exists()
    mail.outbox.clear()
    remind()  # the failed council's pages are still due
    assert set(by_recipient()) == {"olu@example.gov.uk", "oli@example.gov.uk"}


def test_a_council_nobody_writes_for_is_skipped_and_stays_due(data):
    data["cat"].council_memberships.all().delete()
    out, _err = remind()
    assert "Leeds: 2 stale, but nobody writes for it yet" in out
    assert not StaleReminder.objects.filter(council=data["other"]).exists()
