"""Integer parameters are read one way on every route: ASCII digits, bounded length."""

import pytest

from core.params import MAX_DIGITS, parse_int


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", 1),
        (" 42 ", 42),
        ("007", 7),
        ("9" * MAX_DIGITS, int("9" * MAX_DIGITS)),
    ],
)
def test_ascii_digits_are_numbers(raw, expected):
    assert parse_int(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        " ",
        "-1",
        "+1",
        "1.5",
        "1e9",
        "abc",
        "\u00b2",
        "\u2460",
        "\u0661\u0662",
        "\uff11\uff12",
        "9" * (MAX_DIGITS + 1),
        "9" * 5000,
        "1\x00",
        "0x10",
    ],
)
def test_anything_else_is_not_a_number(raw):
    assert parse_int(raw) is None


def test_bounds():
    assert parse_int("0", minimum=1) is None
    assert parse_int("1", minimum=1) == 1
    assert parse_int("2101", maximum=2100) is None
    assert parse_int("2100", maximum=2100) == 2100
