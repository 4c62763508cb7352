"""The insight page and the home page's summary before anything is published."""

import pytest

URL = "/insights/"


@pytest.mark.django_db
def test_insight_page_with_nothing_published(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No council has published learning yet, so the map is empty." in html
    assert "Nothing has been published yet." in html
    assert "No council has recorded reusing published work yet." in html
    assert "No published project is looking for partners" in html
    assert 'class="se-map__marker"' not in html


def test_insight_page_with_the_register_and_nothing_published(client, register):
    html = client.get(URL).content.decode()
    assert "397 current councils have not yet led or been a partner" in html
    assert "London: 34 councils" in html
    assert 'class="se-map__marker"' not in html
    assert 'class="se-map__svg"' not in html  # no map without a council to show


def test_home_page_with_nothing_published(client, site_structure):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Where learning is happening" in html
    assert "Map of the UK: 0 councils with published learning" in html
