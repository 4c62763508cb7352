"""Editors publish while others read and save drafts: no request fails, nothing is lost, and
the search index ends up matching what is published.

On SQLite this needs a database file (an in-memory database is one connection shared by
every thread), so on the in-memory test database the test runs itself again in a subprocess
on a file (tests/processes.py); on PostgreSQL it runs directly.
"""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from accounts.roles import setup_roles
from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.permissions.helpers import case_study_form_data
from tests.processes import (  # noqa: F401 - in_memory_sqlite is named in the skipif strings
    in_memory_sqlite,
    run_in_threads,
    run_on_an_sqlite_file,
)

PUBLISHERS = 3
PUBLISHES_EACH = 5
READERS = 2


@pytest.mark.skipif("in_memory_sqlite()", reason="runs on an SQLite file, in a subprocess")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.similarity  # every publish updates the similarity data too, as on the site
def test_concurrent_publishing_reading_and_draft_saving():
    ensure_site_structure()
    setup_roles()
    CaseStudyIndexPageFactory()
    council = CouncilFactory(short_name="Avonford")
    admin = get_user_model().objects.create_superuser("admin", "admin@example.gov.uk", "pw")
    pages = [
        CaseStudyPageFactory(council=council, title=f"Bins case study {n}")
        for n in range(PUBLISHERS + 1)
    ]
    drafted = pages.pop()
    urls = [page.url for page in pages]
    failures = []

    def publisher(page):
        def publish():
            client = Client()
            client.force_login(admin)
            for version in range(1, PUBLISHES_EACH + 1):
                page.refresh_from_db()
                data = case_study_form_data(
                    page,
                    title=f"Bins case study {page.pk} kestrel{page.pk}v{version}",
                    **{"action-publish": "action-publish"},
                )
                response = client.post(f"/admin/pages/{page.pk}/edit/", data)
                if response.status_code != 302:
                    failures.append(f"publish {page.pk} v{version}: {response.status_code}")

        return publish

    def reader():
        client = Client()
        for _ in range(PUBLISHES_EACH * 4):
            for url in [*urls, "/", "/search/?q=bins"]:
                response = client.get(url)
                if response.status_code != 200:
                    failures.append(f"read {url}: {response.status_code}")

    def draft_saver():
        for version in range(PUBLISHES_EACH * 2):
            page = CaseStudyPage.objects.get(pk=drafted.pk)
            page.summary = f"Draft {version}"
            page.save_revision(user=admin)

    errors = run_in_threads(
        [(f"publisher-{page.pk}", publisher(page)) for page in pages]
        + [(f"reader-{n}", reader) for n in range(READERS)]
        + [("draft-saver", draft_saver)]
    )
    assert errors == []
    assert failures == []

    for page in pages:
        page.refresh_from_db()
        final = f"kestrel{page.pk}v{PUBLISHES_EACH}"
        assert page.title.endswith(final)
        assert not page.has_unpublished_changes
        found = list(CaseStudyPage.objects.live().search(final))
        assert [hit.pk for hit in found] == [page.pk], final
    drafted.refresh_from_db()
    assert drafted.get_latest_revision().content["summary"] == f"Draft {PUBLISHES_EACH * 2 - 1}"


@pytest.mark.skipif("not in_memory_sqlite()", reason="runs directly on this database")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # no transaction to lock it
def test_on_an_sqlite_file(tmp_path):
    result = run_on_an_sqlite_file(
        tmp_path, __file__, "test_concurrent_publishing_reading_and_draft_saving"
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
