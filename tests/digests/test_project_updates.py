"""A project's followers are emailed when a progress update is first published: once, never
the person who wrote it, only after the publish commits, and never breaking the publish."""

import logging

from django.core import mail

import pytest

from casestudies.factories import ProjectPageFactory
from casestudies.models import ProgressUpdate
from digests import project_updates
from digests.models import DigestPreference, ProgressUpdateEmail
from following.models import Follow

from .conftest import make_person


@pytest.fixture
def project(site):
    return ProjectPageFactory(title="Shared temporary accommodation register")


def follow(person, project):
    return Follow.objects.create(person=person, kind=Follow.Kind.PROJECT, project=project)


def publish(update, user, capture):
    with capture(execute=True):
        update.save_revision(user=user).publish(user=user, skip_permission_checks=True)


def draft_update(project, writer, title="Discovery finished"):
    return ProgressUpdate.objects.create(
        project=project,
        council=project.council,
        date="2026-11-30",
        title=title,
        live=False,
        text="We spoke to twelve families.",
        created_by=writer,
    )


def test_followers_are_emailed_once_but_not_the_writer(project, django_capture_on_commit_callbacks):
    reader, writer, stranger = make_person("ada"), make_person("wyn"), make_person("sam")
    follow(reader, project)
    follow(writer, project)
    update = draft_update(project, writer)
    assert mail.outbox == []

    publish(update, writer, django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["ada@example.gov.uk"]]
    message = mail.outbox[0]
    assert message.subject == "New progress on Shared temporary accommodation register"
    assert "Discovery finished" in message.body and "twelve families" in message.body
    assert "Discovery finished" in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/email-digests/unsubscribe/" in message.body
    assert stranger.email not in [address for m in mail.outbox for address in m.to]

    update.title = "Discovery finished (corrected)"
    publish(update, writer, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert ProgressUpdateEmail.objects.get(update=update).recipient_count == 1


def test_nothing_is_sent_before_the_publish_commits(project, django_capture_on_commit_callbacks):
    follow(make_person("ada"), project)
    update = draft_update(project, make_person("wyn"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        update.save_revision().publish()
    assert mail.outbox == []
    assert len(callbacks) >= 1


def test_people_who_opted_out_get_nothing(project, django_capture_on_commit_callbacks):
    reader = make_person("ada")
    follow(reader, project)
    DigestPreference.objects.filter(person=reader).update(project_updates=False)
    publish(draft_update(project, make_person("wyn")), None, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_failure_is_logged_and_never_reaches_the_publisher(
    project, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    follow(make_person("ada"), project)
    update = draft_update(project, make_person("wyn"))

    def broken(*args, **kwargs):
        raise ConnectionError("mail server went away")

    monkeypatch.setattr(project_updates.emails, "send", broken)
    with caplog.at_level(logging.ERROR, logger="digests"):
        publish(update, None, django_capture_on_commit_callbacks)
    assert "mail server went away" in caplog.text
    assert ProgressUpdate.objects.get(pk=update.pk).live


def test_an_update_on_an_unpublished_project_tells_no_one(site, django_capture_on_commit_callbacks):
    project = ProjectPageFactory(title="Not yet shared", draft=True)
    follow(make_person("ada"), project)
    publish(draft_update(project, make_person("wyn")), None, django_capture_on_commit_callbacks)
    assert mail.outbox == []
