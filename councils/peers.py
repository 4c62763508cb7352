"""Matching by profile: peer councils ("councils like mine") from the register's fields.

A council's distance to another adds up differences in type and tier, nation, population
and density (on a log scale, so 90,000 and 110,000 are close), deprivation quintile and
rurality. No content is involved, so a council that has published nothing has peers too.
Working together brings a council a little closer: apps above this one register a source
of that evidence (`register_closeness`; search.matching registers what councils did
together), so this module imports none of them.
"""

import math
from dataclasses import dataclass, field

from django.utils.text import capfirst

from .models import Council, Tier

PROFILE_FIELDS = (
    "pk",
    "slug",
    "short_name",
    "council_type",
    "council_type_name",
    "tier",
    "nation",
    "region",
    "population",
    "area_km2",
    "deprivation_quintile",
    "rurality",
)


@dataclass
class PeerCouncil:
    council: Council
    distance: float
    reasons: list = field(default_factory=list)

    @property
    def reason(self):
        return capfirst("; ".join(self.reasons)) if self.reasons else ""


_closeness = []


def register_closeness(source):
    """source(council) -> {other council id: (distance to take off, [reason])}."""
    if source not in _closeness:
        _closeness.append(source)


def _together(council):
    found = {}
    for source in _closeness:
        for other, (closer, reasons) in source(council).items():
            before, earlier = found.get(other, (0.0, []))
            found[other] = (before + closer, earlier + list(reasons))
    return found


def _log(value):
    return math.log10(value) if value and value > 0 else None


def _profile(values):
    profile = dict(zip(PROFILE_FIELDS, values, strict=True))
    density = None
    if profile["population"] and profile["area_km2"]:
        density = profile["population"] / profile["area_km2"]
    profile["log_population"] = _log(profile["population"])
    profile["log_density"] = _log(density)
    return profile


def _distance(me, other):
    distance, reasons = 0.0, []
    if me["council_type"] == other["council_type"]:
        reasons.append(f"also a {other['council_type_name'].lower()}")
    elif me["tier"] and me["tier"] == other["tier"]:
        distance += 0.5
        reasons.append("same tier")
    else:
        distance += 2.0
    if me["nation"] == other["nation"]:
        reasons.append(f"in {other['nation']}")
    else:
        distance += 1.0
    for key, weight, words in (
        ("log_population", 2.0, "population"),
        ("log_density", 1.0, "density"),
    ):
        if me[key] is None or other[key] is None:
            distance += weight * 0.5
            continue
        gap = abs(me[key] - other[key])
        distance += weight * gap
        if gap < 0.1:
            reasons.append(f"similar {words}")
    if me["deprivation_quintile"] and other["deprivation_quintile"]:
        gap = abs(me["deprivation_quintile"] - other["deprivation_quintile"])
        distance += 0.25 * gap
        if gap == 0:
            reasons.append("same deprivation quintile")
    else:
        distance += 0.25
    if me["rurality"] and me["rurality"] == other["rurality"]:
        reasons.append(f"also {other['rurality'].lower()}")
    else:
        distance += 0.5
    return distance, reasons


def peer_councils(council, limit=10):
    """The `limit` current councils most like `council`, closest first: two queries."""
    rows = [
        _profile(values)
        for values in Council.objects.current()
        .exclude(tier=Tier.COMBINED)
        .values_list(*PROFILE_FIELDS)
    ]
    me = _profile([getattr(council, name) for name in PROFILE_FIELDS])
    together = _together(council)
    scored = []
    for other in rows:
        if other["pk"] == council.pk:
            continue
        distance, reasons = _distance(me, other)
        if other["pk"] in together:
            closer, shared = together[other["pk"]]
            distance = max(distance - closer, 0.0)
            reasons = shared[:2] + reasons
        scored.append((distance, other["short_name"], other["pk"], reasons))
    scored.sort()
    top = scored[:limit]
    councils = Council.objects.in_bulk([pk for _d, _n, pk, _r in top])
    return [
        PeerCouncil(councils[pk], round(distance, 3), reasons)
        for distance, _name, pk, reasons in top
        if pk in councils
    ]


def peer_slugs(council, limit=20):
    return {peer.council.slug for peer in peer_councils(council, limit)}
