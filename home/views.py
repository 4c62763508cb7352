"""robots.txt, and sitemap.xml: an index of the sitemaps, each at most PAGE_SIZE addresses."""

from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import views as sitemap_views

from .seo import site_root_url
from .sitemaps import sitemaps


@require_GET
@x_robots_tag
def sitemap_index(request):
    """Django's index view names its sitemaps by the request's host; these take the Wagtail
    Site's address, as the sitemaps' own addresses do."""
    root = site_root_url(request)
    items = []
    for section, sitemap in sitemaps(request).items():
        location = root + reverse("sitemap_section", kwargs={"section": section})
        for number in sitemap.paginator.page_range:
            items.append(SitemapIndexItem(location if number == 1 else f"{location}?p={number}"))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )


@require_GET
def sitemap(request, section):
    return sitemap_views.sitemap(request, sitemaps(request), section=section)


@require_GET
def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_url": f"{site_root_url(request)}/sitemap.xml"},
        content_type="text/plain; charset=utf-8",
    )
