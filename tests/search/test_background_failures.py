"""Similarity stays current on a site of near-identical pages, and when background work does
fail, publishing goes on while the failure is logged with its page and shown to operators
until a rebuild repairs it."""

import logging
from io import StringIO
from itertools import product

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.management import call_command
from django.urls import reverse

import pytest

from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import CaseStudyPageFactory
from search.models import BackgroundFailure, PageTerms, SimilarityState
from search.similarity import get_similarity_backend

PAGES = 25
# Made-up words no page shares: letters only, no stop words, nothing to fold.
pytestmark = pytest.mark.similarity  # the updates on publish are what these tests are about

WORDS = ["".join(letters) for letters in product("bcdfgkmptvz", repeat=4)]


@pytest.fixture
def engine():
    return get_similarity_backend()


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.gov.uk", **extra
    )


def errors_logged(caplog, when="call"):
    return [
        record
        for record in caplog.get_records(when)
        if record.name == "search.signals" and record.levelno >= logging.ERROR
    ]


def failure_warnings():
    return [
        message
        for message in checks.run_checks(tags=[checks.Tags.database])
        if message.id == "search.W001"
    ]


@pytest.mark.django_db
class TestNearIdenticalPages:
    @pytest.mark.skipif(
        bool(settings.SEARCH_URLS),
        reason="with Elasticsearch, publishing no longer runs the database TF-IDF (issue 12)",
    )
    def test_publishing_many_similar_pages_keeps_similarity_current(
        self, site_structure, engine, caplog
    ):
        pages = [CaseStudyPageFactory() for _n in range(PAGES)]

        assert errors_logged(caplog) == []
        assert not BackgroundFailure.objects.exists()
        stored = dict(PageTerms.objects.values_list("page_id", "terms"))
        assert set(stored) == {page.pk for page in pages}
        assert all(stored.values())
        assert SimilarityState.get().document_count >= 20
        similar = engine.similar_items(pages[0], limit=3)
        assert len(similar) == 3
        # The database engine names the stem, Elasticsearch's explanation the word as written.
        assert {"bin", "bins"} & set(similar[0].shared_terms)
        # A full refit keeps the terms every page shares too.
        assert engine.rebuild() == PAGES
        assert "bin" in PageTerms.objects.get(page_id=pages[0].pk).terms

    def test_terms_on_most_pages_give_way_to_a_page_own_terms(self, site_structure, engine):
        pages = [
            CaseStudyPageFactory(title=" ".join(WORDS[n * 6 : n * 6 + 6])) for n in range(PAGES)
        ]

        engine.rebuild()

        terms = PageTerms.objects.get(page_id=pages[0].pk).terms
        assert set(WORDS[:6]) <= set(terms)
        assert "bin" not in terms  # every page mentions missed bin collections


@pytest.fixture
def broken_similarity(engine, monkeypatch):
    def fail(page):
        raise RuntimeError("the similarity store is unavailable")

    monkeypatch.setattr(engine, "update_page", fail)
    return monkeypatch


@pytest.fixture
def failed_page(site_structure, broken_similarity):
    return CaseStudyPageFactory(title="Gritting routes on the hills")


@pytest.mark.django_db
class TestFailureInBackgroundWork:
    def test_publishing_still_succeeds(self, failed_page):
        failed_page.refresh_from_db()
        assert failed_page.live
        assert not failed_page.has_unpublished_changes

    def test_an_error_naming_the_page_is_logged(self, caplog, failed_page):
        [record] = errors_logged(caplog, "setup")
        assert record.levelno == logging.ERROR
        assert "Gritting routes on the hills" in record.getMessage()
        assert str(failed_page.pk) in record.getMessage()
        assert record.exc_info is not None

    def test_the_failure_is_recorded(self, failed_page):
        failure = BackgroundFailure.objects.get()
        assert failure.task == BackgroundFailure.Task.SIMILARITY
        assert failure.page_id == failed_page.pk
        assert failure.page_title == "Gritting routes on the hills"
        assert failure.error == "RuntimeError: the similarity store is unavailable"

    def test_system_check_warns_with_the_page(self, failed_page):
        [warning] = failure_warnings()
        assert warning.level == checks.WARNING
        assert "Gritting routes on the hills" in warning.msg
        assert f"page {failed_page.pk}" in warning.msg
        assert "rebuild_similarity" in warning.hint

    def test_check_command_shows_the_warning(self, failed_page):
        err = StringIO()
        call_command("check", stderr=err, stdout=StringIO())
        assert "search.W001" in err.getvalue()
        assert "Gritting routes on the hills" in err.getvalue()

    @pytest.mark.parametrize("role", ["superuser", "organiser"])
    def test_dashboard_shows_operators_a_notice(self, client, failed_page, role):
        if role == "superuser":
            user = make_user("admin", is_superuser=True, is_staff=True)
        else:
            setup_roles()
            user = make_user("organiser")
            make_organiser(user)
        client.force_login(user)

        response = client.get(reverse("wagtailadmin_home"))

        body = response.content.decode()
        assert response.status_code == 200
        assert "Background work failed" in body
        assert "Gritting routes on the hills" in body
        assert reverse("wagtailadmin_pages:edit", args=[failed_page.pk]) in body
        assert "the similarity store is unavailable" in body

    def test_dashboard_shows_practitioners_nothing(self, client, failed_page):
        setup_roles()
        user = make_user("practitioner")
        make_practitioner(user, [failed_page.council])
        client.force_login(user)

        response = client.get(reverse("wagtailadmin_home"))

        assert response.status_code == 200
        assert "Background work failed" not in response.content.decode()

    def test_a_successful_rebuild_clears_it(self, failed_page):
        out = StringIO()
        call_command("rebuild_similarity", stdout=out)

        assert "Similarity data rebuilt" in out.getvalue()
        assert not BackgroundFailure.objects.exists()
        assert failure_warnings() == []
        assert PageTerms.objects.filter(page_id=failed_page.pk).exists()

    def test_a_later_successful_update_of_the_page_clears_it(
        self, engine, broken_similarity, failed_page
    ):
        other = CaseStudyPageFactory(title="Salt bins on every corner")
        assert BackgroundFailure.objects.count() == 2

        broken_similarity.setattr(engine, "update_page", lambda page: None)
        failed_page.save_revision().publish()

        assert list(BackgroundFailure.objects.values_list("page_id", flat=True)) == [other.pk]

    @pytest.mark.skipif(
        bool(settings.SEARCH_URLS),
        reason="with Elasticsearch, publishing no longer runs the database TF-IDF (issue 12)",
    )
    def test_a_refit_on_a_small_site_clears_every_page(self, broken_similarity, failed_page):
        CaseStudyPageFactory(title="Salt bins on every corner")

        broken_similarity.undo()
        failed_page.save_revision().publish()

        assert not BackgroundFailure.objects.exists()

    def test_the_same_failure_again_is_one_record(self, failed_page):
        failed_page.save_revision().publish()
        assert BackgroundFailure.objects.count() == 1

    def test_no_warning_without_failures(self, db):
        assert failure_warnings() == []


@pytest.mark.django_db
def test_a_failed_reindex_on_publish_is_recorded_for_update_index(
    site_structure, monkeypatch, caplog
):
    def fail(page):
        raise RuntimeError("the index is read-only")

    monkeypatch.setattr("search.signals.insert_or_update_object", fail)
    page = CaseStudyPageFactory(title="Gritting routes on the hills")

    failure = BackgroundFailure.objects.get()
    assert failure.task == BackgroundFailure.Task.SEARCH_INDEX
    assert failure.page_id == page.pk
    [warning] = failure_warnings()
    assert "manage.py update_index" in warning.hint
    [record] = errors_logged(caplog)
    assert "search index for page" in record.getMessage()
