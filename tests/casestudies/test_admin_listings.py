"""Editors' admin listings for themes, progress updates and pages answer searches."""

import pytest

from casestudies.factories import CaseStudyPageFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "query", "expected"),
    [
        ("/admin/snippets/casestudies/theme/", "waste", "Waste"),
        ("/admin/snippets/casestudies/progressupdate/", "milestone", "Kick-off milestone"),
        ("/admin/pages/search/", "bins", "Fewer missed bins"),
    ],
)
def test_admin_search(admin_client, url, query, expected):
    ProgressUpdateFactory(title="Kick-off milestone")
    CaseStudyPageFactory(title="Fewer missed bins")

    response = admin_client.get(url, {"q": query})

    assert response.status_code == 200
    assert expected in response.content.decode()
