"""Requests to join projects in the admin: the lead council's practitioners see the requests
for their projects and accept or decline them; organisers and superusers see and decide all.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import EditView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import joining
from .models import JoinRequest

PANEL_SHOWN = 10


class JoinRequestPermissionPolicy(ModelPermissionPolicy):
    """Django's permissions on requests, for the requests the user may decide. Nobody adds a
    request in the admin: councils ask on the project page."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return JoinRequest.objects.none()
        return joining.visible_to_deciders(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and joining.may_decide(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )


# Here rather than in AppConfig.ready(): wagtail_hooks imports this module first of all.
register_permission_policy(JoinRequest, JoinRequestPermissionPolicy(JoinRequest), exact_class=True)


def only_for_deciders(view):
    """Refuse every route that names one request (edit, delete, history, usage, inspect)
    unless the user may decide it: the lead council's practitioners, organisers, superusers."""

    @wraps(view)
    def checked_view(request, *args, **kwargs):
        if "pk" in kwargs:
            join_request = (
                JoinRequest.objects.filter(pk=kwargs["pk"]).select_related("project").first()
            )
            if join_request is not None and not joining.may_decide(request.user, join_request):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked_view


class DecideView(EditView):
    """The edit route of a request: its details, an optional reply, Accept and Decline."""

    error_message = "The decision was not recorded: see the errors below."

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["join_request"] = self.object
        context["is_open"] = self.object.status == JoinRequest.Status.OPEN
        return context

    def is_valid(self, form):
        valid = form.is_valid()
        if self.object.status != JoinRequest.Status.OPEN:
            form.add_error(
                None, "This request is no longer open: it was withdrawn or decided already."
            )
        elif self.request.POST.get("decision") not in self.decisions:
            form.add_error(None, "Choose Accept or Decline.")
        if valid and not form.errors:
            return True
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return False

    @property
    def decisions(self):
        return {"accept": joining.accept, "decline": joining.decline}

    def form_valid(self, form):
        self.form = form
        decision = self.request.POST["decision"]
        try:
            self.decisions[decision](
                self.object, self.request.user, form.cleaned_data.get("reply", "")
            )
        except joining.CannotAsk as refusal:
            form.add_error(None, str(refusal))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        council, project = self.object.council.short_name, self.object.project.title
        if decision == "accept":
            messages.success(
                self.request, f"{council} is now a partner on {project}. We have emailed them."
            )
        else:
            messages.success(
                self.request,
                f"You declined {council}'s request to join {project}. We have emailed them.",
            )
        return redirect(get_valid_next_url_from_request(self.request) or self.get_success_url())


class JoinRequestViewSetMixin:
    """What JoinRequestViewSet (admin_viewsets.py) adds to the basic record viewset."""

    edit_view_class = DecideView
    edit_template_name = "collaboration/join_decide.html"
    panels = [FieldPanel("reply")]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, {"view", "change", "delete"}
        )

    def get_urlpatterns(self):
        return decorate_urlpatterns(super().get_urlpatterns(), only_for_deciders)

    def register_chooser_viewset(self):
        # Nothing chooses a request, and a chooser would list other councils' requests.
        pass


class OpenJoinRequestsPanel(Component):
    """The dashboard's list of requests waiting for the user's councils to decide."""

    name = "open_join_requests"
    template_name = "collaboration/join_panel.html"
    order = 60

    def __init__(self, join_requests, count):
        self.join_requests = join_requests
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"join_requests": self.join_requests, "more": self.count - len(self.join_requests)}


@hooks.register("construct_homepage_panels")
def add_open_join_requests_panel(request, panels):
    waiting = joining.open_for_users_councils(request.user)
    shown = list(waiting[:PANEL_SHOWN])
    if shown:
        panels.append(OpenJoinRequestsPanel(shown, waiting.count()))


@hooks.register("register_log_actions")
def register_join_request_actions(actions):
    actions.register_action(joining.ACCEPT_ACTION, "Accept request to join", "Accepted")
    actions.register_action(joining.DECLINE_ACTION, "Decline request to join", "Declined")
    actions.register_action(joining.WITHDRAW_ACTION, "Withdraw request to join", "Withdrawn")
