"""Asking the network for help: a council's request, the councils and pages whose published
work matches it, the practitioners told about it, offers of help, and closing it.

Who may do what is stated once here: `may_manage` (the asking council's practitioners) and
`may_read_offer` (they, the person who offered, and organisers).

Over 300 lines: its forms, rules and emails are one flow, read top to bottom.
"""

import datetime

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from casestudies.models import Theme
from core.params import parse_int
from councils.models import Council
from search.engine import fallback_backend, with_fallback
from search.similarity import get_similarity_backend

from .acting import ActingForCouncilForm, councils_acting_for
from .emails import absolute_url, send
from .models import EmailPreferences, HelpOffer, HelpRequest, Standing

MATCH_LIMIT = 5
NOTIFY_COUNCILS = 3
OPEN_REQUESTS_ON_THEME = 5
SEARCH_LIMIT = 5


# Forms ----------------------------------------------------------------------------------------


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes (the template draws them)."""

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput, forms.TextInput, forms.TextInput], attrs)
        self.widgets_names = ["-day", "-month", "-year"]

    def id_for_label(self, id_):
        return f"{id_}-day" if id_ else id_

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return ["", "", ""]


class GovukDateField(forms.Field):
    """A date typed as day, month and year, with the GOV.UK pattern's error messages. Only
    ASCII digits count, so "١٢" or "²" is an error, never a crash."""

    widget = DateInput

    def __init__(self, *, name="date", **kwargs):
        self.name = name
        super().__init__(**kwargs)

    def clean(self, value):
        parts = [str(part).strip()[:10] for part in (value or ["", "", ""])]
        parts = (parts + ["", "", ""])[:3]
        if not any(parts):
            if self.required:
                raise forms.ValidationError(f"Enter the {self.name}")
            return None
        missing = [
            label for label, part in zip(("day", "month", "year"), parts, strict=True) if not part
        ]
        if missing:
            raise forms.ValidationError(f"The {self.name} must include a {' and '.join(missing)}")
        day = parse_int(parts[0], minimum=1, maximum=31)
        month = parse_int(parts[1], minimum=1, maximum=12)
        year = parse_int(parts[2], minimum=1000, maximum=9999)
        if None in (day, month, year):
            raise forms.ValidationError(
                f"The {self.name} must be a real date, written in numbers, like 27 3 2027"
            )
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(
                f"The {self.name} must be a real date, written in numbers, like 27 3 2027"
            ) from None


def _text(label, max_length, name, rows=None, required_message=""):
    widget = (
        forms.Textarea(attrs={"class": "govuk-textarea", "rows": rows})
        if rows
        else forms.TextInput(attrs={"class": "govuk-input"})
    )
    # A validator rather than max_length: the browser's maxlength would cut text off unseen.
    return forms.CharField(
        label=label,
        required=bool(required_message),
        widget=widget,
        error_messages={"required": required_message},
        validators=[
            MaxLengthValidator(
                max_length, message=f"{name} must be {max_length:,} characters or fewer"
            )
        ],
    )


class HelpRequestForm(ActingForCouncilForm):
    title = _text(
        "What do you need help with?",
        200,
        "What you need help with",
        required_message="Enter what you need help with",
    )
    details = _text("Details", 4000, "The details", rows=6)
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Choose themes from the list",
            "invalid_pk_value": "Choose themes from the list",
        },
    )
    deadline = GovukDateField(
        name="date you need answers by", required=False, label="When do you need answers by?"
    )

    field_order = ["council", "title", "details", "themes", "deadline"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = HelpRequest._meta.get_field("title").help_text
        self.fields[
            "details"
        ].help_text = "What you have tried, what you know already and what would help most."
        self.fields["deadline"].help_text = "Optional. For example, 27 3 2027"
        self.fields["council"].widget.attrs.setdefault("class", "govuk-select")

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Enter what you need help with")
        return title

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(
                "The date you need answers by must be today or in the future"
            )
        return deadline


class HelpOfferForm(forms.Form):
    council = forms.ModelChoiceField(
        queryset=Council.objects.none(),
        required=False,
        label="Are you offering for a council?",
        empty_label="No, just me",
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"invalid_choice": "Choose one of the councils you belong to"},
    )
    message = _text(
        "Your offer of help", 2000, "Your offer", rows=6, required_message="Enter how you can help"
    )
    share_email = forms.BooleanField(
        required=False,
        label="Let them reply to me by email",
        help_text="We send your email address with your offer so they can answer you "
        "directly. Otherwise they see only your name and message.",
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        councils = councils_acting_for(user)
        self.fields["council"].queryset = councils
        if not councils:
            del self.fields["council"]
        self.fields[
            "message"
        ].help_text = "What you did, what you learned, and how they can reach you."


class EmailPreferencesForm(forms.ModelForm):
    class Meta:
        model = EmailPreferences
        fields = ["help_requests"]
        widgets = {"help_requests": forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"})}


# Who may do what ------------------------------------------------------------------------------


def may_ask(user):
    return councils_acting_for(user).exists()


def may_manage(user, help_request):
    """Mark offers that helped and close the request: the asking council's practitioners."""
    return councils_acting_for(user).filter(pk=help_request.council_id).exists()


def is_organiser(user):
    return user.is_authenticated and user.has_perm("collaboration.view_helpoffer")


def offers_visible_to(user, help_request):
    """The offers whose messages user may read."""
    offers = help_request.offers.filter(standing=Standing.ACTIVE).select_related(
        "council", "person"
    )
    if may_manage(user, help_request) or is_organiser(user):
        return offers
    if user.is_authenticated:
        return offers.filter(person=user)
    return offers.none()


# Matching -------------------------------------------------------------------------------------


def request_text(help_request):
    themes = " ".join(theme.name for theme in help_request.themes.all())
    return " ".join(part for part in (help_request.title, help_request.details, themes) if part)


def matches_for(help_request, limit=MATCH_LIMIT):
    """The councils (other than the one asking) whose published work is closest to the
    request, each with its matching pages and the reasons."""
    matches = get_similarity_backend().councils_for_text(
        request_text(help_request), limit=limit + 1
    )
    return [match for match in matches if match.council.pk != help_request.council_id][:limit]


def notify_matching_councils(help_request, matches):
    """Email the opted-in practitioners of the best matching councils. Returns how many."""
    sent = 0
    url = absolute_url(reverse("collaboration:help_detail", args=[help_request.pk]))
    for match in matches[:NOTIFY_COUNCILS]:
        people = (
            EmailPreferences.objects.filter(
                help_requests=True,
                person__is_active=True,
                person__council_memberships__council=match.council,
            )
            .exclude(person=help_request.person)
            .exclude(person__email="")
        )
        addresses = [preferences.person.email for preferences in people.select_related("person")]
        if addresses:
            sent += send(
                "help_request_match",
                f"{help_request.council.short_name} is asking for help: {help_request.title}",
                {
                    "help_request": help_request,
                    "match": match,
                    "url": url,
                    "preferences_url": absolute_url(reverse("collaboration:email_preferences")),
                },
                addresses,
            )
    return sent


# Changes --------------------------------------------------------------------------------------


def create_request(form, user):
    data = form.cleaned_data
    with transaction.atomic():
        help_request = HelpRequest.objects.create(
            council=data["council"],
            person=user,
            title=data["title"],
            details=data["details"],
            deadline=data["deadline"],
        )
        help_request.themes.set(data["themes"])
        log(help_request, "wagtail.create", user=user)
    index.insert_or_update_object(help_request)
    notify_matching_councils(help_request, matches_for(help_request))
    return help_request


def askers(help_request):
    addresses = help_request.council.practitioner_emails()
    if help_request.person and help_request.person.email:
        addresses.append(help_request.person.email)
    return addresses


def make_offer(help_request, user, form):
    data = form.cleaned_data
    offer = HelpOffer.objects.create(
        help_request=help_request,
        person=user,
        council=data.get("council"),
        message=data["message"],
    )
    log(offer, "wagtail.create", user=user)
    send(
        "help_offer",
        f"An offer of help with “{help_request.title}”",
        {
            "help_request": help_request,
            "offer": offer,
            "offerer": user.get_full_name() or "Someone signed in",
            "shared_email": user.email if data["share_email"] else "",
            "url": absolute_url(reverse("collaboration:help_detail", args=[help_request.pk])),
        },
        askers(help_request),
        reply_to=user.email if data["share_email"] and user.email else None,
    )
    return offer


def mark_helped(offer, user, helped=True):
    offer.helped = helped
    offer.save(update_fields=["helped", "updated_at"])
    log(
        offer,
        "wagtail.edit",
        user=user,
        title=f"Marked {'as helpful' if helped else 'as not helpful'}",
    )


def withdraw_offer(offer, user):
    offer.standing = Standing.WITHDRAWN
    offer.save(update_fields=["standing", "updated_at"])
    log(offer, "wagtail.edit", user=user, title="Withdrawn")


def close_request(help_request, user):
    help_request.status = HelpRequest.Status.CLOSED
    help_request.closed_at = timezone.now()
    help_request.save(update_fields=["status", "closed_at", "updated_at"])
    index.insert_or_update_object(help_request)
    log(help_request, "wagtail.edit", user=user, title="Closed")


# Listings -------------------------------------------------------------------------------------


def listed_requests():
    """Open requests first (newest first), then answered ones."""
    return (
        HelpRequest.objects.select_related("council")
        .annotate(
            closed_last=Case(
                When(status=HelpRequest.Status.OPEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            offer_count=Count("offers", filter=Q(offers__standing=Standing.ACTIVE)),
        )
        .order_by("closed_last", "-created_at", "-pk")
    )


def open_requests_for_theme(theme, limit=OPEN_REQUESTS_ON_THEME):
    return list(
        HelpRequest.objects.filter(status=HelpRequest.Status.OPEN, themes=theme)
        .select_related("council")
        .order_by("-created_at")[:limit]
    )


def requests_matching(query, limit=SEARCH_LIMIT):
    """Open and answered requests matching the words of a site search, through Wagtail's
    search API (the database's search, or the engine with its fallback)."""
    if not query:
        return []
    queryset = HelpRequest.objects.select_related("council")

    def search(backend):
        return lambda: list(
            get_search_backend(backend).search(query, queryset, operator="and")[:limit]
        )

    if fallback_backend():
        return with_fallback(
            "a search for requests for help", search("default"), search(fallback_backend())
        )
    return search("default")()
