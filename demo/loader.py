"""Load the demo content (content/*.yaml, checked by data.py) as a list of steps; every step
is safe to run again.

To extend the demo, edit the content files. A step receives the DemoRun, which knows the
content, the demo owner, councils, themes and the pages so far.
"""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.management import call_command

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Revision

from accounts.roles import setup_roles
from casestudies.models import LessonSource, ProgressUpdate, Theme, ThemeFeaturedItem, ThemePage
from councils.models import Council
from home.models import HomeFeaturedItem, HomePage
from home.site_structure import ensure_site_structure

from .data import KINDS, DemoDataError, read_content
from .users import ensure_user, is_demo_user

FEATURED_MAX = 6
KIND = {kind.key: kind for kind in KINDS}


@dataclass
class DemoRun:
    write: callable
    content: object = None
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


def _value(model, name, value):
    """A model field's value from the content: see data.py and the files' headers."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, RichTextField):
        return re.sub(r"\s*\n\s*", " ", re.sub(r">\s*\n\s*<", "><", value.strip()))
    if isinstance(model_field, StreamField):
        ((block_name, block),) = model_field.stream_block.child_blocks.items()
        return [
            {
                "type": block_name,
                "value": {
                    key: None if entry.get(key) is None else str(entry[key])
                    for key in block.child_blocks
                },
            }
            for entry in value
        ]
    return model_field.to_python(value)


def _moment(value, position):
    """A fixed publication time: the item's date, at 09:00 UTC plus its position in minutes."""
    day = dt.date.fromisoformat(value)
    return dt.datetime(day.year, day.month, day.day, 9, position % 60, tzinfo=dt.UTC)


def build_page(run, kind, item):
    page = kind.model(
        council=run.councils[item["council"]],
        owner=run.owner,
        live=False,
        **{name: _value(kind.model, name, item[name]) for name in kind.fields if name in item},
    )
    page.themes.add(*[run.themes[slug] for slug in item["themes"]])
    if item.get("tags"):
        page.tags.add(*item["tags"])
    for code in item.get("partner_councils", []):
        page.add_partner(run.councils[code])
    for slug in item.get("sources", []):
        source = run.pages.get(slug)
        if source is None:
            run.warn(f"lesson {item['slug']!r}: its source {slug!r} is not demo content here")
            continue
        page.sources.add(LessonSource(page=source))
    return page


def _publish(run, index, page, item, position):
    index.add_child(instance=page)
    revision = page.save_revision(user=run.owner)
    revision.publish(user=run.owner)
    published = _moment(item["published"], position)
    updated = _moment(item.get("updated", item["published"]), position)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published,
        last_published_at=updated,
        latest_revision_created_at=updated,
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=updated)


def _load_pages(run, kind):
    index = kind.index.objects.first()
    items = run.content.pages[kind.key]
    counts = Counter()
    for position, item in enumerate(items, 1):
        existing = Page.objects.child_of(index).filter(slug=item["slug"]).first()
        if existing is None:
            page = build_page(run, kind, item)
            _publish(run, index, page, item, position)
            run.pages[item["slug"]] = page
            counts["created"] += 1
        elif is_demo_user(existing.owner):
            run.pages[item["slug"]] = existing.specific
            counts["unchanged"] += 1
        else:
            run.warn(
                f"{kind.heading.lower()}: {existing.url_path} was not made by the demo; left alone"
            )
            counts["skipped"] += 1
        run.progress(kind.heading, position, len(items))
    run.summary.append((kind.heading, counts))


def step_councils_and_site(run):
    if not Council.objects.exists():
        run.write("No councils yet: importing the council register first (import_councils).")
        call_command("import_councils", stdout=_Writer(run.write))
    run.councils = {council.code: council for council in Council.objects.all()}
    run.themes = {theme.slug: theme for theme in Theme.objects.all()}
    run.content = read_content(councils=set(run.councils), themes=set(run.themes))
    created = ensure_site_structure()
    run.write(f"Site structure: {len(created)} pages created, the rest already there.")


def step_users(run):
    setup_roles()
    run.write("Roles: Practitioners and Network organisers groups, 'Organiser review' workflow.")
    for spec in run.content.users:
        try:
            user, status = ensure_user(spec)
        except ValueError as exc:
            raise DemoDataError(str(exc)) from exc
        run.write(f"User {user.username}: {status}")
        run.credentials.append((user.username, spec.password(), spec.password_source(), spec.role))
        if run.owner is None and spec.is_superuser:
            run.owner = user


def step_case_studies(run):
    _load_pages(run, KIND["case_studies"])


def step_projects(run):
    _load_pages(run, KIND["projects"])


def step_progress_updates(run):
    counts = Counter()
    items = [item for item in run.content.pages["projects"] if item.get("progress_updates")]
    for position, item in enumerate(items, 1):
        project = run.pages.get(item["slug"])
        if project is None:
            continue
        for entry in item["progress_updates"]:
            update, created = ProgressUpdate.objects.get_or_create(
                project=project,
                date=dt.date.fromisoformat(entry["date"]),
                title=entry["title"],
                defaults={
                    "council": run.councils[entry["council"]],
                    "text": entry["text"],
                    "created_by": run.owner,
                },
            )
            if created:
                # Published through a revision, as an organiser's approval would.
                update.save_revision(user=run.owner).publish(user=run.owner)
            counts["created" if created else "unchanged"] += 1
        run.progress("Project timelines", position, len(items))
    run.summary.append(("Progress updates", counts))


def step_lessons(run):
    _load_pages(run, KIND["lessons"])


def _feature(run, page, slugs, item_model):
    """Add the demo's featured items to a home or theme page, publishing a new revision."""
    if page.has_unpublished_changes:
        run.warn(f"{page.title!r} has unpublished changes; its featured items were not touched")
        return 0
    present = {item.page_id for item in page.featured_items.all()}
    room = FEATURED_MAX - len(present)
    wanted = [run.pages[slug] for slug in slugs if slug in run.pages]
    new = [p for p in wanted if p.pk not in present][: max(room, 0)]
    if not new:
        return 0
    for featured in new:
        page.featured_items.add(item_model(page=featured))
    page.save_revision(user=run.owner).publish(user=run.owner)
    return len(new)


def step_featured(run):
    counts = Counter()
    themes = run.content.theme_featured
    counts["home page"] += _feature(
        run, HomePage.objects.get(), run.content.home_featured, HomeFeaturedItem
    )
    for theme_slug, slugs in themes.items():
        theme_page = ThemePage.objects.filter(theme__slug=theme_slug).first()
        if theme_page is None:
            run.warn(f"no theme page for {theme_slug!r}; run setup_site")
            continue
        counts["theme pages"] += _feature(run, theme_page, slugs, ThemeFeaturedItem)
    run.write(
        f"Featured items: {counts['home page']} added to the home page, "
        f"{counts['theme pages']} to {len(themes)} theme pages"
    )
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
