"""What councils did together, as evidence that they share a problem (part of the matching
core: `search.matching.core` adds it to every engine's council matches).

"We face this too" (shown), requests to join a project (open or accepted), partnerships on
live projects and reuses (shown) each count as one signal between two councils, with a
reason in plain words. Signals add a bounded bonus to a council's text score: PER_SIGNAL for
each distinct signal, at most MAX_SIGNALS of them, times SEARCH_SIGNAL_WEIGHT (1 by default,
0 turns signals off). A full bonus (0.18) is below a strong text score (0.3 and up) and one
signal (0.06) a fifth of one, so one click never outranks strong text evidence, and a council
with signals but no matching text ranks below the strong text matches.

Where the signals come from is registered: partnerships on projects and the collaboration
graph (councils that partnered with the council that published a matching page) are read
here, the records of joint work by the collaboration app (collaboration/evidence.py).
`peer_bonus` is registered with councils like mine (councils/peers.py).
"""

from dataclasses import dataclass

from django.conf import settings

PER_SIGNAL = 0.06
MAX_SIGNALS = 3
# Councils like mine are ranked by profile distance (0 for identical, 2 or more for councils
# of another type); each signal takes off this much, at most MAX_SIGNALS times.
PEER_DISTANCE_PER_SIGNAL = 0.25
MAX_ROWS = 200  # records read per kind of signal: enough to rank, bounded whatever the data
PAGES_WITH_SIGNALS = 5  # best-matching pages whose records count, for a page or a text


@dataclass(frozen=True)
class Signal:
    council_id: int
    key: tuple  # what makes two signals the same one: a kind and a page
    reason: str


def weight():
    return float(getattr(settings, "SEARCH_SIGNAL_WEIGHT", 1.0))


def distinct(signals):
    seen, kept = set(), []
    for signal in signals:
        if signal.key not in seen:
            seen.add(signal.key)
            kept.append(signal)
    return kept


def count(signals):
    return min(len(distinct(signals)), MAX_SIGNALS)


def bonus(signals):
    return round(PER_SIGNAL * count(signals) * weight(), 4)


def possessive(name):
    return f"{name}’" if name.endswith("s") else f"{name}’s"


# The apps that record joint work register where their signals come from (collaboration
# registers its records in its AppConfig.ready), so this module imports none of them.
_page_sources = []
_council_sources = []


def register_page_evidence(source):
    """source(titles, about) -> [Signal]: councils that acted on the pages whose titles are
    {page id: title}; about(page id) names a page in a reason."""
    if source not in _page_sources:
        _page_sources.append(source)


def register_council_evidence(source):
    """source(council) -> [Signal]: what council and each other council did together on
    live, public pages, either way round, each signal keyed by the other council."""
    if source not in _council_sources:
        _council_sources.append(source)


def _grouped(signals, exclude=()):
    by_council = {}
    for signal in signals:
        if signal.council_id not in exclude:
            by_council.setdefault(signal.council_id, []).append(signal)
    return {council_id: distinct(found) for council_id, found in by_council.items()}


def on_pages(pages, this_page=None, exclude=()):
    """{council id: [Signal]} from what councils did on `pages` (live, public pages)."""
    if not pages:
        return {}
    titles = {page.pk: page.title for page in pages}

    def about(page_id):
        if this_page is not None and page_id == this_page.pk:
            return "this"
        return f"‘{titles[page_id]}’"

    signals = [signal for source in _page_sources for signal in source(titles, about)]
    signals += _graph(pages)
    return _grouped(signals, exclude)


def _graph(pages):
    """Councils that partnered on a live project with the council that published one of
    `pages`: the collaboration graph, one signal per project. It only adds to councils
    matched on other evidence (see `alone`)."""
    from casestudies.models import ProjectPage

    leads = {page.council_id: page.council.short_name for page in pages}
    projects = ProjectPage.objects.live().public().filter(council__in=list(leads))
    rows = (
        projects.filter(partners__isnull=False)
        .order_by("pk")
        .values_list(
            "pk", "title", "council_id", "partners__council", "partners__council__short_name"
        )[:MAX_ROWS]
    )
    return [
        Signal(
            partner,
            ("graph", page_id),
            f"{name} is a partner on {possessive(leads[lead])} ‘{title}’",
        )
        for page_id, title, lead, partner, name in rows
    ]


def alone(signals):
    """True if these signals cannot bring a council into a list on their own."""
    return all(signal.key[0] == "graph" for signal in signals)


def _partnerships(council):
    from casestudies.models import ProjectPage

    me = council.short_name
    projects = ProjectPage.objects.live().public()
    led = projects.filter(council=council, partners__isnull=False).values_list(
        "pk", "title", "partners__council", "partners__council__short_name"
    )
    for page_id, title, partner, partner_name in led[:MAX_ROWS]:
        yield Signal(
            partner,
            ("project", page_id),
            f"{partner_name} is a partner on {possessive(me)} ‘{title}’",
        )
    joined = (
        projects.filter(partners__council=council)
        .exclude(council=council)
        .values_list("pk", "title", "council_id", "council__short_name")
    )
    for page_id, title, owner, owner_name in joined[:MAX_ROWS]:
        yield Signal(
            owner, ("project", page_id), f"{me} is a partner on {possessive(owner_name)} ‘{title}’"
        )


def between(council):
    """{other council id: [Signal]}: what `council` and each other council did together on
    live, public pages, either way round: partnerships on projects, and what the registered
    sources recorded."""
    signals = list(_partnerships(council))
    signals += [signal for source in _council_sources for signal in source(council)]
    return _grouped(signals, exclude={council.pk})


def peer_bonus(council):
    """{other council id: (distance to take off, [Signal])} for councils like mine."""
    if not weight():
        return {}
    return {
        other: (
            PEER_DISTANCE_PER_SIGNAL * count(signals) * weight(),
            [signal.reason for signal in signals],
        )
        for other, signals in between(council).items()
    }
