"""Wagtail's user admin, asking ``permissions.py`` on every route which accounts the person
signed in may manage and what they may change."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from wagtail.users.forms import UserEditForm
from wagtail.users.views import users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from .permissions import (
    fields_they_may_change,
    may_add_accounts,
    may_delete_account,
    may_manage_account,
    roles_they_may_give,
)


class AccountEditForm(UserEditForm):
    """Wagtail's user edit form with only the fields the person editing may change; anything
    else posted is ignored, and a role they may not give is refused."""

    def __init__(self, *args, changed_by, **kwargs):
        super().__init__(*args, **kwargs)
        for name in set(self.fields) - fields_they_may_change(changed_by, self.fields):
            del self.fields[name]
        if "groups" in self.fields:
            self.fields["groups"].queryset = roles_they_may_give(changed_by)

    @property
    def password_enabled(self):
        # Wagtail's save() reads password1 whenever passwords are enabled.
        return super().password_enabled and "password1" in self.fields

    def separate_username_field(self):
        # Wagtail's templates show the username field whenever this is true.
        return super().separate_username_field() and get_user_model().USERNAME_FIELD in self.fields


class IndexView(users.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups", "user_permissions")

    def get_add_url(self):
        if may_add_accounts(self.request.user):
            return super().get_add_url()

    def get_edit_url(self, instance):
        if may_manage_account(self.request.user, instance):
            return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if may_delete_account(self.request.user, instance):
            return super().get_delete_url(instance)


class CreateView(users.CreateView):
    def dispatch(self, request, *args, **kwargs):
        if not may_add_accounts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditView(users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.can_delete = may_delete_account(request.user, self.object)

    def get_object(self, queryset=None):
        account = super().get_object(queryset)
        if not may_manage_account(self.request.user, account):
            raise PermissionDenied
        return account

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "changed_by": self.request.user}


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not may_delete_account(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        if for_update:
            return AccountEditForm
        return super().get_form_class(for_update)


class SetActiveStateAction(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return may_manage_account(self.request.user, obj)


class AssignRoleAction(AssignRoleBulkAction):
    def check_perm(self, obj):
        return may_manage_account(self.request.user, obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = roles_they_may_give(self.request.user)
        return form


class DeleteAction(DeleteBulkAction):
    def check_perm(self, obj):
        return may_delete_account(self.request.user, obj)


BULK_ACTIONS = [SetActiveStateAction, AssignRoleAction, DeleteAction]
