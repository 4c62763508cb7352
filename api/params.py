"""The query parameters each endpoint takes, as data, and reading them strictly.

Anything the API cannot read exactly (an unknown name, a repeated parameter, a value out of
range, Unicode digits) is a 400 with a message saying what to send instead.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from wagtail.api.v2.utils import BadRequestError

from core.params import MAX_FILTER_VALUES, parse_int

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    schema: dict
    many: bool = False  # several values, separated by commas


LIMIT = Param(
    "limit",
    f"How many items to return: 1 to {MAX_LIMIT}, {DEFAULT_LIMIT} unless given.",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
)
OFFSET = Param(
    "offset",
    "How many items to skip, for the next page of results.",
    {"type": "integer", "minimum": 0, "default": 0},
)
PAGINATION = [LIMIT, OFFSET]


def _shown(text, length=40):
    text = str(text)
    return repr(text if len(text) <= length else text[:length] + "…")


def check_names(request, params):
    """400 for a parameter the endpoint does not know, or one given twice."""
    known = {param.name for param in params}
    unknown = [name for name in request.GET if name not in known]
    if unknown:
        listed = ", ".join(_shown(name) for name in sorted(unknown)[:5])
        allowed = ", ".join(sorted(known)) or "none"
        raise BadRequestError(f"Unknown query parameter: {listed}. This endpoint takes: {allowed}.")
    repeated = sorted(name for name, values in request.GET.lists() if len(values) > 1)
    if repeated:
        raise BadRequestError(
            f"Give each parameter once ({', '.join(repeated)}); separate "
            "several values with commas, e.g. theme=waste,housing."
        )


def raw(request, name):
    value = request.GET.get(name)
    if value is not None and len(value) > MAX_VALUE_LENGTH:
        raise BadRequestError(f"{name} is too long: at most {MAX_VALUE_LENGTH} characters.")
    return value


def values(request, name):
    """The comma-separated values of a parameter, each once, in order; [] when absent."""
    text = raw(request, name)
    if text is None:
        return []
    found = []
    for value in text.split(","):
        value = value.strip()
        if value and value not in found:
            found.append(value)
    if not found:
        raise BadRequestError(f"{name} is empty: give a value or leave the parameter out.")
    if len(found) > MAX_FILTER_VALUES:
        raise BadRequestError(f"{name} takes at most {MAX_FILTER_VALUES} values.")
    return found


def choices(request, name, allowed):
    """Values that must each be one of `allowed` (matched without regard to case)."""
    allowed = sorted({value for value in allowed if value}, key=str)
    by_folded = {str(value).casefold(): value for value in allowed}
    chosen, unknown = [], []
    for value in values(request, name):
        match = by_folded.get(value.casefold())
        (chosen if match is not None else unknown).append(match or value)
    if unknown:
        raise BadRequestError(
            f"Unknown {name}: {', '.join(_shown(value) for value in unknown[:5])}. "
            f"Use one of: {', '.join(str(value) for value in allowed)}."
        )
    return chosen


def since(request, name):
    """An ISO 8601 date or date and time; a date means its first moment, in UK time."""
    text = raw(request, name)
    if text is None:
        return None
    text = text.strip()
    message = (
        f"{name} must be an ISO 8601 date or date and time, e.g. 2025-01-31 or "
        f"2025-01-31T09:00:00Z; got {_shown(text)}."
    )
    if not text.isascii():
        raise BadRequestError(message)
    try:
        if len(text) == 10:
            moment = datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time.min)
        else:
            moment = datetime.datetime.fromisoformat(text)
    except ValueError as error:
        raise BadRequestError(message) from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def pagination(request):
    """(offset, limit) of the request."""
    limit_text, offset_text = raw(request, "limit"), raw(request, "offset")
    limit = (
        DEFAULT_LIMIT if limit_text is None else parse_int(limit_text, minimum=1, maximum=MAX_LIMIT)
    )
    if limit is None:
        raise BadRequestError(
            f"limit must be a whole number from 1 to {MAX_LIMIT}, "
            f"written in the digits 0-9; got {_shown(limit_text)}."
        )
    offset = 0 if offset_text is None else parse_int(offset_text, minimum=0)
    if offset is None:
        raise BadRequestError(
            "offset must be a whole number, 0 or more, written in the "
            f"digits 0-9; got {_shown(offset_text)}."
        )
    return offset, limit
