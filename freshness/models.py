from django.db import models


class StaleReminder(models.Model):
    """A reminder sent to a council's practitioners about one stale page."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="stale_reminders"
    )
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="stale_reminders"
    )
    months = models.PositiveSmallIntegerField(help_text="The staleness period it was sent for.")
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["page", "sent_at"])]

    def __str__(self):
        return f"Reminder about page {self.page_id} sent {self.sent_at:%d %b %Y}"
