"""Create the pages every Shared Endeavour site needs. Idempotent: safe to run again."""

import datetime as dt
from pathlib import Path

from django.utils import timezone

from wagtail.models import Page, Site

import yaml

from casestudies.models import (
    CaseStudyIndexPage,
    LessonIndexPage,
    ProjectIndexPage,
    Theme,
    ThemeIndexPage,
    ThemePage,
)
from core.indexing import indexed_together

from .models import HomePage, StandardPage

INDEX_PAGES = [
    (
        CaseStudyIndexPage,
        "Case studies",
        "case-studies",
        "What councils did about a problem, what it cost and what changed.",
    ),
    (
        LessonIndexPage,
        "Lessons learned",
        "lessons",
        "Short, honest lessons: what worked, what did not, and advice for the next council.",
    ),
    (
        ProjectIndexPage,
        "Projects",
        "projects",
        "Work councils are doing together, and projects looking for partners.",
    ),
    (
        ThemeIndexPage,
        "Themes",
        "themes",
        "Browse learning by service area and cross-cutting topic.",
    ),
]

ABOUT_PAGES = [
    (
        "About Shared Endeavour",
        "about",
        "Shared Endeavour is where UK councils publish what they have learned and turn it into "
        "joint work. Practitioners write up case studies, lessons and projects for their "
        "council; leaders browse what councils like theirs did; network organisers review, "
        "curate and connect.",
    ),
    (
        "Data credits",
        "data-credits",
        "The register of UK councils comes from mySociety's 'UK Local Authority Names and Codes' "
        "data set, and council profiles from mySociety's 'Local authority similarity' data set, "
        "both used under the Creative Commons Attribution 4.0 licence (CC BY 4.0).",
    ),
]


CONTENT_DIR = Path(__file__).with_name("content")
STATEMENT_FILE = CONTENT_DIR / "accessibility_statement.yaml"
STATEMENT_BLOCKS = {"heading", "paragraph", "feedback_contact"}
# The one-paragraph statement earlier versions of setup_site published. A page still saying
# exactly this, with nothing else, has not been edited, and is replaced by the full statement.
SHIPPED_STATEMENTS = [
    "We want as many people as possible to be able to use this website. It aims to meet the "
    "Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page type is "
    "checked automatically with axe-core in a real browser before each change is accepted. "
    "If you find a problem, tell the network organisers and we will fix it.",
]


class ContentError(ValueError):
    """A content file of home/content/ is not as expected; the message says where."""


def load_statement(path=STATEMENT_FILE):
    """The accessibility statement's fields, checked: {title, slug, introduction,
    search_description, last_reviewed, body (a list of (block type, value))}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    required = {"title", "slug", "introduction", "search_description", "last_reviewed", "body"}
    if not isinstance(data, dict) or set(data) != required:
        raise ContentError(f"{path.name}: expected the keys {sorted(required)}")
    if not isinstance(data["last_reviewed"], dt.date):
        raise ContentError(f"{path.name}: last_reviewed must be a date (YYYY-MM-DD)")
    body = []
    for number, item in enumerate(data["body"], start=1):
        if not isinstance(item, dict) or len(item) != 1 or next(iter(item)) not in STATEMENT_BLOCKS:
            raise ContentError(
                f"{path.name}: body item {number} must be one of {sorted(STATEMENT_BLOCKS)}"
            )
        ((kind, value),) = item.items()
        body.append((kind, None if kind == "feedback_contact" else str(value).strip()))
    return {**data, "body": body}


def _statement_page(statement):
    return StandardPage(
        title=statement["title"],
        slug=statement["slug"],
        introduction=" ".join(statement["introduction"].split()),
        search_description=" ".join(statement["search_description"].split()),
        last_reviewed=statement["last_reviewed"],
        body=statement["body"],
    )


def _is_shipped_statement(page):
    """Still the one paragraph setup_site once published, never edited since."""
    return (
        not page.body
        and page.title == "Accessibility statement"
        and page.introduction.strip() in SHIPPED_STATEMENTS
        and not page.has_unpublished_changes
    )


def ensure_accessibility_statement(home):
    """(page, "created" | "updated" | None): the statement is created when missing, and
    replaces the old one-paragraph page only if nobody has edited it; an organiser's page
    is left as it is. The replacement is a new published revision, so history is kept."""
    statement = load_statement()
    page = _child(home, StandardPage, statement["slug"])
    if page is None:
        page = _statement_page(statement)
        _add_published(home, page)
        return page, "created"
    if not _is_shipped_statement(page):
        return page, None
    new = _statement_page(statement)
    for name in ("title", "introduction", "search_description", "last_reviewed", "body"):
        setattr(page, name, getattr(new, name))
    page.save_revision(log_action=True).publish()
    return page, "updated"


def _add_published(parent, page):
    """Add a live page, dated as published now (the sitemap's lastmod reads it)."""
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def get_home_page():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Shared Endeavour", slug="home")
        root.add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "site_name": "Shared Endeavour"},
        )
    return home


def adopt_public_address():
    """Give the default Site the address in WAGTAILADMIN_BASE_URL (the environment's), while
    it still has the placeholder "localhost" it was created with. Returns the Site if changed."""
    from urllib.parse import urlsplit

    from django.conf import settings

    public = urlsplit(settings.WAGTAILADMIN_BASE_URL or "")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not public.hostname or site.hostname != "localhost":
        return None
    site.hostname = public.hostname
    site.port = public.port or (443 if public.scheme == "https" else 80)
    site.save(update_fields=["hostname", "port"])
    return site


def ensure_site_structure(updated=None):
    """Index pages, one theme page per theme, the about pages and the accessibility
    statement. Returns the pages created; pages brought up to date are added to `updated`."""
    models = (HomePage, StandardPage, ThemePage, *(model for model, *_ in INDEX_PAGES))
    with indexed_together(*models):
        return _ensure_site_structure(updated)


def _ensure_site_structure(updated):
    created = []
    home = get_home_page()
    for model, title, slug, introduction in INDEX_PAGES:
        page = model.objects.first()
        if page is None:
            page = model(title=title, slug=slug, introduction=introduction)
            _add_published(home, page)
            created.append(page)
    theme_index = ThemeIndexPage.objects.first()
    for theme in Theme.objects.filter(theme_page__isnull=True).order_by("name"):
        page = ThemePage(
            title=theme.name,
            slug=theme.slug,
            theme=theme,
            introduction=f"<p>{theme.description}</p>" if theme.description else "",
        )
        _add_published(theme_index, page)
        created.append(page)
    for title, slug, text in ABOUT_PAGES:
        if _child(home, StandardPage, slug) is None:
            page = StandardPage(title=title, slug=slug, introduction=text)
            _add_published(home, page)
            created.append(page)
    page, change = ensure_accessibility_statement(home)
    if change == "created":
        created.append(page)
    elif change == "updated" and updated is not None:
        updated.append(page)
    return created
