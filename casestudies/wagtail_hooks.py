from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ProgressUpdate, Theme
from .permissions import ProgressUpdateForm, hide_other_councils_drafts


@hooks.register("construct_page_chooser_queryset")
def limit_chooser_to_visible_pages(pages, request):
    return hide_other_councils_drafts(pages, request.user)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Themes"
    list_display = ["name", "slug", "description"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class CouncilScopedObjectMixin:
    """Refuse one progress update unless the user's council reported it."""

    def get_object(self, queryset=None):
        update = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required or "change", update
        ):
            raise PermissionDenied
        return update


class ProgressUpdateEditView(CouncilScopedObjectMixin, snippet_views.EditView):
    pass


class ProgressUpdateDeleteView(CouncilScopedObjectMixin, snippet_views.DeleteView):
    pass


class ProgressUpdateHistoryView(CouncilScopedObjectMixin, snippet_views.HistoryView):
    permission_required = "change"


class ProgressUpdateViewSet(SnippetViewSet):
    model = ProgressUpdate
    icon = "date"
    menu_label = "Project progress updates"
    list_display = ["title", "project", "council", "date"]
    list_filter = ["date"]
    search_fields = ["title", "text"]
    edit_handler = ObjectList(ProgressUpdate.panels, base_form_class=ProgressUpdateForm)
    edit_view_class = ProgressUpdateEditView
    delete_view_class = ProgressUpdateDeleteView
    history_view_class = ProgressUpdateHistoryView
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, {"change", "delete"}
        ).select_related("project", "council")


class CollaborationViewSetGroup(SnippetViewSetGroup):
    menu_label = "Themes and projects"
    menu_icon = "tag"
    menu_order = 260
    items = (ThemeViewSet, ProgressUpdateViewSet)


register_snippet(CollaborationViewSetGroup)
