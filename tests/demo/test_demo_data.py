"""load_demo_data and remove_demo_data, run for real against the test database.

Loading the demo publishes about 70 pages, so the load, reload and removal are checked in
one test that shares a single load.
"""

import datetime as dt
from collections import Counter
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count

from wagtail.models import Page, Revision

import pytest

from casestudies.choices import BudgetBand, CollaborationStance, Phase
from casestudies.factories import CaseStudyPageFactory
from casestudies.models import (
    CaseStudyPage,
    LearningPage,
    LessonPage,
    LessonSource,
    ProgressUpdate,
    ProjectPage,
    Theme,
    ThemedPage,
    ThemePage,
)
from councils.models import Council
from demo.data import read_content
from demo.loader import load_demo_data, step_councils_and_site
from demo.users import DEFAULT_DEMO_PASSWORD, DemoUser, ensure_user
from home.models import HomeFeaturedItem, HomePage

TODAY = dt.date(2026, 11, 26)
CONTENT = read_content()
CASE_STUDIES = CONTENT.pages["case_studies"]
PROJECTS = CONTENT.pages["projects"]
LESSONS = CONTENT.pages["lessons"]
HOME_FEATURED = CONTENT.home_featured
THEME_FEATURED = CONTENT.theme_featured
all_items = CONTENT.items


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _snapshot():
    return {
        "case studies": CaseStudyPage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "projects": ProjectPage.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "progress updates": ProgressUpdate.objects.count(),
        "lesson sources": LessonSource.objects.count(),
        "themed items": ThemedPage.objects.count(),
        "home featured": HomeFeaturedItem.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_is_complete_and_consistent():
    items = all_items()
    kinds = Counter(kind for kind, _ in items)
    assert len(items) >= 60
    assert kinds["case study"] >= 25 and kinds["lesson"] >= 12 and kinds["project"] >= 15

    slugs = [item["slug"] for _, item in items]
    assert len(slugs) == len(set(slugs)), "slugs must be unique across the whole demo"
    for slug in HOME_FEATURED + [s for group in THEME_FEATURED.values() for s in group]:
        assert slug in slugs
    assert 3 <= len(HOME_FEATURED) <= 6
    assert all(len(group) <= 6 for group in THEME_FEATURED.values())

    linked = [item for item in LESSONS if item.get("sources")]
    assert len(linked) >= 10
    source_slugs = {item["slug"] for item in CASE_STUDIES + PROJECTS}
    assert all(s in source_slugs for item in linked for s in item["sources"])

    for kind, item in items:
        published = _date(item["published"])
        assert dt.date(2023, 1, 1) <= published <= TODAY, item["slug"]
        assert _date(item.get("updated")) is None or _date(item["updated"]) >= published
        assert len(item["summary"]) <= 600, item["slug"]
        if item.get("finished_on"):
            assert _date(item["started_on"]) <= _date(item["finished_on"]) <= published
        if kind == "case study":
            assert item["cost_band"] in BudgetBand.values
            assert all(outcome["description"] for outcome in item["outcomes"])
        if kind == "project":
            assert item["phase"] in Phase.values and item["stance"] in CollaborationStance.values
            for update in item.get("progress_updates", []):
                assert _date(item["started_on"]) <= _date(update["date"]) <= TODAY, update["title"]

    timelines = [len(item.get("progress_updates", [])) for item in PROJECTS]
    assert sum(1 for n in timelines if 2 <= n <= 5) >= 10
    assert sum(1 for item in CASE_STUDIES if item.get("partner_councils")) >= 5
    contacts = Counter(item["contact_is_public"] for item in CASE_STUDIES + PROJECTS)
    assert contacts[True] and contacts[False], "some contacts public, some not"


@pytest.mark.demo_content
@pytest.mark.django_db
def test_load_reload_and_remove(register, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-local-demo-password")
    User = get_user_model()
    editor = User.objects.create_user("editor", "editor@leeds.gov.uk", "secret-words")
    call_command("setup_site", stdout=StringIO())
    leeds = Council.objects.get(code="LDS")
    # A real editor's pages: one with a slug the demo also uses, one with its own.
    clash = CaseStudyPageFactory(
        title="Our pothole work",
        slug="pothole-reports-repaired-first-time",
        council=leeds,
        owner=editor,
    )
    own = CaseStudyPageFactory(
        title="Our own story", slug="our-own-story", council=leeds, owner=editor
    )

    out = StringIO()
    call_command("load_demo_data", stdout=out)
    output = out.getvalue()

    # Progress, summary, and credentials with the local-only warning.
    assert f"Case studies: {len(CASE_STUDIES)}/{len(CASE_STUDIES)}" in output
    assert f"Lessons: {len(LESSONS)}/{len(LESSONS)}" in output
    assert f"Case studies: {len(CASE_STUDIES) - 1} created, 1 skipped" in output
    assert "was not made by the demo; left alone" in output
    assert "LOCAL DEMO ONLY" in output
    assert "username admin  password a-local-demo-password" in output
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("a-local-demo-password")

    # The real editor's pages are untouched.
    clash.refresh_from_db()
    assert clash.title == "Our pothole work" and clash.owner == editor

    demo = LearningPage.objects.live().filter(owner=admin)
    assert demo.count() == len(all_items()) - 1 >= 60
    assert demo.type(CaseStudyPage).count() == len(CASE_STUDIES) - 1
    assert demo.type(ProjectPage).count() == len(PROJECTS)
    assert demo.type(LessonPage).count() == len(LESSONS)

    councils = Council.objects.filter(learning_pages__in=demo).distinct()
    assert councils.count() >= 25
    assert {"England", "Scotland", "Wales", "Northern Ireland"} <= set(
        councils.values_list("nation", flat=True)
    )
    assert councils.filter(is_current=True).count() == councils.count()
    uses = dict(Theme.objects.annotate(n=Count("themed_pages")).values_list("slug", "n"))
    assert min(uses.values()) >= 2, uses

    # Published through revisions, with the demo's own publication dates.
    assert all(page.live_revision_id and not page.has_unpublished_changes for page in demo)
    newest = demo.order_by("-first_published_at").first()
    latest = max(all_items(), key=lambda pair: pair[1]["published"])[1]
    assert newest.slug == latest["slug"]
    assert newest.first_published_at.date() == _date(latest["published"])
    project = ProjectPage.objects.get(slug="bilingual-council-tax-assistant-for-wales")
    assert project.last_published_at.date() == dt.date(2026, 6, 30)
    assert project.partners.count() == 3
    assert project.progress_updates.count() == 4
    assert len(project.timeline) == 4  # published through a revision, so public
    assert all(update.live_revision_id for update in project.timeline)
    assert "fly-tipping-hotspots-deployable-cameras" in {
        page.slug for page in LearningPage.objects.live().search("fly-tipping cameras")
    }

    lesson = LessonPage.objects.get(slug="untested-backups-are-wishes")
    assert {source.page.slug for source in lesson.sources.all()} == {
        "ransomware-exercise-and-offline-backups",
        "regional-cyber-incident-playbook",
    }
    home = HomePage.objects.get()
    assert 3 <= home.featured_items.count() <= 6
    waste = ThemePage.objects.get(theme__slug="waste")
    assert waste.featured_items.count() == len(THEME_FEATURED["waste"])

    # Running again changes nothing.
    before = _snapshot()
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    assert _snapshot() == before
    assert f"Case studies: {len(CASE_STUDIES) - 1} unchanged, 1 skipped" in out.getvalue()

    # Something a person adds to the home page after the demo stays.
    home.featured_items.add(HomeFeaturedItem(page=own))
    home.save_revision(user=editor).publish()

    out = StringIO()
    call_command("remove_demo_data", stdout=out)
    assert f"{len(all_items()) - 1} pages" in out.getvalue()
    assert set(LearningPage.objects.values_list("slug", flat=True)) == {
        "pothole-reports-repaired-first-time",
        "our-own-story",
    }
    assert ProgressUpdate.objects.count() == 0
    assert list(HomePage.objects.get().featured_items.values_list("page_id", flat=True)) == [own.pk]
    assert not ThemePage.objects.filter(featured_items__isnull=False).exists()
    assert list(User.objects.values_list("username", flat=True)) == ["editor"]
    assert Council.objects.count() > 400, "councils are not demo data"
    assert HomePage.objects.get().live_revision.as_object().featured_items.count() == 1


@pytest.mark.demo_content
@pytest.mark.django_db
def test_load_imports_the_council_register_when_it_is_empty():
    lines = []
    load_demo_data(lines.append, steps=[step_councils_and_site])
    assert "importing the council register first" in lines[0]
    assert Council.objects.filter(code__in=["GLG", "CRF", "BFS"]).count() == 3
    assert ThemePage.objects.count() == Theme.objects.count()


@pytest.mark.django_db
def test_real_admin_account_is_left_alone():
    User = get_user_model()
    real = User.objects.create_superuser("admin", "it@leeds.gov.uk", "real-admin-secret")
    user, status = ensure_user(
        DemoUser("admin", "Demo", "Administrator", "administrator", is_superuser=True)
    )
    assert (user.username, status) == ("demo-admin", "created")
    assert user.check_password(DEFAULT_DEMO_PASSWORD)
    real.refresh_from_db()
    assert real.check_password("real-admin-secret") and real.email == "it@leeds.gov.uk"

    user, status = ensure_user(
        DemoUser("admin", "Demo", "Administrator", "administrator", is_superuser=True)
    )
    assert (user.username, status) == ("demo-admin", "unchanged")
