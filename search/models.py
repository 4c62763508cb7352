import uuid

from django.db import models
from django.utils import timezone


def new_version():
    return uuid.uuid4().hex


class SimilarityState(models.Model):
    """The similarity engine's shared state: one row.

    `version` changes whenever any page's terms change, so every process knows when to
    reload its in-memory copy; a random token (not a counter) can never be reused.
    """

    version = models.CharField(max_length=32, default=new_version)
    idf = models.JSONField(default=dict, help_text="Inverse document frequency of each term.")
    document_count = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "similarity state"

    def __str__(self):
        return f"Similarity data for {self.document_count} pages"

    @classmethod
    def get(cls):
        state, _created = cls.objects.get_or_create(pk=1)
        return state

    @classmethod
    def bump(cls):
        updated = cls.objects.filter(pk=1).update(version=new_version())
        if not updated:
            cls.objects.get_or_create(pk=1)


class PageTerms(models.Model):
    """A published page's key terms and their TF-IDF weights (unit length)."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    terms = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "page terms"
        verbose_name_plural = "page terms"

    def __str__(self):
        return f"Terms of page {self.page_id}"


class PageMeaning(models.Model):
    """A published page's sentence embedding (search/matching/meaning.py): 384 float16
    values, and a digest of the text they were computed from."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    vector = models.BinaryField()
    text_digest = models.CharField(max_length=32)

    class Meta:
        verbose_name = "page meaning"
        verbose_name_plural = "page meanings"

    def __str__(self):
        return f"Meaning of page {self.page_id}"


class BackgroundFailure(models.Model):
    """Background work that failed for a page and has not succeeded since. Operators see each
    one on the admin dashboard and in `manage.py check`; the repair clears it."""

    class Task(models.TextChoices):
        SIMILARITY = "similarity", "Similarity data"
        SEARCH_INDEX = "search-index", "Search index"

    REPAIRS = {
        Task.SIMILARITY: "manage.py rebuild_similarity",
        Task.SEARCH_INDEX: "manage.py update_index",
    }

    task = models.CharField(max_length=20, choices=Task.choices)
    page_id = models.PositiveIntegerField(
        help_text="Not a foreign key: the work may have failed while the page was deleted."
    )
    page_title = models.CharField(max_length=255)
    error = models.TextField()
    failed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-failed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "page_id"], name="search_one_failure_per_task_and_page"
            ),
        ]

    def __str__(self):
        return f"{self.get_task_display()} of ‘{self.page_title}’ (page {self.page_id}) failed"

    @property
    def repair(self):
        return self.REPAIRS[self.task]

    @classmethod
    def record(cls, task, page, error):
        failure, _created = cls.objects.update_or_create(
            task=task,
            page_id=page.pk,
            defaults={
                "page_title": page.title[:255],
                "error": f"{type(error).__name__}: {error}",
                "failed_at": timezone.now(),
            },
        )
        return failure

    @classmethod
    def clear(cls, task, page=None):
        failures = cls.objects.filter(task=task)
        if page is not None:
            failures = failures.filter(page_id=page.pk)
        failures.delete()
