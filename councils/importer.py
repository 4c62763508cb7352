"""Load the mySociety council register (and the council profile labels) idempotently.

Over 300 lines because the register's columns, its checks and the refusal to shrink the
register are read best in one place, in the order an import runs them.
"""

import csv
import math
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.text import slugify

from core.indexing import indexed_together

from .models import Council, Tier
from .names import display_name

REQUIRED_COLUMNS = {
    "local-authority-code",
    "official-name",
    "nice-name",
    "gss-code",
    "nation",
    "region",
    "local-authority-type",
    "local-authority-type-name",
    "county-la",
    "combined-authority",
    "alt-names",
    "current-authority",
    "start-date",
    "end-date",
    "replaced-by",
    "area",
    "pop-2020",
    "lat",
    "long",
    "powers",
}
NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}
TIERS = {value for value, _ in Tier.choices}
COLUMN_LIMITS = {
    column: Council._meta.get_field(name).max_length
    for column, name in (
        ("official-name", "official_name"),
        ("nice-name", "short_name"),
        ("gss-code", "gss_code"),
        ("region", "region"),
        ("local-authority-type", "council_type"),
        ("local-authority-type-name", "council_type_name"),
        ("replaced-by", "replaced_by"),
    )
}
COLUMN_LIMITS["alt-names"] = 5000
# A file that covers fewer councils than this share of the register, or would leave fewer
# current councils than this share of those now current, is taken for a broken one. A
# reorganisation that merges a few districts into one unitary council stays well above it.
SHRINK_LIMIT = 0.9
SCALAR_FIELDS = [
    "official_name",
    "short_name",
    "alt_names",
    "gss_code",
    "council_type",
    "council_type_name",
    "tier",
    "nation",
    "region",
    "population",
    "area_km2",
    "latitude",
    "longitude",
    "is_current",
    "start_date",
    "end_date",
    "replaced_by",
]


# U+FFFD, or UTF-8 bytes read as Latin-1/Windows-1252: a lead byte (Â–ô) then a continuation
# byte, as in "Ã©" for "é" or "ï¿½" for U+FFFD.
MOJIBAKE = re.compile(
    "\ufffd|[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122]"
)


class RegisterError(Exception):
    """The register file cannot be loaded; the message says where and why."""


class RegisterWouldShrink(RegisterError):
    """The file would leave the register noticeably smaller than the one loaded."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    updated_codes: list = field(default_factory=list)

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def _number(value, kind, line, column):
    if value in ("", None):
        return None
    try:
        number = float(value)
    except ValueError as exc:
        raise RegisterError(f"Line {line}: {column} {value!r} is not a number.") from exc
    if not math.isfinite(number):
        raise RegisterError(f"Line {line}: {column} {value!r} is not a number.")
    return int(number) if kind is int else number


def _date(value, line, column):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise RegisterError(f"Line {line}: {column} {value!r} is not a date (YYYY-MM-DD).") from exc


def _boolean(value, line, column):
    if value in ("True", "true", "1"):
        return True
    if value in ("False", "false", "0"):
        return False
    raise RegisterError(f"Line {line}: {column} must be True or False, not {value!r}.")


def refuse_mojibake(text, where):
    """Raise RegisterError if the text holds a replacement character or mis-decoded UTF-8."""
    match = MOJIBAKE.search(text)
    if match:
        start = max(match.start() - 20, 0)
        raise RegisterError(
            f"{where}: {text[start : match.end() + 20]!r} has a garbled character "
            f"({match.group()!r}), text that was saved in the wrong encoding. Correct it "
            "(see data/README.md, Corrections) and run the import again."
        )


def parse_row(row, line):
    """Turn one CSV row into clean field values, or raise RegisterError naming the line."""
    if None in row:
        raise RegisterError(f"Line {line}: the row has more fields than the header.")
    if None in row.values():
        raise RegisterError(f"Line {line}: the row has fewer fields than the header.")
    label = (row.get("local-authority-code") or "").strip()[:10]
    where = f"Line {line} ({label})" if label else f"Line {line}"
    for column, value in row.items():
        refuse_mojibake(value, f"{where}, column {column}")
    missing = [c for c in ("local-authority-code", "official-name", "nice-name") if not row[c]]
    if missing:
        raise RegisterError(f"Line {line}: {', '.join(missing)} must not be empty.")
    code = row["local-authority-code"].strip()
    if len(code) > 10 or not code.replace("-", "").isalnum():
        raise RegisterError(f"Line {line}: register code {code!r} is not valid.")
    if row["nation"] not in NATIONS:
        raise RegisterError(f"Line {line}: nation {row['nation']!r} is not a UK nation.")
    tier = row["powers"].strip()
    if tier and tier not in TIERS:
        raise RegisterError(f"Line {line}: powers {tier!r} is not a known tier.")
    population = _number(row["pop-2020"], int, line, "pop-2020")
    if population is not None and population < 0:
        raise RegisterError(f"Line {line}: pop-2020 must not be negative.")
    for column, limit in COLUMN_LIMITS.items():
        if len(row[column].strip()) > limit:
            raise RegisterError(f"Line {line}: {column} is longer than {limit} characters.")
    return {
        "code": code,
        "official_name": row["official-name"].strip(),
        "short_name": display_name(code, row["nice-name"].strip()),
        "register_short_name": row["nice-name"].strip(),
        "alt_names": row["alt-names"].strip(),
        "gss_code": row["gss-code"].strip(),
        "council_type": row["local-authority-type"].strip(),
        "council_type_name": row["local-authority-type-name"].strip(),
        "tier": tier,
        "nation": row["nation"],
        "region": row["region"].strip() or row["nation"],
        "population": population,
        "area_km2": _number(row["area"], float, line, "area"),
        "latitude": _number(row["lat"], float, line, "lat"),
        "longitude": _number(row["long"], float, line, "long"),
        "is_current": _boolean(row["current-authority"], line, "current-authority"),
        "start_date": _date(row["start-date"], line, "start-date"),
        "end_date": _date(row["end-date"], line, "end-date"),
        "replaced_by": row["replaced-by"].strip(),
        "county_code": row["county-la"].strip(),
        "combined_code": row["combined-authority"].strip(),
    }


def _first_undecodable_line(path):
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


def read_register(path):
    try:
        handle = open(path, newline="", encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise RegisterError(f"Cannot open {path}: {exc.strerror}.") from exc
    with handle:
        try:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or [])
            absent = sorted(REQUIRED_COLUMNS - columns)
            if absent:
                raise RegisterError(
                    f"Line 1: the header lacks the column(s) {', '.join(absent)}. "
                    "Is this the mySociety register file?"
                )
            rows = []
            seen = {}
            for row in reader:
                parsed = parse_row(row, reader.line_num)
                if parsed["code"] in seen:
                    raise RegisterError(
                        f"Line {reader.line_num}: register code {parsed['code']} already "
                        f"appears on line {seen[parsed['code']]}."
                    )
                seen[parsed["code"]] = reader.line_num
                rows.append(parsed)
        except UnicodeDecodeError as exc:
            raise RegisterError(
                f"Line {_first_undecodable_line(path)}: {path} is not UTF-8 text."
            ) from exc
        except csv.Error as exc:
            raise RegisterError(f"Line {reader.line_num}: {exc}.") from exc
    if not rows:
        raise RegisterError(f"{path} has a header but no councils.")
    return rows


def _unique_slug(base, code, taken):
    slug = slugify(base)[:100] or code.lower()
    if slug in taken and taken[slug] != code:
        slug = f"{slug}-{code.lower()}"
    taken[slug] = code
    return slug


def parse_profile_label(label):
    """'South West; Emissions: Transport/Domestic; 4th IMD quintile; Rural' → fields."""
    parts = [part.strip() for part in label.split(";")]
    result = {
        "profile_label": label,
        "emissions_profile": "",
        "deprivation_quintile": None,
        "rurality": "",
    }
    for part in parts[1:]:
        if part.startswith("Emissions:"):
            result["emissions_profile"] = part.removeprefix("Emissions:").strip()
        elif part.endswith("IMD quintile") and part[:1].isdigit():
            result["deprivation_quintile"] = int(part[0])
        elif part:
            result["rurality"] = part
    return result


def read_profiles(path):
    profiles = {}
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not {"local-authority-code", "label"} <= set(reader.fieldnames or []):
                raise RegisterError(
                    f"{path}, line 1: expected columns local-authority-code and label."
                )
            for row in reader:
                if not row["local-authority-code"] or not row["label"]:
                    raise RegisterError(f"{path}, line {reader.line_num}: empty code or label.")
                refuse_mojibake(row["label"], f"{path}, line {reader.line_num}, column label")
                if len(row["label"]) > 255:
                    raise RegisterError(
                        f"{path}, line {reader.line_num}: the label is longer than 255 characters."
                    )
                profiles[row["local-authority-code"].strip()] = parse_profile_label(row["label"])
    except OSError as exc:
        raise RegisterError(f"Cannot open {path}: {exc.strerror}.") from exc
    except UnicodeDecodeError as exc:
        raise RegisterError(f"{path} is not UTF-8 text.") from exc
    except csv.Error as exc:
        raise RegisterError(f"{path}: {exc}.") from exc
    return profiles


def _refuse_shrinking(path, rows, existing):
    held = len(existing)
    if len(rows) < SHRINK_LIMIT * held:
        raise RegisterWouldShrink(
            f"{path} lists {len(rows)} councils but the register holds {held}: "
            "is the file complete?"
        )
    codes = {row["code"] for row in rows}
    current_now = sum(council.is_current for council in existing.values())
    current_after = sum(row["is_current"] for row in rows) + sum(
        council.is_current for code, council in existing.items() if code not in codes
    )
    if current_after < SHRINK_LIMIT * current_now:
        raise RegisterWouldShrink(
            f"{path} would leave {current_after} current councils, down from {current_now}: "
            "is the file complete?"
        )


def _links(row, by_code, existing):
    """The councils a row links to, among those saved so far or already held."""
    return {
        attr: (by_code.get(code) or existing.get(code)) if code else None
        for attr, code in (
            ("county", row["county_code"]),
            ("combined_authority", row["combined_code"]),
        )
    }


def _linked_councils_first(rows):
    """The rows with every council another links to (a county, a combined authority) before
    the councils linking to it, so that a new council is saved once, with its links: saving each
    council twice made the import take twice as long (search and reference indexing per save)."""
    listed = {row["code"] for row in rows}
    ordered, placed, waiting = [], set(), list(rows)
    while waiting:
        ready = [
            row
            for row in waiting
            if all(
                code in placed or code not in listed
                for code in (row["county_code"], row["combined_code"])
                if code
            )
        ]
        if not ready:  # links in a circle: the second pass sets what is left
            ready = waiting
        ordered += ready
        placed.update(row["code"] for row in ready)
        ready_codes = {row["code"] for row in ready}
        waiting = [row for row in waiting if row["code"] not in ready_codes]
    return ordered


@transaction.atomic
def import_register(path, profiles_path=None, progress=None, allow_shrink=False):
    """Create or update every council in the file; all or nothing. Refuses (RegisterWouldShrink)
    a file that would leave the register noticeably smaller, unless `allow_shrink`."""
    with indexed_together(Council):
        return _import(path, profiles_path, progress, allow_shrink)


def _import(path, profiles_path, progress, allow_shrink):
    rows = read_register(path)
    profiles = read_profiles(profiles_path) if profiles_path else {}
    report = ImportReport()
    existing = {council.code: council for council in Council.objects.all()}
    if not allow_shrink:
        _refuse_shrinking(path, rows, existing)
    taken = {council.slug: council.code for council in existing.values()}
    # The slug comes from the register's own name, so addresses stay the same; where two
    # names make one slug, the first in the file keeps it.
    slugs = {
        row["code"]: _unique_slug(row["register_short_name"], row["code"], taken)
        for row in rows
        if row["code"] not in existing
    }
    by_code = {}
    for number, row in enumerate(_linked_councils_first(rows), start=1):
        code = row["code"]
        values = {name: row[name] for name in SCALAR_FIELDS}
        values.update(profiles.get(code, {}))
        council = existing.get(code)
        if council is None:
            council = Council(
                code=code, slug=slugs[code], **values, **_links(row, by_code, existing)
            )
            council.save()
            report.created += 1
        else:
            changed = [name for name, value in values.items() if getattr(council, name) != value]
            if changed:
                for name in changed:
                    setattr(council, name, values[name])
                council.save(update_fields=changed)
                report.updated += 1
                report.updated_codes.append(code)
            else:
                report.unchanged += 1
        by_code[code] = council
        if progress and number % 50 == 0:
            progress(number, len(rows))

    links_changed = set()
    for row in rows:
        council = by_code[row["code"]]
        changed_links = []
        for attr, target in _links(row, by_code, existing).items():
            if getattr(council, f"{attr}_id") != (target.pk if target else None):
                setattr(council, attr, target)
                changed_links.append(attr)
        if changed_links:
            council.save(update_fields=changed_links)
            links_changed.add(council.code)
    # A link change on an otherwise unchanged council is still an update.
    for code in links_changed:
        if code in existing and code not in report.updated_codes:
            report.unchanged -= 1
            report.updated += 1
            report.updated_codes.append(code)
    if progress:
        progress(len(rows), len(rows))
    return report
