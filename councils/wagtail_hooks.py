from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from .models import Council, CouncilMembership, Nation


class CouncilFilterSet(WagtailFilterSet):
    nation = django_filters.ChoiceFilter(choices=Nation.choices)
    is_current = django_filters.BooleanFilter(label="Current council")

    class Meta:
        model = Council
        fields = ["nation", "region", "council_type", "is_current"]


class CouncilViewSet(SnippetViewSet):
    model = Council
    icon = "site"
    menu_label = "Councils"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["short_name", "code", "council_type_name", "nation", "region", "is_current"]
    list_per_page = 50
    search_fields = ["short_name", "official_name", "alt_names", "code", "gss_code"]
    # Plain database matching: any part of any name or code, on every search backend (the
    # search index's autocomplete cannot be limited to these fields).
    search_backend_name = None
    filterset_class = CouncilFilterSet
    ordering = ["short_name"]


register_snippet(CouncilViewSet)


class CouncilMembershipViewSet(SnippetViewSet):
    """Organisers grant and withdraw people's right to write for a council."""

    model = CouncilMembership
    icon = "group"
    menu_label = "Council memberships"
    menu_order = 255
    add_to_admin_menu = True
    list_display = ["user", "council", "created_at"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "council__short_name"]
    ordering = ["council__short_name", "user__email"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return CouncilMembership.objects.select_related("user", "council")


register_snippet(CouncilMembershipViewSet)
