import time

from django.core.management.base import BaseCommand

from search.similarity import get_similarity_backend


class Command(BaseCommand):
    help = "Recompute the key terms of every live, public learning page for similarity."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = get_similarity_backend().rebuild(progress=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Similarity data rebuilt for {count} pages in {time.perf_counter() - started:.1f}s"
            )
        )
