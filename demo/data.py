"""Read the demo content in content/*.yaml and check it before anything is made of it.

A page's keys are its model's field names (Kind.fields), plus COMMON_KEYS and the kind's
relations. Any problem raises one DemoDataError naming the file, the item and the key.

Over 300 lines because it checks every kind of demo record against one schema, in one pass.
"""

import datetime as dt
from dataclasses import MISSING, dataclass
from dataclasses import fields as dataclass_fields
from difflib import get_close_matches
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, DateField

from wagtail.fields import RichTextField, StreamField

import yaml

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LessonIndexPage,
    LessonPage,
    ProjectIndexPage,
    ProjectPage,
)

from .users import DemoUser

CONTENT_DIR = Path(__file__).with_name("content")
PAGE_FIELDS = ("slug", "title", "summary", "last_reviewed")
CONTACT_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_is_public")
COMMON_KEYS = ("council", "themes", "tags", "published", "updated")
REQUIRED_KEYS = ("council", "themes", "published")
UPDATE_KEYS = ("date", "council", "title", "text")


class DemoDataError(Exception):
    """The demo cannot be loaded here; the message says why."""


@dataclass(frozen=True)
class Kind:
    """One kind of demo page: its file, its models and the keys its items may have."""

    key: str
    label: str
    heading: str
    model: type
    index: type
    fields: tuple
    relations: tuple = ()

    @property
    def file(self):
        return f"{self.key}.yaml"


KINDS = (
    Kind(
        "case_studies",
        "case study",
        "Case studies",
        CaseStudyPage,
        CaseStudyIndexPage,
        PAGE_FIELDS
        + CONTACT_FIELDS
        + (
            "problem",
            "what_we_did",
            "outcomes",
            "cost_band",
            "cost_detail",
            "do_differently",
            "outputs",
            "started_on",
            "finished_on",
        ),
        ("partner_councils",),
    ),
    Kind(
        "projects",
        "project",
        "Projects",
        ProjectPage,
        ProjectIndexPage,
        PAGE_FIELDS
        + CONTACT_FIELDS
        + ("aims", "phase", "stance", "budget_band", "started_on", "outputs"),
        ("partner_councils", "progress_updates"),
    ),
    Kind(
        "lessons",
        "lesson",
        "Lessons",
        LessonPage,
        LessonIndexPage,
        PAGE_FIELDS + ("context", "what_worked", "what_did_not", "advice"),
        ("sources",),
    ),
)
LESSON_SOURCES = ("case_studies", "projects")


@dataclass(frozen=True)
class Content:
    pages: dict  # Kind.key: the items of that kind, in file order
    home_featured: list
    theme_featured: dict
    users: list

    def items(self):
        """Every page item with the kind of page it becomes."""
        return [(kind.label, item) for kind in KINDS for item in self.pages[kind.key]]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML without its date type: dates stay text, so a bad one gets a clear message."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class _Check:
    """Where a check is (file and item) and what the site knows; None skips that check."""

    file: str
    item: str = ""
    councils: set | None = None
    themes: set | None = None

    def fail(self, key, problem):
        where = ", ".join(part for part in (self.file, self.item, key) if part)
        raise DemoDataError(f"{where}: {problem}")

    def keys(self, entry, known, required, where=""):
        if not isinstance(entry, dict):
            self.fail(where, f"should be a set of keys and values, not {entry!r}")
        for key in entry:
            if key not in known:
                guess = get_close_matches(str(key), known, n=1)
                self.fail(
                    f"{where} key {key!r}".strip(),
                    "unknown key" + (f"; did you mean {guess[0]!r}?" if guess else ""),
                )
        for key in required:
            if key not in entry:
                self.fail(f"{where} key {key!r}".strip(), "required but missing")

    def text(self, key, value):
        if not isinstance(value, str) or not value.strip():
            self.fail(f"key {key!r}", f"should be text, not {value!r}")
        return value

    def list(self, key, values):
        if not isinstance(values, list):
            self.fail(f"key {key!r}", f"should be a list, not {values!r}")
        return values

    def texts(self, key, values):
        return [self.text(key, value) for value in self.list(key, values)]

    def date(self, key, value):
        try:
            dt.date.fromisoformat(self.text(key, value))
        except ValueError:
            self.fail(f"key {key!r}", f"{value!r} is not a date in the form YYYY-MM-DD")

    def council(self, key, code):
        if self.councils is not None and self.text(key, code) not in self.councils:
            self.fail(
                f"key {key!r}",
                f"unknown council {code!r} (not in the council register "
                "here; run manage.py import_councils)",
            )

    def field(self, model, name, value):
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            return self.stream(field, name, value)
        if isinstance(field, DateField):
            return self.date(name, value)
        if not isinstance(field, BooleanField):
            self.text(name, value)
        elif not isinstance(value, bool):
            self.fail(f"key {name!r}", f"should be true or false, not {value!r}")
        if isinstance(field, RichTextField) and not value.lstrip().startswith("<"):
            self.fail(f"key {name!r}", "rich text should be HTML, such as <p>...</p>")
        try:
            field.clean(value, None)
        except ValidationError as exc:
            self.fail(f"key {name!r}", " ".join(exc.messages))

    def stream(self, field, name, entries):
        (block,) = field.stream_block.child_blocks.values()
        for number, entry in enumerate(self.list(name, entries), 1):
            where = f"key {name!r} entry {number}"
            self.keys(
                entry,
                list(block.child_blocks),
                [key for key, child in block.child_blocks.items() if child.required],
                where,
            )
            for key, value in entry.items():
                try:
                    block.child_blocks[key].field.clean(value)
                except ValidationError as exc:
                    self.fail(f"{where} key {key!r}", " ".join(exc.messages))


def _read(directory, name, shape):
    try:
        text = (directory / name).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except OSError as exc:
        raise DemoDataError(f"{name}: cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise DemoDataError(f"{name}: not valid YAML{where}: {problem}") from exc
    if not isinstance(data, shape):
        expected = "a list of items" if shape is list else "a set of keys and values"
        raise DemoDataError(f"{name}: should be {expected}")
    return data


def _check_page(check, kind, item):
    known = list(kind.fields + COMMON_KEYS + kind.relations)
    required = [name for name in kind.fields if not _optional(kind.model, name)]
    check.keys(item, known, required + list(REQUIRED_KEYS))
    for name in kind.fields:
        if name in item:
            check.field(kind.model, name, item[name])
    check.council("council", item["council"])
    for code in check.texts("partner_councils", item.get("partner_councils", [])):
        check.council("partner_councils", code)
    for slug in check.texts("themes", item["themes"]):
        if check.themes is not None and slug not in check.themes:
            check.fail("key 'themes'", f"unknown theme {slug!r}")
    check.texts("tags", item.get("tags", []))
    for key in ("published", "updated"):
        if key in item:
            check.date(key, item[key])
    for number, update in enumerate(
        check.list("progress_updates", item.get("progress_updates", [])), 1
    ):
        check.keys(update, UPDATE_KEYS, UPDATE_KEYS, f"key 'progress_updates' entry {number}")
        check.date("progress_updates", update["date"])
        check.council("progress_updates", update["council"])
        check.text("progress_updates", update["title"])
        check.text("progress_updates", update["text"])


def _optional(model, name):
    field = model._meta.get_field(name)
    return field.blank or field.has_default()


def _check_references(check, slugs, key, wanted, kinds):
    for slug in check.texts(key, wanted):
        if slugs.get(slug) not in kinds:
            labels = " or ".join(kind.label for kind in KINDS if kind.key in kinds)
            check.fail(f"key {key!r}", f"{slug!r} is not the slug of a demo {labels}")


def read_content(directory=None, councils=None, themes=None):
    """The checked demo content. Council codes and theme slugs are checked only if given."""
    directory = Path(directory or CONTENT_DIR)
    pages, slugs = {}, {}
    for kind in KINDS:
        pages[kind.key] = _read(directory, kind.file, list)
        for number, item in enumerate(pages[kind.key], 1):
            slug = item.get("slug") if isinstance(item, dict) else None
            check = _Check(
                kind.file, f"item {slug!r}" if slug else f"item {number}", councils, themes
            )
            _check_page(check, kind, item)
            if slug in slugs:
                check.fail("key 'slug'", f"{slug!r} is also the slug of another demo item")
            slugs[slug] = kind.key
    for kind in KINDS:
        for item in pages[kind.key]:
            check = _Check(kind.file, f"item {item['slug']!r}")
            _check_references(check, slugs, "sources", item.get("sources", []), LESSON_SOURCES)

    featured = _read(directory, "featured.yaml", dict)
    check = _Check("featured.yaml", themes=themes)
    check.keys(featured, ["home", "themes"], ["home"])
    _check_references(check, slugs, "home", featured["home"], slugs.values())
    theme_featured = featured.get("themes", {})
    if not isinstance(theme_featured, dict):
        check.fail("key 'themes'", "should be theme slugs, each with a list of slugs")
    for theme, wanted in theme_featured.items():
        if themes is not None and theme not in themes:
            check.fail(f"key 'themes' key {theme!r}", f"unknown theme {theme!r}")
        _check_references(check, slugs, f"themes: {theme}", wanted, slugs.values())

    users = []
    names = [spec.name for spec in dataclass_fields(DemoUser)]
    required = [spec.name for spec in dataclass_fields(DemoUser) if spec.default is MISSING]
    for number, entry in enumerate(_read(directory, "users.yaml", list), 1):
        username = entry.get("username") if isinstance(entry, dict) else None
        check = _Check(
            "users.yaml", f"item {username!r}" if username else f"item {number}", councils
        )
        check.keys(entry, names, required)
        for name in required:
            check.text(name, entry[name])
        for code in check.texts("councils", entry.get("councils", [])):
            check.council("councils", code)
        users.append(DemoUser(**{**entry, "councils": tuple(entry.get("councils", ()))}))
    return Content(pages, featured["home"], theme_featured, users)
