"""Organisers introducing councils that face similar problems, and the next steps shown after
every list of such councils.

Over 300 lines because the introduction and the next steps on every list share one set of
councils and pages, built once for the module.
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import caches
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import ModelLogEntry

import pytest

from accounts.roles import make_organiser, make_practitioner, setup_roles
from collaboration.introductions import admin_listing_url
from collaboration.models import Introduction
from tests.corpus import build_corpus
from tests.shared_data import build_once, fresh_copy

pytestmark = pytest.mark.usefixtures("_data")

INTRODUCE = reverse("collaboration:introduce")
FINDER = reverse("search:similar_councils")
PROBLEM = (
    "Homeless families are stuck for months in bed and breakfast because we have no "
    "temporary accommodation of our own."
)


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.gov.uk",
        password="not-used-here",
        first_name=username.split("_")[0].title(),
        **extra,
    )


def _build():
    corpus = build_corpus()
    setup_roles()
    councils = corpus["councils"]
    people = {}
    for name, council in (
        ("ada_cardiff", "cardiff"),
        ("eve_exebridge", "exeter"),
        ("ed_exebridge", "exeter"),
        ("wyn_wearside", "durham"),
    ):
        people[name] = make_user(name)
        make_practitioner(people[name], [councils[council]])
    people["olu_organiser"] = make_user("olu_organiser", last_name="Okafor")
    make_organiser(people["olu_organiser"])
    people["rae_reader"] = make_user("rae_reader")  # signed in, writing for no council
    return {**corpus, "people": people}


@pytest.fixture(scope="module")
def _data(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, _build)


@pytest.fixture
def data(_data, db):
    return fresh_copy(_data)


@pytest.fixture(autouse=True)
def _empty_caches():
    caches["default"].clear()  # throttling counts and cached pages start afresh
    yield
    caches["default"].clear()


@pytest.fixture
def organiser_client(client, data):
    client.force_login(data["people"]["olu_organiser"])
    return client


def introduce_url(first, second=None, **extra):
    params = {"first": first.slug}
    if second is not None:
        params["second"] = second.slug
    params.update(extra)
    return INTRODUCE + "?" + "&".join(f"{key}={value}" for key, value in params.items())


def links(html):
    return [unquote(href.replace("&amp;", "&")) for href in re.findall(r'href="([^"]+)"', html)]


def introduce_links(html):
    return [link for link in links(html) if link.startswith(INTRODUCE)]


def form_reasons(html):
    found = re.search(r'<textarea[^>]*name="reasons"[^>]*>(.*?)</textarea>', html, re.S)
    return found.group(1) if found else None


class TestIntroducing:
    def test_from_a_council_profile_one_email_to_both_councils_recorded_and_listed(
        self, organiser_client, data
    ):
        cardiff, exebridge = data["councils"]["cardiff"], data["councils"]["exeter"]
        profile = organiser_client.get(cardiff.get_absolute_url()).content.decode()
        assert f"Introduce {cardiff.short_name} to {exebridge.short_name}" in profile
        link = next(link for link in introduce_links(profile) if "second=exebridge" in link)

        confirm = organiser_client.get(link)
        assert confirm.status_code == 200
        reasons = form_reasons(confirm.content.decode())
        # Worked out by the engine: what Exebridge published that is close to Caerdydd's work.
        assert "Exebridge&#x27;s published work is close to Caerdydd Test&#x27;s" in reasons
        assert "similar page" in reasons
        assert "Ask the bin crews before changing collection rounds" in reasons
        assert "2 people" in confirm.content.decode()  # Exebridge's two practitioners

        response = organiser_client.post(
            link,
            {
                "reasons": "Both of you cut missed bin collections with the crews' help.",
                "message": "Worth a call before your next round change.",
            },
        )
        introduction = Introduction.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "collaboration:introduction_sent", args=[introduction.pk]
        )
        assert (introduction.first_council, introduction.second_council) == (cardiff, exebridge)
        assert introduction.introduced_by == data["people"]["olu_organiser"]
        assert introduction.reasons.startswith("Both of you cut missed bin collections")
        assert introduction.page is None
        assert ModelLogEntry.objects.filter(
            action="wagtail.create", object_id=str(introduction.pk)
        ).exists()

        assert len(mail.outbox) == 1
        email = mail.outbox[0]
        assert sorted(email.to) == [
            "ada_cardiff@example.gov.uk",
            "ed_exebridge@example.gov.uk",
            "eve_exebridge@example.gov.uk",
        ]
        assert email.reply_to == []
        assert email.subject == "Introducing Caerdydd Test and Exebridge: similar problems"
        assert email.body.startswith("Hello,")
        assert "Olu Okafor, a network organiser" in email.body
        assert "Both of you cut missed bin collections with the crews' help." in email.body
        assert "Worth a call before your next round change." in email.body
        assert "Reply to all" in email.body
        assert "http://testserver/councils/exebridge/" in email.body
        html, mimetype = email.alternatives[0]
        assert mimetype == "text/html"
        assert 'href="http://testserver/councils/caerdydd-test/"' in html

        sent = organiser_client.get(response["Location"])
        assert "Introduction sent" in sent.content.decode()
        assert escape(admin_listing_url(exebridge)) in sent.content.decode()

        listing = organiser_client.get(admin_listing_url(exebridge)).content.decode()
        assert f'id="snippet_{introduction.pk}_title"' in listing
        assert "olu_organiser" in listing
        other = organiser_client.get(admin_listing_url(data["councils"]["durham"]))
        assert other.status_code == 200
        assert f'id="snippet_{introduction.pk}_title"' not in other.content.decode()

        # The public profile shows the organiser where the introductions are, nothing of them.
        profile = organiser_client.get(exebridge.get_absolute_url()).content.decode()
        assert (
            f'href="{escape(admin_listing_url(exebridge))}">Introductions of Exebridge' in profile
        )
        assert "crews&#x27; help" not in profile and "Worth a call" not in profile
        organiser_client.logout()
        profile = organiser_client.get(exebridge.get_absolute_url()).content.decode()
        assert "Introductions of Exebridge" not in profile
        assert "crews&#x27; help" not in profile and "Worth a call" not in profile

    def test_the_admin_council_listing_links_to_its_introductions(self, client, data):
        admin = get_user_model().objects.create_superuser(
            username="root", email="root@example.gov.uk", password="not-used-here"
        )
        client.force_login(admin)
        exebridge = data["councils"]["exeter"]
        listing = client.get(
            reverse("wagtailsnippets_councils_council:list") + "?q=Exebridge"
        ).content.decode()
        assert escape(admin_listing_url(exebridge)) in listing

    def test_from_a_page_the_reasons_name_the_page(self, organiser_client, data):
        page = data["pages"]["homelessness"]  # Exebridge's; Wearside's project is close
        html = organiser_client.get(page.url).content.decode()
        link = next(link for link in introduce_links(html) if "second=wearside" in link)
        assert f"page={page.pk}" in link
        reasons = form_reasons(organiser_client.get(link).content.decode())
        assert (
            f"Wearside&#x27;s work is close to Exebridge&#x27;s case study “{page.title}”"
            in reasons
        )

        response = organiser_client.post(link, {"reasons": "Temporary accommodation."})
        assert response.status_code == 302
        assert Introduction.objects.get().page.pk == page.pk
        assert "/case-studies/" in mail.outbox[0].body  # the page's absolute link

    def test_the_reasons_come_from_the_engine_not_the_link(self, organiser_client, data):
        cardiff, exebridge = data["councils"]["cardiff"], data["councils"]["exeter"]
        html = organiser_client.get(
            introduce_url(cardiff, exebridge, reasons="Made up")
        ).content.decode()
        assert "Made up" not in html
        assert "similar page" in form_reasons(html)

    def test_councils_the_engine_does_not_match_need_reasons_written(self, organiser_client, data):
        quiet, exebridge = data["councils"]["quiet"], data["councils"]["exeter"]
        html = organiser_client.get(introduce_url(quiet, exebridge)).content.decode()
        assert form_reasons(html) == ""
        assert "write it yourself" in html

    def test_a_council_nobody_writes_for_cannot_be_introduced_yet(self, organiser_client, data):
        link = introduce_url(data["councils"]["fife"], data["councils"]["exeter"])
        assert (
            "Nobody from Kingdom Shire has an account yet"
            in organiser_client.get(link).content.decode()
        )
        response = organiser_client.post(link, {"reasons": "Data standards."})
        assert response.status_code == 400
        assert "Nobody from Kingdom Shire has an account yet" in response.content.decode()
        assert not Introduction.objects.exists() and not mail.outbox

    def test_errors_are_shown_and_nothing_typed_is_lost(self, organiser_client, data):
        link = introduce_url(data["councils"]["cardiff"], data["councils"]["exeter"])
        response = organiser_client.post(link, {"reasons": "", "message": "Keep this"})
        html = response.content.decode()
        assert response.status_code == 400
        assert "There is a problem" in html
        assert '<a href="#id_reasons">Say why these councils should talk</a>' in html
        assert "Keep this</textarea>" in html
        assert "<title>Error: " in html

        response = organiser_client.post(link, {"reasons": "x" * 2001, "message": "y" * 2001})
        html = response.content.decode()
        assert "Keep why they should talk to 2,000 characters or fewer" in html
        assert "Keep your message to 2,000 characters or fewer" in html
        assert not Introduction.objects.exists() and not mail.outbox

    def test_the_same_pair_twice_in_a_day_asks_to_confirm(self, organiser_client, data):
        cardiff, exebridge = data["councils"]["cardiff"], data["councils"]["exeter"]
        assert (
            organiser_client.post(
                introduce_url(cardiff, exebridge), {"reasons": "Bins."}
            ).status_code
            == 302
        )
        # Either way round.
        again = introduce_url(exebridge, cardiff)
        assert (
            "Olu Okafor introduced these councils on"
            in organiser_client.get(again).content.decode()
        )
        response = organiser_client.post(again, {"reasons": "Bins again."})
        assert response.status_code == 400
        assert "These councils were introduced less than a day ago" in response.content.decode()
        assert Introduction.objects.count() == 1 and len(mail.outbox) == 1

        response = organiser_client.post(again, {"reasons": "Bins again.", "send_again": "on"})
        assert response.status_code == 302
        assert Introduction.objects.count() == 2 and len(mail.outbox) == 2

    def test_a_council_cannot_be_introduced_to_itself(self, organiser_client, data):
        cardiff = data["councils"]["cardiff"]
        link = introduce_url(cardiff, cardiff)
        response = organiser_client.get(link)
        assert response.status_code == 400
        assert "Caerdydd Test cannot be introduced to itself" in response.content.decode()
        response = organiser_client.post(link, {"reasons": "Itself."})
        assert response.status_code == 400
        assert not Introduction.objects.exists() and not mail.outbox

    @pytest.mark.parametrize(
        "query",
        [
            "first=nowhere&second=exebridge",
            "first=exebridge&second=nowhere",
            "second=exebridge",
            "first=exebridge&second=wearside&page=99999999",
            "first=exebridge&page=abc",
            "first=exebridge&second=wearside&page=" + "9" * 30,
            "first=" + "9" * 40,
        ],
    )
    def test_unknown_councils_and_pages_are_not_found(self, organiser_client, query):
        assert organiser_client.get(f"{INTRODUCE}?{query}").status_code == 404
        assert organiser_client.post(f"{INTRODUCE}?{query}", {"reasons": "x"}).status_code == 404

    def test_a_council_id_names_it_too(self, organiser_client, data):
        cardiff, exebridge = data["councils"]["cardiff"], data["councils"]["exeter"]
        response = organiser_client.get(f"{INTRODUCE}?first={cardiff.pk}&second={exebridge.pk}")
        assert response.status_code == 200
        assert "Introduce Caerdydd Test and Exebridge" in response.content.decode()

    def test_sending_is_throttled(self, organiser_client, data, settings):
        settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "introduction-person": "1/h"}
        cardiff = data["councils"]["cardiff"]
        assert (
            organiser_client.post(
                introduce_url(cardiff, data["councils"]["exeter"]), {"reasons": "Bins."}
            ).status_code
            == 302
        )
        response = organiser_client.post(
            introduce_url(cardiff, data["councils"]["durham"]), {"reasons": "Bins."}
        )
        assert response.status_code == 429
        assert Introduction.objects.count() == 1 and len(mail.outbox) == 1

    def test_other_methods_are_not_allowed(self, organiser_client, data):
        link = introduce_url(data["councils"]["cardiff"], data["councils"]["exeter"])
        assert organiser_client.put(link).status_code == 405
        assert organiser_client.delete(link).status_code == 405

    def test_starting_from_one_council_chooses_the_other(self, organiser_client, data):
        exebridge = data["councils"]["exeter"]
        response = organiser_client.get(introduce_url(exebridge, problem="bins"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Which council should Exebridge meet?" in html
        assert '<option value="wearside">Wearside</option>' in html
        assert '<option value="exebridge">' not in html
        response = organiser_client.get(f"{INTRODUCE}?first=exebridge&second=")
        assert response.status_code == 400
        assert "Choose the council to introduce them to" in response.content.decode()


class TestOnlyOrganisersIntroduce:
    @pytest.mark.parametrize("person", ["ada_cardiff", "eve_exebridge", "rae_reader"])
    def test_practitioners_and_readers_are_refused(self, client, data, person):
        client.force_login(data["people"][person])
        link = introduce_url(data["councils"]["cardiff"], data["councils"]["exeter"])
        response = client.get(link)
        assert response.status_code == 403
        assert "Only network organisers can introduce councils" in response.content.decode()
        assert client.post(link, {"reasons": "Bins."}).status_code == 403
        assert client.get(f"{INTRODUCE}?first=exebridge").status_code == 403
        assert not Introduction.objects.exists() and not mail.outbox
        assert client.get(admin_listing_url(data["councils"]["cardiff"])).status_code in (302, 403)

    def test_anonymous_readers_are_sent_to_sign_in(self, client, data):
        link = introduce_url(data["councils"]["cardiff"], data["councils"]["exeter"])
        for response in (client.get(link), client.post(link, {"reasons": "Bins."})):
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:sign_in") + "?next=")
        assert not Introduction.objects.exists() and not mail.outbox

    def test_a_superuser_introduces(self, client, data):
        admin = get_user_model().objects.create_superuser(
            username="root", email="root@example.gov.uk", password="not-used-here"
        )
        client.force_login(admin)
        link = introduce_url(data["councils"]["cardiff"], data["councils"]["exeter"])
        assert client.get(link).status_code == 200

    def test_the_sent_page_is_for_organisers(self, client, organiser_client, data):
        organiser_client.post(
            introduce_url(data["councils"]["cardiff"], data["councils"]["exeter"]),
            {"reasons": "Bins."},
        )
        sent = reverse("collaboration:introduction_sent", args=[Introduction.objects.get().pk])
        organiser_client.logout()
        client.force_login(data["people"]["ada_cardiff"])
        assert client.get(sent).status_code == 403
        assert (
            client.get(reverse("collaboration:introduction_sent", args=[99999])).status_code == 403
        )

    def test_introduce_links_only_for_signed_in_organisers(self, client, data):
        profile = data["councils"]["cardiff"].get_absolute_url()
        assert not introduce_links(client.get(profile).content.decode())
        client.force_login(data["people"]["ada_cardiff"])
        assert not introduce_links(client.get(profile).content.decode())

    def test_no_introduce_link_leaks_through_the_page_cache(self, client, data, settings):
        settings.PAGE_CACHE_SECONDS = 60
        profile = data["councils"]["cardiff"].get_absolute_url()
        page = data["pages"]["homelessness"].url
        client.force_login(data["people"]["olu_organiser"])
        for path in (profile, page):
            response = client.get(path)
            assert introduce_links(response.content.decode())
            assert "X-Page-Cache" not in response  # a session cookie: never cached
        client.logout()
        client.cookies.clear()
        for path in (profile, page, profile, page):
            response = client.get(path)
            assert response.status_code == 200
            assert not introduce_links(response.content.decode())
        assert response["X-Page-Cache"] == "hit"  # the anonymous copy was cached and reused
        client.force_login(data["people"]["olu_organiser"])
        assert introduce_links(client.get(page).content.decode())


@pytest.mark.similarity
class TestNextSteps:
    def test_pasted_problem_results_end_in_next_steps(self, client, data):
        html = client.post(FINDER, {"problem": PROBLEM}).content.decode()
        found = links(html)
        homelessness = data["pages"]["homelessness"]
        assert f"{homelessness.url}#next-steps-heading" in found
        assert (
            "Say “we face this too” on “Cutting bed and breakfast use for homeless "
            "families”" in html
        )
        # The case study's public contact (the factories publish one).
        assert "mailto:priya.shah@example.gov.uk" in found
        assert 'Email Priya Shah<span class="govuk-visually-hidden"> at Exebridge</span>' in html
        help_link = next(link for link in found if link.startswith("/working-together/help/new/"))
        assert parse_qs(urlsplit(help_link).query)["text"] == [PROBLEM]
        assert not introduce_links(html)  # not for anonymous readers

    def test_a_contact_not_made_public_is_never_shown(self, client, data):
        page = data["pages"]["homelessness"].specific
        page.contact_name, page.contact_email = "Jo Bloggs", "jo@exebridge.gov.uk"
        page.contact_is_public = False
        page.save_revision().publish()
        html = client.post(FINDER, {"problem": PROBLEM}).content.decode()
        assert "jo@exebridge.gov.uk" not in html and "Jo Bloggs" not in html
        assert (
            f'href="{data["councils"]["exeter"].get_absolute_url()}">Contact Exebridge '
            "through its profile</a>" in html
        )

    def test_the_help_link_carries_at_most_2000_characters(self, client, data):
        problem = ("Our temporary accommodation costs keep rising. " * 100)[:4000]
        html = client.get(FINDER, {"problem": problem}).content.decode()
        help_link = next(
            link for link in links(html) if link.startswith("/working-together/help/new/")
        )
        text = parse_qs(urlsplit(help_link).query)["text"][0]
        assert len(text) == 2000
        assert problem.startswith(text)

    def test_no_matches_still_offers_to_ask_for_help(self, client, data):
        html = client.post(
            FINDER, {"problem": "Zyxwv qwerty plugh xyzzy frobnicate."}
        ).content.decode()
        assert "No council has published work on a problem like this yet" in html
        assert any(
            link.startswith("/working-together/help/new/?text=Zyxwv") for link in links(html)
        )

    def test_organisers_introduce_from_pasted_problem_results(self, organiser_client, data):
        html = organiser_client.post(FINDER, {"problem": PROBLEM}).content.decode()
        assert "Introduce Exebridge to another council" in html
        link = next(link for link in introduce_links(html) if "first=exebridge" in link)
        chooser = organiser_client.get(link)
        assert "Which council should Exebridge meet?" in chooser.content.decode()
        confirm = organiser_client.get(link + "&second=wearside").content.decode()
        reasons = form_reasons(confirm)
        assert "Published work close to the problem “Homeless families" in reasons
        assert "Exebridge:" in reasons and "Wearside:" in reasons
        response = organiser_client.post(link + "&second=wearside", {"reasons": reasons})
        assert response.status_code == 302
        assert sorted(mail.outbox[0].to) == [
            "ed_exebridge@example.gov.uk",
            "eve_exebridge@example.gov.uk",
            "wyn_wearside@example.gov.uk",
        ]

    def test_page_and_profile_panels_end_in_next_steps(self, client, data):
        page = data["pages"]["homelessness"]
        html = client.get(page.url).content.decode()
        assert f"{data['pages']['housing'].url}#next-steps-heading" in links(html)
        profile = client.get(data["councils"]["cardiff"].get_absolute_url()).content.decode()
        assert "Email Priya Shah<span" in profile
        assert "#next-steps-heading" in profile


class TestFindingThePastedProblemPage:
    def test_the_home_page_first_screen_links_to_it(self, client, data):
        html = client.get("/").content.decode()
        hero = html.split('class="se-hero', 1)[1].split('id="home-search"', 1)[0]
        assert f'action="{FINDER}"' in hero
        assert "Which councils faced this problem?" in hero

    def test_the_main_navigation_links_to_it(self, client, data):
        html = client.get("/").content.decode()
        nav = html.split('<nav aria-label="Main"', 1)[1].split("</nav>", 1)[0]
        assert f'href="{FINDER}"' in nav and "Find councils by problem" in nav
        on_it = client.get(FINDER).content.decode()
        nav = on_it.split('<nav aria-label="Main"', 1)[1].split("</nav>", 1)[0]
        assert nav.count("govuk-service-navigation__item--active") == 1
        assert re.search(r'href="' + re.escape(FINDER) + r'" aria-current="page"', nav)
