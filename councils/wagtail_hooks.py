import django_filters

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Council, Nation


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
    filterset_class = CouncilFilterSet
    ordering = ["short_name"]


register_snippet(CouncilViewSet)
