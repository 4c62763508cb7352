"""Nothing of another council's unpublished work shows anywhere in the admin: not in the page
chooser, the explorer, page search, the admin API, the dashboard or the reports. Another
council's live pages appear as the public sees them, under their live titles.

Over 300 lines because it walks every admin screen with the same two councils' pages.
"""

import json

from django.urls import reverse

from wagtail.admin.views import chooser
from wagtail.models import Page

import pytest

from casestudies.factories import ProgressUpdateFactory, ProjectPageFactory
from casestudies.models import ProgressUpdate

from .conftest import case_study
from .test_progress_updates import URLS as UPDATES
from .test_progress_updates import submit_new, update_data
from .test_workflow import submit

pytestmark = pytest.mark.usefixtures("_permission_data")  # built once per module (conftest)

# What council B has not published, and must stay unseen by council A.
SECRET_TITLE = "Barchester secret draft"
SECRET_SLUG = "barchester-secret-draft"
RENAME = "Barchester unpublished rename"
RENAME_SLUG = "barchester-unpublished-slug"
UPDATE_DRAFT = "Barchester progress draft"
UPDATE_IN_REVIEW = "Barchester progress in review"
UPDATE_RENAME = "Barchester progress rename"
UNSEEN = (
    SECRET_TITLE,
    SECRET_SLUG,
    RENAME,
    RENAME_SLUG,
    UPDATE_DRAFT,
    UPDATE_IN_REVIEW,
    UPDATE_RENAME,
)

# What anyone may see: B's live page under its live title; A's own work in progress.
LIVE_TITLE = "Barchester live title"
OWN_DRAFT = "Avonford own draft in review"
OWN_UPDATE = "Avonford progress in review"

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def work(client, people, council_a, council_b, case_study_index):
    """Council B's unpublished work in every state, and some of council A's."""
    secret = case_study(council_b, title=SECRET_TITLE)
    assert secret.slug == SECRET_SLUG
    renamed = case_study(council_b, title=LIVE_TITLE, live=True)
    project = ProjectPageFactory(
        council=council_b, partner_councils=[council_a], title="Barchester shared project"
    )
    live_update = ProgressUpdateFactory(
        project=project, council=council_b, title="Barchester progress live"
    )
    own = case_study(council_a, title=OWN_DRAFT)

    client.force_login(people["practitioner_b"])
    # A live page with a newer draft in Organiser review.
    assert submit(client, renamed, title=RENAME, slug=RENAME_SLUG).status_code == 302
    # A progress update never published, one in review, and a live one with a newer draft.
    response = client.post(reverse(f"{UPDATES}:add"), update_data(project, council_b, UPDATE_DRAFT))
    assert response.status_code == 302
    submit_new(client, project, council_b, UPDATE_IN_REVIEW)
    response = client.post(
        reverse(f"{UPDATES}:edit", args=[live_update.pk]),
        update_data(project, council_b, UPDATE_RENAME),
    )
    assert response.status_code == 302

    client.force_login(people["practitioner_a"])
    submit(client, own)
    submit_new(client, project, council_a, OWN_UPDATE)
    client.logout()

    renamed.refresh_from_db()
    assert (renamed.live, renamed.title, renamed.draft_title) == (True, LIVE_TITLE, RENAME)
    assert renamed.workflow_in_progress
    assert not ProgressUpdate.objects.get(title=UPDATE_DRAFT).live
    live_update.refresh_from_db()
    assert live_update.live and live_update.has_unpublished_changes
    return {
        "secret": secret,
        "renamed": renamed,
        "project": project,
        "own": own,
        "index": case_study_index,
        "root": Page.get_first_root_node(),
    }


def text_of(response):
    """A response's body, with a modal's JSON decoded so that its HTML is searchable."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(json.loads(response.content), ensure_ascii=False)
    return response.content.decode()


def assert_nothing_unseen_at(client, urls):
    """Every address answers (or refuses) without showing any of the unpublished strings."""
    found = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        shown = [s for s in UNSEEN if s.lower() in text_of(response).lower()]
        if shown:
            found.append(f"{url} shows {shown}")
    assert not found, "\n".join(found)


def chooser_urls(work):
    index, secret, renamed = work["index"], work["secret"], work["renamed"]
    browse = reverse("wagtailadmin_choose_page")
    child = "wagtailadmin_choose_page_child"
    search = reverse("wagtailadmin_choose_page_search")
    chosen = reverse("wagtailadmin_choose_page_chosen_multiple")
    return [
        browse,
        f"{browse}?page_type=casestudies.casestudypage",
        f"{browse}?page_type=casestudies.casestudypage&multiple=1",
        reverse(child, args=[index.pk]),
        reverse(child, args=[index.pk]) + "?multiple=1&user_perms=copy_to",
        reverse(child, args=[secret.pk]),
        reverse(child, args=[renamed.pk]),
        f"{search}?q=Barchester",
        f"{search}?q=Barchester&page_type=casestudies.casestudypage&multiple=1",
        f"{search}?q=secret",
        f"{search}?q=rename",
        f"{chosen}?id={secret.pk}",
        f"{chosen}?id={renamed.pk}",
        f"{chosen}?id={renamed.pk}&id={secret.pk}",
    ]


def admin_urls(work):
    index, secret, renamed = work["index"], work["secret"], work["renamed"]
    api = "/admin/api/main/pages/"
    reports = [
        "workflow",
        "workflow_results",
        "workflow_tasks",
        "workflow_tasks_results",
        "site_history",
        "site_history_results",
        "locked_pages",
        "aging_pages",
        "page_types_usage",
    ]
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:search") + "?q=Barchester",
        reverse("wagtailadmin_pages:search_results") + "?q=Barchester",
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("wagtailadmin_explore_results", args=[index.pk]),
        reverse("wagtailadmin_explore", args=[index.get_parent().pk]),
        reverse("wagtailadmin_pages:type_use", args=["casestudies", "casestudypage"]),
        reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[renamed.pk]),
        reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[renamed.pk, renamed.current_workflow_task.pk],
        ),
        f"{api}?search=Barchester",
        f"{api}?child_of={index.pk}",
        f"{api}{secret.pk}/",
        f"{api}{renamed.pk}/",
        reverse(f"{UPDATES}:list") + "?q=Barchester",
        *(reverse(f"wagtailadmin_reports:{name}") for name in reports),
        *(
            reverse(f"wagtailadmin_reports:{name}") + "?export=csv"
            for name in ("workflow", "workflow_tasks", "site_history")
        ),
    ]


def test_practitioner_sees_nothing_of_another_councils_unpublished_work(client, people, work):
    client.force_login(people["practitioner_a"])
    assert_nothing_unseen_at(client, chooser_urls(work) + admin_urls(work))


def test_practitioner_sees_live_titles_and_own_work(client, people, work):
    renamed, own = work["renamed"], work["own"]
    client.force_login(people["practitioner_a"])
    browsed = text_of(
        client.get(reverse("wagtailadmin_choose_page_child", args=[work["index"].pk]))
    )
    assert LIVE_TITLE in browsed and OWN_DRAFT in browsed
    searched = text_of(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Barchester"}))
    assert LIVE_TITLE in searched
    chosen = client.get(
        reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [renamed.pk, own.pk]}
    )
    assert chosen.status_code == 200
    result = json.loads(chosen.content)["result"]
    assert [(page["id"], page["adminTitle"], page["url"]) for page in result] == [
        (renamed.pk, LIVE_TITLE, renamed.url),
        (own.pk, OWN_DRAFT, own.url),
    ]

    for report in ("workflow", "workflow_tasks", "site_history"):
        text = client.get(reverse(f"wagtailadmin_reports:{report}")).text
        assert OWN_DRAFT in text and OWN_UPDATE in text, report


def test_confirm_cancellation_only_for_those_who_may_edit_the_page(client, people, work):
    url = reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[work["renamed"].pk])
    client.force_login(people["practitioner_a"])
    assert client.get(url, **XHR).status_code == 403
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")

    for role in ("practitioner_b", "organiser"):
        client.force_login(people[role])
        response = client.get(url, **XHR)
        assert response.status_code == 200 and "Organiser review" in text_of(response), role


def test_organisers_still_see_every_councils_work(client, people, work, rf):
    secret, renamed = work["secret"], work["renamed"]
    for role in ("organiser", "admin"):
        client.force_login(people[role])
        searched = text_of(
            client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Barchester"})
        )
        assert SECRET_TITLE in searched and RENAME in searched, role
        browsed = text_of(client.get(reverse("wagtailadmin_choose_page_child", args=[renamed.pk])))
        assert RENAME in browsed, role

        # The same answer as Wagtail's own chosen-multiple view.
        ids = {"id": [secret.pk, renamed.pk]}
        chosen = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), ids)
        request = rf.get("/", ids)
        request.user = people[role]
        wagtails = chooser.ChosenMultipleView.as_view()(request)
        assert json.loads(chosen.content) == json.loads(wagtails.content), role
        assert [page["adminTitle"] for page in json.loads(chosen.content)["result"]] == [
            SECRET_TITLE,
            RENAME,
        ]

        tasks = client.get(reverse("wagtailadmin_reports:workflow_tasks")).text
        assert RENAME in tasks, role  # its spreadsheet gives the live title, as Wagtail does
        for report, shown in [
            ("workflow", (RENAME, UPDATE_IN_REVIEW, OWN_UPDATE)),
            ("workflow_tasks", (UPDATE_IN_REVIEW, OWN_UPDATE)),
            ("site_history", (UPDATE_DRAFT, UPDATE_IN_REVIEW, UPDATE_RENAME)),
        ]:
            for export in ("", "csv"):
                text = text_of(
                    client.get(
                        reverse(f"wagtailadmin_reports:{report}"),
                        {"export": export} if export else {},
                    )
                )
                assert all(title in text for title in shown), (role, report, export)


def test_chosen_multiple_refuses_what_cannot_be_chosen(client, people, work):
    """The root page cannot be chosen (Wagtail answers it with a 500), nor an unknown id, nor
    another council's draft; nothing tells a hidden page from a missing one."""
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    root, renamed, secret = work["root"].pk, work["renamed"].pk, work["secret"].pk
    refused = {
        "practitioner_a": [[root], [root, renamed], [999999], [secret], [renamed, secret]],
        "admin": [[root], [root, renamed], [999999]],
    }
    for role, cases in refused.items():
        client.force_login(people[role])
        for ids in cases:
            assert client.get(url, {"id": ids}).status_code == 404, (role, ids)
        for garbage in (["abc"], [""], [renamed, "1.5"]):
            assert client.get(url, {"id": garbage}).status_code == 400, (role, garbage)
    assert client.get(url).json()["result"] == []  # Wagtail's answer when nothing is chosen


def test_page_types_report_counts_only_pages_the_user_may_explore(
    client, people, council_a, council_b, case_study_index
):
    case_study(council_a, title=OWN_DRAFT)
    case_study(council_b, title=LIVE_TITLE, live=True)
    case_study(council_b, title=SECRET_TITLE)  # the case study edited last

    def case_studies_row(role):
        client.force_login(people[role])
        response = client.get(reverse("wagtailadmin_reports:page_types_usage"))
        assert response.status_code == 200
        row = next(
            page_type
            for page_type in response.context["object_list"]
            if page_type.model == "casestudypage"
        )
        return row.count, row.last_edited_page.get_admin_display_title(), response.text

    count, last_edited, text = case_studies_row("practitioner_a")
    assert (count, last_edited) == (1, OWN_DRAFT)
    assert SECRET_TITLE not in text
    count, last_edited, text = case_studies_row("organiser")
    assert (count, last_edited) == (3, SECRET_TITLE)
    assert SECRET_TITLE in text
