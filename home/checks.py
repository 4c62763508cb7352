"""System checks for what the site's pages promise readers."""

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError


@register(deploy=True)
def check_feedback_address(app_configs=None, **kwargs):
    """The accessibility statement tells readers where to report a problem."""
    if getattr(settings, "FEEDBACK_EMAIL", ""):
        return []
    from .models import SiteSettings

    try:
        if SiteSettings.objects.exclude(service_email="").exists():
            return []
    except DatabaseError:
        return []  # before the first migrate there is no statement to show either
    return [
        Warning(
            "No feedback address: the accessibility statement cannot tell readers where to "
            "report an accessibility problem.",
            hint="Set the service email in Settings › Site settings, or FEEDBACK_EMAIL.",
            id="home.W001",
        )
    ]


@register(deploy=True)
def check_site_address(app_configs=None, **kwargs):
    """Canonical links, the sitemap and robots.txt give the default Site's address."""
    from urllib.parse import urlsplit

    from wagtail.models import Site

    public = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []
    if site is None or not public.hostname or site.hostname == public.hostname:
        return []
    return [
        Warning(
            f"The default site's hostname is {site.hostname!r} but WAGTAILADMIN_BASE_URL is "
            f"{public.hostname!r}: canonical links and the sitemap would point at "
            f"{site.root_url}.",
            hint="Set the hostname and port (443 for https) in Settings › Sites.",
            id="home.W002",
        )
    ]
