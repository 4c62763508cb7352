"""robots.txt and sitemap.xml."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import views as sitemap_views

from .seo import site_root_url
from .sitemaps import sitemaps


@require_GET
def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps(request))


@require_GET
def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_url": f"{site_root_url(request)}/sitemap.xml"},
        content_type="text/plain; charset=utf-8",
    )
