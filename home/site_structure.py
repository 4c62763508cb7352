"""Create the pages every Shared Endeavour site needs. Idempotent: safe to run again."""

from wagtail.models import Page, Site

from casestudies.models import (
    CaseStudyIndexPage,
    LessonIndexPage,
    ProjectIndexPage,
    Theme,
    ThemeIndexPage,
    ThemePage,
)

from .models import HomePage, StandardPage

INDEX_PAGES = [
    (CaseStudyIndexPage, "Case studies", "case-studies",
     "What councils did about a problem, what it cost and what changed."),
    (LessonIndexPage, "Lessons learned", "lessons",
     "Short, honest lessons: what worked, what did not, and advice for the next council."),
    (ProjectIndexPage, "Projects", "projects",
     "Work councils are doing together, and projects looking for partners."),
    (ThemeIndexPage, "Themes", "themes",
     "Browse learning by service area and cross-cutting topic."),
]

ABOUT_PAGES = [
    ("About Shared Endeavour", "about",
     "Shared Endeavour is where UK councils publish what they have learned and turn it into "
     "joint work. Practitioners write up case studies, lessons and projects for their "
     "council; leaders browse what councils like theirs did; network organisers review, "
     "curate and connect."),
    ("Accessibility statement", "accessibility",
     "We want as many people as possible to be able to use this website. It aims to meet the "
     "Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page type is "
     "checked automatically with axe-core in a real browser before each change is accepted. "
     "If you find a problem, tell the network organisers and we will fix it."),
    ("Data credits", "data-credits",
     "The register of UK councils comes from mySociety's 'UK Local Authority Names and Codes' "
     "data set, and council profiles from mySociety's 'Local authority similarity' data set, "
     "both used under the Creative Commons Attribution 4.0 licence (CC BY 4.0)."),
]


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
            defaults={"hostname": "localhost", "root_page": home,
                      "site_name": "Shared Endeavour"},
        )
    return home


def ensure_site_structure():
    """Index pages, one theme page per theme, and the about pages. Returns pages created."""
    created = []
    home = get_home_page()
    for model, title, slug, introduction in INDEX_PAGES:
        page = model.objects.first()
        if page is None:
            page = model(title=title, slug=slug, introduction=introduction)
            home.add_child(instance=page)
            created.append(page)
    theme_index = ThemeIndexPage.objects.first()
    for theme in Theme.objects.filter(theme_page__isnull=True).order_by("name"):
        page = ThemePage(
            title=theme.name, slug=theme.slug, theme=theme,
            introduction=f"<p>{theme.description}</p>" if theme.description else "",
        )
        theme_index.add_child(instance=page)
        created.append(page)
    for title, slug, text in ABOUT_PAGES:
        if _child(home, StandardPage, slug) is None:
            page = StandardPage(title=title, slug=slug, introduction=text)
            home.add_child(instance=page)
            created.append(page)
    return created
