"""Emails about joint work, from templates/collaboration/email/."""

from core import emails
from core.emails import absolute_url  # noqa: F401  (collaboration's modules import it here)


def send(template, subject, context, recipients, reply_to=None):
    return emails.send(
        f"collaboration/email/{template}", subject, context, recipients, reply_to=reply_to
    )


def page_contacts(page):
    """Whom to tell about something done on a page: its contact, or else the owning
    council's practitioners."""
    contact = getattr(page, "contact_email", "")
    return [contact] if contact else page.council.practitioner_emails()
