"""`{% seo_tags %}`: the description, canonical link, link-preview tags and JSON-LD of a page."""

from django import template
from django.utils.safestring import mark_safe

from home.seo import describe, json_ld

register = template.Library()


@register.inclusion_tag("components/seo_tags.html", takes_context=True)
def seo_tags(context, title="", description=""):
    seo = describe(context, title=title, description=description)
    return {"seo": seo, "json_ld": mark_safe(json_ld(seo.json_ld)) if seo.json_ld else ""}  # noqa: S308 (escaped by json_ld)
