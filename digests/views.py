"""The email digest settings page, and unsubscribing from a link in an email."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from django_ratelimit import ALL

from core.throttling import limit, limit_person

from . import unsubscribe as links
from .forms import DigestPreferenceForm
from .models import Frequency
from .preferences import preference_for

CONFIRMATIONS = {
    Frequency.WEEKLY: "You will get a weekly digest when something you follow is new.",
    Frequency.MONTHLY: "You will get a monthly digest when something you follow is new.",
    Frequency.NONE: "You will not get email digests.",
}


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@limit_person("digest-settings")
def digest_settings(request):
    preference = preference_for(request.user)
    form = DigestPreferenceForm(
        request.POST if request.method == "POST" else None, instance=preference
    )
    if request.method == "POST" and form.is_valid():
        preference = form.save()
        updates = (
            "We will email you about progress updates on projects you follow."
            if preference.project_updates
            else "We will not email you about progress updates."
        )
        messages.success(
            request, f"Your choices are saved. {CONFIRMATIONS[preference.frequency]} {updates}"
        )
        return redirect("digests:settings")
    return render(
        request, "digests/settings.html", {"form": form}, status=400 if form.errors else 200
    )


# Mail clients POST here with no CSRF token (RFC 8058 one-click); the signed token is what
# allows it, and all it can do is stop emails to the person it names.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@limit("unsubscribe", method=ALL)
def unsubscribe(request, token):
    """GET: a page with one button, so link scanners do not unsubscribe anyone. POST (the
    button, or a mail client's one-click): unsubscribe at once."""
    try:
        person, stream = links.read(token)
    except links.InvalidLink:
        return render(request, "digests/invalid_link.html", status=400)
    context = {"stream": stream, "what": links.Stream.NAMES[stream]}
    if request.method == "POST":
        links.unsubscribe(person, stream)
        return render(request, "digests/unsubscribed.html", context)
    context["subscribed"] = links.is_subscribed(person, stream)
    return render(request, "digests/unsubscribe.html", context)
