"""Who may act on which council's pages.

A practitioner writes only for the councils they are a member of (``CouncilMembership``).
People with the ``councils.act_for_any_council`` permission (network organisers; superusers
have every permission) review, edit and publish for every council.

Wagtail consults these rules on every admin route: each page view asks
``page.permissions_for_user()`` (LearningPage returns ``CouncilPagePermissionTester``), the
explorer, page search, reports and admin API ask the registered page permission policy, and the
page chooser runs the ``construct_page_chooser_queryset`` hook in ``wagtail_hooks.py``. Where
Wagtail asks neither (the chooser's chosen-multiple step and the parent it browses from, the
workflow and site history reports' progress updates, the page types report), the views in
``admin_views.py`` apply the functions here.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Case, CharField, F, Q, When
from django.db.models.functions import Cast
from django.forms import Select

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

ANY_COUNCIL_PERMISSION = "councils.act_for_any_council"
_COUNCIL_IDS_CACHE = "_member_council_ids"


def acts_for_any_council(user):
    return bool(user and user.is_active and user.has_perm(ANY_COUNCIL_PERMISSION))


def member_council_ids(user):
    """The councils this user writes for, cached on the user object for the request."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _COUNCIL_IDS_CACHE, None)
    if cached is None:
        cached = frozenset(user.council_memberships.values_list("council_id", flat=True))
        setattr(user, _COUNCIL_IDS_CACHE, cached)
    return cached


def acts_for_council(user, council_id):
    return acts_for_any_council(user) or council_id in member_council_ids(user)


def councils_for(user):
    """The councils a user may choose as the owner of a page or the author of an update."""
    from councils.models import Council

    councils = Council.objects.current().order_by("short_name")
    if acts_for_any_council(user):
        return councils
    return Council.objects.filter(pk__in=member_council_ids(user)).order_by("short_name")


class CouncilPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with every right withdrawn on pages of councils the user is not in."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.acts_for_council = user.is_superuser or acts_for_council(user, page.council_id)
        if not self.acts_for_council and hasattr(self, "permissions"):
            self.permissions = set()

    def can_edit(self):
        return self.acts_for_council and super().can_edit()

    def can_submit_for_moderation(self):
        return self.acts_for_council and super().can_submit_for_moderation()

    def can_lock(self):
        return self.acts_for_council and super().can_lock()

    def can_unlock(self):
        return self.acts_for_council and super().can_unlock()

    def can_view_revisions(self):
        return self.acts_for_council and super().can_view_revisions()


def other_councils_pages(user):
    """LearningPage ids belonging to councils the user does not write for."""
    from casestudies.models import LearningPage

    return LearningPage.objects.exclude(council_id__in=member_council_ids(user)).values("pk")


class CouncilPagePermissionPolicy(PagePermissionPolicy):
    """Page permissions as Wagtail grants them, limited to the user's own councils' pages.

    Used by the explorer, page search, reports, the workflow lists and the admin API, so
    practitioners never see another council's pages (drafts included) there.
    """

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or acts_for_any_council(user):
            return pages
        return pages.exclude(pk__in=other_councils_pages(user))

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if user.is_superuser or acts_for_any_council(user):
            return pages
        return pages.exclude(pk__in=other_councils_pages(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        council_id = getattr(instance.specific_deferred, "council_id", None)
        return council_id is None or user.is_superuser or acts_for_council(user, council_id)


def hide_other_councils_drafts(pages, user):
    """For choosers: published pages of any council, drafts only of the user's own councils.

    Another council's live page is annotated with ``chooser_title``, its live title, which
    ``LearningPage.get_admin_display_title`` shows instead of the title of its newest draft.
    """
    if user.is_superuser or acts_for_any_council(user):
        return pages
    others = other_councils_pages(user)
    return pages.exclude(pk__in=others.filter(live=False)).annotate(
        chooser_title=Case(When(pk__in=others, then=F("title")))
    )


def hide_other_councils_updates(records, user, via=""):
    """Workflow states, task states or log entries (``via`` leads to the fields naming their
    object), less those of progress updates the user may not change."""
    from casestudies.models import ProgressUpdate

    visible = policy_registry.get_by_type(ProgressUpdate).instances_user_has_any_permission_for(
        user, {"change", "delete"}
    )
    hidden = ProgressUpdate.objects.exclude(pk__in=visible.values("pk"))
    return records.exclude(
        **{
            f"{via}content_type": ContentType.objects.get_for_model(ProgressUpdate),
            f"{via}object_id__in": hidden.values_list(Cast("pk", CharField()), flat=True),
        }
    )


def and_list(names):
    """ "Cornwall", "Cornwall and Plymouth", "Bath, Cornwall and Plymouth"."""
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


class CouncilPageForm(WagtailAdminPageForm):
    """The owning council can only be one the editor writes for; new pages default to the
    editor's first council."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("council")
        if field is None or self.for_user is None:
            return
        allowed = councils_for(self.for_user)
        if self.instance.council_id and acts_for_any_council(self.for_user):
            # Keep a page's council choosable after it stopped being a current council.
            allowed = allowed.model.objects.filter(
                Q(pk__in=allowed.values("pk")) | Q(pk=self.instance.council_id)
            ).order_by("short_name")
        # A list of the councils allowed, not Wagtail's chooser of every council.
        field.widget = Select()
        field.queryset = allowed
        names = [] if acts_for_any_council(self.for_user) else [c.short_name for c in allowed]
        if acts_for_any_council(self.for_user):
            field.help_text = "The council that owns this page. You can publish for any council."
        elif not names:
            field.help_text = (
                "You are not a member of any council yet. Ask a network "
                "organiser to add you to your council."
            )
        else:
            field.help_text = f"The council that owns this page. You write for {and_list(names)}."
        if not self.instance.pk and not self.initial.get("council"):
            first = (
                self.for_user.council_memberships.order_by("created_at", "pk")
                .values_list("council_id", flat=True)
                .first()
            )
            if first is not None:
                self.initial["council"] = first
                field.initial = first

    def clean_council(self):
        council = self.cleaned_data.get("council")
        if (
            council is not None
            and self.for_user is not None
            and not self.for_user.is_superuser
            and not acts_for_council(self.for_user, council.pk)
        ):
            raise ValidationError("You can only publish for a council you are a member of.")
        return council


class ProgressUpdatePermissionPolicy(ModelPermissionPolicy):
    """Progress updates: Django model permissions, then the council rule — a practitioner
    acts on updates their own council reports, on projects their council leads or partners."""

    def instances_user_has_any_permission_for(self, user, actions):
        updates = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or acts_for_any_council(user):
            return updates
        return updates.filter(council_id__in=member_council_ids(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or acts_for_council(user, instance.council_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )


def projects_for(user):
    """Projects a user may report progress on: their councils lead or partner them."""
    from casestudies.models import ProjectPage

    projects = ProjectPage.objects.order_by("title")
    if acts_for_any_council(user):
        return projects
    ids = member_council_ids(user)
    return projects.filter(Q(council_id__in=ids) | Q(partners__council__in=ids)).distinct()


class ProgressUpdateForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        if "project" in self.fields:
            self.fields["project"].queryset = projects_for(self.for_user)
        if "council" in self.fields:
            self.fields["council"].queryset = councils_for(self.for_user)

    def clean(self):
        cleaned = super().clean()
        project, council = cleaned.get("project"), cleaned.get("council")
        if project is None or council is None:
            return cleaned
        if not (council.pk == project.council_id or council.pk in project.partner_council_ids()):
            self.add_error(
                "council", "Choose the lead council or one of the project's partner councils."
            )
        return cleaned

    def save(self, commit=True):
        if self.for_user is not None and not self.instance.created_by_id:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)
