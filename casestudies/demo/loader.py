"""Load the demo content as a list of steps; every step is safe to run again.

To extend the demo, add a step function to STEPS (or a person to users.DEMO_USERS). A step
receives the DemoRun, which knows the demo owner, councils, themes and the pages so far.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from django.core.management import call_command
from django.utils.text import slugify

from wagtail.models import Page, Revision

from accounts.roles import setup_roles
from councils.models import Council
from home.models import HomeFeaturedItem, HomePage
from home.site_structure import ensure_site_structure

from ..models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LessonIndexPage,
    LessonPage,
    LessonSource,
    ProgressUpdate,
    ProjectIndexPage,
    ProjectPage,
    Theme,
    ThemeFeaturedItem,
    ThemePage,
)
from .catalogue import CASE_STUDIES, HOME_FEATURED, LESSONS, PROJECTS, THEME_FEATURED
from .users import DEMO_USERS, ensure_user, is_demo_user

FEATURED_MAX = 6


class DemoDataError(Exception):
    """The demo cannot be loaded here; the message says why."""


@dataclass
class DemoRun:
    write: callable
    owner: object = None
    councils: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    summary: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    credentials: list = field(default_factory=list)

    def warn(self, message):
        self.warnings.append(message)
        self.write(f"  warning: {message}")

    def progress(self, label, done, total):
        if done == total or done % 10 == 0:
            self.write(f"{label}: {done}/{total}")


def html(text):
    """Plain demo text to rich text: blank lines split paragraphs, '- ' lines make a list."""
    parts = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:], quote=False)}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{escape(' '.join(lines), quote=False)}</p>")
    return "".join(parts)


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _moment(value, position):
    """A fixed publication time: the item's date, at 09:00 UTC plus its position in minutes."""
    day = dt.date.fromisoformat(value)
    return dt.datetime(day.year, day.month, day.day, 9, position % 60, tzinfo=dt.UTC)


def _contact(item, council):
    name, role, public = item["contact"]
    local = slugify(name).replace("-", ".")
    return {
        "contact_name": name,
        "contact_role": role,
        "contact_email": f"{local}@{council.slug}.example",
        "contact_is_public": public,
    }


def _outputs(item, council):
    return [
        {"type": "output", "value": {
            "kind": kind, "title": title, "description": description,
            "url": f"https://example.org/{council.slug}/{slugify(title)}",
        }}
        for kind, title, description in item.get("outputs", [])
    ]


def _outcomes(item):
    return [
        {"type": "outcome", "value": {
            "description": description,
            "value": None if value is None else str(value),
            "unit": unit,
            "baseline": None if baseline is None else str(baseline),
            "period": period,
        }}
        for description, value, unit, baseline, period in item.get("outcomes", [])
    ]


def _common(run, item):
    return {
        "title": item["title"],
        "slug": item["slug"],
        "council": run.councils[item["council"]],
        "summary": item["summary"],
        "last_reviewed": _date(item.get("reviewed")),
        "owner": run.owner,
        "live": False,
    }


def build_case_study(run, item):
    council = run.councils[item["council"]]
    return CaseStudyPage(
        **_common(run, item),
        **_contact(item, council),
        problem=html(item["problem"]),
        what_we_did=html(item["what_we_did"]),
        outcomes=_outcomes(item),
        cost_band=item["cost_band"],
        cost_detail=item.get("cost_detail", ""),
        do_differently=html(item.get("do_differently", "")) if item.get("do_differently") else "",
        outputs=_outputs(item, council),
        started_on=_date(item.get("started")),
        finished_on=_date(item.get("finished")),
    )


def build_project(run, item):
    council = run.councils[item["council"]]
    return ProjectPage(
        **_common(run, item),
        **_contact(item, council),
        aims=html(item["aims"]),
        phase=item["phase"],
        stance=item["stance"],
        budget_band=item["budget_band"],
        started_on=_date(item.get("started")),
        outputs=_outputs(item, council),
    )


def build_lesson(run, item):
    page = LessonPage(
        **_common(run, item),
        context=html(item["context"]),
        what_worked=html(item["what_worked"]),
        what_did_not=html(item.get("what_did_not", "")) if item.get("what_did_not") else "",
        advice=html(item["advice"]),
    )
    for slug in item.get("sources", []):
        source = run.pages.get(slug)
        if source is None:
            run.warn(f"lesson {item['slug']!r}: its source {slug!r} is not demo content here")
            continue
        page.sources.add(LessonSource(page=source))
    return page


def _publish(run, index, page, item, position):
    page.themes.add(*[run.themes[slug] for slug in item["themes"]])
    if item.get("tags"):
        page.tags.add(*item["tags"])
    if hasattr(page, "partner_councils"):
        page.partner_councils.set([run.councils[code] for code in item.get("partners", [])])
    index.add_child(instance=page)
    revision = page.save_revision(user=run.owner)
    revision.publish(user=run.owner)
    published = _moment(item["published"], position)
    updated = _moment(item.get("updated", item["published"]), position)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published, last_published_at=updated,
        latest_revision_created_at=updated,
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=updated)


def _load_pages(run, label, index_model, items, build):
    index = index_model.objects.first()
    counts = Counter()
    for position, item in enumerate(items, 1):
        existing = Page.objects.child_of(index).filter(slug=item["slug"]).first()
        if existing is None:
            page = build(run, item)
            _publish(run, index, page, item, position)
            run.pages[item["slug"]] = page
            counts["created"] += 1
        elif is_demo_user(existing.owner):
            run.pages[item["slug"]] = existing.specific
            counts["unchanged"] += 1
        else:
            run.warn(f"{label.lower()}: {existing.url_path} was not made by the demo; left alone")
            counts["skipped"] += 1
        run.progress(label, position, len(items))
    run.summary.append((label, counts))


def step_councils_and_site(run):
    if not Council.objects.exists():
        run.write("No councils yet: importing the council register first (import_councils).")
        call_command("import_councils", stdout=_Writer(run.write))
    created = ensure_site_structure()
    run.write(f"Site structure: {len(created)} pages created, the rest already there.")
    codes = {item["council"] for item in CASE_STUDIES + LESSONS + PROJECTS}
    codes |= {code for item in CASE_STUDIES + PROJECTS for code in item.get("partners", [])}
    codes |= {update[1] for item in PROJECTS for update in item.get("updates", [])}
    run.councils = {council.code: council for council in Council.objects.filter(code__in=codes)}
    missing = sorted(codes - set(run.councils))
    if missing:
        raise DemoDataError(
            f"These councils are not in the register: {', '.join(missing)}. "
            "Run 'manage.py import_councils' with the shipped register first."
        )
    run.themes = {theme.slug: theme for theme in Theme.objects.all()}
    wanted = {slug for item in CASE_STUDIES + LESSONS + PROJECTS for slug in item["themes"]}
    missing = sorted(wanted - set(run.themes))
    if missing:
        raise DemoDataError(f"These themes do not exist: {', '.join(missing)}.")


def step_users(run):
    setup_roles()
    run.write("Roles: Practitioners and Network organisers groups, 'Organiser review' workflow.")
    for spec in DEMO_USERS:
        try:
            user, status = ensure_user(spec)
        except ValueError as exc:
            raise DemoDataError(str(exc)) from exc
        run.write(f"User {user.username}: {status}")
        run.credentials.append((user.username, spec.password(), spec.password_source(), spec.role))
        if run.owner is None and spec.is_superuser:
            run.owner = user


def step_case_studies(run):
    _load_pages(run, "Case studies", CaseStudyIndexPage, CASE_STUDIES, build_case_study)


def step_projects(run):
    _load_pages(run, "Projects", ProjectIndexPage, PROJECTS, build_project)


def step_progress_updates(run):
    counts = Counter()
    items = [item for item in PROJECTS if item.get("updates")]
    for position, item in enumerate(items, 1):
        project = run.pages.get(item["slug"])
        if project is None:
            continue
        for day, code, title, text in item["updates"]:
            update, created = ProgressUpdate.objects.get_or_create(
                project=project, date=_date(day), title=title,
                defaults={"council": run.councils[code], "text": text, "created_by": run.owner},
            )
            if created:
                # Published through a revision, as an organiser's approval would.
                update.save_revision(user=run.owner).publish(user=run.owner)
            counts["created" if created else "unchanged"] += 1
        run.progress("Project timelines", position, len(items))
    run.summary.append(("Progress updates", counts))


def step_lessons(run):
    _load_pages(run, "Lessons", LessonIndexPage, LESSONS, build_lesson)


def _feature(run, page, slugs, item_model):
    """Add the demo's featured items to a home or theme page, publishing a new revision."""
    if page.has_unpublished_changes:
        run.warn(f"{page.title!r} has unpublished changes; its featured items were not touched")
        return 0
    present = {item.page_id for item in page.featured_items.all()}
    room = FEATURED_MAX - len(present)
    wanted = [run.pages[slug] for slug in slugs if slug in run.pages]
    new = [p for p in wanted if p.pk not in present][:max(room, 0)]
    if not new:
        return 0
    for featured in new:
        page.featured_items.add(item_model(page=featured))
    page.save_revision(user=run.owner).publish(user=run.owner)
    return len(new)


def step_featured(run):
    counts = Counter()
    added = _feature(run, HomePage.objects.get(), HOME_FEATURED, HomeFeaturedItem)
    counts["home page"] += added
    for theme_slug, slugs in THEME_FEATURED.items():
        theme_page = ThemePage.objects.filter(theme__slug=theme_slug).first()
        if theme_page is None:
            run.warn(f"no theme page for {theme_slug!r}; run setup_site")
            continue
        counts["theme pages"] += _feature(run, theme_page, slugs, ThemeFeaturedItem)
    run.write(f"Featured items: {counts['home page']} added to the home page, "
              f"{counts['theme pages']} to {len(THEME_FEATURED)} theme pages")
    run.summary.append(("Featured items added", counts))


STEPS = [
    step_councils_and_site,
    step_users,
    step_case_studies,
    step_projects,
    step_progress_updates,
    step_lessons,
    step_featured,
]


class _Writer:
    """Lets call_command write through the run's output function."""

    def __init__(self, write):
        self._write = write

    def write(self, text):
        self._write(text.rstrip("\n"))

    def flush(self):
        pass


def load_demo_data(write, steps=None):
    run = DemoRun(write=write)
    for step in steps or STEPS:
        step(run)
    return run
