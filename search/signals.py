"""Keep the similarity data and the in-memory facet values current as pages are published,
changed, unpublished, deleted, moved or made private, and as themes or councils change."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from modelsearch.index import insert_or_update_object

from casestudies.models import LearningPage, Theme
from councils.models import Council

from .matching import meaning
from .models import BackgroundFailure, SimilarityState
from .similarity import get_similarity_backend

logger = logging.getLogger(__name__)
SEARCH_INDEX = BackgroundFailure.Task.SEARCH_INDEX
SIMILARITY = BackgroundFailure.Task.SIMILARITY


def _is_learning_page(page):
    return isinstance(page, LearningPage) or (
        page.specific_class is not None and issubclass(page.specific_class, LearningPage)
    )


def _safely(task, action, page):
    # A failure here must not stop an editor publishing: it is logged and kept for operators
    # (admin dashboard, `manage.py check`) until a repair or a later success clears it. The
    # savepoint keeps a database error from breaking the editor's transaction on PostgreSQL.
    try:
        with transaction.atomic():
            action(page)
    except Exception as error:
        logger.exception(
            "Could not update the %s for page %s ‘%s’; the editor's change went ahead. %s "
            "repairs it.",
            task.label.lower(),
            page.pk,
            page.title,
            BackgroundFailure.REPAIRS[task],
        )
        BackgroundFailure.record(task, page, error)
    else:
        BackgroundFailure.clear(task, page)
    # Whatever the engine, in-memory facet values must reload (see facets.page_rows).
    SimilarityState.bump()


def _update_similarity(page):
    get_similarity_backend().update_page(page)
    if meaning.weight():
        meaning.update_page(page)


def _remove_similarity(page):
    get_similarity_backend().remove_page(page)
    meaning.remove_page(page)


def on_published(sender, instance, **kwargs):
    if _is_learning_page(instance):
        # Wagtail indexes a page when it is saved, before its themes and tags are saved with
        # it; index it again once published, so every search backend sees the new ones.
        _safely(SEARCH_INDEX, lambda page: insert_or_update_object(page.specific), instance)
        _safely(SIMILARITY, _update_similarity, instance)


def on_unpublished(sender, instance, **kwargs):
    if _is_learning_page(instance):
        _safely(SIMILARITY, _remove_similarity, instance)


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, LearningPage):
        _safely(SIMILARITY, _remove_similarity, instance)


def on_visibility_changed(sender, **kwargs):
    SimilarityState.bump()


def connect():
    page_published.connect(on_published, dispatch_uid="search-similarity-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search-similarity-unpublished")
    post_delete.connect(on_deleted, dispatch_uid="search-similarity-deleted")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_visibility_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-similarity-restriction-{name}",
        )
        signal.connect(
            on_visibility_changed, sender=Theme, dispatch_uid=f"search-similarity-theme-{name}"
        )
        # Facet counts read council names, types, nations and regions from memory too.
        signal.connect(
            on_visibility_changed, sender=Council, dispatch_uid=f"search-similarity-council-{name}"
        )
    post_page_move.connect(on_visibility_changed, dispatch_uid="search-similarity-moved")
