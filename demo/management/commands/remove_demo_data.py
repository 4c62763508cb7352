from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.data import DemoDataError
from demo.removal import remove_demo_data


class Command(BaseCommand):
    help = (
        "Remove what load_demo_data made: its pages, their progress updates and featured "
        "items, and the demo accounts. Pages and accounts people made are left alone."
    )

    def handle(self, **options):
        try:
            with transaction.atomic():
                counts = remove_demo_data(self.stdout.write)
        except DemoDataError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        parts = ", ".join(f"{number} {label}" for label, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data removed: {parts}."))
