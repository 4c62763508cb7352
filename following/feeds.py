"""Atom feeds of what is new: everything, a theme, a council, a content type, a project's
progress, open requests for help and any search. Entries come from `following.subjects`."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import urlencode

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LessonIndexPage,
    LessonPage,
    ProjectIndexPage,
    ProjectPage,
    Theme,
    ThemePage,
)
from core import licence
from core.emails import absolute_url
from councils.models import Council
from search.services import SearchParams

from . import subjects

FEED_LENGTH = 50
# The year in every tag URI (RFC 4151): fixed, so entry ids never change.
TAG_DATE = "2025"
# Feed slug: (name, page type, its index page type).
KINDS = {
    "case-studies": ("Case studies", CaseStudyPage, CaseStudyIndexPage),
    "lessons": ("Lessons", LessonPage, LessonIndexPage),
    "projects": ("Projects", ProjectPage, ProjectIndexPage),
}
MAX_QUERY_LENGTH = 4000
# XML 1.0 cannot hold these; Django's feed writer refuses them with an exception.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    return CONTROL_CHARACTERS.sub("", value) if isinstance(value, str) else value


class Atom(Atom1Feed):
    """Atom 1.0 that drops the characters XML cannot hold (a search's words may have them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(xml_text, args), **{k: xml_text(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(xml_text, args), **{k: xml_text(v) for k, v in kwargs.items()})


def tag_uri(name):
    authority = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"tag:{authority},{TAG_DATE}:{name}"


class ItemsFeed(Feed):
    """A feed of `subjects.Item`s; subclasses say which and what the feed is called."""

    feed_type = Atom
    author_name = "Shared Endeavour"

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed writer writes the XML a few bytes at a time and the server sent each piece
        # on its own: about 10 ms a feed even from the page cache. One piece: 1 ms.
        response.content = response.content
        return response

    def feed_name(self, obj):
        raise NotImplementedError

    def feed_guid(self, obj):
        return tag_uri(f"feeds/{self.feed_name(obj)}")

    def feed_copyright(self):
        return licence.LICENCE_NAME

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return absolute_url(item.url)

    def item_guid(self, item):
        return tag_uri(item.id)

    def item_description(self, item):
        return escape(item.summary)  # Atom's summary is type="html"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at or item.published_at

    def item_author_name(self, item):
        return item.council.short_name if item.council else None

    def item_author_link(self, item):
        return absolute_url(item.council.get_absolute_url()) if item.council else None

    def item_categories(self, item):
        return [item.kind]


class EverythingFeed(ItemsFeed):
    title = "Shared Endeavour: everything new"
    description = "New case studies, lessons and projects from councils."

    def feed_name(self, obj):
        return "all"

    def link(self):
        return absolute_url("/")

    def items(self):
        return subjects.page_items(subjects.published_pages(), limit=FEED_LENGTH)


class ThemeFeed(ItemsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)

    def feed_name(self, theme):
        return f"themes/{theme.slug}"

    def title(self, theme):
        return f"Shared Endeavour: {theme.name}"

    def description(self, theme):
        return f"New case studies, lessons and projects about {theme.name.lower()}."

    def link(self, theme):
        page = ThemePage.objects.live().public().filter(theme=theme).first()
        if page:
            return absolute_url(page.get_url())
        return absolute_url(f"{reverse('search:search')}?{urlencode({'theme': theme.slug})}")

    def items(self, theme):
        return subjects.page_items(subjects.theme_pages(theme), limit=FEED_LENGTH)


class CouncilFeed(ItemsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Council, slug=slug)

    def feed_name(self, council):
        return f"councils/{council.slug}"

    def title(self, council):
        return f"Shared Endeavour: {council.short_name}"

    def description(self, council):
        return (
            f"New case studies, lessons and projects {council.short_name} leads or is a partner on."
        )

    def link(self, council):
        return absolute_url(council.get_absolute_url())

    def items(self, council):
        return subjects.page_items(subjects.council_pages(council), limit=FEED_LENGTH)


class KindFeed(ItemsFeed):
    def get_object(self, request, kind):
        if kind not in KINDS:
            raise Http404
        return kind

    def feed_name(self, kind):
        return kind

    def title(self, kind):
        return f"Shared Endeavour: {KINDS[kind][0].lower()}"

    def description(self, kind):
        return f"New {KINDS[kind][0].lower()} from councils."

    def link(self, kind):
        index = KINDS[kind][2].objects.live().public().first()
        return absolute_url(index.get_url() if index else "/")

    def items(self, kind):
        pages = subjects.published_pages().type(KINDS[kind][1])
        return subjects.page_items(pages, limit=FEED_LENGTH)


class ProjectFeed(ItemsFeed):
    def get_object(self, request, pk):
        return get_object_or_404(ProjectPage.objects.live().public(), pk=pk)

    def feed_name(self, project):
        return f"projects/{project.pk}"

    def title(self, project):
        return f"Shared Endeavour: progress on {project.title}"

    def description(self, project):
        return f"Progress updates on the project {project.title}."

    def link(self, project):
        return absolute_url(project.get_url())

    def items(self, project):
        return subjects.progress_items(project, limit=FEED_LENGTH)


class HelpRequestsFeed(ItemsFeed):
    title = "Shared Endeavour: open requests for help"
    description = "Councils asking the network who has done something before."

    def feed_name(self, obj):
        return "help"

    def link(self):
        return absolute_url(reverse("collaboration:help_list"))

    def items(self):
        return subjects.help_request_items(limit=FEED_LENGTH)


class SearchFeed(ItemsFeed):
    def __call__(self, request, *args, **kwargs):
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
            return HttpResponseBadRequest(
                "This search is too long to follow as a feed.", content_type="text/plain"
            )
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return SearchParams.from_querydict(request.GET)

    def feed_name(self, params):
        query = subjects.query_of(params)
        return f"search?{query}" if query else "search"

    def title(self, params):
        return f"Shared Endeavour: {subjects.describe_search(params)}"

    def description(self, params):
        return "New case studies, lessons and projects matching a search."

    def link(self, params):
        query = subjects.query_of(params)
        return absolute_url(reverse("search:search") + (f"?{query}" if query else ""))

    def feed_url(self, params):
        query = subjects.query_of(params)
        return absolute_url(reverse("following:feed_search") + (f"?{query}" if query else ""))

    def items(self, params):
        return subjects.page_items(subjects.search_pages(params), limit=FEED_LENGTH)
