"""What councils did together counts as evidence that they share a problem, with its own
bounded weight and its own reason."""

from django.test import override_settings

import pytest

from collaboration.models import JoinRequest, Reuse, SharedProblem, Standing
from councils.factories import CouncilFactory
from councils.peers import peer_councils
from search.matching import evidence as collaboration_signals
from search.similarity import get_similarity_backend

pytestmark = [pytest.mark.usefixtures("_corpus"), pytest.mark.django_db]
PROBLEM = "Missed bin collection complaints every month swamp our contact centre."


@pytest.fixture
def engine():
    return get_similarity_backend()


def by_slug(matches):
    return {match.council.slug: match for match in matches}


def test_a_council_that_faces_the_best_match_appears_with_its_reason(corpus, engine):
    quiet, bins = corpus["councils"]["quiet"], corpus["pages"]["bins"]
    assert "quietvale" not in by_slug(engine.councils_for_text(PROBLEM))
    SharedProblem.objects.create(council=quiet, page=bins)
    matches = engine.councils_for_text(PROBLEM)
    found = by_slug(matches)["quietvale"]
    assert found.items == [] and found.score == 0
    assert found.reason == "Quietvale also faces ‘Fewer missed bin collections’"
    assert [m.council.slug for m in matches][:2] == ["caerdydd-test", "exebridge"]


def test_one_we_face_this_too_does_not_outrank_a_strong_text_match(corpus, engine):
    before = engine.councils_for_text(PROBLEM)
    strong, weak = before[0], before[-1]
    # Strong text evidence: ahead of the weakest match by more than one signal is worth (each
    # engine has its own score scale).
    assert strong.score - weak.score > collaboration_signals.PER_SIGNAL
    SharedProblem.objects.create(council=weak.council, page=corpus["pages"]["bins"])
    after = engine.councils_for_text(PROBLEM)
    assert after[0].council == strong.council
    lifted = by_slug(after)[weak.council.slug]
    assert lifted.total == pytest.approx(weak.score + collaboration_signals.PER_SIGNAL)
    assert lifted.total < strong.score


def test_the_bonus_is_capped(corpus, engine):
    quiet = corpus["councils"]["quiet"]
    for page in corpus["pages"].values():
        if page.live:
            SharedProblem.objects.create(council=quiet, page=page)
            Reuse.objects.create(council=quiet, page=page)
    signals = collaboration_signals.between(quiet)
    assert max(collaboration_signals.bonus(found) for found in signals.values()) == (
        collaboration_signals.PER_SIGNAL * collaboration_signals.MAX_SIGNALS
    )
    found = by_slug(engine.councils_for_text(PROBLEM))["quietvale"]
    assert found.signal_bonus <= collaboration_signals.PER_SIGNAL * 3


def test_signals_on_the_page_itself(corpus, engine):
    quiet, fife = corpus["councils"]["quiet"], corpus["councils"]["fife"]
    bins = corpus["pages"]["bins"]
    SharedProblem.objects.create(council=quiet, page=bins)
    Reuse.objects.create(council=fife, page=bins, output="Round data schema")
    matches = by_slug(engine.councils_for_page(bins))
    assert matches["quietvale"].reason == "Quietvale also faces this"
    assert "Kingdom Shire reused Round data schema from this" in matches["kingdom-shire"].reason
    # The page's own council never comes back, whatever it did on its own page.
    SharedProblem.objects.create(council=bins.council, page=corpus["pages"]["bins_lesson"])
    assert "caerdydd-test" not in by_slug(engine.councils_for_page(bins))


def test_join_requests_count_on_a_project(corpus, engine):
    project = corpus["pages"]["housing"]
    asker = CouncilFactory(short_name="Askham")
    JoinRequest.objects.create(council=asker, project=project, message="We would like to.")
    assert by_slug(engine.councils_for_page(project))["askham"].reason == (
        "Askham asked to join this"
    )
    JoinRequest.objects.update(status=JoinRequest.Status.DECLINED)
    assert "askham" not in by_slug(engine.councils_for_page(project))


def test_signals_between_councils(corpus, engine):
    cardiff, quiet = corpus["councils"]["cardiff"], corpus["councils"]["quiet"]
    Reuse.objects.create(council=quiet, page=corpus["pages"]["bins"], output="")
    found = by_slug(engine.councils_for_council(cardiff))["quietvale"]
    assert found.reason.startswith(
        "Quietvale reused Caerdydd Test’s ‘Fewer missed bin collections’"
    )
    # Partnerships count both ways round.
    fife, durham = corpus["councils"]["fife"], corpus["councils"]["durham"]
    assert by_slug(engine.councils_for_council(fife))["wearside"].reason.startswith(
        "Kingdom Shire is a partner on Wearside’s ‘Shared temporary accommodation register’"
    )
    assert by_slug(engine.councils_for_council(durham))["kingdom-shire"].reason.startswith(
        "Kingdom Shire is a partner on Wearside’s"
    )


def test_withdrawn_records_and_private_pages_do_not_count(corpus, engine):
    quiet = corpus["councils"]["quiet"]
    SharedProblem.objects.create(
        council=quiet, page=corpus["pages"]["bins"], standing=Standing.WITHDRAWN
    )
    Reuse.objects.create(council=quiet, page=corpus["pages"]["private"])
    assert "quietvale" not in by_slug(engine.councils_for_text(PROBLEM))
    assert collaboration_signals.between(quiet) == {}


@override_settings(SEARCH_SIGNAL_WEIGHT=0)
def test_weight_zero_turns_signals_off(corpus, engine):
    SharedProblem.objects.create(council=corpus["councils"]["quiet"], page=corpus["pages"]["bins"])
    assert "quietvale" not in by_slug(engine.councils_for_text(PROBLEM))
    assert "quietvale" not in by_slug(engine.councils_for_page(corpus["pages"]["bins"]))


def test_councils_like_mine_count_working_together(corpus):
    cardiff, quiet = corpus["councils"]["cardiff"], corpus["councils"]["quiet"]
    before = {peer.council.slug: peer for peer in peer_councils(cardiff, limit=50)}
    Reuse.objects.create(council=quiet, page=corpus["pages"]["bins"])
    after = {peer.council.slug: peer for peer in peer_councils(cardiff, limit=50)}
    assert after["quietvale"].distance < before["quietvale"].distance
    assert after["quietvale"].reason.startswith("Quietvale reused Caerdydd Test’s")


def test_reasons_show_on_pages_and_profiles(client, corpus):
    quiet, bins = corpus["councils"]["quiet"], corpus["pages"]["bins"]
    SharedProblem.objects.create(council=quiet, page=bins)
    html = client.get(bins.url).content.decode()
    assert "Quietvale also faces this" in html
    html = client.get(corpus["councils"]["cardiff"].get_absolute_url()).content.decode()
    assert "Quietvale also faces Caerdydd Test’s ‘Fewer missed bin collections’" in html
