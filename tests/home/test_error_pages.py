"""The error pages: 404 in the site's layout, 500 without the database or context processors."""

from django.test import RequestFactory
from django.views.defaults import server_error

import pytest


@pytest.mark.django_db
def test_page_not_found_uses_the_site_layout(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Page not found" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'id="main-content"' in html


def test_server_error_page_needs_no_database():
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "/static/css/main.css" in html
    assert "mySociety, CC BY 4.0" in html
