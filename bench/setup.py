"""Start Django for a benchmark script run from the repository root."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def replace_section(path, name, text):
    """Put `text` between <!-- name:start --> and <!-- name:end --> in the file at `path`."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    content = Path(path).read_text() if Path(path).exists() else ""
    block = f"{start}\n{text.rstrip()}\n{end}"
    if start in content and end in content:
        before, rest = content.split(start, 1)
        _old, after = rest.split(end, 1)
        content = before + block + after
    else:
        content = content.rstrip() + "\n\n" + block + "\n"
    Path(path).write_text(content)
