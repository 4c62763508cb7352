"""Emails about joint work: a plain-text and an HTML part from one pair of templates, with
links that work from an inbox."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template, subject, context, recipients, reply_to=None):
    """Send templates/collaboration/email/{template}.txt and .html to each recipient on
    their own, so no one sees another's address. Returns how many were sent."""
    recipients = sorted({address.lower() for address in recipients if address})
    context = {"site_url": absolute_url(""), **context}
    text = render_to_string(f"collaboration/email/{template}.txt", context)
    html = render_to_string(f"collaboration/email/{template}.html", context)
    for address in recipients:
        message = EmailMultiAlternatives(subject, text, None, [address],
                                         reply_to=[reply_to] if reply_to else None)
        message.attach_alternative(html, "text/html")
        message.send()
    return len(recipients)


def council_practitioners(council):
    """The addresses of the active people who write for council."""
    return list(
        get_user_model().objects.filter(council_memberships__council=council, is_active=True)
        .exclude(email="").values_list("email", flat=True)
    )


def page_contacts(page):
    """Whom to tell about something done on a page: its contact, or else the owning
    council's practitioners."""
    contact = getattr(page, "contact_email", "")
    return [contact] if contact else council_practitioners(page.council)
