"""What a signed-in practitioner does on a case study, lesson or project page: say their
council faces the same problem, or record that it reused the work."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from casestudies.models import LearningPage
from core.throttling import limit_person

from . import reuses, shared_problems
from .acting import councils_acting_for
from .models import Reuse, SharedProblem, Standing


def _live_page(page_id):
    """A live, public case study, lesson or project, or 404."""
    return get_object_or_404(LearningPage.objects.live().public(), pk=page_id).specific


def _context(page, user):
    councils = list(councils_acting_for(user))
    return {
        "page": page,
        "councils": councils,
        "owns_page": any(council.pk == page.council_id for council in councils),
        "can_act": any(council.pk != page.council_id for council in councils),
    }


def _mine(model, page, councils):
    """The page's shown records made for the councils the person acts for."""
    return list(
        model.objects.filter(
            page=page, council__in=councils, standing=Standing.ACTIVE
        ).select_related("council")
    )


def _show(request, template, context):
    """The page, with 403 for a form sent by someone who may not act on it."""
    return render(
        request,
        template,
        context,
        status=200 if context["can_act"] or request.method == "GET" else 403,
    )


def _withdraw(request, page, model, record_id, withdraw):
    """Withdraw one of the page's shown records made for a council the person acts for."""
    record = get_object_or_404(
        model,
        pk=record_id,
        page=page,
        standing=Standing.ACTIVE,
        council__in=councils_acting_for(request.user),
    )
    withdraw(record, request.user)
    return record


@login_required
@require_http_methods(["GET", "POST"])
@limit_person("face-this-too")
def face_this_too(request, page_id):
    page = _live_page(page_id)
    context = _context(page, request.user)
    mine = _mine(SharedProblem, page, context["councils"])
    form = shared_problems.SharedProblemForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        page=page,
        initial={"note": mine[0].note} if len(mine) == 1 else None,
    )
    if request.method == "POST" and context["can_act"] and form.is_valid():
        council = form.cleaned_data["council"]
        shared_problems.say_we_face_this(page, council, request.user, form.cleaned_data["note"])
        messages.success(request, f"You said that {council.short_name} faces this too.")
        return redirect("collaboration:face_this_too", page_id=page.pk)
    context.update({"form": form, "mine": mine, "records": shared_problems.shown_for_page(page)})
    return _show(request, "collaboration/face_this_too.html", context)


@login_required
@require_POST
@limit_person("face-this-too")
def face_this_too_withdraw(request, page_id, record_id):
    page = _live_page(page_id)
    record = _withdraw(request, page, SharedProblem, record_id, shared_problems.withdraw)
    messages.success(request, f"You withdrew “we face this too” for {record.council.short_name}.")
    return redirect("collaboration:face_this_too", page_id=page.pk)


def _reusable_page(page_id):
    page = _live_page(page_id)
    if not reuses.can_be_reused(page):
        raise Http404("Only case studies and projects can be reused.")
    return page


@login_required
@require_http_methods(["GET", "POST"])
@limit_person("reuse")
def reuse(request, page_id):
    page = _reusable_page(page_id)
    context = _context(page, request.user)
    form = reuses.ReuseForm(
        request.POST if request.method == "POST" else None, user=request.user, page=page
    )
    if request.method == "POST" and context["can_act"] and form.is_valid():
        data = form.cleaned_data
        record, _created = reuses.record_reuse(
            page,
            data["council"],
            request.user,
            output=data["output"],
            what_changed=data["what_changed"],
            link=data["link"],
            how_it_went=data["how_it_went"],
        )
        messages.success(
            request,
            f"You recorded that {record.council.short_name} reused {record.output or 'this work'}.",
        )
        return redirect("collaboration:reuse", page_id=page.pk)
    context.update(
        {
            "form": form,
            "mine": _mine(Reuse, page, context["councils"]),
            "reuses": reuses.shown_for_page(page),
        }
    )
    return _show(request, "collaboration/reuse.html", context)


@login_required
@require_POST
@limit_person("reuse")
def reuse_withdraw(request, page_id, record_id):
    page = _reusable_page(page_id)
    record = _withdraw(request, page, Reuse, record_id, reuses.withdraw)
    messages.success(request, f"You withdrew {record.council.short_name}'s reuse.")
    return redirect("collaboration:reuse", page_id=page.pk)
