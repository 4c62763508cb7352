"""`manage.py update_index` with the search engine down ends in one clear line, not a
traceback, after updating the backends it can reach. Runs without an engine: it is "at" a
closed port."""

from io import StringIO

from django.core.management import CommandError, ManagementUtility, call_command
from django.test import override_settings

import pytest

from casestudies.factories import CaseStudyPageFactory
from search.models import BackgroundFailure

ENGINE_DOWN = override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://indexer:secret@127.0.0.1:1"],
            "INDEX_PREFIX": "unreachable_",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},  # as in production
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    },
)


@pytest.fixture
def learning_page(site_structure):
    return CaseStudyPageFactory(title="Gritting routes on the hills")


def test_engine_down_is_one_clear_line(learning_page):
    out = StringIO()
    with ENGINE_DOWN, pytest.raises(CommandError) as error:
        call_command("update_index", stdout=out, stderr=StringIO())

    message = str(error.value)
    assert message == (
        "Could not reach the search engine at http://127.0.0.1:1 (backend "
        "'default'): connection refused. Is it running? Set SEARCH_URL to "
        "the address it listens on."
    )
    assert "secret" not in message
    # The database backend, which the site falls back to, was still brought up to date.
    assert "database: indexed" in out.getvalue()


def test_engine_down_for_one_backend(learning_page):
    with ENGINE_DOWN, pytest.raises(CommandError, match="^Could not reach the search engine"):
        call_command("update_index", backend_name="default", stdout=StringIO())


def test_command_exits_non_zero_without_a_traceback(learning_page, capsys, caplog):
    argv = ["manage.py", "update_index"]
    command = ManagementUtility(argv).fetch_command("update_index")
    with ENGINE_DOWN, pytest.raises(SystemExit) as exit_:
        command.run_from_argv(argv)

    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "CommandError: Could not reach the search engine at http://127.0.0.1:1" in err
    assert "Traceback" not in err
    # The client's own warnings for each failed attempt, with their tracebacks, stay quiet.
    assert not [record for record in caplog.records if record.name.startswith("elastic")]


def failure(task, page):
    return BackgroundFailure.objects.create(
        task=task, page_id=page.pk, page_title=page.title, error="RuntimeError: boom"
    )


def test_a_full_update_clears_search_index_failures(learning_page):
    failure(BackgroundFailure.Task.SEARCH_INDEX, learning_page)
    similarity = failure(BackgroundFailure.Task.SIMILARITY, learning_page)

    call_command("update_index", stdout=StringIO())

    assert list(BackgroundFailure.objects.all()) == [similarity]


def test_a_failed_update_keeps_them(learning_page):
    failure(BackgroundFailure.Task.SEARCH_INDEX, learning_page)
    with ENGINE_DOWN, pytest.raises(CommandError):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())

    assert BackgroundFailure.objects.count() == 1
