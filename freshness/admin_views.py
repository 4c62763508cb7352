"""The admin side of freshness: marking a page reviewed, and the stale content report."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

import django_filters

from casestudies.models import LearningPage, Theme
from casestudies.permissions import acts_for_any_council
from core.freshness import stale_after_months
from councils.models import Council

from .reviews import can_mark_reviewed, mark_reviewed
from .stale import age_choices, stale_pages


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class MarkReviewedView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm (the link in reminder emails); POST marks the page reviewed (the
    one-click button in the page header and listings posts here)."""

    template_name = "freshness/admin/mark_reviewed.html"
    header_icon = "tick"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific_deferred
        if not can_mark_reviewed(request.user, self.page):
            raise PermissionDenied
        self.next_url = _safe_next(
            request, reverse("wagtailadmin_explore", args=[self.page.get_parent().pk])
        )
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return f"Mark “{self.page.get_admin_display_title()}” as reviewed"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page, next_url=self.next_url, today=timezone.localdate(), **kwargs
        )

    def post(self, request, page_id):
        mark_reviewed(self.page, request.user)
        messages.success(
            request, f"“{self.page.get_admin_display_title()}” marked as reviewed today."
        )
        return redirect(self.next_url)


def _age_filter(queryset, name, value):
    for key, _label, condition in age_choices():
        if key == value:
            return queryset.filter(condition)
    return queryset


class StaleContentFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(
        label="Council",
        empty_label="Any council",
        queryset=Council.objects.filter(learning_pages__live=True)
        .distinct()
        .order_by("short_name"),
    )
    theme = django_filters.ModelChoiceFilter(
        label="Theme",
        empty_label="Any theme",
        field_name="themed_items__tag",
        queryset=Theme.objects.order_by("name"),
    )
    age = django_filters.ChoiceFilter(
        label="Last reviewed or published",
        empty_label="Any time",
        method=_age_filter,
        choices=lambda: [(key, label) for key, label, _q in age_choices()],
    )

    class Meta:
        model = LearningPage
        fields = ["council", "theme", "age"]


class StaleContentView(ReportView):
    page_title = "Stale content"
    header_icon = "time"
    template_name = "freshness/admin/stale_content.html"
    results_template_name = "freshness/admin/stale_content_results.html"
    index_url_name = "stale_content"
    index_results_url_name = "stale_content_results"
    filterset_class = StaleContentFilterSet
    context_object_name = "pages"
    list_export = [
        "title",
        "kind",
        "council.short_name",
        "theme_names",
        "last_reviewed",
        "last_published_date",
        "admin_url",
        "full_url",
    ]
    export_headings = {
        "title": "Title",
        "kind": "Type",
        "council.short_name": "Council",
        "theme_names": "Themes",
        "last_reviewed": "Last reviewed",
        "last_published_date": "Last published",
        "admin_url": "Edit in the admin",
        "full_url": "Page",
    }

    def dispatch(self, request, *args, **kwargs):
        if not acts_for_any_council(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"stale-content-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return (
            stale_pages()
            .select_related("council", "content_type")
            .prefetch_related("themed_items__tag")
            .order_by(
                F("last_reviewed").asc(nulls_first=True),
                F("last_published_at").asc(nulls_first=True),
                "pk",
            )
        )

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.theme_names = ", ".join(item.tag.name for item in page.themed_items.all())
            page.last_published_date = (
                timezone.localtime(page.last_published_at).date()
                if page.last_published_at
                else None
            )
            page.admin_url = reverse("wagtailadmin_pages:edit", args=[quote(page.pk)])
        return object_list

    def to_row_dict(self, item):
        self.decorate_paginated_queryset([item])
        return super().to_row_dict(item)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["months"] = stale_after_months()
        paginator = context.get("paginator")
        context["total"] = paginator.count if paginator else len(context["object_list"])
        return context
