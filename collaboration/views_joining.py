"""Asking to join a project, and withdrawing the request, for signed-in practitioners."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.throttling import limit_person

from . import joining
from .acting import ActingForCouncilForm, councils_acting_for
from .models import JoinRequest

MESSAGE_LIMIT = JoinRequest._meta.get_field("message").max_length


class JoinRequestForm(ActingForCouncilForm):
    message = forms.CharField(
        label="What would your council bring to the project?",
        help_text="A short message to the lead council: what you are working on, and how you "
        f"would like to take part. Up to {MESSAGE_LIMIT:,} characters.",
        max_length=MESSAGE_LIMIT,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 6}),
        error_messages={
            "required": "Enter a message to the lead council",
            "max_length": f"Keep your message to {MESSAGE_LIMIT:,} characters or fewer",
        },
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        field = self.fields["council"]
        if isinstance(field.widget, forms.HiddenInput):
            # One council: the person acts for it whether or not the page sent it.
            field.required = False
        else:
            field.widget.attrs["class"] = "govuk-select"

    def clean_council(self):
        council = self.cleaned_data.get("council")
        if council is None and not self.fields["council"].required:
            council = self.fields["council"].initial
        return council

    def clean_message(self):
        return self.cleaned_data["message"].strip()

    def clean(self):
        cleaned = super().clean()
        council = cleaned.get("council")
        if council is not None:
            reason = joining.reason_cannot_ask(self.project, council)
            if reason:
                self.add_error("council", reason)
        return cleaned


def _project(project_id):
    return get_object_or_404(joining.projects_open_to_requests(), pk=project_id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@limit_person("join-project")
def ask(request, project_id):
    project = _project(project_id)
    councils = councils_acting_for(request.user)
    askable = joining.councils_that_may_ask(request.user, project)
    form = JoinRequestForm(request.POST or None, user=request.user, project=project)
    if request.method == "GET" and askable and "council" in form.fields:
        form.fields["council"].initial = askable[0]
    if request.method == "POST" and form.is_valid():
        try:
            join_request = joining.ask(
                project, form.cleaned_data["council"], request.user, form.cleaned_data["message"]
            )
        except joining.CannotAsk as refusal:
            form.add_error("council", str(refusal))
        else:
            return redirect("collaboration:join_request", join_request.pk)
    return render(
        request,
        "collaboration/join_ask.html",
        {
            "project": project,
            "form": form,
            "has_councils": councils.exists(),
            "acting_council": councils.first(),
            "askable": askable.exists(),
            "open_requests": JoinRequest.objects.filter(
                project=project, council__in=councils, status=JoinRequest.Status.OPEN
            ),
        },
    )


def _own_request(request, pk):
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("project", "council"), pk=pk
    )
    if not joining.may_withdraw(request.user, join_request):
        raise Http404
    return join_request


@never_cache
@login_required
@require_http_methods(["GET"])
def join_request_detail(request, pk):
    return render(
        request, "collaboration/join_request.html", {"join_request": _own_request(request, pk)}
    )


@never_cache
@login_required
@require_POST
@limit_person("join-project")
def withdraw(request, pk):
    join_request = _own_request(request, pk)
    error = None
    try:
        joining.withdraw(join_request, request.user)
    except PermissionDenied:
        raise Http404 from None
    except joining.CannotAsk as refusal:
        error = str(refusal)
    if error:
        return render(
            request,
            "collaboration/join_request.html",
            {"join_request": join_request, "error": error},
            status=409,
        )
    return redirect("collaboration:join_request", join_request.pk)
