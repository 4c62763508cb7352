import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from digests import sending
from digests.models import Digest

logger = logging.getLogger("digests")


class Command(BaseCommand):
    help = (
        "Email each person who is due one their weekly or monthly digest. Safe to run "
        "as often as you like (from cron, daily): each window is claimed once, so nobody "
        "gets the same digest twice, even from two runs at once."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        started = sending.ensure_preferences(now)
        if started:
            self.stdout.write(
                f"Digests start from now for {started} more "
                f"{'person' if started == 1 else 'people'}"
            )
        sent = empty = failed = 0
        for preference in sending.subscribed():
            person = preference.person
            try:
                digest = sending.send(preference, now)
            except Exception:
                failed += 1
                logger.exception(
                    "Could not send the digest of %s (person %s)", person.email, person.pk
                )
                self.stderr.write(f"Failed: {person.email} (see the log)")
                continue
            if digest is None:
                continue
            if digest.outcome == Digest.Outcome.SENT:
                sent += 1
                self.stdout.write(
                    f"Sent a {digest.frequency} digest to {person.email} ({digest.item_count} new)"
                )
            else:
                empty += 1
        self.stdout.write(
            f"Sent {sent} digest{'' if sent == 1 else 's'} "
            f"({empty} {'person' if empty == 1 else 'people'} had nothing new)"
        )
        if failed:
            raise CommandError(
                f"{failed} digest{'' if failed == 1 else 's'} could not be sent; "
                "they will be tried again on the next run."
            )
