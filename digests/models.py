"""How often each person wants a digest, each digest window claimed or sent, and each
progress update its project's followers were told about."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    NONE = "none", "Never"


class DigestPreference(models.Model):
    """A person's choice of digest, and whether to hear about updates to projects they follow.

    `since` is when the person last chose to get digests: their first digest, and the first
    after a spell of "never", covers only what is new from then."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    frequency = models.CharField(
        "how often", max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    project_updates = models.BooleanField(
        "email me when a project I follow posts a progress update", default=True
    )
    since = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "email digest preference"

    def __str__(self):
        return f"{self.person}: {self.get_frequency_display()}"

    def choose(self, frequency):
        if self.frequency == Frequency.NONE and frequency != Frequency.NONE:
            self.since = timezone.now()
        self.frequency = frequency


class Digest(models.Model):
    """One person's digest window. It is claimed (created) before the email goes, and only one
    digest can start at a given moment for a person, so two runs at once cannot both send it."""

    class Outcome(models.TextChoices):
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        NOTHING_NEW = "nothing-new", "Nothing new, not sent"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    starts_at = models.DateTimeField(help_text="What was new from this moment…")
    ends_at = models.DateTimeField(help_text="…until this one.")
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.SENDING)
    item_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-ends_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "starts_at"], name="one_digest_per_person_and_start"
            ),
        ]

    def __str__(self):
        return f"Digest for {self.person}, {self.starts_at:%d %b} to {self.ends_at:%d %b %Y}"


class ProgressUpdateEmail(models.Model):
    """A progress update whose project's followers were emailed: at most once per update."""

    update = models.OneToOneField(
        "casestudies.ProgressUpdate", on_delete=models.CASCADE, related_name="+"
    )
    recipient_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Followers told about {self.update}"
