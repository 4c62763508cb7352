"""Signed one-click unsubscribe links: they work without signing in, and only for the
person and the kind of email they were made for."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from core.emails import absolute_url

from .models import DigestPreference, Frequency

SALT = "digests.unsubscribe"
MAX_TOKEN_LENGTH = 200


class Stream:
    """The kinds of email a link can stop."""

    DIGEST = "digest"
    PROJECT_UPDATES = "project-updates"
    NAMES = {
        DIGEST: "email digests",
        PROJECT_UPDATES: "emails about updates to projects you follow",
    }


class InvalidLink(Exception):
    pass


def token_for(person, stream):
    return signing.dumps([person.pk, stream], salt=SALT)


def link_for(person, stream):
    return absolute_url(reverse("digests:unsubscribe", args=[token_for(person, stream)]))


def headers_for(person, stream):
    """RFC 2369 and RFC 8058 headers: mail clients offer an unsubscribe button that POSTs."""
    return {
        "List-Unsubscribe": f"<{link_for(person, stream)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def read(token):
    """(person, stream) from a token, or InvalidLink."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise InvalidLink
    try:
        person_pk, stream = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidLink from error
    if stream not in Stream.NAMES or not isinstance(person_pk, int):
        raise InvalidLink
    person = get_user_model().objects.filter(pk=person_pk, is_active=True).first()
    if person is None:
        raise InvalidLink
    return person, stream


def is_subscribed(person, stream):
    preference = DigestPreference.objects.filter(person=person).first()
    if preference is None:
        return True
    if stream == Stream.DIGEST:
        return preference.frequency != Frequency.NONE
    return preference.project_updates


def unsubscribe(person, stream):
    preference, _created = DigestPreference.objects.get_or_create(person=person)
    if stream == Stream.DIGEST:
        preference.choose(Frequency.NONE)
    else:
        preference.project_updates = False
    preference.save()
