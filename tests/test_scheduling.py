"""Whole modules go to one xdist worker; a module's committing tests, sorted last, go apart."""

from tests.scheduling import module_runs


def test_a_module_is_one_unit_until_it_comes_round_again():
    nodeids = [
        "tests/a.py::test_one",
        "tests/a.py::TestThings::test_two[chromium]",
        "tests/b.py::test_one",
        "tests/a.py::test_that_commits",
        "tests/c.py::test_one",
    ]
    assert module_runs(nodeids) == {
        "tests/a.py::test_one": "tests/a.py#1",
        "tests/a.py::TestThings::test_two[chromium]": "tests/a.py#1",
        "tests/b.py::test_one": "tests/b.py#1",
        "tests/a.py::test_that_commits": "tests/a.py#2",
        "tests/c.py::test_one": "tests/c.py#1",
    }
