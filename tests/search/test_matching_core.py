"""The matching core (search/matching): the same answers on every engine, a floor, partners
and leads weighed differently, diversity, a modest track record, and stable rankings.

Runs on the database engine and, with SEARCH_URL set, on Elasticsearch too (tests/search/ is
in SEARCH_BACKEND_TESTS), where it also compares the engine with the database TF-IDF."""

from django.conf import settings

import pytest

from casestudies.factories import CaseStudyPageFactory
from councils.factories import CouncilFactory
from search.grouping import group_matches
from search.matching import core
from search.matching.core import Matcher, Scored
from search.models import PageTerms
from search.similarity import get_similarity_backend
from search.similarity.tfidf import TfidfSimilarityBackend

pytestmark = [pytest.mark.usefixtures("_corpus"), pytest.mark.django_db]

# The pasted problems the other tests use (test_similarity, test_signals, test_engine), with
# the council every engine must put first, and the councils it must put in its top three.
PASTED = [
    (
        "Homeless families are stuck for months in bed and breakfast because we have no "
        "temporary accommodation of our own.",
        {"exebridge", "wearside"},
        {"kingdom-shire"},
    ),
    (
        "Families stuck for months in bed and breakfast; we need more temporary accommodation "
        "for homeless households.",
        {"exebridge", "wearside"},
        {"exebridge", "wearside"},
    ),
    (
        "Missed bin collection complaints every month swamp our contact centre.",
        {"caerdydd-test"},
        {"caerdydd-test"},
    ),
]


NEAR_TIE = 0.01


@pytest.fixture
def engines():
    """The configured engine and, if that is not it, the database TF-IDF beside it."""
    current = get_similarity_backend()
    if isinstance(current, TfidfSimilarityBackend):
        return [current]
    tfidf = TfidfSimilarityBackend()
    tfidf.rebuild()
    return [current, tfidf]


def slugs(matches):
    return [match.council.slug for match in matches]


@pytest.mark.parametrize(("problem", "first", "top_three"), PASTED)
def test_every_engine_gives_the_same_top_councils_for_a_pasted_problem(
    engines, problem, first, top_three
):
    tops = []
    for engine in engines:
        matches = engine.councils_for_text(problem)
        found = slugs(matches)
        assert found[0] in first, (type(engine).__name__, found)
        assert top_three <= set(found[:3]), (type(engine).__name__, found)
        # The councils tied for first (within NEAR_TIE): two right answers a thousandth apart
        # may come in either order.
        tops.append({m.council.slug for m in matches if m.total >= matches[0].total - NEAR_TIE})
    assert set.intersection(*tops), tops


def test_every_engine_gives_the_same_top_similar_pages(corpus, engines):
    bins = corpus["pages"]["bins"]
    tops = [{item.page.pk for item in engine.similar_items(bins, limit=2)} for engine in engines]
    assert tops[0] == {corpus["pages"]["bins_lesson"].pk, corpus["pages"]["fly_tipping"].pk}
    assert all(top == tops[0] for top in tops)


def test_scores_are_between_0_and_1_and_above_the_floor(corpus, engines):
    for engine in engines:
        items = engine.similar_items(corpus["pages"]["homelessness"], limit=10)
        matches = engine.councils_for_text(PASTED[0][0])
        for score in [item.score for item in items] + [
            item.score for match in matches for item in match.items
        ]:
            assert core.FLOOR <= score <= 1


def test_no_close_match_is_an_honest_empty_answer(engines):
    for engine in engines:
        assert engine.councils_for_text("Zyxwv qwerty plugh xyzzy frobnicate.") == []
        # Words no page has, once analysed, are no match either.
        assert engine.councils_for_text("The and of instead small let.") == []


def test_two_identical_runs_give_identical_rankings(corpus, engines):
    for engine in engines:

        def run(engine=engine):
            return (
                [
                    (m.council.slug, m.total, [i.page.pk for i in m.items])
                    for m in engine.councils_for_text(PASTED[1][0])
                ],
                [(i.page.pk, i.score) for i in engine.similar_items(corpus["pages"]["bins"])],
            )

        assert run() == run()


@pytest.mark.xfail(
    bool(settings.SEARCH_URLS),
    reason="on Elasticsearch with PostgreSQL a republished page's scores move (0.808 to 0.782); "
    "issue 12, open",
)
@pytest.mark.similarity
def test_republishing_does_not_change_the_ranking(corpus):
    """On Elasticsearch a republished page leaves a deleted document behind until a merge;
    the engine expunges it, so the scores stay the same."""
    engine = get_similarity_backend()

    def run():
        return [(m.council.slug, m.total) for m in engine.councils_for_text(PASTED[1][0])]

    before = run()
    for key in ("housing", "homelessness", "data"):
        corpus["pages"][key].specific.save_revision().publish()
    after = run()
    assert [slug for slug, _total in after] == [slug for slug, _total in before]
    if not isinstance(engine, TfidfSimilarityBackend):  # which refits its vocabulary here
        assert after == before


@pytest.mark.similarity
def test_one_page_shared_by_four_councils_does_not_fill_four_places(corpus):
    lead, *partners = [CouncilFactory(short_name=f"Sharer {n}") for n in range(4)]
    other = CouncilFactory(short_name="Own Work")
    CaseStudyPageFactory(
        title="Clearing graffiti from underpasses with volunteers",
        summary="Volunteers clear graffiti from underpasses every weekend.",
        council=lead,
        partner_councils=partners,
    )
    CaseStudyPageFactory(
        title="Graffiti on underpasses reported by volunteers",
        summary="Volunteers report graffiti on underpasses to the council.",
        council=other,
    )
    matches = get_similarity_backend().councils_for_text(
        "Graffiti keeps coming back on our underpasses; could volunteers help clear it?",
        limit=5,
    )
    groups = group_matches(matches)
    # The three partners, matched on the same work in the same role, are one line of the list.
    partner_groups = [
        g for g in groups if {c.slug for c in g.councils} & {c.slug for c in partners}
    ]
    assert len(partner_groups) == 1
    assert {c.slug for c in partner_groups[0].councils} == {c.slug for c in partners}
    assert other.slug in {g.council.slug for g in groups[:3]}
    # A partner is evidence, but less than leading the work.
    everyone = get_similarity_backend().councils_for_text(
        "Graffiti keeps coming back on our underpasses; could volunteers help clear it?"
    )
    scores = {match.council.slug: match.score for match in everyone}
    assert scores[lead.slug] > max(scores[c.slug] for c in partners if c.slug in scores)


def _entry(pk, score, role="published", share=1.0):
    return (Scored(pk, score, []), role, share)


def test_a_track_record_is_a_modest_prior():
    by_council = {1: [_entry(10, 0.50)], 2: [_entry(11, 0.50)], 3: [_entry(12, 0.58)]}
    chosen = Matcher._choose(by_council, {}, {2: 5}, limit=3)
    order = [council_id for council_id, _score, _entries in chosen]
    # Five projects lift council 2 over an equal text match, not over a clearly better one.
    assert order == [3, 2, 1]
    assert chosen[1][1] == pytest.approx(
        0.50 + core.TRACK_RECORD_PER_PROJECT * core.TRACK_RECORD_MOST
    )


def test_a_shared_page_is_evidence_for_each_of_its_councils():
    shared = 10
    by_council = {
        1: [_entry(shared, 0.9)],
        2: [_entry(shared, 0.9, "partner", 0.6)],
        3: [_entry(shared, 0.9, "partner", 0.6)],
        4: [_entry(11, 0.4)],
    }
    chosen = Matcher._choose(by_council, {}, {}, 4)
    assert [council_id for council_id, *_rest in chosen] == [1, 2, 3, 4]
    assert [round(score, 2) for _id, score, _entries in chosen] == [0.9, 0.54, 0.54, 0.4]


@pytest.mark.skipif(not settings.SEARCH_URLS, reason="needs Elasticsearch (SEARCH_URL)")
@pytest.mark.similarity
def test_with_elasticsearch_publishing_does_not_run_the_database_tfidf(corpus, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the database TF-IDF ran on publish")

    monkeypatch.setattr(TfidfSimilarityBackend, "rebuild", refuse)
    monkeypatch.setattr(TfidfSimilarityBackend, "update_page", refuse)
    page = CaseStudyPageFactory(
        title="Potholes reported with photos", summary="Residents report potholes with photos."
    )
    assert not PageTerms.objects.filter(page_id=page.pk).exists()
    found = slugs(
        get_similarity_backend().councils_for_text(
            "Residents keep reporting potholes; can photos help?"
        )
    )
    assert page.council.slug in found


def test_a_track_record_counts_every_live_project_led_or_joined():
    from casestudies.factories import ProjectPageFactory

    lead, partner, other = CouncilFactory(), CouncilFactory(), CouncilFactory()
    ProjectPageFactory(council=lead, partner_councils=[partner])
    ProjectPageFactory(council=lead, partner_councils=[partner, other])
    ProjectPageFactory(council=lead).unpublish()
    CaseStudyPageFactory(council=lead, partner_councils=[partner])
    assert core.track_record([lead.pk, partner.pk, other.pk]) == {
        lead.pk: 2,
        partner.pk: 2,
        other.pk: 1,
    }
