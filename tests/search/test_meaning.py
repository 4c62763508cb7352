"""Matching by meaning (search/matching/meaning.py): sentence embeddings blended with the
engine's words, the same on every engine."""

from django.core.management import call_command
from django.test import override_settings

import numpy as np
import pytest

from search.matching import meaning, sentence_model
from search.models import PageMeaning
from search.similarity import get_similarity_backend

pytestmark = [pytest.mark.usefixtures("_corpus"), pytest.mark.django_db]

NO_SHARED_WORD = "parents and kids living out of a hotel room with nowhere else to go"


def slugs(matches):
    return [match.council.slug for match in matches]


def test_the_forward_pass_gives_sentence_transformers_figures():
    # sentence-transformers' own example for all-MiniLM-L6-v2 (its documentation's quickstart).
    vectors = sentence_model.model().embed(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    similarity = vectors @ vectors.T
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert similarity[0, 1] == pytest.approx(0.6660, abs=5e-4)
    assert similarity[0, 2] == pytest.approx(0.1046, abs=5e-4)
    assert similarity[1, 2] == pytest.approx(0.1411, abs=5e-4)


def test_the_same_text_gives_the_same_vector_in_any_batch():
    model = sentence_model.model()
    alone = model.embed(["Reporting fly-tipping with photos"])[0]
    batched = model.embed(
        ["A much longer sentence about bins, " * 10, "Reporting fly-tipping with photos"]
    )
    assert np.allclose(alone, batched[1], atol=1e-5)


def test_published_pages_have_vectors_and_only_live_public_ones_are_read(corpus):
    pages = corpus["pages"]
    stored = set(PageMeaning.objects.values_list("page_id", flat=True))
    assert pages["fly_tipping"].pk in stored and pages["bins"].pk in stored
    assert pages["draft"].pk not in stored and pages["private"].pk in stored
    # The private page has a vector but is never read: only live, public pages are loaded.
    assert pages["private"].pk not in meaning.vectors().row_of


def test_a_problem_sharing_no_word_finds_its_council_by_meaning(corpus):
    engine = get_similarity_backend()
    # The housing pages: Exebridge's on bed and breakfast, Wearside's register and its partner.
    found = slugs(engine.councils_for_text(NO_SHARED_WORD))
    assert set(found[:3]) == {"exebridge", "wearside", "kingdom-shire"}
    with override_settings(SEARCH_MEANING_WEIGHT=0):
        assert engine.councils_for_text(NO_SHARED_WORD) == []


def test_meaning_alone_does_not_invent_matches(corpus):
    engine = get_similarity_backend()
    assert engine.councils_for_text("zeppelin mooring masts over the river") == []


def test_a_page_is_closest_to_itself(corpus):
    page = corpus["pages"]["bins"]
    like = get_similarity_backend().like_page(page)
    like.exclude = frozenset()
    near = meaning.closeness(like, size=3)
    assert near[page.pk] == pytest.approx(1.0, abs=1e-3)


@pytest.mark.similarity
def test_publishing_embeds_a_changed_page_and_unpublishing_forgets_it(corpus):
    page = corpus["pages"]["fly_tipping"].specific
    before = bytes(PageMeaning.objects.get(page_id=page.pk).vector)
    page.save_revision().publish()  # nothing it is embedded from changed
    assert bytes(PageMeaning.objects.get(page_id=page.pk).vector) == before
    page.summary = "Sofas and mattresses dumped on verges, cleared within a day."
    page.save_revision().publish()
    assert bytes(PageMeaning.objects.get(page_id=page.pk).vector) != before
    page.unpublish()
    assert not PageMeaning.objects.filter(page_id=page.pk).exists()


def test_rebuild_embeds_only_what_changed(corpus):
    page = corpus["pages"]["bins"].specific
    PageMeaning.objects.filter(page_id=page.pk).update(text_digest="stale")
    published, embedded = meaning.rebuild()
    assert embedded == 1
    assert published == PageMeaning.objects.count()  # the private page's is forgotten
    assert meaning.rebuild() == (published, 0)


def test_rebuild_similarity_reports_the_embeddings(corpus):
    from io import StringIO

    out = StringIO()
    call_command("rebuild_similarity", stdout=out)
    assert "Sentence embeddings:" in out.getvalue()
    with override_settings(SEARCH_MEANING_WEIGHT=0):
        out = StringIO()
        call_command("rebuild_similarity", stdout=out)
        assert "Matching by meaning is off" in out.getvalue()
