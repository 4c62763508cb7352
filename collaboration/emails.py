"""Emails about joint work, from templates/collaboration/email/."""

from core import emails
from core.emails import absolute_url


def send(template, subject, context, recipients, reply_to=None):
    return emails.send(
        f"collaboration/email/{template}", subject, context, recipients, reply_to=reply_to
    )


def page_contacts(page):
    """Whom to tell about something done on a page: its contact, or else the owning
    council's practitioners."""
    contact = getattr(page, "contact_email", "")
    return [contact] if contact else page.council.practitioner_emails()


def page_link(page):
    url = page.get_url()
    return absolute_url(url) if url.startswith("/") else url


def tell_page_contacts(template, subject, record, page):
    """Tell whoever looks after page what record's council did there."""
    send(
        template,
        subject,
        {
            "record": record,
            "page": page,
            "council": record.council,
            "page_url": page_link(page),
            "council_url": absolute_url(record.council.get_absolute_url()),
        },
        page_contacts(page),
    )
