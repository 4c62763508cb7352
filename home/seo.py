"""What search engines and link previews read about a page: its title, description,
canonical URL, Open Graph type and schema.org JSON-LD, worked out once for every kind of page.

A Wagtail page is described from its own fields; a council profile from its council; any
other view from `seo_title` / `meta_description` in its context, else from VIEW_DESCRIPTIONS,
else the site's defaults.

Over 300 lines because every page type's description is worked out here, so each rule (title,
canonical URL, JSON-LD escaping) is stated once for all of them.
"""

import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page, Site

from core.licence import LICENCE_URL

SITE_NAME = "Shared Endeavour"
DEFAULT_DESCRIPTION = (
    "UK councils share case studies, lessons and projects: what they did, what it cost, "
    "what changed and whom to call. Then they work on it together."
)
DESCRIPTION_LENGTH = 160

# Views that are not Wagtail pages: (title, description), by URL name.
VIEW_DESCRIPTIONS = {
    "councils:directory": (
        "Councils",
        "Every council in the UK, from the register of local authorities: what each has "
        "shared and the work it is a partner in.",
    ),
    "search:search": (
        "Search",
        "Search case studies, lessons and projects from UK councils by theme, council, "
        "nation, region and type of council.",
    ),
    "search:similar_councils": (
        "Find councils facing a problem like yours",
        "Describe a problem and find the councils that have written about one like it.",
    ),
    "collaboration:help_list": (
        "Requests for help",
        "Councils asking other councils for help, and the offers they have had.",
    ),
    "accounts:sign_in": (
        "Sign in",
        "Sign in to Shared Endeavour to publish your council's learning and join projects.",
    ),
    "accounts:request_access": (
        "Ask to join",
        "Ask to join Shared Endeavour to publish what your council has learned.",
    ),
}
# Search results change with every query and are not indexed: one canonical URL for all.
UNPAGED_VIEWS = {"search:search"}
# Query parameters that say where a reader came from, not what they see.
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_")

JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class Seo:
    title: str
    description: str
    canonical: str
    og_type: str = "website"
    site_name: str = SITE_NAME
    published: object = None
    modified: object = None
    json_ld: dict | None = field(default=None)


def trim(text, length=DESCRIPTION_LENGTH):
    """Plain text on one line, cut at a word before `length` characters."""
    text = " ".join(strip_tags(str(text or "")).split())
    return Truncator(text).chars(length, truncate="…")


def _without_blanks(value):
    if isinstance(value, dict):
        return {
            key: _without_blanks(item)
            for key, item in value.items()
            if item is not None and item != [] and item != ""
        }
    if isinstance(value, list):
        return [_without_blanks(item) for item in value]
    return value


def json_ld(data):
    """JSON for a <script type="application/ld+json"> element, empty properties left out:
    `<`, `>` and `&` are escaped, so no value can close the element or open a comment."""
    return json.dumps(_without_blanks(data), cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )


def _site(request):
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def site_root_url(request):
    """The site's address without a trailing slash, from its Wagtail Site record."""
    site = _site(request)
    if site is not None:
        return site.root_url.rstrip("/")
    return request.build_absolute_uri("/").rstrip("/")


def _site_name(request):
    site = _site(request)
    return (site.site_name if site and site.site_name else "") or SITE_NAME


def _listing_page(context):
    """The page of results a listing shows (a Django paginator page), if it is a listing."""
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance() would evaluate a lazy `user` or `messages`.
        if issubclass(type(value), PaginatorPage):
            return value
    return None


def _page_number(request, listing_page):
    """The page of a listing worth keeping in its canonical URL: above 1, and only when the
    reader has not filtered it (a filtered page 3 is not page 3 of the listing)."""
    if listing_page is None or request is None or listing_page.number < 2:
        return None
    filters = [
        name for name in request.GET if name != "page" and not name.startswith(TRACKING_PREFIXES)
    ]
    return None if filters else listing_page.number


def canonical_url(request, path, listing_page=None, full_url=None):
    """The absolute URL of `path` on this site (or `full_url`), with a listing's page number."""
    number = _page_number(request, listing_page)
    query = f"?{urlencode({'page': number})}" if number else ""
    return f"{full_url or site_root_url(request) + path}{query}"


def _learning_kind(page):
    from casestudies.models import CaseStudyPage, LessonPage, ProjectPage

    for model, kind in (
        (CaseStudyPage, "case study"),
        (LessonPage, "lesson"),
        (ProjectPage, "project"),
    ):
        if isinstance(page, model):
            return kind
    return None


def page_description(page):
    """The editor's search description, else the listing summary, summary or introduction."""
    for name in ("search_description", "listing_summary", "summary", "introduction"):
        text = trim(getattr(page, name, ""))
        if text:
            return text
    return DEFAULT_DESCRIPTION


def _council_entity(council, request):
    return {
        "@type": "GovernmentOrganization",
        "name": council.official_name or council.short_name,
        "url": canonical_url(request, council.get_absolute_url()),
    }


def _page_json_ld(page, request, seo):
    from casestudies.models import LearningPage

    from .models import HomePage

    if isinstance(page, HomePage):
        root = site_root_url(request)
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": seo.site_name,
            "url": f"{root}/",
            "description": seo.description,
            "inLanguage": "en-GB",
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{root}/search/?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    kind = _learning_kind(page)
    if kind is None or not isinstance(page, LearningPage):
        return None
    lead = _council_entity(page.council, request)
    partners = [_council_entity(council, request) for council in page.partner_councils()]
    themes = [theme.name for theme in page.themes.all()]
    if kind == "project":
        data = {
            "@context": "https://schema.org",
            "@type": "Project",
            "name": page.title,
            "description": seo.description,
            "url": seo.canonical,
            "parentOrganization": lead,
            "member": [lead, *partners],
            "keywords": themes,
            "mainEntityOfPage": {
                "@type": "WebPage",
                "@id": seo.canonical,
                "license": LICENCE_URL,
                "datePublished": seo.published,
                "dateModified": seo.modified,
            },
        }
        if page.started_on:
            data["foundingDate"] = page.started_on
        return data
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": Truncator(page.title).chars(110, truncate="…"),
        "description": seo.description,
        "url": seo.canonical,
        "mainEntityOfPage": seo.canonical,
        "articleSection": kind,
        "inLanguage": "en-GB",
        "datePublished": seo.published,
        "dateModified": seo.modified,
        "author": lead,
        "contributor": partners,
        "publisher": {
            "@type": "Organization",
            "name": seo.site_name,
            "url": f"{site_root_url(request)}/",
        },
        "keywords": themes,
        "license": LICENCE_URL,
    }


def describe_page(page, request, listing_page=None):
    page = page.specific if type(page) is Page else page
    seo = Seo(
        title=page.seo_title or page.title,
        description=page_description(page),
        canonical=canonical_url(request, "", listing_page, full_url=page.get_full_url(request)),
        site_name=_site_name(request),
    )
    if _learning_kind(page):
        seo.og_type = "article"
        seo.published = page.first_published_at
        seo.modified = page.last_published_at or page.first_published_at
    seo.json_ld = _page_json_ld(page, request, seo)
    return seo


def council_description(council):
    where = ", ".join(part for part in (council.region, council.nation) if part)
    kind = council.type_name or "council"
    text = f"{council.official_name or council.short_name}: {kind}"
    if where:
        text += f" in {where}"
    return trim(f"{text}. What it has shared on {SITE_NAME} and the work it is a partner in.")


def describe_council(council, request):
    seo = Seo(
        title=council.short_name,
        description=council_description(council),
        canonical=canonical_url(request, council.get_absolute_url()),
        site_name=_site_name(request),
    )
    entity = {
        "@context": "https://schema.org",
        **_council_entity(council, request),
        "alternateName": [
            name
            for name in (council.short_name, *council.other_names)
            if name and name != council.official_name
        ],
        "description": seo.description,
        "areaServed": {"@type": "AdministrativeArea", "name": council.short_name},
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "GB",
            **({"addressRegion": council.region} if council.region else {}),
        },
    }
    if council.gss_code:
        entity["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "GSS code",
            "value": council.gss_code,
        }
    if council.latitude is not None and council.longitude is not None:
        entity["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": council.latitude,
                "longitude": council.longitude,
            },
        }
    seo.json_ld = entity
    return seo


def _view_name(request):
    match = getattr(request, "resolver_match", None) if request is not None else None
    return match.view_name if match else ""


def describe_view(request, context, title="", description=""):
    view_name = _view_name(request)
    default_title, default_description = VIEW_DESCRIPTIONS.get(view_name, ("", ""))
    listing_page = None if view_name in UNPAGED_VIEWS else _listing_page(context)
    return Seo(
        title=title or context.get("seo_title") or default_title or _site_name(request),
        description=trim(
            description
            or context.get("meta_description")
            or default_description
            or DEFAULT_DESCRIPTION
        ),
        canonical=canonical_url(
            request, request.path if request is not None else "/", listing_page
        ),
        site_name=_site_name(request),
    )


def describe(context, title="", description=""):
    """The Seo of whatever the template context shows; `title` and `description`, when a
    template gives them, stand in for those worked out."""
    request = context.get("request")
    page = context.get("page")
    # Page.get_context() puts the page in as both `page` and `self`; a view about a page
    # (a form to say "we face this too") passes only `page`, and is described as a view.
    if isinstance(page, Page) and context.get("self") is page:
        seo = describe_page(page, request, _listing_page(context))
    elif _view_name(request) == "councils:detail" and context.get("council") is not None:
        seo = describe_council(context["council"], request)
    else:
        return describe_view(request, context, title, description)
    seo.title = title or seo.title
    seo.description = trim(description) if description else seo.description
    return seo
