"""What goes in one person's digest: what is new in what they follow, and the joint work
that reached their councils' pages, in one window of time."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from casestudies.models import ThemePage
from collaboration.joining import decision_path
from collaboration.models import HelpOffer, JoinRequest, SharedProblem, Standing
from core.emails import absolute_url
from core.public_pages import live_public_q
from following.models import Follow
from following.subjects import describe_search, items_for
from search.services import SearchParams

ITEMS_PER_SUBJECT = 10


@dataclass
class Section:
    heading: str
    url: str
    items: list = field(default_factory=list)
    more: bool = False


@dataclass
class Entry:
    title: str
    url: str
    summary: str
    kind: str
    council: object


@dataclass
class Activity:
    council: object
    text: str
    url: str


@dataclass
class DigestContent:
    sections: list
    activity: list

    @property
    def item_count(self):
        return sum(len(section.items) for section in self.sections) + len(self.activity)

    def __bool__(self):
        return bool(self.item_count)


def _subject(follow):
    """(heading, absolute link) for what a follow is of."""
    if follow.kind == Follow.Kind.THEME:
        page = ThemePage.objects.live().public().filter(theme=follow.theme).first()
        path = (
            page.url
            if page
            else reverse("search:search") + "?" + urlencode({"theme": follow.theme.slug})
        )
        return f"Theme: {follow.theme.name}", absolute_url(path)
    if follow.kind == Follow.Kind.COUNCIL:
        return f"Council: {follow.council.short_name}", absolute_url(
            follow.council.get_absolute_url()
        )
    if follow.kind == Follow.Kind.PROJECT:
        return f"Project: {follow.project.title}", absolute_url(follow.project.url or "/")
    params = SearchParams.from_querydict(QueryDict(follow.query))
    return (
        f"Your search: {describe_search(params)}",
        absolute_url(reverse("search:search") + "?" + follow.query),
    )


def followed(person, since, until):
    """A section for each follow with something new; an item shows once, under the first."""
    seen = set()
    sections = []
    follows = person.follows.select_related("theme", "council", "project").order_by(
        "kind", "created_at", "pk"
    )
    for follow in follows:
        items = items_for(follow, since=since, until=until, limit=ITEMS_PER_SUBJECT + 1)
        fresh = []
        for item in items[:ITEMS_PER_SUBJECT]:
            key = (item.kind, item.id)
            if key not in seen:
                seen.add(key)
                fresh.append(
                    Entry(
                        item.title,
                        absolute_url(item.url or "/"),
                        item.summary,
                        item.kind,
                        item.council,
                    )
                )
        if fresh:
            heading, url = _subject(follow)
            sections.append(Section(heading, url, fresh, more=len(items) > ITEMS_PER_SUBJECT))
    return sections


def council_activity(person, since, until):
    """Requests to join, offers of help and "we face this too" on the pages of the councils
    the person writes for, made by someone else within the window."""
    councils = [m.council_id for m in person.council_memberships.all()]
    if not councils:
        return []
    window = {"created_at__gt": since, "created_at__lte": until}
    activity = []
    joins = (
        JoinRequest.objects.filter(
            live_public_q("project"),
            project__council__in=councils,
            status=JoinRequest.Status.OPEN,
            **window,
        )
        .exclude(person=person)
        .select_related("council", "project__council")
    )
    for join in joins.order_by("created_at"):
        activity.append(
            Activity(
                join.project.council,
                f"{join.council.short_name} asked to join your project “{join.project.title}”.",
                absolute_url(decision_path(join)),
            )
        )
    offers = (
        HelpOffer.objects.filter(
            help_request__council__in=councils, standing=Standing.ACTIVE, **window
        )
        .exclude(person=person)
        .select_related("council", "help_request__council")
    )
    for offer in offers.order_by("created_at"):
        who = offer.council.short_name if offer.council else "Someone"
        activity.append(
            Activity(
                offer.help_request.council,
                f"{who} offered help with your request “{offer.help_request.title}”.",
                absolute_url(reverse("collaboration:help_detail", args=[offer.help_request_id])),
            )
        )
    shared = (
        SharedProblem.objects.filter(
            live_public_q("page"), page__council__in=councils, standing=Standing.ACTIVE, **window
        )
        .exclude(person=person)
        .select_related("council", "page__council")
    )
    for record in shared.order_by("created_at"):
        page = record.page
        activity.append(
            Activity(
                page.council,
                f"{record.council.short_name} faces this too: “{page.title}”.",
                absolute_url(page.url or "/"),
            )
        )
    return activity


def build(person, since, until):
    return DigestContent(followed(person, since, until), council_activity(person, since, until))
