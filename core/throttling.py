"""Who may try how often, and the pages that say when to try again.

django-axes locks sign-in after repeated wrong passwords (the AXES_* settings); django-ratelimit
counts requests to the public forms (RATELIMIT_RATES). Every refusal is a 429 page that says
when to try again, with a Retry-After header.
"""

import ipaddress
import math
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil

from django_ratelimit import ALL
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited


def client_ip(request):
    """REMOTE_ADDR, or behind a proxy the right-most address in the header named by
    RATELIMIT_CLIENT_IP_HEADER: the one the proxy added (anything left of it came from the
    client, who can forge it)."""
    header = settings.RATELIMIT_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "").rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")


class Throttled(Ratelimited):
    def __init__(self, retry_after):
        super().__init__()
        self.retry_after = retry_after


def _count(request, group, key, method):
    usage = get_usage(
        request,
        group=group,
        key=key,
        rate=settings.RATELIMIT_RATES[group],
        method=method,
        increment=True,
    )
    if usage and usage["should_limit"]:
        # time_left is -1 when the cache could not count.
        raise Throttled(retry_after=max(usage["time_left"], 1))


def limit(group, method="POST"):
    """Refuse the view to a client IP address past its RATELIMIT_RATES[group].

    django-ratelimit's own decorator raises a bare Ratelimited; this one counts through the
    same library call and keeps the time left for the refusal page."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            _count(request, group, "ip", method)
            return view(request, *args, **kwargs)

        return limited

    return decorator


def limit_person(group, method="POST"):
    """For forms of signed-in people: refuse the view past RATELIMIT_RATES[group] per client
    IP address, or past RATELIMIT_RATES[f"{group}-person"] per account."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            _count(request, group, "ip", method)
            if request.user.is_authenticated:
                _count(request, f"{group}-person", "user", method)
            return view(request, *args, **kwargs)

        return limited

    return decorator


def limit_email(request, group, email):
    """Refuse the request once this email address, from anywhere, is past its
    RATELIMIT_RATES[f"{group}-email"]."""
    _count(request, f"{group}-email", lambda _group, _request: email.strip().lower(), ALL)


def refuse(request, template, wait):
    """A 429 page from template saying how long to wait, with a Retry-After header."""
    seconds = math.ceil(wait.total_seconds())
    now = timezone.now()
    context = {"wait": timeuntil(now + timedelta(minutes=math.ceil(seconds / 60)), now)}
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def too_many_requests(request, exception):
    """RATELIMIT_VIEW: django-ratelimit's middleware answers Ratelimited with it."""
    seconds = getattr(exception, "retry_after", 60)
    return refuse(request, "too_many_requests.html", timedelta(seconds=seconds))
