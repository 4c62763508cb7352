"""“We reused this”: a council adopted a case study or project, or one of its reusable
outputs, and says what it changed and how it went. The page shows who reused it; both
councils' profiles list it; the owning council hears about each new reuse."""

from django import forms
from django.db import transaction

from wagtail.log_actions import log

from casestudies.models import CaseStudyPage, ProjectPage
from core.public_pages import live_public_q

from . import emails
from .acting import ActingForCouncilForm
from .models import Reuse, Standing
from .shared_problems import offer_other_councils, withdraw  # noqa: F401 - one rule for both

WHOLE_APPROACH = "The approach as a whole"


def can_be_reused(page):
    return isinstance(page, (CaseStudyPage, ProjectPage))


def output_titles(page):
    """The titles of the page's reusable outputs, in the page's order, once each."""
    titles = []
    for block in page.outputs:
        title = block.value.get("title", "").strip() if block.block_type == "output" else ""
        if title and title not in titles:
            titles.append(title)
    return titles


def shown_for_page(page):
    """The page's reuses, and how many councils made them."""
    records = list(
        Reuse.objects.filter(page=page, standing=Standing.ACTIVE)
        .select_related("council")
        .order_by("council__short_name", "output")
    )
    return {"records": records, "council_count": len({r.council_id for r in records})}


def _shown():
    return (
        Reuse.objects.filter(live_public_q("page"), standing=Standing.ACTIVE)
        .select_related("council", "page", "page__council")
        .order_by("-created_at")
    )


def for_council_profile(council):
    """Sections for councils.content: what the council reused, and who reused its work
    (querysets the profile paginates, with their totals counted)."""
    template = "collaboration/includes/council_reuses.html"
    reused = _shown().filter(council=council)
    reused_by = _shown().filter(page__council=council)
    return [
        {
            "key": "reused",
            "heading": "Work this council reused",
            "template": template,
            "items": reused,
            "show": "page",
            "empty": "This council has not recorded reusing anyone's work yet.",
            "summary": (
                "Reused",
                [
                    (
                        reused.count(),
                        "piece of another council's work",
                        "pieces of other councils' work",
                    )
                ],
            ),
        },
        {
            "key": "reused-by",
            "heading": "Councils that reused this council's work",
            "template": template,
            "items": reused_by,
            "show": "council",
            "empty": "No council has recorded reusing this council's work yet.",
            "summary": (
                "Its work reused",
                [(reused_by.count(), "time by another council", "times by other councils")],
            ),
        },
    ]


class ReuseForm(ActingForCouncilForm):
    output = forms.ChoiceField(
        label="What did you reuse?",
        required=False,
        error_messages={
            "invalid_choice": "Choose one of the page's outputs, or the approach as a whole."
        },
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    what_changed = forms.CharField(
        label="What did you change?",
        max_length=2000,
        required=False,
        help_text="For example: what you adapted for your area, your systems or your residents.",
        error_messages={
            "max_length": "Keep what you changed to 2,000 characters or fewer "
            "(it has %(show_value)d)."
        },
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
    )
    link = forms.URLField(
        label="A link to your version",
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text="A web address, for example https://github.com/our-council/bin-finder",
        error_messages={
            "invalid": "Enter a web address in the right format, starting with https://",
            "max_length": "Keep the web address to 200 characters or fewer "
            "(it has %(show_value)d).",
        },
        widget=forms.URLInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
    )
    how_it_went = forms.CharField(
        label="How did it go?",
        max_length=2000,
        required=False,
        error_messages={
            "max_length": "Keep how it went to 2,000 characters or fewer (it has %(show_value)d)."
        },
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
    )

    def __init__(self, *args, user, page, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        offer_other_councils(self, page)
        self.fields["output"].choices = [("", WHOLE_APPROACH)] + [
            (title, title) for title in output_titles(page)
        ]


def record_reuse(page, council, person, output="", what_changed="", link="", how_it_went=""):
    """Record (or bring back and update) council's reuse of page, or of one of its outputs.
    The page's contact is emailed when the reuse is new. Returns the record and whether it
    is new."""
    details = {
        "what_changed": what_changed,
        "link": link,
        "how_it_went": how_it_went,
        "person": person,
        "standing": Standing.ACTIVE,
    }
    with transaction.atomic():
        record, created = Reuse.objects.get_or_create(
            page=page, council=council, output=output, defaults=details
        )
        if not created:
            for name, value in details.items():
                setattr(record, name, value)
            record.save()
        log(record, "wagtail.create" if created else "wagtail.edit", user=person)
    if created:
        emails.tell_page_contacts(
            "reuse",
            f"{record.council.short_name} reused “{record.output or page.title}”",
            record,
            page,
        )
    return record, created
