"""Search indexing for a batch of saves."""

import logging
from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler

logger = logging.getLogger(__name__)


@contextmanager
def indexed_together(*models):
    """Saves of `models` inside the block are indexed for search in one batch per model at its
    end, instead of one by one. modelsearch's PostgreSQL index recounts the average title length
    over every entry on each save, so indexing the 470 councils of the register one at a time
    took 13 of the import's 18 seconds there; in one batch it takes under a second. If the block
    raises, nothing is indexed. As modelsearch does for each save, a failure is logged and
    raised, except from an engine that only logs (`catch_indexing_errors`)."""
    saved = {model: set() for model in models}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    indexed = [
        model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    for model in indexed:
        post_save.connect(collect, sender=model, weak=False)
    try:
        yield
    finally:
        for model in indexed:
            post_save.disconnect(collect, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    for model in indexed:
        if not saved[model]:
            continue
        objects = list(model.get_indexed_objects().filter(pk__in=saved[model]))
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(model, objects)
            except Exception:
                logger.exception(
                    "Could not index %d %s in '%s'",
                    len(objects),
                    model._meta.verbose_name_plural,
                    name,
                )
                if not backend.catch_indexing_errors:
                    raise
