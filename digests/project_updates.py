"""Emailing a project's followers when one of its progress updates is first published."""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse

from casestudies.models import ProjectPage
from core import emails
from following.models import Follow

from . import unsubscribe
from .models import ProgressUpdateEmail

logger = logging.getLogger("digests")


def published(sender, instance, revision=None, **kwargs):
    """wagtail.signals.published for ProgressUpdate: tell the followers once the publishing
    commits, so a rolled-back publish tells no one."""
    update_pk = instance.pk
    author_pk = getattr(revision, "user_id", None)
    transaction.on_commit(lambda: tell_followers(update_pk, author_pk))


def followers(update, author_pk=None):
    """Active people who follow the project and still want these emails, but not the people
    who wrote or published the update."""
    writers = {pk for pk in (update.created_by_id, author_pk) if pk}
    follows = (
        Follow.objects.filter(
            kind=Follow.Kind.PROJECT, project=update.project_id, person__is_active=True
        )
        .exclude(person_id__in=writers)
        .exclude(Q(person__email="") | Q(person__email=None))
        .exclude(person__digest_preference__project_updates=False)
        .select_related("person")
    )
    return [follow.person for follow in follows]


def tell_followers(update_pk, author_pk=None):
    """Email each follower once per update. Never raises: the publisher is not to blame."""
    from casestudies.models import ProgressUpdate

    try:
        update = (
            ProgressUpdate.objects.filter(pk=update_pk, live=True)
            .select_related("project", "council")
            .first()
        )
        if (
            update is None
            or not ProjectPage.objects.live().public().filter(pk=update.project_id).exists()
        ):
            return 0
        try:
            with transaction.atomic():
                record = ProgressUpdateEmail.objects.create(update=update)
        except IntegrityError:
            return 0  # told already, when it was first published
        project = update.project
        sent = 0
        for person in followers(update, author_pk):
            try:
                context = {
                    "update": update,
                    "project": project,
                    "project_url": emails.absolute_url(project.url or "/"),
                    "settings_url": emails.absolute_url(reverse("digests:settings")),
                    "unsubscribe_url": unsubscribe.link_for(
                        person, unsubscribe.Stream.PROJECT_UPDATES
                    ),
                }
                sent += emails.send(
                    "digests/email/project_update",
                    f"New progress on {project.title}",
                    context,
                    [person.email],
                    headers=unsubscribe.headers_for(person, unsubscribe.Stream.PROJECT_UPDATES),
                )
            except Exception:
                logger.exception(
                    "Could not email %s about progress update %s", person.email, update_pk
                )
        record.recipient_count = sent
        record.save(update_fields=["recipient_count"])
        return sent
    except Exception:
        logger.exception("Could not email the followers of progress update %s", update_pk)
        return 0
