import uuid

from django.db import models


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
