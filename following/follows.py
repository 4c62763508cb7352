"""Who follows what: the one place that finds a subject's follow, its page and its feed."""

from django.db.models import Count, Q
from django.http import QueryDict
from django.urls import reverse

from casestudies.models import ProjectPage, Theme, ThemePage
from councils.models import Council
from search.services import SearchParams

from . import subjects
from .models import Follow

# A person follows at most this many subjects: /following/ reads each saved search's filters.
MAX_FOLLOWS = 100
GROUPS = [
    (Follow.Kind.THEME, "Themes"),
    (Follow.Kind.COUNCIL, "Councils"),
    (Follow.Kind.PROJECT, "Projects"),
    (Follow.Kind.SEARCH, "Searches"),
]
SUBJECT_NAMES = {
    Follow.Kind.THEME: "theme",
    Follow.Kind.COUNCIL: "council",
    Follow.Kind.PROJECT: "project",
    Follow.Kind.SEARCH: "search",
}


def kind_of(subject):
    if isinstance(subject, Theme):
        return Follow.Kind.THEME
    if isinstance(subject, Council):
        return Follow.Kind.COUNCIL
    if isinstance(subject, ProjectPage):
        return Follow.Kind.PROJECT
    if isinstance(subject, str):
        return Follow.Kind.SEARCH
    raise TypeError(f"Nobody can follow {subject!r}")


def lookup(kind, subject):
    """The fields that name `subject` on a Follow of `kind`."""
    if kind == Follow.Kind.SEARCH:
        return {"kind": kind, "query": subject}
    return {"kind": kind, kind: subject}


def follow_of(person, subject):
    """The person's follow of subject (a Theme, Council, ProjectPage or canonical query)."""
    if not person.is_authenticated:
        return None
    return Follow.objects.filter(person=person, **lookup(kind_of(subject), subject)).first()


def feed_url(kind, subject):
    if kind == Follow.Kind.THEME:
        return reverse("following:feed_theme", args=[subject.slug])
    if kind == Follow.Kind.COUNCIL:
        return reverse("following:feed_council", args=[subject.slug])
    if kind == Follow.Kind.PROJECT:
        return reverse("following:feed_project", args=[subject.pk])
    return f"{reverse('following:feed_search')}?{subject}"


def listed(person, request=None):
    """The person's follows grouped by kind: [(label, [row…])], each row with the subject's
    name, its page, its feed and the follow; in a fixed number of queries plus one per
    saved search (at most MAX_FOLLOWS)."""
    follows = list(person.follows.select_related("theme", "council", "project"))
    theme_ids = [follow.theme_id for follow in follows if follow.theme_id]
    theme_pages = {
        page.theme_id: page
        for page in ThemePage.objects.live().public().filter(theme_id__in=theme_ids)
    }
    live_projects = set(
        ProjectPage.objects.live()
        .public()
        .filter(pk__in=[follow.project_id for follow in follows if follow.project_id])
        .values_list("pk", flat=True)
    )
    rows = {kind: [] for kind, _label in GROUPS}
    for follow in follows:
        row = {"follow": follow, "feed": feed_url(follow.kind, follow.subject), "url": None}
        if follow.kind == Follow.Kind.THEME:
            page = theme_pages.get(follow.theme_id)
            row.update(name=follow.theme.name, url=page.get_url(request) if page else None)
        elif follow.kind == Follow.Kind.COUNCIL:
            row.update(name=follow.council.short_name, url=follow.council.get_absolute_url())
        elif follow.kind == Follow.Kind.PROJECT:
            row["name"] = follow.project.title
            if follow.project_id in live_projects:
                row["url"] = follow.project.get_url(request)
            else:
                row["feed"] = None
        else:
            params = SearchParams.from_querydict(QueryDict(follow.query))
            row.update(
                name=subjects.describe_search(params),
                url=f"{reverse('search:search')}?{follow.query}",
            )
        rows[follow.kind].append(row)
    return [(label, rows[kind], kind) for kind, label in GROUPS if rows[kind]]


def counts_by_kind():
    """How many follows of each kind, and how many people follow anything: for organisers."""
    totals = Follow.objects.aggregate(
        people=Count("person", distinct=True),
        **{kind: Count("pk", filter=Q(kind=kind)) for kind, _label in GROUPS},
    )
    return totals
