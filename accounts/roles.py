"""The standard groups, their permissions and the "Organiser review" workflow.

``setup_roles()`` is idempotent: it adds what is missing and corrects what drifted, and never
removes permissions an administrator added by hand.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

PRACTITIONERS = "Practitioners"
ORGANISERS = "Network organisers"
WORKFLOW_NAME = "Organiser review"
TASK_NAME = "Organiser approval"

PRACTITIONER_PAGE_PERMISSIONS = ["add_page", "change_page"]
ORGANISER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
PRACTITIONER_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "casestudies.add_progressupdate",
    "casestudies.change_progressupdate",
    "casestudies.delete_progressupdate",
    # Requests to join their councils' projects, to accept or decline (collaboration/).
    "collaboration.view_joinrequest",
    "collaboration.change_joinrequest",
]
COLLABORATION_MODELS = [
    "joinrequest",
    "sharedproblem",
    "reuse",
    "helprequest",
    "helpoffer",
    "introduction",
]
# Practitioners save drafts of progress updates and submit them; only organisers publish.
ORGANISER_MODEL_PERMISSIONS = (
    PRACTITIONER_MODEL_PERMISSIONS
    + [
        "casestudies.publish_progressupdate",
        "casestudies.lock_progressupdate",
        "casestudies.unlock_progressupdate",
        "councils.act_for_any_council",
        "councils.add_councilmembership",
        "councils.change_councilmembership",
        "councils.delete_councilmembership",
        "councils.view_councilmembership",
        "casestudies.add_theme",
        "casestudies.change_theme",
        "casestudies.delete_theme",
        "accounts.add_invitation",
        "accounts.change_invitation",
        "accounts.delete_invitation",
        "accounts.view_invitation",
        "accounts.change_accessrequest",
        "accounts.view_accessrequest",
        "accounts.delete_accessrequest",
        "auth.change_user",
        "auth.view_user",
        "search.view_backgroundfailure",  # the admin dashboard's notice of failed background work
    ]
    + [
        f"collaboration.{action}_{model}"
        for model in COLLABORATION_MODELS
        for action in ("view", "change", "delete")
    ]
    + ["collaboration.add_introduction"]
)
COLLECTION_PERMISSIONS = {
    PRACTITIONERS: ["add_image", "choose_image", "add_document", "choose_document"],
    ORGANISERS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
}


def _model_permissions(names):
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )


def _writable_sections():
    from casestudies.models import CaseStudyIndexPage, LessonIndexPage, ProjectIndexPage

    return [
        model.objects.first() for model in (CaseStudyIndexPage, LessonIndexPage, ProjectIndexPage)
    ]


@transaction.atomic
def setup_roles():
    """Create or complete the groups, their permissions and the workflow. Returns a summary."""
    from home.site_structure import ensure_site_structure, get_home_page

    ensure_site_structure()
    home = get_home_page()
    practitioners, _ = Group.objects.get_or_create(name=PRACTITIONERS)
    organisers, _ = Group.objects.get_or_create(name=ORGANISERS)

    practitioners.permissions.add(*_model_permissions(PRACTITIONER_MODEL_PERMISSIONS))
    organisers.permissions.add(*_model_permissions(ORGANISER_MODEL_PERMISSIONS))

    for section in _writable_sections():
        _grant_pages(practitioners, section, PRACTITIONER_PAGE_PERMISSIONS)
    _grant_pages(organisers, home, ORGANISER_PAGE_PERMISSIONS)

    root_collection = Collection.get_first_root_node()
    for group in (practitioners, organisers):
        for codename in COLLECTION_PERMISSIONS[group.name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(codename=codename),
            )

    workflow = ensure_workflow(organisers, home)
    return {"groups": [practitioners, organisers], "workflow": workflow}


def ensure_workflow(organisers, home):
    from casestudies.models import ProgressUpdate

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.add(organisers)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count()
        )
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    # Snippets take their workflow from their content type, not from the page tree.
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(ProgressUpdate),
        defaults={"workflow": workflow},
    )
    return workflow


def make_practitioner(user, councils):
    from councils.models import CouncilMembership

    user.groups.add(Group.objects.get(name=PRACTITIONERS))
    for council in councils:
        CouncilMembership.objects.get_or_create(user=user, council=council)


def make_organiser(user):
    user.groups.add(Group.objects.get(name=ORGANISERS))


def assign_role(user, role):
    """Put a user in the group for a role name ("practitioner", "organiser"); other roles
    (administrator, reader) need no group."""
    group = {"practitioner": PRACTITIONERS, "organiser": ORGANISERS}.get(role)
    if group:
        user.groups.add(Group.objects.get(name=group))
