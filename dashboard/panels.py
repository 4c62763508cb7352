"""The admin home's panels for practitioners and organisers, in Wagtail's own markup."""

from django.conf import settings
from django.urls import reverse

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, TaskState

from casestudies.models import LearningPage
from core.freshness import stale_after_months
from councils.models import Council

from . import work

REVIEW_QUEUE_SHOWN = 10


def listing_links():
    """The admin listings that match each page state, where Wagtail has one."""
    search = reverse("wagtailadmin_pages:search")
    return {
        "draft": f"{search}?q=live:false",
        "in_review": reverse("wagtailadmin_reports:workflow") + "?status=in_progress",
        "published": f"{search}?q=live:true",
    }


def _pages_by_state(user, council_ids=None, **links):
    """What dashboard/_page_counts.html and _add_buttons.html show, of the given councils'
    pages or (None) of all."""
    return {
        "counts": work.page_counts(council_ids),
        "links": {**listing_links(), **links},
        "add_buttons": work.add_buttons(user),
        "stale_months": stale_after_months(),
    }


def _council_ids(user):
    return [council.pk for council in work.councils_of(user)]


class DashboardPanel(Component):
    """A panel that works out its context when it is made, so the hook shows it only when it
    has something to say."""

    def __init__(self, **context):
        self.context = context

    def get_context_data(self, parent_context=None):
        return self.context

    @classmethod
    def listing(cls, **lists):
        """The panel of each list's first few, given as (first few, how many in all), with
        `<list>_more` saying how many more there are; None when every list is empty."""
        if not any(shown for shown, _count in lists.values()):
            return None
        context = {}
        for name, (shown, count) in lists.items():
            context[name] = shown
            context[f"{name}_more"] = count - len(shown)
        return cls(**context)


class CouncilWorkPanel(DashboardPanel):
    """Which councils I write for, their pages by state, and buttons to add a page."""

    name = "council_work"
    template_name = "dashboard/council_work_panel.html"
    order = 40

    @classmethod
    def for_user(cls, user):
        councils = work.councils_of(user)
        if not councils:
            return None
        return cls(councils=councils, **_pages_by_state(user, [c.pk for c in councils]))


class NetworkPagesPanel(DashboardPanel):
    """Every council's pages by state, for organisers, stale ones included."""

    name = "network_pages"
    template_name = "dashboard/network_pages_panel.html"
    order = 58

    @classmethod
    def for_user(cls, user):
        return cls(**_pages_by_state(user, stale=reverse("stale_content")))


class HelpOffersPanel(DashboardPanel):
    name = "help_offers_waiting"
    template_name = "dashboard/help_offers_panel.html"
    order = 65

    @classmethod
    def for_user(cls, user):
        return cls.listing(offers=work.offers_waiting(_council_ids(user)))


class ReusePanel(DashboardPanel):
    name = "reuse"
    template_name = "dashboard/reuse_panel.html"
    order = 70

    @classmethod
    def for_user(cls, user):
        council_ids = _council_ids(user)
        return cls.listing(
            reused=work.reuses_by(council_ids), reused_of_ours=work.reuses_of(council_ids)
        )


class AccessRequestsPanel(DashboardPanel):
    name = "access_requests"
    template_name = "dashboard/access_requests_panel.html"
    order = 55

    @classmethod
    def for_user(cls, user):
        if not user.has_perm("accounts.change_accessrequest"):
            return None
        return cls.listing(access_requests=work.access_requests_waiting())


class UnansweredHelpPanel(DashboardPanel):
    name = "help_requests_without_offers"
    template_name = "dashboard/unanswered_help_panel.html"
    order = 75

    @classmethod
    def for_user(cls, user):
        return cls.listing(help_requests=work.help_requests_without_offers())


class IntroductionsToMakePanel(DashboardPanel):
    name = "introductions_to_make"
    template_name = "dashboard/introductions_panel.html"
    order = 80

    @classmethod
    def for_user(cls, user):
        if not user.has_perm("collaboration.add_introduction"):
            return None
        pairs = work.similar_councils_not_introduced()
        return cls(pairs=pairs) if pairs else None


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", with the council of each item, the oldest first few
    and a link to the rest."""

    template_name = "dashboard/review_queue_panel.html"
    order = 45

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {
            "request": request,
            "csrf_token": parent_context["csrf_token"],
            "states": [],
            "more": 0,
            "all_url": reverse("wagtailadmin_reports:workflow_tasks") + "?status=in_progress",
        }
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        reviewable = TaskState.objects.reviewable_by(request.user)
        states = list(
            reviewable.select_related(
                "revision", "revision__user", "workflow_state", "workflow_state__workflow"
            )
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())[
                :REVIEW_QUEUE_SHOWN
            ]
        )
        context["more"] = max(reviewable.count() - len(states), 0) if states else 0
        objects = [state.revision.content_object for state in states]
        councils = Council.objects.in_bulk(
            {getattr(obj, "council_id", None) for obj in objects} - {None}
        )
        for state, obj in zip(states, objects, strict=True):
            if not obj:
                continue
            is_page = isinstance(obj, Page)
            viewset = None if is_page else obj.snippet_viewset
            urls = (
                {
                    "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                    "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview",
                    "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
                }
                if is_page
                else {
                    "workflow_action_url_name": viewset.get_url_name("workflow_action"),
                    "workflow_preview_url_name": viewset.get_url_name("workflow_preview"),
                    "revisions_compare_url_name": viewset.get_url_name("revisions_compare"),
                }
            )
            if not getattr(obj, "is_previewable", False):
                urls["workflow_preview_url_name"] = None
            context["states"].append(
                {
                    "obj": obj,
                    "council": councils.get(getattr(obj, "council_id", None)),
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": state.task.specific.get_actions(obj, request.user),
                    "workflow_tasks": state.workflow_state.all_tasks_with_status(),
                    **urls,
                }
            )
        return context


class CouncilPagesSummaryItem(PagesSummaryItem):
    """The site summary's page count, of the practitioner's own councils' pages."""

    template_name = "dashboard/summary_pages.html"

    def get_context_data(self, parent_context):
        councils = work.councils_of(self.request.user)
        return {
            "total_pages": LearningPage.objects.filter(
                council_id__in=[council.pk for council in councils]
            ).count(),
            "councils": councils,
            "search_url": reverse("wagtailadmin_pages:search"),
        }
