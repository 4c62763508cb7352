"""NUL characters never reach a view: PostgreSQL refuses them in text."""

import pytest


@pytest.mark.django_db
def test_nul_characters_are_removed_from_query_parameters(client):
    response = client.get("/councils/", QUERY_STRING="q=Avon%00ford&nation=%00England")
    assert response.status_code == 200
    assert response.wsgi_request.GET["q"] == "Avonford"
    assert response.wsgi_request.GET.getlist("nation") == ["England"]
