"""The corpus (tests/corpus.py) for search and similarity, built once per test module."""

from tests.corpus import _corpus, corpus  # noqa: F401 (fixtures)
