"""Emails with a plain-text and an HTML part from one pair of templates, and links that work
from an inbox."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template, subject, context, recipients, reply_to=None, headers=None):
    """Send {template}.txt and {template}.html to each recipient on their own, so no one sees
    another's address. Returns how many were sent."""
    recipients = sorted({address.lower() for address in recipients if address})
    context = {"site_url": absolute_url(""), **context}
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    for address in recipients:
        message = EmailMultiAlternatives(
            subject,
            text,
            None,
            [address],
            reply_to=[reply_to] if reply_to else None,
            headers=headers,
        )
        message.attach_alternative(html, "text/html")
        message.send()
    return len(recipients)
