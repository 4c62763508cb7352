"""“We face this too”: a council says it has the problem a case study, lesson or project
describes. One record per council and page; withdrawing keeps the row, so saying it again
brings the same record back, and the page's contact hears about each council only once."""

from django import forms
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from . import emails
from .acting import ActingForCouncilForm
from .models import SharedProblem, Standing


def shown_for_page(page):
    """The councils that face this page's problem, with their notes."""
    return list(
        SharedProblem.objects.filter(page=page, standing=Standing.ACTIVE)
        .select_related("council")
        .order_by("council__short_name")
    )


class SharedProblemForm(ActingForCouncilForm):
    note = forms.CharField(
        label="A note for other councils",
        max_length=200,
        required=False,
        help_text="One line, up to 200 characters. For example: “We start a discovery on "
        "this in spring.”",
        error_messages={
            "max_length": "Keep the note to 200 characters or fewer (it has %(show_value)d)."
        },
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )

    def __init__(self, *args, user, page, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        offer_other_councils(self, page)


def offer_other_councils(form, page):
    """Leave out of the form's councils the one that published page: a council does not face
    its own problem, nor reuse its own work."""
    field = form.fields["council"]
    field.widget = forms.Select(attrs={"class": "govuk-select"})
    field.queryset = field.queryset.exclude(pk=page.council_id)  # also gives the widget its choices
    if len(field.queryset) == 1:
        field.initial = field.queryset[0]
        field.widget = forms.HiddenInput()


def say_we_face_this(page, council, person, note=""):
    """Record (or bring back) that council faces page's problem. Returns the record and
    whether the page's contact was emailed now."""
    with transaction.atomic():
        record, created = SharedProblem.objects.get_or_create(
            page=page,
            council=council,
            defaults={"note": note, "person": person, "standing": Standing.ACTIVE},
        )
        if not created:
            record.note = note
            record.person = person
            record.standing = Standing.ACTIVE
            record.save(update_fields=["note", "person", "standing", "updated_at"])
        log(record, "wagtail.create" if created else "wagtail.edit", user=person)
    # Claimed with one UPDATE so that two people saying it at once send one email.
    told = (
        SharedProblem.objects.filter(pk=record.pk, owner_told_at__isnull=True).update(
            owner_told_at=timezone.now()
        )
        == 1
    )
    if told:
        page = record.page.specific
        emails.tell_page_contacts(
            "face_this_too",
            f"{record.council.short_name} faces the same problem as “{page.title}”",
            record,
            page,
        )
    return record, told


def withdraw(record, person):
    record.standing = Standing.WITHDRAWN
    record.save(update_fields=["standing", "updated_at"])
    log(record, "wagtail.edit", user=person, data={"standing": Standing.WITHDRAWN})
