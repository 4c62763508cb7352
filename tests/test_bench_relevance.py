"""The relevance benchmark's metrics, tie-breaking and labelled set (bench/relevance/)."""

import random
from io import StringIO

from django.core.management import call_command

import pytest

from bench.relevance import labelled
from bench.relevance.run import (
    by_score,
    collect,
    evaluate,
    first_seen,
    precision_at,
    recall_at,
    ties_by_key,
)


@pytest.fixture(scope="module")
def labelled_set():
    return labelled.load_labels(), labelled.load_problems(), labelled.load_demo()


def test_precision_and_recall():
    ranked = ["a", "x", "b", "y", "z", "c"]
    assert precision_at(ranked, {"a", "b", "c"}) == pytest.approx(2 / 5)
    assert recall_at(ranked, {"a", "b", "c", "d"}) == pytest.approx(3 / 4)
    assert precision_at([], {"a"}) == 0 and recall_at([], {"a"}) == 0
    assert evaluate([]) == (0.0, 0.0)
    assert evaluate([(["a"], {"a"}), (["x"], {"a"})]) == pytest.approx((0.1, 0.5))


def test_ties_are_broken_by_key_whatever_order_they_come_in():
    scored = [(0.9, 7), (0.5, 3), (0.5, 1), (0.5 + 1e-12, 2), (0.1, 4), (0.9, 5)]
    expected = [5, 7, 1, 2, 3, 4]
    for seed in range(20):
        shuffled = scored[:]
        random.Random(seed).shuffle(shuffled)
        assert by_score(shuffled) == expected
    assert by_score(scored, limit=3) == [5, 7, 1]


def test_ranked_lists_keep_their_order_and_sort_only_equal_scores():
    # SQLite's bm25 is lower for better: the backend's order is kept, ties put in key order.
    assert ties_by_key([(-16.0, 9), (-12.0, 4), (-12.0, 2), (-3.0, 1)]) == [9, 2, 4, 1]
    assert ties_by_key([(3.0, "b"), (3.0, "a"), (1.0, "c")], limit=2) == ["a", "b"]
    assert first_seen([["a", "b"], ["b", "c"], ["a"]]) == ["a", "b", "c"]


def test_labelled_set_is_sound(labelled_set):
    labels, problems, demo = labelled_set
    assert labelled.validate(problems, labels, demo) == []
    assert len(problems) >= labelled.MIN_PROBLEMS


def test_validation_finds_unknown_items_duplicate_ids_and_empty_problems(labelled_set):
    labels, problems, demo = labelled_set
    broken = [
        *problems[:40],
        dict(problems[0]),
        {"id": "x", "text": "bins", "items": ["nope"]},
        {"id": "y", "text": "bins"},
        {"id": "z", "text": "", "groups": ["not-a-group"]},
    ]
    errors = labelled.validate(broken, labels, demo)
    assert f"problem id {problems[0]['id']!r} is used twice" in errors
    assert "problem x: no demo item 'nope'" in errors
    assert "problem y: no relevant items" in errors
    assert "problem z: no group 'not-a-group'" in errors
    assert "problem 'z': needs an id and a text" in errors
    assert labelled.validate(problems[:3], labels, demo)[-1].startswith("only 3 problem")


def test_enough_statements_share_no_content_word_with_their_answers(labelled_set):
    labels, problems, demo = labelled_set
    zero = labelled.zero_overlap_ids(problems, labels, demo)
    assert len(zero) >= labelled.MIN_ZERO_OVERLAP
    # The ids say which ones were written to share no word; the check agrees.
    assert sorted(zero) == sorted(p["id"] for p in problems if p["id"].endswith("-zero-words"))


def test_shared_words_are_counted_loosely():
    assert labelled.content_words("The councils' bins, 8 of them") == {"counc", "bins", "8"}
    demo = {"a": {"slug": "a", "title": "Missed bin collections", "contact_email": "x@bins"}}
    labels = {"groups": {}}
    assert labelled.shared_words({"text": "collecting", "items": ["a"]}, labels, demo) == ["colle"]
    assert labelled.shared_words({"text": "email x", "items": ["a"]}, labels, demo) == []


def test_problem_statements_are_not_demo_sentences(labelled_set):
    labels, problems, demo = labelled_set
    text = " ".join(labelled.item_text(item).lower() for item in demo.values())
    for problem in problems:
        assert problem["text"].lower() not in text


@pytest.mark.demo_content
@pytest.mark.django_db
def test_the_benchmark_gives_the_same_figures_twice(register, monkeypatch, labelled_set):
    monkeypatch.setenv("DEMO_PASSWORD", "a-local-demo-password")
    call_command("setup_site", stdout=StringIO())
    call_command("load_demo_data", stdout=StringIO())
    call_command("rebuild_similarity", stdout=StringIO())
    first, second = collect(*labelled_set), collect(*labelled_set)
    assert first == second
    for task, methods in first["cases"].items():
        for method, cases in methods.items():
            assert cases, (task, method)
