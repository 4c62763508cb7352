"""The records that turn reading into joint work.

Each is made by a person acting for one of their councils, about a page (or a help request),
and has a state. Each goes with its page and its council when they are deleted. Organisers
see and edit all of them in the admin ("Working together"); practitioners withdraw their own.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from wagtail.search import index

from core.fields import person_field


class Record(models.Model):
    """What every record shares besides its council: who made it, and when."""

    person = person_field(help_text="Who did it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class Standing(models.TextChoices):
    ACTIVE = "active", "Shown"
    WITHDRAWN = "withdrawn", "Withdrawn"


class JoinRequest(Record):
    """A council asking to become a partner on a project. Only the lead council decides."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for the lead council"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.CASCADE,
        related_name="join_requests",
        help_text="The council asking to join.",
    )
    project = models.ForeignKey(
        "casestudies.ProjectPage", on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(max_length=1000, help_text="What the council would bring.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    reply = models.TextField(
        "reply to the council",
        max_length=1000,
        blank=True,
        help_text="Sent with your decision.",
    )
    decided_by = person_field(editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta(Record.Meta):
        verbose_name = "request to join a project"
        verbose_name_plural = "requests to join projects"
        constraints = [
            models.UniqueConstraint(
                fields=["project", "council"],
                condition=Q(status="open"),
                name="one_open_join_request_per_council",
            )
        ]

    def __str__(self):
        return f"{self.council} asks to join {self.project.title}"


class SharedProblem(Record):
    """ "We face this too": a council has the problem a page describes."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="shared_problems"
    )
    page = models.ForeignKey(
        "casestudies.LearningPage", on_delete=models.CASCADE, related_name="shared_problems"
    )
    note = models.CharField(max_length=200, blank=True, help_text="One line, optional.")
    standing = models.CharField(max_length=20, choices=Standing.choices, default=Standing.ACTIVE)
    owner_told_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the page's contact was emailed: once per council.",
    )

    class Meta(Record.Meta):
        verbose_name = "“we face this too”"
        verbose_name_plural = "“we face this too”"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "council"], name="one_shared_problem_per_council_and_page"
            )
        ]

    def __str__(self):
        return f"{self.council} also faces {self.page.title}"


class Reuse(Record):
    """A council adopted a case study or project, or one of its reusable outputs."""

    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.CASCADE,
        related_name="reuses",
        help_text="The council that reused it.",
    )
    page = models.ForeignKey(
        "casestudies.LearningPage", on_delete=models.CASCADE, related_name="reuses"
    )
    output = models.CharField(
        "what was reused",
        max_length=255,
        blank=True,
        help_text="One of the page's reusable outputs, or blank for the approach as a whole.",
    )
    what_changed = models.TextField("what you changed", max_length=2000, blank=True)
    link = models.URLField("a link to your version", blank=True)
    how_it_went = models.TextField(max_length=2000, blank=True)
    standing = models.CharField(max_length=20, choices=Standing.choices, default=Standing.ACTIVE)

    class Meta(Record.Meta):
        verbose_name = "reuse"
        verbose_name_plural = "reuses"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "council", "output"], name="one_reuse_per_council_page_and_output"
            )
        ]

    def __str__(self):
        return f"{self.council} reused {self.output or self.page.title}"


class HelpRequest(index.Indexed, Record):
    """A council asking the network who has done something before."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.CASCADE,
        related_name="help_requests",
        help_text="The council asking.",
    )
    title = models.CharField(
        "what you need help with",
        max_length=200,
        help_text="For example: “We are starting a discovery on school transport routing; "
        "who has done it?”",
    )
    details = models.TextField(max_length=4000, blank=True)
    themes = models.ManyToManyField("casestudies.Theme", blank=True, related_name="help_requests")
    deadline = models.DateField("answers needed by", null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("details"),
        index.AutocompleteField("title"),
        index.RelatedFields("council", [index.SearchField("short_name")]),
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("status"),
        index.FilterField("council"),
    ]

    class Meta(Record.Meta):
        verbose_name = "request for help"
        verbose_name_plural = "requests for help"

    def __str__(self):
        return self.title


class HelpOffer(models.Model):
    """Someone signed in offering help with a request; the asker marks the offers that helped."""

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="offers")
    council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="help_offers",
        help_text="The council offering, if any.",
    )
    person = person_field()
    message = models.TextField(max_length=2000)
    helped = models.BooleanField(default=False)
    standing = models.CharField(max_length=20, choices=Standing.choices, default=Standing.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "offer of help"
        verbose_name_plural = "offers of help"

    def __str__(self):
        return f"Offer on {self.help_request}"


class Introduction(models.Model):
    """An organiser introducing two councils that face similar problems."""

    first_council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="introductions_first"
    )
    second_council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="introductions_second"
    )
    introduced_by = person_field()
    reasons = models.TextField("why they should talk", max_length=2000)
    message = models.TextField(max_length=2000, blank=True)
    page = models.ForeignKey(
        "casestudies.LearningPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introductions",
        help_text="The page the introduction started from.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_council} and {self.second_council}"


class EmailPreferences(models.Model):
    """What a person wants to be emailed about, beyond replies to what they did."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    help_requests = models.BooleanField(
        "tell me about requests for help that match my council's work", default=False
    )

    class Meta:
        verbose_name_plural = "email preferences"

    def __str__(self):
        return f"Email preferences of {self.person}"
