"""`import_councils` refuses text with replacement characters or mis-decoded UTF-8
("Ã©", "ï¿½"), naming the line, the council and the column, and changes nothing."""

import csv

from django.core.management import CommandError

import pytest

from councils.factories import CouncilFactory
from councils.importer import MOJIBAKE

from .register_files import REGISTER, register_rows, run_import, snapshot, with_value, write_rows

AGY_LINE = 7
ALT_NAMES = "Isle of Anglesey,Sir Ynys Mï¿½n,anglesey"

GARBLED = {
    "mojibake of a replacement character": ("alt-names", ALT_NAMES, "ï¿½"),
    "replacement character": ("alt-names", "Isle of Anglesey,Sir Ynys M\ufffdn", "\ufffd"),
    "é read as Latin-1": ("official-name", "Conseil de BrÃ©tagne", "Ã©"),
    "curly quote read as Windows-1252": (
        "nice-name",
        "King’s Lynn".encode().decode("cp1252"),
        "â€",
    ),
}


@pytest.fixture
def existing_councils(db):
    return [
        CouncilFactory(code="AGY", short_name="Old Anglesey", population=1),
        CouncilFactory(code="MAI", short_name="Old Maidstone", population=1),
    ]


@pytest.mark.parametrize("case", GARBLED)
def test_garbled_text_is_refused_naming_row_and_column(case, existing_councils, tmp_path):
    column, value, garbled = GARBLED[case]
    path = write_rows(
        tmp_path / "register.csv", with_value(register_rows(), AGY_LINE, column, value)
    )
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_import(path)

    message = str(error.value)
    assert f"Line {AGY_LINE} (AGY), column {column}:" in message
    assert garbled in message
    assert "wrong encoding" in message
    assert "Nothing was changed." in message
    assert snapshot() == before


def test_garbled_profile_label_is_refused(existing_councils, tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text(
        "local-authority-code,label\nAGY,Wales; Emissions: Agriculture; "
        "3rd IMD quintile; RuralÂ\u00a0areas\n",
        encoding="utf-8",
    )
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run_import(profiles=path)

    assert "line 2, column label:" in str(error.value)
    assert snapshot() == before


def test_the_shipped_files_have_no_garbled_text():
    with open(REGISTER, newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.reader(handle), start=1):
            for value in row:
                assert not MOJIBAKE.search(value), (line, value)
    assert "Sir Ynys Môn" in REGISTER.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "Sir Ynys Môn",
        "Conwy",
        "Bro Morgannwg",
        "Côte",
        "Æthelred",
        "Caerffili",
        "Ynys Môn – Anglesey",
    ],
)
def test_real_accents_are_not_taken_for_garbled_text(text):
    assert not MOJIBAKE.search(text)
