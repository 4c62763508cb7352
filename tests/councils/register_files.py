"""Run the importer, and make copies of the real register with chosen rows changed."""

import csv
from io import StringIO

from django.conf import settings
from django.core.management import call_command

from councils.models import Council

REGISTER = settings.COUNCIL_REGISTER_CSV


def run_import(path=REGISTER, profiles=None, allow_shrink=False):
    out = StringIO()
    args = [str(path)]
    if profiles is not None:
        args += ["--profiles", str(profiles)]
    if allow_shrink:
        args.append("--allow-shrink")
    call_command("import_councils", *args, stdout=out)
    return out.getvalue()


def register_rows():
    with open(REGISTER, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_rows(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def with_value(rows, line, column, value):
    """A copy of the rows with one cell changed; `line` counts the header as line 1."""
    rows = [list(row) for row in rows]
    rows[line - 1][rows[0].index(column)] = value
    return rows


def snapshot():
    return list(Council.objects.order_by("code").values())
