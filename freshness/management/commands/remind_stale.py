from django.core.management.base import BaseCommand, CommandError

from core.freshness import stale_after_months
from freshness.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email each council's practitioners about their published pages that nobody has "
        "reviewed or published for --months months, once per period per page."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=stale_after_months(),
            help="How long since a page was reviewed or published (default: %(default)s).",
        )

    def handle(self, *args, months, **options):
        if not 1 <= months <= 120:
            raise CommandError("--months must be a whole number from 1 to 120.")
        sent, pages, failed = send_reminders(
            months,
            out=self.stdout.write,
            err=lambda line: self.stderr.write(self.style.ERROR(line)),
        )
        self.stdout.write(
            f"Sent {sent} email{'' if sent == 1 else 's'} about {pages} stale "
            f"page{'' if pages == 1 else 's'}."
        )
        if failed:
            raise CommandError(
                f"Reminders for {len(failed)} council"
                f"{'' if len(failed) == 1 else 's'} failed: "
                + ", ".join(council.short_name for council in failed)
            )
