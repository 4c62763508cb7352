"""Asking to join a project, end to end through HTTP: a council asks, the lead council declines
or accepts in the admin, and an accepted council is a partner everywhere at once.

Over 300 lines because it follows one journey end to end, in the order it happens.
"""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

import pytest

from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.choices import CollaborationStance
from casestudies.factories import CaseStudyPageFactory, ProjectPageFactory
from casestudies.models import ProjectPage
from collaboration.models import JoinRequest
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from search.similarity import get_similarity_backend

PASSWORD = "correct-horse-battery"  # noqa: S105
MESSAGE = "We run the same register in Barchester and would share the build."


def make_user(username, councils=(), organiser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.gov.uk",
        password=PASSWORD,
        first_name=username.title(),
    )
    make_practitioner(user, councils)
    if organiser:
        make_organiser(user)
    return user


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    ensure_site_structure()
    setup_roles()
    lead = CouncilFactory(short_name="Avonford")
    asker = CouncilFactory(short_name="Barchester")
    other = CouncilFactory(short_name="Casterbridge")
    project = ProjectPageFactory(
        title="Shared temporary accommodation register",
        council=lead,
        summary="One register of temporary accommodation for the county's families.",
        aims="<p>Fewer homeless families in bed and breakfast.</p>",
        stance=CollaborationStance.LOOKING_FOR_PARTNERS,
        contact_email="lead@example.gov.uk",
    )
    return {
        "lead": lead,
        "asker": asker,
        "other": other,
        "project": project,
        "lead_person": make_user("lena", [lead]),
        "asker_person": make_user("bram", [asker]),
        "other_person": make_user("cas", [other]),
        "organiser": make_user("olu", organiser=True),
    }


def ask_url(project):
    return reverse("collaboration:join_ask", args=[project.pk])


def decide_url(join_request):
    return reverse("wagtailsnippets_collaboration_joinrequest:edit", args=[join_request.pk])


LIST_URL = reverse("wagtailsnippets_collaboration_joinrequest:list")


def ask(client, project, message=MESSAGE, **extra):
    return client.post(ask_url(project), {"message": message, **extra})


def live_project(world):
    return ProjectPage.objects.get(pk=world["project"].pk)


@pytest.mark.similarity
def test_ask_decline_ask_again_accept_and_the_partner_shows_everywhere(client, world):
    project, asker, lead = world["project"], world["asker"], world["lead"]
    # Work by a third council like the project: the similarity engine names councils for it.
    similar = CaseStudyPageFactory(
        title="Temporary accommodation register for homeless families",
        council=world["other"],
        summary="A shared register of temporary accommodation kept families out of bed and "
        "breakfast.",
        problem="<p>Homeless families stayed in bed and breakfast; no register of temporary "
        "accommodation.</p>",
    )

    client.force_login(world["asker_person"])
    page = client.get(project.url).content.decode()
    assert f'href="{ask_url(project)}"' in page and "govuk-button" in page
    assert client.get(ask_url(project)).status_code == 200

    response = ask(client, project)
    first = JoinRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("collaboration:join_request", args=[first.pk])
    assert (first.council, first.person, first.status) == (
        asker,
        world["asker_person"],
        JoinRequest.Status.OPEN,
    )
    [told] = mail.outbox
    assert told.to == ["lena@example.gov.uk"]
    assert told.subject == f"Barchester asks to join {project.title}"
    assert "http://testserver" + decide_url(first) in told.body
    assert MESSAGE in told.alternatives[0][0]

    client.force_login(world["lead_person"])
    assert "Barchester" in client.get(LIST_URL).content.decode()
    assert (
        "Councils asking to join your projects"
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    decision_page = client.get(decide_url(first)).content.decode()
    assert MESSAGE in decision_page
    assert 'name="decision" value="accept"' in decision_page
    assert 'name="decision" value="decline"' in decision_page
    response = client.post(
        decide_url(first), {"decision": "decline", "reply": "Not this year, sorry."}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == JoinRequest.Status.DECLINED
    assert first.decided_by == world["lead_person"]
    declined = mail.outbox[-1]
    assert declined.to == ["bram@example.gov.uk"]
    assert "Not this year, sorry." in declined.body
    assert not live_project(world).partners.exists()

    client.force_login(world["asker_person"])
    assert ask(client, project, "Asking again with funding.").status_code == 302
    second = JoinRequest.objects.get(status=JoinRequest.Status.OPEN)

    client.force_login(world["lead_person"])
    client.post(decide_url(second), {"decision": "accept", "reply": "Welcome aboard."})
    second.refresh_from_db()
    assert second.status == JoinRequest.Status.ACCEPTED
    accepted = mail.outbox[-1]
    assert accepted.to == ["bram@example.gov.uk"]
    assert "is now a partner" in accepted.subject and "Welcome aboard." in accepted.body

    # The project page, the council's profile, the search facet and the similarity engine.
    project = live_project(world)
    assert project.partner_councils() == [asker]
    client.logout()
    page = client.get(project.url).content.decode()
    assert f'href="{asker.get_absolute_url()}"' in page
    assert project.title in client.get(asker.get_absolute_url()).content.decode()
    councils = get_similarity_backend().councils_for_page(similar, limit=10)
    partner = next(match for match in councils if match.council == asker)
    assert "partner" in [item.role for item in partner.items]
    assert lead in [match.council for match in councils]


def test_an_accepted_partner_is_in_the_search_council_facet(client, world):
    client.force_login(world["asker_person"])
    ask(client, world["project"])
    client.force_login(world["lead_person"])
    client.post(decide_url(JoinRequest.objects.get()), {"decision": "accept"})
    client.logout()
    for query in ({}, {"q": world["project"].title}):
        response = client.get("/search/", {"council": world["asker"].slug, **query})
        outcome = response.context["outcome"]
        assert world["project"].title in [item.title for item in outcome.page.object_list]
        council_facet = next(facet for facet in outcome.facets if facet["name"] == "council")
        shown = {value["value"]: value for value in council_facet["values"]}
        assert shown[world["asker"].slug]["count"] >= 1
        assert shown[world["asker"].slug]["label"] == world["asker"].short_name
        assert shown[world["asker"].slug]["selected"]


def test_cannot_ask_twice_while_a_request_is_open(client, world):
    client.force_login(world["asker_person"])
    ask(client, world["project"])
    response = ask(client, world["project"], "Again")
    assert response.status_code == 200
    assert "Barchester asked to join this project on" in response.content.decode()
    assert JoinRequest.objects.count() == 1
    assert len(mail.outbox) == 1
    page = client.get(world["project"].url).content.decode()
    assert "See or withdraw the request" in page
    assert f'href="{ask_url(world["project"])}"' not in page


def test_can_only_ask_for_ones_own_council(client, world):
    client.force_login(world["asker_person"])
    response = ask(client, world["project"], council=world["other"].pk)
    assert response.status_code == 200
    assert "Choose one of the councils you belong to." in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_a_person_with_several_councils_picks_one(client, world):
    person = make_user("poly", [world["asker"], world["other"]])
    client.force_login(person)
    body = client.get(ask_url(world["project"])).content.decode()
    assert "Which council are you acting for?" in body
    response = ask(client, world["project"], council=world["other"].pk)
    assert response.status_code == 302
    assert JoinRequest.objects.get().council == world["other"]


def test_cannot_join_a_project_one_leads_or_partners(client, world):
    project = world["project"]
    client.force_login(world["lead_person"])
    assert f'href="{ask_url(project)}"' not in client.get(project.url).content.decode()
    body = client.get(ask_url(project)).content.decode()
    assert "None of your councils can ask to join this project now" in body
    response = ask(client, project)
    assert "Avonford leads this project already." in response.content.decode()

    project.add_partner(world["asker"])
    project.save_revision().publish()
    client.force_login(world["asker_person"])
    response = ask(client, project)
    assert "Barchester is a partner on this project already." in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_the_form_refuses_empty_and_long_messages(client, world):
    client.force_login(world["asker_person"])
    body = ask(client, world["project"], "   ").content.decode()
    assert "Enter a message to the lead council" in body and "govuk-error-summary" in body
    body = ask(client, world["project"], "x" * 1001).content.decode()
    assert "Keep your message to 1,000 characters or fewer" in body
    assert "x" * 1001 in body  # nothing lost
    assert not JoinRequest.objects.exists()


def test_unknown_projects_and_wrong_methods(client, world):
    client.force_login(world["asker_person"])
    assert client.get(reverse("collaboration:join_ask", args=[999999])).status_code == 404
    assert client.put(ask_url(world["project"])).status_code == 405
    draft = ProjectPageFactory(council=world["lead"], draft=True)
    assert client.get(ask_url(draft)).status_code == 404


@pytest.fixture
def open_request(client, world):
    client.force_login(world["asker_person"])
    ask(client, world["project"])
    client.logout()
    mail.outbox.clear()
    return JoinRequest.objects.get()


def test_another_councils_practitioner_can_neither_see_nor_decide(client, world, open_request):
    client.force_login(world["other_person"])
    assert "Barchester" not in client.get(LIST_URL).content.decode()
    assert (
        "Councils asking to join" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    viewset = "wagtailsnippets_collaboration_joinrequest"
    for route in ("edit", "delete", "history", "usage", "inspect"):
        response = client.get(reverse(f"{viewset}:{route}", args=[open_request.pk]))
        assert response.status_code in (302, 403, 404), route
        assert response.status_code != 302 or response["Location"] == reverse(
            "wagtailadmin_home"
        ), route
    response = client.post(decide_url(open_request), {"decision": "accept"})
    open_request.refresh_from_db()
    assert open_request.status == JoinRequest.Status.OPEN
    assert not live_project(world).partners.exists()
    # The asking council does not decide its own request either.
    client.force_login(world["asker_person"])
    client.post(decide_url(open_request), {"decision": "accept"})
    open_request.refresh_from_db()
    assert open_request.status == JoinRequest.Status.OPEN
    assert mail.outbox == []


def test_organisers_see_and_decide_every_request(client, world, open_request):
    client.force_login(world["organiser"])
    assert "Barchester" in client.get(LIST_URL).content.decode()
    for route in ("history", "usage", "inspect"):
        url = reverse(f"wagtailsnippets_collaboration_joinrequest:{route}", args=[open_request.pk])
        assert client.get(url).status_code == 200, route
    client.post(decide_url(open_request), {"decision": "accept", "reply": ""})
    assert live_project(world).partner_councils() == [world["asker"]]
    # Requests are made on the project page, never added in the admin.
    add = reverse("wagtailsnippets_collaboration_joinrequest:add")
    client.force_login(
        get_user_model().objects.create_superuser(
            username="root", email="root@example.gov.uk", password=PASSWORD
        )
    )
    assert client.get(add).status_code in (302, 403)
    assert client.get(LIST_URL).status_code == 200


def test_a_decided_request_cannot_be_decided_again(client, world, open_request):
    client.force_login(world["lead_person"])
    client.post(decide_url(open_request), {"decision": "decline"})
    response = client.post(decide_url(open_request), {"decision": "accept"})
    assert response.status_code == 200
    open_request.refresh_from_db()
    assert open_request.status == JoinRequest.Status.DECLINED
    assert not live_project(world).partners.exists()
    response = client.post(
        reverse("wagtailsnippets_collaboration_joinrequest:edit", args=[open_request.pk]),
        {"reply": "x"},
    )
    assert response.status_code == 200


def test_anonymous_readers_get_a_sign_in_link(client, world):
    project = world["project"]
    body = client.get(project.url).content.decode()
    sign_in = reverse("accounts:sign_in")
    assert f'href="{sign_in}?next=/working-together/projects/{project.pk}/join/"' in body
    assert "Sign in to ask to join" in body
    assert "<form" not in body.split('id="next-steps-heading"')[1].split("</section>")[0]
    response = ask(client, project)
    assert response.status_code == 302
    assert response["Location"].startswith(sign_in + "?next=")
    assert not JoinRequest.objects.exists()


def test_quieter_link_for_projects_not_looking_for_partners(client, world):
    project = world["project"]
    project.stance = CollaborationStance.SHARE_IDEAS
    project.save_revision().publish()
    client.force_login(world["asker_person"])
    body = client.get(project.url).content.decode()
    section = body.split('id="next-steps-heading"')[1].split("</section>")[0]
    assert f'<a class="govuk-link" href="{ask_url(project)}">Ask to join' in section
    assert "govuk-button" not in section


def test_withdraw(client, world, open_request):
    detail = reverse("collaboration:join_request", args=[open_request.pk])
    withdraw = reverse("collaboration:join_withdraw", args=[open_request.pk])
    client.force_login(world["other_person"])
    assert client.get(detail).status_code == 404
    assert client.post(withdraw).status_code == 404
    client.force_login(world["asker_person"])
    assert "Withdraw this request" in client.get(detail).content.decode()
    assert client.get(withdraw).status_code == 405
    mail.outbox.clear()
    assert client.post(withdraw).status_code == 302
    open_request.refresh_from_db()
    assert open_request.status == JoinRequest.Status.WITHDRAWN
    [told] = mail.outbox
    assert told.to == [world["lead_person"].email]
    assert told.subject == f"Barchester withdrew its request to join {world['project'].title}"
    assert "nothing for you to decide" in told.body and "http" in told.body
    assert client.post(withdraw).status_code == 409
    assert len(mail.outbox) == 1
    # Withdrawn, the council may ask again; the lead council has nothing left to decide.
    assert ask(client, world["project"]).status_code == 302
    client.force_login(world["lead_person"])
    client.post(decide_url(open_request), {"decision": "accept"})
    open_request.refresh_from_db()
    assert open_request.status == JoinRequest.Status.WITHDRAWN


def test_accepting_keeps_an_unpublished_draft(client, world, open_request):
    project = live_project(world)
    project.title = "Shared register: the draft title"
    project.save_revision(user=world["lead_person"])
    client.force_login(world["lead_person"])
    client.post(decide_url(open_request), {"decision": "accept"})

    live = live_project(world)
    assert live.title == "Shared temporary accommodation register"
    assert live.partner_councils() == [world["asker"]]
    assert live.has_unpublished_changes
    draft = live.get_latest_revision_as_object()
    assert draft.title == "Shared register: the draft title"
    assert draft.partner_councils() == [world["asker"]]
    assert world["asker"].get_absolute_url() in client.get(live.url).content.decode()


def test_asking_is_throttled(client, world, settings):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "join-project-person": "2/h"}
    client.force_login(world["asker_person"])
    for _attempt in range(2):
        assert ask(client, world["project"], "").status_code == 200
    response = ask(client, world["project"])
    assert response.status_code == 429
    assert response["Retry-After"]
    assert not JoinRequest.objects.exists()
