"""Header, footer and breadcrumb links, found once per request in a fixed number of queries."""

from django import template
from django.urls import reverse

from wagtail.models import Page, Site

from core import content_version

register = template.Library()

SEARCH_PATH = "/search/"

# The index pages in the header, in order, by model; the support pages in the footer, by slug
# (home/site_structure.py creates both).
MAIN_SECTIONS = [
    ("casestudies.CaseStudyIndexPage", "Case studies"),
    ("casestudies.LessonIndexPage", "Lessons"),
    ("casestudies.ProjectIndexPage", "Projects"),
    ("casestudies.ThemeIndexPage", "Themes"),
]
FOOTER_PAGES = [
    ("about", "About"),
    ("accessibility", "Accessibility statement"),
    ("data-credits", "Data credits"),
]


def _site_pages(request):
    """Live children of the site's home page that the header and footer link to."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}, {}
    models = [apps.get_model(label) for label, _ in MAIN_SECTIONS]
    content_types = ContentType.objects.get_for_models(*models)
    type_labels = {
        content_types[model].pk: label
        for model, (_, label) in zip(models, MAIN_SECTIONS, strict=True)
    }
    footer_slugs = [slug for slug, _ in FOOTER_PAGES]
    children = (
        Page.objects.child_of(site.root_page)
        .live()
        .public()
        .only("id", "slug", "url_path", "content_type_id", "depth", "path", "title")
    )
    by_section, by_slug = {}, {}
    for page in children:
        if page.content_type_id in type_labels:
            by_section.setdefault(type_labels[page.content_type_id], page)
        elif page.slug in footer_slugs:
            by_slug[page.slug] = page
    return by_section, by_slug


def _is_current(path, url):
    return bool(url) and url != "/" and path.startswith(url)


def _links(request):
    by_section, by_slug = _site_pages(request)
    main = []
    for _, label in MAIN_SECTIONS:
        page = by_section.get(label)
        if page is not None:
            main.append({"label": label, "url": page.get_url(request)})
    main.append({"label": "Councils", "url": reverse("councils:directory")})
    main.append({"label": "Find councils by problem", "url": reverse("search:similar_councils")})
    main.append({"label": "Requests for help", "url": reverse("collaboration:help_list")})
    main.append({"label": "Insights", "url": reverse("insights:index")})
    main.append({"label": "Search", "url": SEARCH_PATH})
    footer = [
        {"label": label, "url": by_slug[slug].get_url(request)}
        for slug, label in FOOTER_PAGES
        if slug in by_slug
    ] + [
        {"label": "Sign in to publish", "url": reverse("accounts:sign_in")},
        {"label": "Ask to join as a practitioner", "url": reverse("accounts:request_access")},
    ]
    return main, footer


@register.simple_tag(takes_context=True)
def site_links(context):
    """{"main": [...], "footer": [...]}, each link a dict of label, url and current."""
    request = context.get("request")
    cached = getattr(request, "_site_links", None)
    if cached is not None:
        return cached
    path = request.path if request else ""
    if request is not None:
        # The same for every page of the site until its content changes.
        main, footer = content_version.cached(
            f"site-links:{request.get_host()}", lambda: _links(request)
        )
    else:
        main, footer = _links(request)
    main = [dict(link) for link in main]
    current = max(
        (link["url"] for link in main if _is_current(path, link["url"])), key=len, default=None
    )
    for link in main:
        link["current"] = link["url"] == current
    links = {
        "main": main,
        "footer": footer,
        "data_credits": next(
            (link["url"] for link in footer if link["label"] == "Data credits"), None
        ),
        "search": SEARCH_PATH,
    }
    if request is not None:
        request._site_links = links
    return links


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors from the site's home page down, not the page itself."""
    request = context.get("request")

    def items():
        ancestors = (
            page.get_ancestors()
            .filter(depth__gt=1)
            .only("id", "title", "url_path", "depth", "path")
        )
        return [
            {
                "title": "Home" if ancestor.depth == 2 else ancestor.title,
                "url": ancestor.get_url(request),
            }
            for ancestor in ancestors
        ]

    if request is None or not page.pk:
        return {"items": items()}
    # Read once per content version: a section's title or address changing is a change.
    return {
        "items": content_version.cached(
            f"breadcrumbs:{request.get_host()}:{page.pk}:{page.path}", items
        )
    }
