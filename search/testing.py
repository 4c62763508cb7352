"""Test support for running the suite against Elasticsearch (`config/settings/test.py` selects
this backend when SEARCH_URL is set; `tests/conftest.py` empties the indices before each test).

The database rolls back after each test but the index does not, and Elasticsearch makes writes
searchable only about once a second. So this backend's client refreshes (and merges) the test
indices before any search or count that follows a write, and `reset_indices` deletes every
document (and indexes the data a test module built once).
"""

from django.conf import settings

from elasticsearch import Elasticsearch
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

_state = {"unrefreshed": False, "written": False, "holds": None}


def index_pattern():
    return settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] + "*"


class RefreshingElasticsearch(Elasticsearch):
    def _wrote(self):
        _state["unrefreshed"] = _state["written"] = True

    def _before_reading(self):
        if _state["unrefreshed"]:
            _state["unrefreshed"] = False
            # Deleted (and replaced) documents count in relevance statistics until merged
            # away; expunging them all (the test indices allow no deletes to linger) makes
            # scores the same whatever ran before.
            self.indices.refresh(index=index_pattern())
            self.indices.forcemerge(index=index_pattern(), only_expunge_deletes=True)
            self.indices.refresh(index=index_pattern())

    def index(self, *args, **kwargs):
        response = super().index(*args, **kwargs)
        self._wrote()
        return response

    def delete(self, *args, **kwargs):
        try:
            return super().delete(*args, **kwargs)
        finally:
            self._wrote()

    def bulk(self, *args, **kwargs):
        response = super().bulk(*args, **kwargs)
        self._wrote()
        return response

    def search(self, *args, **kwargs):
        self._before_reading()
        return super().search(*args, **kwargs)

    def count(self, *args, **kwargs):
        self._before_reading()
        return super().count(*args, **kwargs)


class RefreshingElasticsearchBackend(Elasticsearch8SearchBackend):
    client_class = RefreshingElasticsearch


def reset_indices(backend, holds=None, fill=None):
    """Make the test indices hold only what `fill()` indexes, named by `holds` (data built once
    for a test module), or nothing. When they hold just that already and nothing was written
    since, there is nothing to do: most tests of a module that builds its data once only read.
    """
    if not _state["written"] and _state["holds"] == holds:
        return
    es = backend.es
    pattern = index_pattern()
    es.indices.refresh(index=pattern)
    while True:
        hits = Elasticsearch.search(
            es, index=pattern, size=1000, _source=False, query={"match_all": {}}
        )["hits"]["hits"]
        if not hits:
            break
        operations = [{"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in hits]
        Elasticsearch.bulk(es, operations=operations, refresh=True)
    _state["unrefreshed"] = False
    if fill is not None:
        fill()
    _state["written"], _state["holds"] = False, holds


def delete_indices(backend):
    es = backend.es
    names = list(es.indices.get(index=index_pattern()).keys())
    for name in names:
        es.indices.delete(index=name)
