"""The URLs of a page action (“we face this too”, “we reused this”) and a helper that signs a
person in and posts its form, for the tests of both."""

from django.core import mail
from django.urls import reverse


class PageAction:
    """One page action, by the name of its URL: `collaboration:<name>` for the form and
    `collaboration:<name>_withdraw` for withdrawing a record."""

    def __init__(self, name):
        self.name = name

    def url(self, page):
        return reverse(f"collaboration:{self.name}", args=[page.pk])

    def withdraw_url(self, record):
        return reverse(f"collaboration:{self.name}_withdraw", args=[record.page_id, record.pk])

    def post(self, client, user, page, **fields):
        """Sign `user` in and post the form for `page`."""
        client.force_login(user)
        return client.post(self.url(page), fields)


def the_one_email(page, to, subject, text):
    """Check that one email has gone, to `to`, with `subject`, linking to `page` and quoting
    `text`, with an HTML part; return it."""
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [to]
    assert message.subject == subject
    assert "http://testserver" + page.url in message.body
    assert text in message.body
    assert message.alternatives[0][1] == "text/html"
    return message
