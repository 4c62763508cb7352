"""A council's register details in words: what kind of council it is and what kind of place.

The profile labels ("South West; Emissions: Public sector; 4th IMD quintile; Urban") are
explained by mySociety's descriptions file, read once per process.
"""

import csv
from functools import cache
from pathlib import Path

from django.conf import settings

from .importer import parse_profile_label
from .models import Tier

DESCRIPTIONS_FILE = "council_profile_label_descriptions.csv"

# Register type codes whose register name is not the name people use.
TYPE_NAMES = {
    "CTY": "County council",
    "NMD": "District council",
    "NID": "District council (Northern Ireland)",
    "SRA": "Strategic authority",
}

WHAT_IT_RUNS = {
    Tier.UNITARY: "Runs all the local council services in its area.",
    Tier.UPPER: "Runs county-wide services such as schools, social care and roads; the district "
    "councils in its area run services such as bins, housing and planning.",
    Tier.LOWER: "Runs services such as bins, housing and planning; the county council runs "
    "services such as schools, social care and roads.",
    Tier.NI_DISTRICT: "Runs services such as bins, leisure and planning; the Northern Ireland "
    "Executive runs schools, social care and roads.",
    Tier.COMBINED: "Councils working together on transport, skills and growth across their "
    "area, often with an elected mayor.",
}

EMISSIONS_NAMES = {
    "Urban Mainstream": "Urban mainstream",
    "Transport/Domestic": "Transport and homes",
    "Industry/Commerical/Domestic": "Industry, business and homes",
}


def type_name(council):
    return TYPE_NAMES.get(council.council_type, council.council_type_name)


def what_it_runs(council):
    return WHAT_IT_RUNS.get(council.tier, "")


@cache
def _descriptions(path):
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return {
                row["label"]: row["desc"]
                for row in csv.DictReader(handle)
                if row.get("label") and row.get("desc")
            }
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return {}


def descriptions():
    """Profile label → its description, from the file beside the profile labels."""
    return _descriptions(Path(settings.COUNCIL_PROFILE_CSV).with_name(DESCRIPTIONS_FILE))


def _sentence(text):
    text = text.strip().rstrip(".")
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def profile_rows(council):
    """(heading, words) for each part of the council's profile label that it has."""
    if not council.profile_label:
        return []
    label = parse_profile_label(council.profile_label)
    parts = [part.strip() for part in descriptions().get(council.profile_label, "").split(";")]
    emissions, deprivation, rurality = (parts + ["", "", ""])[:3]
    rows = []
    if label["rurality"]:
        rows.append(("Urban or rural", _sentence(rurality) or label["rurality"]))
    if label["deprivation_quintile"]:
        band = deprivation.removeprefix("in ").removesuffix("(20%)").strip()
        band = band.removesuffix("quintile").strip()
        words = f"In the {band} fifth of areas" if band else "Deprivation quintile"
        rows.append(
            (
                "Deprivation",
                f"{words} (Index of Multiple Deprivation, "
                f"{_ordinal(label['deprivation_quintile'])} quintile).",
            )
        )
    if label["emissions_profile"]:
        name = EMISSIONS_NAMES.get(label["emissions_profile"], label["emissions_profile"])
        text = _sentence(emissions)
        if name.casefold() not in text.casefold():
            text = f"{name}. {text}".strip()
        text = text if text.endswith(".") else f"{text}."
        rows.append(("Carbon emissions", text))
    return rows


def _ordinal(number):
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(number, f"{number}th")
