from django.core.management.base import BaseCommand

from home.site_structure import adopt_public_address, ensure_site_structure


class Command(BaseCommand):
    help = (
        "Create the home, index, theme and about pages the site needs, and bring the "
        "accessibility statement up to date unless it has been edited (safe to re-run)."
    )

    def handle(self, **options):
        updated = []
        created = ensure_site_structure(updated=updated)
        for page in created:
            self.stdout.write(f"  created {page.specific_class._meta.verbose_name}: {page.title}")
        for page in updated:
            self.stdout.write(f"  updated {page.specific_class._meta.verbose_name}: {page.title}")
        site = adopt_public_address()
        if site is not None:
            self.stdout.write(
                f"  the site's address is now {site.root_url} (from WAGTAILADMIN_BASE_URL)"
            )
        pages = "page" if len(created) == 1 else "pages"
        message = f"Site structure ready ({len(created)} {pages} created)."
        self.stdout.write(self.style.SUCCESS(message))
