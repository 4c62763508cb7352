"""The "Working together" admin menu: every record, for organisers to see, correct, delete
and export as CSV."""

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_joining import JoinRequestViewSetMixin
from .introductions import IntroductionFilterSet
from .models import HelpOffer, HelpRequest, Introduction, JoinRequest, Reuse, SharedProblem


class RecordViewSet(SnippetViewSet):
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at"]


class JoinRequestViewSet(JoinRequestViewSetMixin, RecordViewSet):
    model = JoinRequest
    icon = "group"
    menu_label = "Requests to join"
    list_display = ["project", "council", "status", "created_at"]
    list_filter = ["status"]
    list_export = [
        "project",
        "council",
        "person",
        "message",
        "status",
        "reply",
        "decided_at",
        "created_at",
    ]
    search_fields = ["message", "council__short_name", "project__title"]


class SharedProblemViewSet(RecordViewSet):
    model = SharedProblem
    icon = "openquote"
    menu_label = "We face this too"
    list_display = ["page", "council", "note", "standing", "created_at"]
    list_filter = ["standing"]
    list_export = ["page", "council", "person", "note", "standing", "created_at"]
    search_fields = ["note", "council__short_name", "page__title"]


class ReuseViewSet(RecordViewSet):
    model = Reuse
    icon = "resubmit"
    menu_label = "Reuses"
    list_display = ["page", "council", "output", "standing", "created_at"]
    list_filter = ["standing"]
    list_export = [
        "page",
        "output",
        "council",
        "person",
        "what_changed",
        "link",
        "how_it_went",
        "standing",
        "created_at",
    ]
    search_fields = ["output", "what_changed", "how_it_went", "council__short_name"]


class HelpRequestViewSet(RecordViewSet):
    model = HelpRequest
    icon = "help"
    menu_label = "Requests for help"
    list_display = ["title", "council", "status", "deadline", "created_at"]
    list_filter = ["status"]
    list_export = [
        "title",
        "details",
        "council",
        "person",
        "deadline",
        "status",
        "created_at",
        "closed_at",
    ]
    search_fields = ["title", "details"]
    search_backend_name = None


class HelpOfferViewSet(RecordViewSet):
    model = HelpOffer
    icon = "mail"
    menu_label = "Offers of help"
    list_display = ["help_request", "council", "helped", "standing", "created_at"]
    list_filter = ["helped", "standing"]
    list_export = [
        "help_request",
        "council",
        "person",
        "message",
        "helped",
        "standing",
        "created_at",
    ]
    search_fields = ["message"]


class IntroductionViewSet(RecordViewSet):
    model = Introduction
    icon = "link"
    menu_label = "Introductions"
    list_display = ["first_council", "second_council", "introduced_by", "created_at"]
    list_export = [
        "first_council",
        "second_council",
        "introduced_by",
        "reasons",
        "message",
        "page",
        "created_at",
    ]
    search_fields = [
        "reasons",
        "message",
        "first_council__short_name",
        "second_council__short_name",
    ]
    filterset_class = IntroductionFilterSet


class WorkingTogetherGroup(SnippetViewSetGroup):
    menu_label = "Working together"
    menu_icon = "group"
    menu_order = 240
    items = (
        JoinRequestViewSet,
        SharedProblemViewSet,
        ReuseViewSet,
        HelpRequestViewSet,
        HelpOfferViewSet,
        IntroductionViewSet,
    )
