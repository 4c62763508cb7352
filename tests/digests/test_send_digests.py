"""manage.py send_digests: who is due, what goes in, and that a window is sent only once."""

import datetime as dt
import logging
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.utils import timezone

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProgressUpdateFactory,
    ProjectPageFactory,
)
from casestudies.models import Theme
from collaboration.models import HelpOffer, HelpRequest, JoinRequest, SharedProblem
from councils.factories import CouncilFactory
from digests import sending
from digests.models import Digest, DigestPreference, Frequency
from following.models import Follow
from following.subjects import canonical_query

from .conftest import backdate, make_person


def run():
    out = StringIO()
    call_command("send_digests", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def waste(site):
    return Theme.objects.get(slug="waste")


def test_a_digest_is_sent_once_and_not_twice(site, waste):
    person = make_person("ada")
    Follow.objects.create(person=person, kind=Follow.Kind.THEME, theme=waste)
    CaseStudyPageFactory(title="Food waste collections that residents use", themes=[waste])

    output = run()

    assert len(mail.outbox) == 1
    assert "Sent 1 digest (0 people had nothing new)" in output
    message = mail.outbox[0]
    assert message.to == ["ada@example.gov.uk"]
    assert message.subject == "Your weekly digest from Shared Endeavour: 1 new item"
    assert "Food waste collections that residents use" in message.body
    assert "Food waste collections that residents use" in message.alternatives[0][0]
    digest = Digest.objects.get(person=person)
    assert (digest.outcome, digest.item_count) == (Digest.Outcome.SENT, 1)

    assert "Sent 0 digests (0 people had nothing new)" in run()
    assert len(mail.outbox) == 1
    assert Digest.objects.filter(person=person).count() == 1


def test_only_new_published_items_in_what_the_person_follows(site, waste):
    person = make_person("ada")
    followed = CouncilFactory(short_name="Avonford")
    Follow.objects.create(person=person, kind=Follow.Kind.THEME, theme=waste)
    Follow.objects.create(person=person, kind=Follow.Kind.COUNCIL, council=followed)
    libraries = Theme.objects.exclude(pk=waste.pk).first()
    new = CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    both = LessonPageFactory(
        title="What we learned from route planning", council=followed, themes=[waste]
    )
    CaseStudyPageFactory(title="A library of things", themes=[libraries])
    CaseStudyPageFactory(title="A draft about bins", themes=[waste], draft=True)
    old = CaseStudyPageFactory(title="Bins from long ago", themes=[waste])
    backdate(old, timezone.now() - dt.timedelta(days=30))

    run()

    body = mail.outbox[0].body
    assert new.title in body
    assert body.count(both.title) == 1  # followed twice, listed once
    for title in ["A library of things", "A draft about bins", "Bins from long ago"]:
        assert title not in body
    assert "THEME: WASTE" in body and "COUNCIL: AVONFORD" in body


def test_nothing_new_sends_no_email_but_moves_the_window_on(site, waste):
    person = make_person("ada")
    Follow.objects.create(person=person, kind=Follow.Kind.THEME, theme=waste)

    assert "Sent 0 digests (1 person had nothing new)" in run()
    assert mail.outbox == []
    digest = Digest.objects.get(person=person)
    assert digest.outcome == Digest.Outcome.NOTHING_NEW

    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    run()  # not due again for a week
    assert mail.outbox == []


def test_first_digest_starts_when_the_person_chose_never_the_whole_history(site, waste):
    CaseStudyPageFactory(title="Bins from before", themes=[waste])
    person = make_person("ada", days_ago=0)
    DigestPreference.objects.filter(person=person).delete()
    Follow.objects.create(person=person, kind=Follow.Kind.THEME, theme=waste)  # starts now
    preference = DigestPreference.objects.get(person=person)

    assert sending.send(preference) is None  # not due for a week
    later = timezone.now() + dt.timedelta(days=7)
    digest = sending.send(preference, now=later)
    assert digest.outcome == Digest.Outcome.NOTHING_NEW
    assert mail.outbox == []


def test_council_activity_only_for_the_persons_own_councils(site):
    mine, theirs, asking = (
        CouncilFactory(short_name=name) for name in ["Avonford", "Barchester", "Casterbridge"]
    )
    make_person("ada", councils=[mine])
    neighbour = make_person("ben", councils=[asking])
    my_project = ProjectPageFactory(title="Shared register", council=mine)
    their_project = ProjectPageFactory(title="Their register", council=theirs)
    my_page = CaseStudyPageFactory(title="Our route planning", council=mine)
    their_page = CaseStudyPageFactory(title="Their route planning", council=theirs)
    for project in [my_project, their_project]:
        JoinRequest.objects.create(
            council=asking, project=project, person=neighbour, message="We would share the build."
        )
    for page in [my_page, their_page]:
        SharedProblem.objects.create(council=asking, page=page, person=neighbour)
    for council in [mine, theirs]:
        help_request = HelpRequest.objects.create(council=council, title=f"Help {council}")
        HelpOffer.objects.create(
            help_request=help_request,
            council=asking,
            person=neighbour,
            message="We did this in 2023.",
        )

    run()

    [message] = [m for m in mail.outbox if m.to == ["ada@example.gov.uk"]]
    body = message.body
    assert "Casterbridge asked to join your project “Shared register”" in body
    assert "Casterbridge faces this too: “Our route planning”" in body
    assert "Casterbridge offered help with your request “Help Avonford”" in body
    assert "Their register" not in body and "Their route planning" not in body
    assert "Help Barchester" not in body
    assert message.subject.endswith(": 3 new items")
    assert not [m for m in mail.outbox if m.to == ["ben@example.gov.uk"]]  # his own doings


def test_weekly_and_monthly_due_dates(site):
    weekly = DigestPreference.objects.get(person=make_person("ada"))
    monthly = DigestPreference.objects.get(person=make_person("ben", frequency=Frequency.MONTHLY))
    start = timezone.make_aware(dt.datetime(2026, 1, 31, 9, 0))
    DigestPreference.objects.update(since=start)
    weekly.refresh_from_db()
    monthly.refresh_from_db()

    assert sending.due(weekly, start + dt.timedelta(days=6)) is None
    assert sending.due(weekly, start + dt.timedelta(days=7)) == start
    assert sending.due(monthly, start + dt.timedelta(days=27)) is None
    assert sending.due(monthly, timezone.make_aware(dt.datetime(2026, 2, 28, 9, 0))) == start

    sent = timezone.make_aware(dt.datetime(2026, 2, 28, 9, 0, 5))
    Digest.objects.create(
        person=monthly.person,
        frequency=Frequency.MONTHLY,
        starts_at=start,
        ends_at=sent,
        outcome=Digest.Outcome.NOTHING_NEW,
    )
    assert sending.due(monthly, timezone.make_aware(dt.datetime(2026, 3, 27, 9, 0))) is None
    # A daily cron a few seconds earlier than last month's run still finds it due.
    assert sending.due(monthly, timezone.make_aware(dt.datetime(2026, 3, 28, 9, 0))) == sent


def test_never_means_no_digest(site, waste):
    person = make_person("ada", frequency=Frequency.NONE)
    Follow.objects.create(person=person, kind=Follow.Kind.THEME, theme=waste)
    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    run()
    assert mail.outbox == []
    assert not Digest.objects.exists()


def test_a_window_claimed_by_another_run_is_not_sent_again(site, waste):
    person = make_person("ada")
    Follow.objects.create(person=person, kind=Follow.Kind.THEME, theme=waste)
    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    preference = DigestPreference.objects.get(person=person)
    now = timezone.now()
    start = sending.due(preference, now)

    assert sending.claim(preference, start, now) is not None  # the other run
    assert sending.send(preference, now) is None
    assert mail.outbox == []


def test_one_failure_is_logged_and_the_others_still_go(site, waste, monkeypatch, caplog):
    for name in ["ada", "ben"]:
        Follow.objects.create(person=make_person(name), kind=Follow.Kind.THEME, theme=waste)
    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    real_send = sending.emails.send

    def failing_for_ada(template, subject, context, recipients, **kwargs):
        if recipients == ["ada@example.gov.uk"]:
            raise ConnectionError("mail server went away")
        return real_send(template, subject, context, recipients, **kwargs)

    monkeypatch.setattr(sending.emails, "send", failing_for_ada)
    with caplog.at_level(logging.ERROR, logger="digests"), pytest.raises(CommandError):
        run()

    assert [m.to for m in mail.outbox] == [["ben@example.gov.uk"]]
    assert "ada@example.gov.uk" in caplog.text and "mail server went away" in caplog.text
    assert not Digest.objects.filter(person__username="ada").exists()  # tried again next run

    monkeypatch.setattr(sending.emails, "send", real_send)
    assert "Sent 1 digest" in run()
    assert [m.to for m in mail.outbox] == [["ben@example.gov.uk"], ["ada@example.gov.uk"]]


def test_digest_email_has_unsubscribe_headers_and_links(site, waste):
    person = make_person("ada")
    Follow.objects.create(person=person, kind=Follow.Kind.THEME, theme=waste)
    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    run()
    message = mail.outbox[0]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/email-digests/unsubscribe/" in link and link.startswith("http")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body and link in message.alternatives[0][0]


def test_practitioners_without_a_preference_start_from_now(site):
    council = CouncilFactory()
    person = make_person("ada", councils=[council])
    DigestPreference.objects.filter(person=person).delete()
    output = run()
    assert "Digests start from now for 1 more person" in output
    assert DigestPreference.objects.get(person=person).frequency == Frequency.WEEKLY
    assert mail.outbox == []


def test_progress_on_a_followed_project_and_a_followed_search(site, waste):
    person = make_person("ada")
    project = ProjectPageFactory(title="Shared register")
    Follow.objects.create(person=person, kind=Follow.Kind.PROJECT, project=project)
    Follow.objects.create(
        person=person, kind=Follow.Kind.SEARCH, query=canonical_query(QueryDict("theme=waste"))
    )
    ProgressUpdateFactory(
        project=project, title="Discovery finished", first_published_at=timezone.now()
    )
    ProgressUpdateFactory(project=project, title="A draft update", live=False)
    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])

    run()

    body = mail.outbox[0].body
    assert "PROJECT: SHARED REGISTER" in body and "Discovery finished" in body
    assert "A draft update" not in body
    assert "YOUR SEARCH: THEME: WASTE" in body and "Fewer missed bins" in body
