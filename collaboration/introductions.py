"""Organisers introducing two councils that face similar problems: why they should talk (worked
out again by the similarity engine, never taken from the link), one email to both councils'
practitioners, and the record of it."""

from datetime import timedelta

from django import forms
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet
from wagtail.log_actions import log

import django_filters

from casestudies.models import LearningPage
from casestudies.permissions import acts_for_any_council
from councils.models import Council
from search.similarity import get_similarity_backend

from .emails import absolute_url
from .models import Introduction

REPEAT_WINDOW = timedelta(days=1)
MATCHES_LOOKED_AT = 50
MAX_PROBLEM_LENGTH = 2000
MAX_REASONS_LENGTH = Introduction._meta.get_field("reasons").max_length
MAX_MESSAGE_LENGTH = Introduction._meta.get_field("message").max_length


def may_introduce(user):
    """Network organisers (and superusers) introduce councils to each other."""
    return bool(user and user.is_authenticated and acts_for_any_council(user))


def council_from(value):
    """The council a link names by slug or id; 404 for any other value."""
    value = (value or "").strip()[:120]
    council = Council.objects.filter(slug=value).first() if value else None
    if council is None and value.isdigit() and len(value) < 12:
        council = Council.objects.filter(pk=int(value)).first()
    if council is None:
        raise Http404("No such council")
    return council


def page_from(value):
    """The live, public case study, lesson or project a link names by id; None when it names
    none, 404 for an unknown one."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 11:
        raise Http404("No such page")
    page = (
        LearningPage.objects.live().public().select_related("council").filter(pk=int(value)).first()
    )
    if page is None:
        raise Http404("No such page")
    return page


def _match_for(matches, council):
    return next((match for match in matches if match.council.pk == council.pk), None)


def _describe(match):
    lines = [
        f"- {item.page.title} ({item.page.kind}, {item.page.council.short_name}"
        f"{', as a partner' if item.role == 'partner' else ''}): {item.reason}"
        for item in match.items
    ]
    return "\n".join(lines)


def suggested_reasons(first, second, page=None, problem=""):
    """Why first and second should talk, in words an organiser can edit, from what the
    similarity engine finds between them now; "" when it finds nothing."""
    engine = get_similarity_backend()
    if page is not None and page.council_id in (first.pk, second.pk):
        owner, other = (first, second) if page.council_id == first.pk else (second, first)
        match = _match_for(engine.councils_for_page(page, limit=MATCHES_LOOKED_AT), other)
        if match:
            return (
                f"{other.short_name}'s work is close to {owner.short_name}'s "
                f"{page.kind} “{page.title}”: {match.reason}.\n{_describe(match)}"
            )
    if problem:
        matches = engine.councils_for_text(problem, limit=MATCHES_LOOKED_AT)
        found = [
            match for match in (_match_for(matches, first), _match_for(matches, second)) if match
        ]
        if found:
            return "\n".join(
                [f"Published work close to the problem “{problem[:200]}”:"]
                + [
                    f"{match.council.short_name}: {match.reason}.\n{_describe(match)}"
                    for match in found
                ]
            )
    for one, other in ((first, second), (second, first)):
        match = _match_for(engine.councils_for_council(one, limit=MATCHES_LOOKED_AT), other)
        if match:
            return (
                f"{other.short_name}'s published work is close to {one.short_name}'s: "
                f"{match.reason}.\n{_describe(match)}"
            )
    return ""


def recent_introduction(first, second):
    """An introduction of the same two councils (either way round) in the last day."""
    return (
        Introduction.objects.filter(
            Q(first_council=first, second_council=second)
            | Q(first_council=second, second_council=first),
            created_at__gte=timezone.now() - REPEAT_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )


class IntroductionForm(forms.Form):
    reasons = forms.CharField(
        label="Why they should talk",
        max_length=MAX_REASONS_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Worked out from their published work. Edit it as you like; both councils "
        f"read it. Up to {MAX_REASONS_LENGTH:,} characters.",
        error_messages={
            "required": "Say why these councils should talk",
            "max_length": f"Keep why they should talk to {MAX_REASONS_LENGTH:,} characters "
            "or fewer",
        },
    )
    message = forms.CharField(
        label="A message from you",
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="For example, what you would like them to talk about first. Up to "
        f"{MAX_MESSAGE_LENGTH:,} characters.",
        error_messages={
            "max_length": f"Keep your message to {MAX_MESSAGE_LENGTH:,} characters or fewer"
        },
    )
    send_again = forms.BooleanField(
        label="Yes, introduce them again",
        required=False,
    )

    def __init__(self, *args, repeat=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.repeat = repeat
        if repeat is None:
            del self.fields["send_again"]

    def clean(self):
        cleaned = super().clean()
        if self.repeat is not None and not cleaned.get("send_again"):
            self.add_error(
                "send_again",
                "These councils were introduced less than a day "
                "ago. Tick the box to introduce them again",
            )
        return cleaned


class ChooseCouncilForm(forms.Form):
    """For an introduction started from one council: which council it should meet."""

    second = forms.ModelChoiceField(
        queryset=Council.objects.none(),
        to_field_name="slug",
        label="Which council should they meet?",
        error_messages={
            "required": "Choose the council to introduce them to",
            "invalid_choice": "Choose a council from the list",
        },
    )

    def __init__(self, *args, first, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["second"].queryset = (
            Council.objects.current().exclude(pk=first.pk).order_by("short_name")
        )
        self.fields["second"].empty_label = "Choose a council"


def recipients(first, second):
    return {
        council: sorted({address.lower() for address in council.practitioner_emails()})
        for council in (first, second)
    }


def nobody_to_tell(councils):
    """Why an introduction cannot be sent yet, or "" when it can."""
    if not councils:
        return ""
    names = " and ".join(council.short_name for council in councils)
    return (
        f"Nobody from {names} has an account yet, so there is no one to send the "
        "introduction to. Invite someone from the council first"
    )


def admin_listing_url(council):
    """The admin's list of introductions, filtered to those of one council."""
    return (
        reverse(f"{Introduction.snippet_viewset.get_url_name('list')}") + f"?council={council.pk}"
    )


def introduce(first, second, reasons, message, page, organiser):
    """Record the introduction and send one email, to both councils' practitioners together
    (so each sees whom to reply to). Returns the introduction and how many it went to."""
    introduction = Introduction.objects.create(
        first_council=first,
        second_council=second,
        reasons=reasons,
        message=message,
        page=page,
        introduced_by=organiser,
    )
    log(introduction, "wagtail.create", user=organiser)
    addresses = sorted(
        {address for group in recipients(first, second).values() for address in group}
    )
    context = {
        "site_url": absolute_url(""),
        "introduction": introduction,
        "first": first,
        "second": second,
        "first_url": absolute_url(first.get_absolute_url()),
        "second_url": absolute_url(second.get_absolute_url()),
        "page": page,
        "page_url": absolute_url(page.url) if page is not None and page.url else "",
        "organiser_name": organiser.get_full_name() or "A network organiser",
    }
    subject = f"Introducing {first.short_name} and {second.short_name}: similar problems"
    email = EmailMultiAlternatives(
        subject, render_to_string("collaboration/email/introduction.txt", context), None, addresses
    )
    email.attach_alternative(
        render_to_string("collaboration/email/introduction.html", context), "text/html"
    )
    email.send()
    return introduction, len(addresses)


class IntroductionFilterSet(WagtailFilterSet):
    """The admin's introductions, by either council."""

    council = django_filters.ModelChoiceFilter(
        queryset=Council.objects.order_by("short_name"),
        label="Council",
        method="of_council",
    )

    class Meta:
        model = Introduction
        fields = []

    def of_council(self, queryset, name, council):
        return queryset.filter(Q(first_council=council) | Q(second_council=council))
