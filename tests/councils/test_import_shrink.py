"""`manage.py import_councils` refuses a file that would leave the register noticeably
smaller than the one loaded (a download cut short, a broken column) unless told it is meant to
be, and changes nothing when it refuses."""

from django.core.management import CommandError

import pytest

from councils.models import Council

from .register_files import register_rows, run_import, snapshot, with_value, write_rows

CUT_AT = 100  # the header and 99 councils of 470


def _cut_file(tmp_path):
    rows = register_rows()[:CUT_AT]
    # A change the refused import would otherwise have made.
    rows = with_value(rows, 50, "pop-2020", "1")
    return write_rows(tmp_path / "register.csv", rows)


def _file_retiring_councils(tmp_path, count):
    rows = register_rows()
    current = [
        line
        for line, row in enumerate(rows, 1)
        if line > 1 and row[rows[0].index("current-authority")] == "True"
    ]
    for line in current[:count]:
        rows = with_value(rows, line, "current-authority", "False")
    return write_rows(tmp_path / "register.csv", rows)


def test_file_cut_short_is_refused(loaded_register, db, tmp_path):
    path = _cut_file(tmp_path)
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_import(path)

    assert str(error.value) == (
        f"{path} lists 99 councils but the register holds 470: is the file complete? "
        "If it is meant to be smaller, run again with --allow-shrink. Nothing was changed."
    )
    assert snapshot() == before


def test_file_cut_short_is_accepted_with_the_flag(loaded_register, db, tmp_path):
    path = _cut_file(tmp_path)

    output = run_import(path, allow_shrink=True)

    assert "0 created, 1 updated, 98 unchanged" in output
    assert Council.objects.count() == 470


def test_file_retiring_many_councils_is_refused(loaded_register, db, tmp_path):
    path = _file_retiring_councils(tmp_path, 60)
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_import(path)

    assert str(error.value) == (
        f"{path} would leave 337 current councils, down from 397: is the file complete? "
        "If it is meant to be smaller, run again with --allow-shrink. Nothing was changed."
    )
    assert snapshot() == before


def test_file_retiring_many_councils_is_accepted_with_the_flag(loaded_register, db, tmp_path):
    output = run_import(_file_retiring_councils(tmp_path, 60), allow_shrink=True)

    assert "0 created, 60 updated, 410 unchanged" in output
    assert Council.objects.current().count() == 337


def test_a_reorganisation_is_not_a_shrink(loaded_register, db, tmp_path):
    """A few districts merging into a new unitary council: the usual way the register
    changes."""
    output = run_import(_file_retiring_councils(tmp_path, 7))

    assert "0 created, 7 updated, 463 unchanged" in output
