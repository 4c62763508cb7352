from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from councils.importer import RegisterError, RegisterWouldShrink, import_register


class Command(BaseCommand):
    help = (
        "Load or refresh every UK council from the mySociety register CSV. "
        "Safe to run again: unchanged rows are left alone. A bad file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(settings.COUNCIL_REGISTER_CSV))
        parser.add_argument(
            "--profiles",
            default=str(settings.COUNCIL_PROFILE_CSV),
            help="Council profile labels CSV (rurality, deprivation, emissions). '' to skip.",
        )
        parser.add_argument(
            "--allow-shrink",
            action="store_true",
            help="Accept a file that lists far fewer councils than the register holds, or "
            "would leave far fewer of them current.",
        )

    def handle(self, path, profiles, allow_shrink, **options):
        verbosity = options["verbosity"]

        def progress(done, total):
            if verbosity >= 2:
                self.stdout.write(f"  {done}/{total} councils read")

        try:
            report = import_register(
                path, profiles or None, progress=progress, allow_shrink=allow_shrink
            )
        except RegisterWouldShrink as exc:
            raise CommandError(
                f"{exc} If it is meant to be smaller, run again with --allow-shrink. "
                "Nothing was changed."
            ) from exc
        except RegisterError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        self.stdout.write(self.style.SUCCESS(f"Councils: {report}."))
