from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.workflow import ConfirmWorkflowCancellationView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_views import council_autocomplete
from .models import LearningPage, ProgressUpdate, Theme
from .permissions import ProgressUpdateForm, acts_for_council, hide_other_councils_drafts


@hooks.register("construct_page_chooser_queryset")
def limit_chooser_to_visible_pages(pages, request):
    return hide_other_councils_drafts(pages, request.user)


class LearningPageExplorerView(ExplorableIndexView):
    """Exploring a case study, lesson or project the user may not see goes back to the
    explorer's start, as Wagtail does for any page outside the user's part of the tree."""

    def get(self, request, parent_page_id=None):
        if (
            parent_page_id
            and not self.permission_policy.explorable_instances(request.user)
            .filter(pk=parent_page_id)
            .exists()
        ):
            root = self.permission_policy.explorable_root_instance(request.user)
            return redirect(self.index_url_name, root.pk)
        return super().get(request, parent_page_id)


class LearningPageConfirmWorkflowCancellationView(ConfirmWorkflowCancellationView):
    """The step of publishing from the editor that tells where the page's workflow stands:
    only for those who may edit the page (Wagtail checks nothing here)."""

    def dispatch(self, request, *args, **kwargs):
        if not self.object.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LearningPageViewSet(PageViewSet):
    model = LearningPage
    index_view_class = LearningPageExplorerView
    confirm_workflow_cancellation_view_class = LearningPageConfirmWorkflowCancellationView

    @property
    def parent_models(self):
        return [LearningPage]


@hooks.register("register_admin_urls")
def register_council_autocomplete():
    return [
        path(
            "casestudies/council-autocomplete/",
            council_autocomplete,
            name="casestudies_council_autocomplete",
        )
    ]


@hooks.register("register_admin_viewset")
def register_learning_page_viewset():
    return LearningPageViewSet()


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Themes"
    list_display = ["name", "slug", "description"]
    search_fields = ["name", "description"]
    ordering = ["name"]


def only_for_the_reporting_council(view):
    """Refuse every route that names one progress update (edit, delete, history, revisions,
    workflow actions, unpublish, lock) unless the user's council reported it."""

    @wraps(view)
    def council_checked_view(request, *args, **kwargs):
        if "pk" in kwargs:
            council_id = (
                ProgressUpdate.objects.filter(pk=kwargs["pk"])
                .values_list("council_id", flat=True)
                .first()
            )
            if council_id is not None and not acts_for_council(request.user, council_id):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return council_checked_view


class ProgressUpdateViewSet(SnippetViewSet):
    model = ProgressUpdate
    icon = "date"
    menu_label = "Project progress updates"
    list_display = ["title", "project", "council", "date"]
    list_filter = ["date"]
    search_fields = ["title", "text"]
    edit_handler = ObjectList(ProgressUpdate.panels, base_form_class=ProgressUpdateForm)
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, {"change", "delete"}
        ).select_related("project", "council")

    def get_urlpatterns(self):
        return decorate_urlpatterns(super().get_urlpatterns(), only_for_the_reporting_council)

    def register_chooser_viewset(self):
        # Nothing chooses a progress update, and the chooser would list other councils' drafts.
        pass


class CollaborationViewSetGroup(SnippetViewSetGroup):
    menu_label = "Themes and projects"
    menu_icon = "tag"
    menu_order = 260
    items = (ThemeViewSet, ProgressUpdateViewSet)


register_snippet(CollaborationViewSetGroup)
