import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.data import DemoDataError
from demo.loader import load_demo_data


class Command(BaseCommand):
    help = (
        "Load realistic demo case studies, lessons and projects from real councils, plus a "
        "demo admin account. Safe to run again: existing demo pages are left as they are. "
        "To refresh the demo after changing its content, run remove_demo_data first."
    )

    def handle(self, **options):
        started = time.monotonic()
        try:
            with transaction.atomic():
                run = load_demo_data(self.stdout.write)
        except DemoDataError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        seconds = time.monotonic() - started

        self.stdout.write("")
        self.stdout.write("Summary:")
        for label, counts in run.summary:
            parts = ", ".join(f"{number} {state}" for state, number in counts.items() if number)
            self.stdout.write(f"  {label}: {parts or 'nothing to do'}")
        if run.warnings:
            self.stdout.write(self.style.WARNING(f"  {len(run.warnings)} warnings, see above"))
        self.stdout.write(self.style.SUCCESS(f"Demo data ready in {seconds:.1f} s."))

        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                "Demo sign-in for a LOCAL DEMO ONLY. Never load demo data on a real site."
            )
        )
        for username, password, source, role in run.credentials:
            self.stdout.write(f"  {role}: username {username}  password {password}  ({source})")
        self.stdout.write("  Sign in at /admin/")
