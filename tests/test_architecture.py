"""Imports between the apps point one way, in the order of the README's table of apps."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Bottom first: an app may import the apps before it, never those after it.
LAYERS = [
    "core",
    "councils",
    "casestudies",
    "search",
    "collaboration",
    "following",
    "digests",
    "freshness",
    "api",
    "insights",
    "home",
    "accounts",
    "dashboard",
    "demo",
]


def imported_apps(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS:
                yield top, node.lineno


def test_no_app_imports_one_above_it():
    upward = []
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for imported, line in imported_apps(path):
                if LAYERS.index(imported) > LAYERS.index(app):
                    upward.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert upward == []


def test_the_readme_lists_the_apps_in_this_order():
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    listed = [
        line.split("`")[1].rstrip("/") for line in table.splitlines() if line.startswith("| `")
    ]
    assert listed == list(reversed(LAYERS))


LONG_FILE = 300
SOURCE_FOLDERS = [
    *LAYERS,
    "config",
    "tests",
    "bench",
    "scripts",
    "templates",
    "static/scss",
    "static/js",
]
SOURCE_SUFFIXES = {".py", ".html", ".scss", ".js", ".mjs"}


def test_a_file_over_300_lines_says_why_in_its_opening():
    unexplained = []
    for folder in SOURCE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in SOURCE_SUFFIXES or "migrations" in path.parts:
                continue
            text = path.read_text()
            if text.count("\n") > LONG_FILE and "Over 300 lines" not in text[:2000]:
                unexplained.append(str(path.relative_to(ROOT)))
    assert unexplained == []
