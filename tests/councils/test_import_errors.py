"""`manage.py import_councils` rejects a broken register or profile file, naming the line,
and changes nothing."""

from django.core.management import CommandError

import pytest

from councils.factories import CouncilFactory
from councils.models import Council

from .register_files import register_rows, run_import, snapshot, with_value, write_rows

LATE_LINE = 460  # a row near the end of the 471-line file


def _late_row_with_extra_field(rows):
    rows = [list(row) for row in rows]
    rows[LATE_LINE - 1].append("surplus")
    return rows


def _late_row_cut_short(rows):
    rows = [list(row) for row in rows]
    rows[LATE_LINE - 1] = rows[LATE_LINE - 1][:12]
    return rows


def _late_row_duplicating_the_first(rows):
    return with_value(rows, LATE_LINE, "local-authority-code", rows[1][0])


def _without_column(name):
    def change(rows):
        index = rows[0].index(name)
        return [row[:index] + row[index + 1 :] for row in rows]

    return change


BROKEN_FILES = {
    "missing column": (_without_column("nation"), "Line 1: the header lacks the column(s) nation"),
    "bad number": (
        lambda rows: with_value(rows, LATE_LINE, "pop-2020", "lots"),
        f"Line {LATE_LINE}: pop-2020 'lots' is not a number",
    ),
    "not a finite number": (
        lambda rows: with_value(rows, LATE_LINE, "area", "nan"),
        f"Line {LATE_LINE}: area 'nan' is not a number",
    ),
    "negative population": (
        lambda rows: with_value(rows, LATE_LINE, "pop-2020", "-5"),
        f"Line {LATE_LINE}: pop-2020 must not be negative",
    ),
    "bad boolean": (
        lambda rows: with_value(rows, LATE_LINE, "current-authority", "Yes"),
        f"Line {LATE_LINE}: current-authority must be True or False, not 'Yes'",
    ),
    "bad date": (
        lambda rows: with_value(rows, LATE_LINE, "start-date", "1 April 1974"),
        f"Line {LATE_LINE}: start-date '1 April 1974' is not a date",
    ),
    "unknown nation": (
        lambda rows: with_value(rows, LATE_LINE, "nation", "Atlantis"),
        f"Line {LATE_LINE}: nation 'Atlantis' is not a UK nation",
    ),
    "unknown tier": (
        lambda rows: with_value(rows, LATE_LINE, "powers", "parish"),
        f"Line {LATE_LINE}: powers 'parish' is not a known tier",
    ),
    "empty name": (
        lambda rows: with_value(rows, LATE_LINE, "official-name", ""),
        f"Line {LATE_LINE}: official-name must not be empty",
    ),
    "bad code": (
        lambda rows: with_value(rows, LATE_LINE, "local-authority-code", "A B;C"),
        f"Line {LATE_LINE}: register code 'A B;C' is not valid",
    ),
    "too long": (
        lambda rows: with_value(rows, LATE_LINE, "gss-code", "E0" * 10),
        f"Line {LATE_LINE}: gss-code is longer than 12 characters",
    ),
    "duplicate code": (
        _late_row_duplicating_the_first,
        f"Line {LATE_LINE}: register code ABC already appears on line 2",
    ),
    "extra field": (
        _late_row_with_extra_field,
        f"Line {LATE_LINE}: the row has more fields than the header",
    ),
    "missing fields": (
        _late_row_cut_short,
        f"Line {LATE_LINE}: the row has fewer fields than the header",
    ),
    "header only": (lambda rows: rows[:1], "has a header but no councils"),
}


@pytest.fixture
def existing_councils(db):
    """Two councils already in the register, one with out-of-date details the broken file
    would otherwise update."""
    return [
        CouncilFactory(code="MAI", short_name="Old Maidstone", population=1),
        CouncilFactory(code="ABE", short_name="Aberdeen City", nation="Scotland"),
    ]


@pytest.mark.parametrize("case", BROKEN_FILES)
def test_broken_file_changes_nothing(case, existing_councils, tmp_path):
    change, message = BROKEN_FILES[case]
    path = write_rows(tmp_path / "register.csv", change(register_rows()))
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_import(path)

    assert message in str(error.value)
    assert "Nothing was changed." in str(error.value)
    assert snapshot() == before


def test_file_that_is_not_utf8_names_the_line(existing_councils, tmp_path):
    rows = with_value(register_rows(), LATE_LINE, "official-name", "Conseil de Bretagne")
    path = write_rows(tmp_path / "register.csv", rows)
    path.write_bytes(path.read_bytes().replace(b"Bretagne", "Bréta".encode("latin-1")))
    before = snapshot()

    with pytest.raises(CommandError, match=f"Line {LATE_LINE}: .* is not UTF-8 text"):
        run_import(path)
    assert snapshot() == before


@pytest.mark.parametrize("content", [b"", b"\n"])
def test_empty_file_is_rejected(content, existing_councils, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)

    with pytest.raises(CommandError, match="Line 1: the header lacks the column"):
        run_import(path)
    assert Council.objects.count() == 2


def test_missing_file_is_rejected(existing_councils, tmp_path):
    with pytest.raises(CommandError, match="Cannot open .*no-such.csv: No such file"):
        run_import(tmp_path / "no-such.csv")
    assert Council.objects.count() == 2


def test_broken_profile_file_changes_nothing(existing_councils, tmp_path):
    profiles = tmp_path / "labels.csv"
    profiles.write_bytes(b"local-authority-code,label\nABC,Northern Ireland; \xff\n")
    before = snapshot()

    with pytest.raises(CommandError, match="labels.csv is not UTF-8 text"):
        run_import(profiles=profiles)
    assert snapshot() == before


def test_a_first_import_of_a_short_file_is_fine(db, tmp_path):
    path = write_rows(tmp_path / "register.csv", register_rows()[:100])

    assert "99 created" in run_import(path)


def test_a_short_file_is_fine_for_a_smaller_register(existing_councils, tmp_path):
    path = write_rows(tmp_path / "register.csv", register_rows()[:100])

    assert "created" in run_import(path)
