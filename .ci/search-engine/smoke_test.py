#!/usr/bin/env python3
"""Smoke test for the CI search engine, using the official Python client (8.x).

Checks what Wagtail's elasticsearch8 backend relies on: the client's product check
(X-Elastic-Product header) and GET /, index creation with Wagtail's own analysis
settings (asciifolding + lowercase + ngram / edge_ngram), a match query on an
edge-ngram field, a terms aggregation, and a more_like_this query.

    python smoke_test.py            # uses SEARCH_PORT (default 9200)

Needs: pip install 'elasticsearch>=8,<9' 'elasticsearch-dsl>=8.18,<9'
Exits non-zero on the first failed check; prints '5 passed, 0 failed' style summary.
"""

import os
import sys
import urllib.request

from elasticsearch import Elasticsearch
from elasticsearch_dsl import Search

PORT = int(os.environ.get("SEARCH_PORT", "9200"))
URL = f"http://127.0.0.1:{PORT}"
INDEX = "ci_smoke_test"

# The analysis settings of modelsearch's (Wagtail 8's) ElasticsearchBaseSearchBackend.
WAGTAIL_SETTINGS = {
    "analysis": {
        "analyzer": {
            "ngram_analyzer": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["asciifolding", "lowercase", "ngram"],
            },
            "edgengram_analyzer": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["asciifolding", "lowercase", "edgengram"],
            },
        },
        "tokenizer": {
            "ngram_tokenizer": {"type": "ngram", "min_gram": 3, "max_gram": 15},
            "edgengram_tokenizer": {
                "type": "edge_ngram",
                "min_gram": 2,
                "max_gram": 15,
                "side": "front",
            },
        },
        "filter": {
            "ngram": {"type": "ngram", "min_gram": 3, "max_gram": 15},
            "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
        },
    },
    "index": {"max_ngram_diff": 12, "number_of_replicas": 0},
}

MAPPINGS = {
    "properties": {
        "title": {"type": "text"},
        "body": {"type": "text"},
        "_edgengrams": {
            "type": "text",
            "analyzer": "edgengram_analyzer",
            "search_analyzer": "standard",
        },
        "council": {"type": "keyword"},
    }
}

DOCS = [
    {
        "title": "Café licensing in Manchester",
        "body": "How the council licenses cafés, restaurants and street food stalls.",
        "_edgengrams": "Café licensing in Manchester",
        "council": "manchester",
    },
    {
        "title": "Street food licensing in Leeds",
        "body": "How the council licenses street food stalls, markets and cafés.",
        "_edgengrams": "Street food licensing in Leeds",
        "council": "leeds",
    },
    {
        "title": "Bin collection days",
        "body": "Recycling and general waste collection calendar for residents.",
        "_edgengrams": "Bin collection days",
        "council": "manchester",
    },
]

passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def main():
    # Raw header check (the 8.x client refuses servers that do not send it).
    with urllib.request.urlopen(URL + "/") as resp:
        product = resp.headers.get("X-Elastic-Product")
    check("X-Elastic-Product header", product == "Elasticsearch", repr(product))

    es = Elasticsearch(URL, request_timeout=30)
    info = es.info()  # raises UnsupportedProductError if the product check fails
    version = info["version"]["number"]
    check(f"GET / reports 8.x (got {version})", version.startswith("8."), version)

    if es.indices.exists(index=INDEX):
        es.indices.delete(index=INDEX)
    es.indices.create(index=INDEX, settings=WAGTAIL_SETTINGS, mappings=MAPPINGS)
    for i, doc in enumerate(DOCS, start=1):
        es.index(index=INDEX, id=str(i), document=doc)
    es.indices.refresh(index=INDEX)

    tokens = [
        t["token"]
        for t in es.indices.analyze(index=INDEX, analyzer="edgengram_analyzer", text="Café")[
            "tokens"
        ]
    ]
    check(
        "edgengram_analyzer folds + lowercases + edge-ngrams",
        tokens == ["c", "ca", "caf", "cafe"],
        tokens,
    )

    # Partial-word (autocomplete) match on the edge-ngram field, accent-insensitive.
    res = es.search(
        index=INDEX, query={"match": {"_edgengrams": {"query": "cafe lic", "operator": "and"}}}
    )
    ids = sorted(h["_id"] for h in res["hits"]["hits"])
    check("match on edge-ngram field ('cafe lic')", ids == ["1"], ids)

    res = es.search(index=INDEX, query={"match": {"body": "street food"}})
    check("match on standard text field", res["hits"]["total"]["value"] == 2, res["hits"]["total"])

    res = es.search(index=INDEX, size=0, aggs={"by_council": {"terms": {"field": "council"}}})
    buckets = {b["key"]: b["doc_count"] for b in res["aggregations"]["by_council"]["buckets"]}
    check("terms aggregation", buckets == {"manchester": 2, "leeds": 1}, buckets)

    res = es.search(
        index=INDEX,
        query={
            "more_like_this": {
                "fields": ["title", "body"],
                "like": [{"_index": INDEX, "_id": "1"}],
                "min_term_freq": 1,
                "min_doc_freq": 1,
            }
        },
    )
    ids = [h["_id"] for h in res["hits"]["hits"]]
    check("more_like_this finds the similar doc", ids[:1] == ["2"], ids)

    # elasticsearch-dsl on top of the same client
    s = (
        Search(using=es, index=INDEX)
        .query("match", title="licensing")
        .filter("term", council="leeds")
    )
    hits = [h.meta.id for h in s.execute()]
    check("elasticsearch-dsl query + filter", hits == ["2"], hits)

    es.indices.delete(index=INDEX)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
