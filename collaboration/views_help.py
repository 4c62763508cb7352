"""Requests for help: the listing, asking, the request's page, offering, marking the offers
that helped, closing; and the email preferences page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.views.decorators.http import require_http_methods, require_POST

from core.pagination import paginate
from core.throttling import limit_person
from search.grouping import group_matches

from . import help as help_requests
from .models import EmailPreferences, HelpOffer, HelpRequest, Standing

PREFILL_LIMIT = 4000


def help_list(request):
    paginator, page = paginate(request, help_requests.listed_requests())
    return render(
        request, "collaboration/help_list.html", {"paginator": paginator, "page_obj": page}
    )


def _prefill(text):
    text = " ".join(str(text).split())[:PREFILL_LIMIT]
    if len(text) <= 200:
        return {"title": text}
    return {"title": Truncator(text).chars(200), "details": text}


@login_required
@require_http_methods(["GET", "POST"])
@limit_person("help-request")
def help_new(request):
    if not help_requests.may_ask(request.user):
        return render(request, "collaboration/help_cannot_ask.html", status=403)
    if request.method == "POST":
        form = help_requests.HelpRequestForm(request.POST, user=request.user)
        if form.is_valid():
            help_request = help_requests.create_request(form, request.user)
            messages.success(request, "Your request for help is published.")
            return redirect("collaboration:help_detail", pk=help_request.pk)
    else:
        form = help_requests.HelpRequestForm(
            user=request.user, initial=_prefill(request.GET.get("text", ""))
        )
    return render(request, "collaboration/help_new.html", {"form": form})


def _detail(request, help_request, offer_form=None, status=200):
    user = request.user
    may_manage = help_requests.may_manage(user, help_request)
    may_offer = (
        user.is_authenticated and not may_manage and help_request.status == HelpRequest.Status.OPEN
    )
    if may_offer and offer_form is None:
        offer_form = help_requests.HelpOfferForm(user=user)
    matches = help_requests.matches_for(help_request)
    context = {
        "help_request": help_request,
        "matches": matches,
        "groups": group_matches(matches),
        "offer_count": help_request.offers.filter(standing=Standing.ACTIVE).count(),
        "offers": help_requests.offers_visible_to(user, help_request),
        "may_manage": may_manage,
        "reads_all_offers": may_manage or help_requests.is_organiser(user),
        "offer_form": offer_form if may_offer else None,
        "form": offer_form if may_offer else None,
        "finder_url": reverse("search:similar_councils"),
        "sign_in_url": f"{reverse('accounts:sign_in')}?{urlencode({'next': request.path})}",
    }
    return render(request, "collaboration/help_detail.html", context, status=status)


def _request(pk):
    return get_object_or_404(HelpRequest.objects.select_related("council", "person"), pk=pk)


@require_http_methods(["GET", "HEAD"])
def help_detail(request, pk):
    return _detail(request, _request(pk))


@login_required
@require_POST
@limit_person("help-offer")
def help_offer(request, pk):
    help_request = _request(pk)
    if help_requests.may_manage(request.user, help_request):
        raise PermissionDenied("The asking council does not offer help to itself.")
    if help_request.status != HelpRequest.Status.OPEN:
        messages.error(request, "This request is closed, so it takes no more offers.")
        return redirect("collaboration:help_detail", pk=pk)
    form = help_requests.HelpOfferForm(request.POST, user=request.user)
    if not form.is_valid():
        return _detail(request, help_request, offer_form=form)
    help_requests.make_offer(help_request, request.user, form)
    messages.success(request, f"Your offer is sent to {help_request.council.short_name}.")
    return redirect("collaboration:help_detail", pk=pk)


def _managed(request, pk):
    help_request = _request(pk)
    if not help_requests.may_manage(request.user, help_request):
        raise PermissionDenied("Only the asking council's practitioners can do this.")
    return help_request


@login_required
@require_POST
@limit_person("help-decision")
def help_offer_helped(request, pk, offer_pk):
    help_request = _managed(request, pk)
    offer = get_object_or_404(
        HelpOffer, pk=offer_pk, help_request=help_request, standing=Standing.ACTIVE
    )
    helped = request.POST.get("helped", "yes") != "no"
    help_requests.mark_helped(offer, request.user, helped)
    messages.success(
        request, "Offer marked as helpful." if helped else "Offer no longer marked as helpful."
    )
    return redirect(f"{reverse('collaboration:help_detail', args=[pk])}#offer-{offer.pk}")


@login_required
@require_POST
@limit_person("help-decision")
def help_offer_withdraw(request, pk, offer_pk):
    offer = get_object_or_404(
        HelpOffer, pk=offer_pk, help_request_id=pk, person=request.user, standing=Standing.ACTIVE
    )
    help_requests.withdraw_offer(offer, request.user)
    messages.success(request, "Your offer is withdrawn.")
    return redirect("collaboration:help_detail", pk=pk)


@login_required
@require_POST
@limit_person("help-decision")
def help_close(request, pk):
    help_request = _managed(request, pk)
    if help_request.status == HelpRequest.Status.OPEN:
        help_requests.close_request(help_request, request.user)
        messages.success(request, "Your request is closed and shown as answered.")
    return redirect("collaboration:help_detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
@limit_person("help-decision")
def email_preferences(request):
    preferences, _created = EmailPreferences.objects.get_or_create(person=request.user)
    form = help_requests.EmailPreferencesForm(
        request.POST if request.method == "POST" else None, instance=preferences
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your email preferences are saved.")
        return redirect("collaboration:email_preferences")
    return render(request, "collaboration/help_email_preferences.html", {"form": form})
