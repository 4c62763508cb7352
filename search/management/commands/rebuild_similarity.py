import time

from django.core.management.base import BaseCommand

from search.matching import meaning
from search.similarity import get_similarity_backend


class Command(BaseCommand):
    help = (
        "Recompute the key terms of every live, public learning page for similarity, and the "
        "sentence embedding of each page whose title or summary changed."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = get_similarity_backend().rebuild(progress=self.stdout.write)
        if meaning.weight():
            embedded, changed = meaning.rebuild(progress=self.stdout.write)
            self.stdout.write(f"Sentence embeddings: {embedded} pages, {changed} embedded now")
        else:
            self.stdout.write("Matching by meaning is off (SEARCH_MEANING_WEIGHT=0 or no model)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Similarity data rebuilt for {count} pages in {time.perf_counter() - started:.1f}s"
            )
        )
