from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ProgressUpdate, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Themes"
    list_display = ["name", "slug", "description"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class ProgressUpdateViewSet(SnippetViewSet):
    model = ProgressUpdate
    icon = "date"
    menu_label = "Project progress updates"
    list_display = ["title", "project", "council", "date"]
    list_filter = ["date"]
    search_fields = ["title", "text"]


class CollaborationViewSetGroup(SnippetViewSetGroup):
    menu_label = "Themes and projects"
    menu_icon = "tag"
    menu_order = 260
    items = (ThemeViewSet, ProgressUpdateViewSet)


register_snippet(CollaborationViewSetGroup)
