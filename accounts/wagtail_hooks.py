from django.contrib import messages
from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import AccessRequestDecisionForm, InvitationAdminForm
from .models import AccessRequest, Invitation
from .onboarding import decide_access_request, email_invitation, prepare_invitation
from .user_admin import BULK_ACTIONS


class InvitationCreateView(generic.CreateView):
    def save_instance(self):
        self.token = prepare_invitation(self.form.instance, invited_by=self.request.user)
        invitation = super().save_instance()
        email_invitation(invitation, self.token)
        return invitation

    def get_success_message(self, instance):
        return f"Invitation sent to {instance.email}. The link works once, for 7 days."


class InvitationEditView(generic.EditView):
    """Saving an invitation that has not been accepted sends a fresh link."""

    def get_object(self, queryset=None):
        invitation = super().get_object(queryset)
        if invitation.is_used:
            messages.error(self.request, "This invitation has been accepted and cannot be changed.")
            raise PermissionDenied
        return invitation

    def save_instance(self):
        self.token = prepare_invitation(self.form.instance)
        invitation = super().save_instance()
        email_invitation(invitation, self.token)
        return invitation

    def get_success_message(self):
        return f"A new link was sent to {self.object.email}. Earlier links no longer work."


class InvitationViewSet(ModelViewSet):
    model = Invitation
    url_prefix = "accounts/invitations"
    url_namespace = "accounts_invitation"
    icon = "mail"
    menu_label = "Invitations"
    add_view_class = InvitationCreateView
    edit_view_class = InvitationEditView
    edit_handler = ObjectList(Invitation.panels, base_form_class=InvitationAdminForm)
    list_display = ["email", "role", "council", "status", "invited_by", "created_at"]
    list_filter = ["role"]
    search_fields = ["email", "first_name", "last_name"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Invitation.objects.select_related("council", "invited_by")


class AccessRequestDecisionView(generic.EditView):
    def save_instance(self):
        access_request = super().save_instance()
        decide_access_request(access_request, self.request.user)
        return access_request

    def get_success_message(self):
        if self.object.status == AccessRequest.Status.APPROVED:
            return f"Approved. {self.object.email} has been sent a link to set a password."
        return f"Declined. {self.object.email} has been told."


class AccessRequestViewSet(ModelViewSet):
    model = AccessRequest
    url_prefix = "accounts/requests"
    url_namespace = "accounts_accessrequest"
    icon = "user"
    menu_label = "Requests to join"
    edit_view_class = AccessRequestDecisionView
    edit_handler = ObjectList(AccessRequest.panels, base_form_class=AccessRequestDecisionForm)
    list_display = ["name", "email", "council", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "reason"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return AccessRequest.objects.select_related("council")


class PeopleViewSetGroup(ViewSetGroup):
    menu_label = "Joining"
    menu_icon = "group"
    menu_order = 270
    items = (InvitationViewSet, AccessRequestViewSet)


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()


# After Wagtail's own (order 0): the bulk action registry keeps the last class registered for
# each action, so these replace Wagtail's.
for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)
