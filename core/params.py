"""Numbers from query strings, read the same way on every route."""

# Enough for any page number or year; far below Python's 4,300-digit limit for int().
MAX_DIGITS = 7
# Values read of one repeated parameter (?council=…&council=…); the rest are ignored.
MAX_FILTER_VALUES = 20


def parse_int(raw, *, minimum=None, maximum=None):
    """The whole number written in `raw`, or None when it is not one.

    Only ASCII digits count: `str.isdigit()` also accepts "²" and "①", which `int()` refuses,
    and `int()` accepts digits of other scripts ("١٢"), which nobody types into a page number.
    """
    if raw is None:
        return None
    text = str(raw).strip()
    if not text or len(text) > MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return None
    return value
