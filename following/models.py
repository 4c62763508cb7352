from django.conf import settings
from django.db import models
from django.db.models import Q


class Follow(models.Model):
    """A person following a theme, a council, a project or a search."""

    class Kind(models.TextChoices):
        THEME = "theme", "Theme"
        COUNCIL = "council", "Council"
        PROJECT = "project", "Project"
        SEARCH = "search", "Search"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    theme = models.ForeignKey(
        "casestudies.Theme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    project = models.ForeignKey(
        "casestudies.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    query = models.CharField(
        "search",
        max_length=2000,
        blank=True,
        help_text="The search's filters as a query string, in a canonical order.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "-created_at"]
        constraints = [
            models.CheckConstraint(
                name="follow_names_one_subject_of_its_kind",
                condition=(
                    Q(
                        kind="theme",
                        theme__isnull=False,
                        council__isnull=True,
                        project__isnull=True,
                        query="",
                    )
                    | Q(
                        kind="council",
                        theme__isnull=True,
                        council__isnull=False,
                        project__isnull=True,
                        query="",
                    )
                    | Q(
                        kind="project",
                        theme__isnull=True,
                        council__isnull=True,
                        project__isnull=False,
                        query="",
                    )
                    | Q(
                        kind="search",
                        theme__isnull=True,
                        council__isnull=True,
                        project__isnull=True,
                    )
                    & ~Q(query="")
                ),
            ),
            models.UniqueConstraint(
                fields=["person", "theme"], condition=Q(kind="theme"), name="unique_theme_follow"
            ),
            models.UniqueConstraint(
                fields=["person", "council"],
                condition=Q(kind="council"),
                name="unique_council_follow",
            ),
            models.UniqueConstraint(
                fields=["person", "project"],
                condition=Q(kind="project"),
                name="unique_project_follow",
            ),
            models.UniqueConstraint(
                fields=["person", "query"], condition=Q(kind="search"), name="unique_search_follow"
            ),
        ]

    def __str__(self):
        return f"{self.person} follows {self.subject}"

    @property
    def subject(self):
        return self.theme or self.council or self.project or self.query
