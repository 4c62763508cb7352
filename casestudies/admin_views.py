"""Wagtail admin views with the council rule applied where Wagtail has no hook or permission
policy call to apply it through. ``admin_urls.py`` serves them at Wagtail's own addresses."""

from django.core.exceptions import BadRequest
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.views import chooser
from wagtail.admin.views.reports import audit_logging, page_types_usage, workflows
from wagtail.models import ModelLogEntry, Page

from councils.models import Council

from .permissions import hide_other_councils_updates


def choosable_pages(request):
    """The pages the page chooser may offer, as Wagtail's browse and search views find them:
    through the ``construct_page_chooser_queryset`` hooks."""
    pages = Page.objects.all()
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    return pages


class PageChooserBrowseView(chooser.BrowseView):
    """Wagtail's, browsing from a page the hooks offer, shown as they say (Wagtail fetches the
    page browsed from without them)."""

    def get_object_list(self):
        self.parent_page = get_object_or_404(
            choosable_pages(self.request).specific(), pk=self.parent_page.pk
        )
        return super().get_object_list()


class PageChooserChosenMultipleView(chooser.ChosenMultipleView):
    """Wagtail's answer for the pages chosen, when the hooks offer every one of them (Wagtail
    does not ask them). An id that is not such a page is refused, so nothing tells another
    council's draft from a missing page; the root page, which Wagtail answers with a 500,
    is not one either."""

    def get(self, request):
        try:
            pks = {int(pk) for pk in request.GET.getlist("id")}
        except ValueError as error:
            raise BadRequest("Page ids are whole numbers.") from error
        pages = choosable_pages(request).filter(pk__in=pks).exclude(depth=1).specific()
        if len(pages) != len(pks):
            raise Http404
        return self.render_chosen_response(
            [
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url,
                }
                for page in pages
            ]
        )


class WorkflowView(workflows.WorkflowView):
    def get_queryset(self):
        return hide_other_councils_updates(super().get_queryset(), self.request.user)


class WorkflowTasksView(workflows.WorkflowTasksView):
    def get_queryset(self):
        return hide_other_councils_updates(
            super().get_queryset(), self.request.user, via="workflow_state__"
        )


class LogEntriesView(audit_logging.LogEntriesView):
    """Site history. Wagtail shows every snippet's log entries to anyone with a permission on
    the snippet's model; page log entries already follow the page permission policy."""

    def filter_queryset(self, queryset):
        if queryset.model is ModelLogEntry:
            queryset = hide_other_councils_updates(queryset, self.request.user)
        return super().filter_queryset(queryset)


class PageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """Each page type's count and last edited page among the pages the user may explore, as
    the type's usage listing shows them (Wagtail's report counts every page)."""

    def get_queryset(self):
        page_types = super().get_queryset()
        pages = self.permission_policy.explorable_instances(self.request.user).filter(
            content_type=OuterRef("pk")
        )
        chosen = self.filters.form.cleaned_data
        if language_code := chosen.get("page_locale"):
            pages = pages.filter(locale__language_code=language_code)
        if site_root_path := chosen.get("site"):
            pages = pages.filter(path__startswith=site_root_path)
        counts = pages.order_by().values("content_type").annotate(n=Count("pk")).values("n")
        latest = pages.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        # Annotating Wagtail's names again replaces its values; its ordering follows ours.
        return page_types.annotate(
            count=Coalesce(Subquery(counts), 0),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        )


AUTOCOMPLETE_LIMIT = 10
MAX_TERM_LENGTH = 100


def council_autocomplete(request):
    """Names of current councils for the partner councils field, as Wagtail's tag input
    expects them: a JSON list of strings."""
    term = request.GET.get("term", "").replace("\x00", "").strip()
    if not term or len(term) > MAX_TERM_LENGTH:
        return JsonResponse([], safe=False)
    councils = (
        Council.objects.current()
        .filter(
            Q(short_name__icontains=term)
            | Q(official_name__icontains=term)
            | Q(alt_names__icontains=term)
        )
        .order_by("short_name")
        .values_list("short_name", flat=True)
        .distinct()[:AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(councils), safe=False)
