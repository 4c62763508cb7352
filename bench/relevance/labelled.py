"""The labelled set, read without Django: the groups of similar items (labels.json), the
problem statements (problems.yaml), their validation against the demo content and the
word-overlap check that marks the statements sharing no content word with their answers.

    .venv/bin/python bench/relevance/labelled.py     # validate and list the overlaps
"""

import json
import re
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELS = HERE / "labels.json"
PROBLEMS = HERE / "problems.yaml"
DEMO = ROOT / "demo" / "content"
DEMO_FILES = ("case_studies.yaml", "lessons.yaml", "projects.yaml")
MIN_ZERO_OVERLAP = 12
MIN_PROBLEMS = 40
# Keys of a demo item that are not published text about its problem.
NOT_TEXT = {
    "slug",
    "council",
    "partner_councils",
    "published",
    "updated",
    "last_reviewed",
    "started_on",
    "finished_on",
    "url",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "contact_is_public",
    "cost_band",
    "kind",
    "value",
    "baseline",
    "phase",
    "stance",
}


def load_demo(directory=DEMO):
    """{slug: item dict} for every case study, lesson and project in the demo content."""
    items = {}
    for name in DEMO_FILES:
        for item in yaml.safe_load((Path(directory) / name).read_text()):
            items[item["slug"]] = item
    return items


def load_labels(path=LABELS):
    return json.loads(Path(path).read_text())


def load_problems(path=PROBLEMS):
    return yaml.safe_load(Path(path).read_text())["problems"]


def item_text(item):
    """Every piece of published text of a demo item (HTML tags dropped), as one string."""
    parts = []

    def walk(value, key=None):
        if key in NOT_TEXT:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            parts.append(re.sub(r"<[^>]+>", " ", value).replace("-", " "))

    walk(item)
    return " ".join(parts)


def stem(word):
    """Deliberately loose, so that 'no shared word' is a strict claim: the first five letters
    ('council' and 'councils', 'collect' and 'collection' are the same word here)."""
    return word[:5]


def content_words(text):
    """Stems of the words and numbers of `text` that are not English stop words."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    return {stem(w) for w in words if (len(w) > 1 or w.isdigit()) and w not in ENGLISH_STOP_WORDS}


def relevant_items(problem, labels):
    """Slugs of the items relevant to a problem statement: its groups' items and its own."""
    slugs = [slug for group in problem.get("groups", []) for slug in labels["groups"][group]]
    slugs += problem.get("items", [])
    return sorted(set(slugs))


def shared_words(problem, labels, demo):
    """Content words the statement shares with any of its relevant items."""
    words = set()
    for slug in relevant_items(problem, labels):
        words |= content_words(item_text(demo[slug]))
    return sorted(content_words(problem["text"]) & words)


def validate(problems, labels, demo):
    """A list of the problems with the labelled set (empty when it is sound)."""
    errors = []
    for group, slugs in labels["groups"].items():
        errors += [f"group {group}: no demo item {slug!r}" for slug in slugs if slug not in demo]
        if len(set(slugs)) != len(slugs):
            errors.append(f"group {group}: an item is listed twice")
    seen_items = [slug for slugs in labels["groups"].values() for slug in slugs]
    errors += [
        f"item {slug!r} is in two groups"
        for slug in sorted(set(seen_items))
        if seen_items.count(slug) > 1
    ]
    ids = [problem.get("id") for problem in problems]
    errors += [
        f"problem id {i!r} is used twice" for i in sorted(set(ids), key=str) if ids.count(i) > 1
    ]
    for problem in problems:
        name = problem.get("id") or problem.get("text", "")[:40]
        if not problem.get("id") or not problem.get("text", "").strip():
            errors.append(f"problem {name!r}: needs an id and a text")
        errors += [
            f"problem {name}: no group {g!r}"
            for g in problem.get("groups", [])
            if g not in labels["groups"]
        ]
        errors += [
            f"problem {name}: no demo item {s!r}" for s in problem.get("items", []) if s not in demo
        ]
        if not problem.get("groups") and not problem.get("items"):
            errors.append(f"problem {name}: no relevant items")
    if len(problems) < MIN_PROBLEMS:
        errors.append(f"only {len(problems)} problem statements (at least {MIN_PROBLEMS})")
    return errors


def zero_overlap_ids(problems, labels, demo):
    return [p["id"] for p in problems if not shared_words(p, labels, demo)]


def main():
    labels, problems, demo = load_labels(), load_problems(), load_demo()
    errors = validate(problems, labels, demo)
    for problem in problems:
        words = shared_words(problem, labels, demo) if not errors else []
        print(f"{problem.get('id')}: {', '.join(words) or 'NO SHARED WORD'}")
    zero = zero_overlap_ids(problems, labels, demo) if not errors else []
    print(f"{len(problems)} problems, {len(zero)} share no content word with their answers")
    if len(zero) < MIN_ZERO_OVERLAP:
        errors.append(f"only {len(zero)} zero-overlap statements (at least {MIN_ZERO_OVERLAP})")
    for error in errors:
        print("ERROR:", error)
    raise SystemExit(1 if errors else 0)


if __name__ == "__main__":
    main()
