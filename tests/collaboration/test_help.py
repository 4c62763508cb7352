"""Asking the network for help, end to end through HTTP: the request, the councils whose work
matches, the practitioners told, offers, marking what helped, closing, and who may do what.

Every test sees the same councils and people, built once for the module: Ashford, the asking
council, with two practitioners; Bramley with three, one who wants emails about requests for
help, one who does not and one who has not said; Corbridge, unrelated, with one who wants them;
and a reader who belongs to no council. Each test makes its own requests, offers and pages.

Over 300 lines because it follows one journey end to end, in the order it happens.
"""

import datetime
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest
from django_ratelimit import core as ratelimit_core

from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import CaseStudyPageFactory
from casestudies.models import Theme
from collaboration.models import EmailPreferences, HelpOffer, HelpRequest
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy

pytestmark = pytest.mark.usefixtures("_world")

NEW = reverse("collaboration:help_new")
LIST = reverse("collaboration:help_list")
PREFERENCES = reverse("collaboration:email_preferences")


@pytest.fixture(autouse=True)
def _counts_start_at_zero(monkeypatch):
    now = ratelimit_core.time.time()
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: now))
    cache.clear()
    yield
    cache.clear()


def person(username, councils=(), *, opted_in=None, first_name="Sam"):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.gov.uk",
        password="not-used-here",
        first_name=first_name,
        last_name=username.capitalize(),
    )
    if councils:
        make_practitioner(user, councils)
    if opted_in is not None:
        EmailPreferences.objects.create(person=user, help_requests=opted_in)
    return user


def text(response):
    return response.content.decode().replace("\xa0", " ")


def detail(help_request):
    return reverse("collaboration:help_detail", args=[help_request.pk])


def build_world():
    ensure_site_structure()
    setup_roles()
    asking = CouncilFactory(short_name="Ashford")
    experienced = CouncilFactory(short_name="Bramley")
    unrelated = CouncilFactory(short_name="Corbridge")
    return SimpleNamespace(
        asking=asking,
        experienced=experienced,
        unrelated=unrelated,
        asker=person("asker", [asking]),
        colleague=person("colleague", [asking]),
        keen=person("keen", [experienced], opted_in=True),
        quiet=person("quiet", [experienced], opted_in=False),
        unset=person("unset", [experienced]),
        outsider=person("outsider", [unrelated], opted_in=True),
        reader=person("reader"),
        transport=Theme.objects.get(slug="highways-and-transport"),
    )


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build_world)


@pytest.fixture
def world(_world, db):
    return fresh_copy(_world)


def ask(client, user, **data):
    client.force_login(user)
    council = user.council_memberships.first()
    form = {
        "council": council.council_id if council else "",
        "title": "We are starting a discovery on school transport routing; who has done it?",
        "details": "Home to school transport routes cost too much and change every term.",
        "deadline-day": "",
        "deadline-month": "",
        "deadline-year": "",
        **data,
    }
    return client.post(NEW, form)


def request_of(client, user, **data):
    response = ask(client, user, **data)
    assert response.status_code == 302, text(response)
    return HelpRequest.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


@pytest.mark.similarity
@pytest.mark.django_db
def test_asking_offering_marking_and_closing(client, world):
    routing = CaseStudyPageFactory(
        council=world.experienced,
        title="School transport routing that saved a million",
        summary="We re-planned home to school transport routes with a routing tool.",
        problem="<p>School transport routes had grown by hand for years; costs rose every "
        "term.</p>",
        what_we_did="<p>We used routing software to plan school transport routes.</p>",
        themes=[world.transport],
    )

    # Ask: the request's own page shows the matching council and page, with reasons.
    response = ask(client, world.asker, themes=[world.transport.pk])
    assert response.status_code == 302, text(response)
    help_request = HelpRequest.objects.get()
    assert response["Location"] == detail(help_request)
    assert list(help_request.themes.all()) == [world.transport]
    assert help_request.council == world.asking and help_request.person == world.asker
    page = text(client.get(detail(help_request)))
    assert "Your request for help is published." in page
    assert "Councils whose published work matches" in page
    assert "Bramley" in page and routing.title in page
    assert "Theme Highways and transport" in page or "highways and transport" in page.lower()
    assert "‘school’" in page or "‘transport’" in page or "‘rout" in page

    # Only the opted-in practitioner of the matching council is told.
    assert [message.to for message in mail.outbox] == [["keen@example.gov.uk"]]
    told = mail.outbox[0]
    assert "Ashford is asking for help" in told.subject
    assert "http://" in told.body and detail(help_request) in told.body
    assert PREFERENCES in told.body
    assert told.alternatives and detail(help_request) in told.alternatives[0][0]
    mail.outbox.clear()

    # A reader offers help; the asking council's practitioners are emailed.
    client.force_login(world.reader)
    page = text(client.get(detail(help_request)))
    assert "Send offer" in page
    response = client.post(
        reverse("collaboration:help_offer", args=[help_request.pk]),
        {"message": "We did this in 2023; happy to talk.", "share_email": "on"},
    )
    assert response.status_code == 302
    offer = HelpOffer.objects.get()
    assert offer.person == world.reader and offer.council is None
    assert sorted(m.to[0] for m in mail.outbox) == [
        "asker@example.gov.uk",
        "colleague@example.gov.uk",
    ]
    assert "We did this in 2023" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == ["reader@example.gov.uk"]
    mail.outbox.clear()

    # An experienced practitioner offers for their council, without sharing their address.
    client.force_login(world.quiet)
    client.post(
        reverse("collaboration:help_offer", args=[help_request.pk]),
        {"council": world.experienced.pk, "message": "Bramley's routing team can help."},
    )
    second = HelpOffer.objects.get(council=world.experienced)
    assert mail.outbox[0].reply_to == []
    assert "quiet@example.gov.uk" not in mail.outbox[0].body

    # The public page shows how many offers but not the messages.
    client.logout()
    public = text(client.get(detail(help_request)))
    assert "We did this in 2023" not in public and "routing team" not in public
    assert "Offers of help</dt>" in public
    assert "Sign in to offer help" in public and "<form" not in public

    # The asker's colleague reads every offer, marks one as helpful and closes the request.
    client.force_login(world.colleague)
    page = text(client.get(detail(help_request)))
    assert "We did this in 2023" in page and "routing team" in page
    response = client.post(
        reverse("collaboration:help_offer_helped", args=[help_request.pk, second.pk])
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.helped
    response = client.post(reverse("collaboration:help_close", args=[help_request.pk]))
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.CLOSED and help_request.closed_at

    # Answered, still public and searchable.
    client.logout()
    page = text(client.get(detail(help_request)))
    assert "Answered" in page and "takes no more offers" in page
    listing = text(client.get(LIST))
    assert help_request.title in listing and "Answered" in listing
    found = text(client.get(reverse("search:search"), {"q": "school transport routing"}))
    assert "Requests for help" in found and help_request.title in found
    assert "answered" in found

    # A closed request takes no more offers.
    client.force_login(world.outsider)
    client.post(
        reverse("collaboration:help_offer", args=[help_request.pk]), {"message": "Late, but here."}
    )
    assert HelpOffer.objects.count() == 2


@pytest.mark.django_db
def test_listing_puts_open_requests_first_and_theme_pages_show_them(client, world):
    answered = HelpRequest.objects.create(
        council=world.asking, title="Old question on bins", status=HelpRequest.Status.CLOSED
    )
    open_request = HelpRequest.objects.create(council=world.asking, title="Routing school buses")
    open_request.themes.set([world.transport])
    answered.themes.set([world.transport])
    HelpRequest.objects.filter(pk=answered.pk).update(
        created_at=timezone.now() + datetime.timedelta(days=1)
    )
    listing = text(client.get(LIST))
    assert listing.index("Routing school buses") < listing.index("Old question on bins")
    assert "2 requests" in listing
    assert client.get(LIST, {"page": "٢"}).status_code == 200

    theme_page = text(client.get(world.transport.theme_page.url))
    assert "Open requests for help" in theme_page
    assert "Routing school buses" in theme_page and "Old question on bins" not in theme_page


@pytest.mark.django_db
def test_text_prefills_the_form(client, world):
    client.force_login(world.asker)
    page = text(client.get(NEW, {"text": "Who has moved   revenues to the cloud?"}))
    assert 'value="Who has moved revenues to the cloud?"' in page
    long_text = "Our missed bin reports double every winter. " * 10
    page = text(client.get(NEW, {"text": long_text}))
    assert long_text.strip() in page  # the details
    assert 'name="council"' in page and 'type="hidden"' in page


@pytest.mark.django_db
def test_a_person_with_several_councils_picks_one_they_belong_to(client, world):
    both = person("both", [world.asking, world.unrelated])
    client.force_login(both)
    page = text(client.get(NEW))
    assert "Which council are you acting for?" in page and "<select" in page
    response = ask(client, both, council=world.experienced.pk)
    assert response.status_code == 200
    assert "Choose one of the councils you belong to" in text(response)
    assert not HelpRequest.objects.exists()
    help_request = request_of(client, both, council=world.unrelated.pk)
    assert help_request.council == world.unrelated


@pytest.mark.parametrize(
    ("day", "month", "year", "error"),
    [
        ("1", "1", "2020", "must be today or in the future"),
        ("31", "2", "2030", "must be a real date"),
        ("١٢", "٣", "٢٠٣٠", "must be a real date"),
        ("²", "1", "2030", "must be a real date"),
        ("soon", "ish", "x" * 50, "must be a real date"),
        ("1", "", "2030", "must include a month"),
        ("99999999999999999999", "1", "2030", "must be a real date"),
    ],
)
@pytest.mark.django_db
def test_bad_deadlines_are_clear_errors(client, world, day, month, year, error):
    response = ask(
        client, world.asker, **{"deadline-day": day, "deadline-month": month, "deadline-year": year}
    )
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page and error in page
    assert 'href="#id_deadline-day"' in page
    assert "school transport routing" in page  # nothing lost
    assert not HelpRequest.objects.exists()


@pytest.mark.django_db
def test_good_deadline_and_other_errors(client, world):
    next_year = timezone.localdate().year + 1
    help_request = request_of(
        client,
        world.asker,
        **{"deadline-day": "27", "deadline-month": "3", "deadline-year": str(next_year)},
    )
    assert help_request.deadline == datetime.date(next_year, 3, 27)
    response = ask(client, world.asker, title="   ", details="x" * 4001, themes=["nope"])
    page = text(response)
    assert "Enter what you need help with" in page
    assert "The details must be 4,000 characters or fewer" in page
    assert "Choose themes from the list" in page
    response = ask(client, world.asker, title="x" * 201)
    assert "200 characters or fewer" in text(response)


@pytest.mark.django_db
def test_people_without_a_council_cannot_ask(client, world):
    client.force_login(world.reader)
    assert client.get(NEW).status_code == 403
    assert ask(client, world.reader).status_code == 403
    assert not HelpRequest.objects.exists()


@pytest.mark.django_db
def test_council_scoping(client, world):
    help_request = request_of(client, world.asker)
    mail.outbox.clear()
    offer_url = reverse("collaboration:help_offer", args=[help_request.pk])

    # Offering for a council one does not belong to is refused.
    client.force_login(world.keen)
    response = client.post(offer_url, {"council": world.unrelated.pk, "message": "Hi."})
    assert response.status_code == 200
    assert "Choose one of the councils you belong to" in text(response)
    assert not HelpOffer.objects.exists() and not mail.outbox
    client.post(offer_url, {"council": world.experienced.pk, "message": "Bramley can help."})
    offer = HelpOffer.objects.get()

    # Another council's practitioner cannot read the message, mark it or close the request.
    client.force_login(world.outsider)
    assert "Bramley can help." not in text(client.get(detail(help_request)))
    helped = reverse("collaboration:help_offer_helped", args=[help_request.pk, offer.pk])
    assert client.post(helped).status_code == 403
    close = reverse("collaboration:help_close", args=[help_request.pk])
    assert client.post(close).status_code == 403
    offer.refresh_from_db()
    help_request.refresh_from_db()
    assert not offer.helped and help_request.status == HelpRequest.Status.OPEN

    # The offerer reads their own offer; so do organisers.
    client.force_login(world.keen)
    assert "Bramley can help." in text(client.get(detail(help_request)))
    assert client.post(helped).status_code == 403
    organiser = person("organiser")
    make_organiser(organiser)
    client.force_login(organiser)
    assert "Bramley can help." in text(client.get(detail(help_request)))

    # The asking council does not offer help to itself; offers of other requests are 404.
    client.force_login(world.colleague)
    assert client.post(offer_url, {"message": "Me too."}).status_code == 403
    other = HelpRequest.objects.create(council=world.asking, title="Another")
    wrong = reverse("collaboration:help_offer_helped", args=[other.pk, offer.pk])
    assert client.post(wrong).status_code == 404


@pytest.mark.django_db
def test_the_offerer_alone_withdraws_an_offer(client, world):
    help_request = request_of(client, world.asker)
    client.force_login(world.keen)
    client.post(
        reverse("collaboration:help_offer", args=[help_request.pk]),
        {"council": world.experienced.pk, "message": "Bramley can help."},
    )
    offer = HelpOffer.objects.get()
    withdraw = reverse("collaboration:help_offer_withdraw", args=[help_request.pk, offer.pk])
    assert "Withdraw your offer" in text(client.get(detail(help_request)))

    for somebody in (world.asker, world.outsider, world.quiet):
        client.force_login(somebody)
        assert "Withdraw your offer" not in text(client.get(detail(help_request)))
        assert client.post(withdraw).status_code == 404
    client.logout()
    assert client.post(withdraw)["Location"].startswith(reverse("accounts:sign_in"))
    offer.refresh_from_db()
    assert offer.standing == "active"

    client.force_login(world.keen)
    assert client.get(withdraw).status_code == 405
    response = client.post(withdraw, follow=True)
    assert "Your offer is withdrawn." in text(response)
    assert "Bramley can help." not in text(response)
    offer.refresh_from_db()
    assert offer.standing == "withdrawn"
    assert client.post(withdraw).status_code == 404
    client.force_login(world.asker)
    page = text(client.get(detail(help_request)))
    assert "Bramley can help." not in page


@pytest.mark.django_db
def test_unknown_ids_methods_and_anonymous_readers(client, world):
    help_request = HelpRequest.objects.create(council=world.asking, title="Routing buses")
    assert client.get(reverse("collaboration:help_detail", args=[99999])).status_code == 404
    for url in (
        NEW,
        PREFERENCES,
        reverse("collaboration:help_offer", args=[help_request.pk]),
        reverse("collaboration:help_close", args=[help_request.pk]),
    ):
        response = client.post(url, {"message": "hi"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert client.get(NEW)["Location"].startswith(reverse("accounts:sign_in") + "?next=")
    page = text(client.get(detail(help_request)))
    assert "Sign in to offer help" in page and "csrfmiddlewaretoken" not in page
    client.force_login(world.asker)
    assert (
        client.get(reverse("collaboration:help_close", args=[help_request.pk])).status_code == 405
    )
    assert client.delete(detail(help_request)).status_code == 405


@pytest.mark.django_db
def test_email_preferences(client, world):
    client.force_login(world.unset)
    page = text(client.get(PREFERENCES))
    assert "Tell me about requests for help" in page and "checked" not in page
    assert client.post(PREFERENCES, {"help_requests": "on"}).status_code == 302
    assert EmailPreferences.objects.get(person=world.unset).help_requests
    assert "checked" in text(client.get(PREFERENCES))
    client.post(PREFERENCES, {})
    assert not EmailPreferences.objects.get(person=world.unset).help_requests


@pytest.mark.django_db
def test_throttled(client, world, settings):
    settings.RATELIMIT_RATES = {
        **settings.RATELIMIT_RATES,
        "help-request-person": "2/h",
        "help-offer-person": "1/h",
    }
    statuses = [ask(client, world.asker, title=f"Question {n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert HelpRequest.objects.count() == 2
    client.force_login(world.reader)
    url = reverse("collaboration:help_offer", args=[HelpRequest.objects.first().pk])
    assert client.post(url, {"message": "One"}).status_code == 302
    response = client.post(url, {"message": "Two"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
