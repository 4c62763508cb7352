"""What councils did together, as evidence that they share a problem.

"We face this too" (shown), requests to join a project (open or accepted), partnerships on
live projects and reuses (shown) each count as one signal between two councils, with a
reason in plain words. Signals add a bounded bonus to a council's text score: PER_SIGNAL for
each distinct signal, at most MAX_SIGNALS of them, times SEARCH_SIGNAL_WEIGHT (1 by default,
0 turns signals off). A full bonus (0.18) is below a strong text score (0.3 and up) and one
signal (0.06) a fifth of one, so one click never outranks strong text evidence, and a council
with signals but no matching text ranks below the strong text matches.

Where the signals come from is registered: partnerships on projects are read here, the
records of joint work by the collaboration app (collaboration/evidence.py).
`with_signals(backend)` applies the blend to any similarity engine's council matches, so
both engines get it from one place; `peer_bonus` does the same for councils like mine.
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


def visible_pages():
    from casestudies.models import LearningPage

    return LearningPage.objects.live().public().values("pk")


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
    """source(council, visible) -> [Signal]: what council and each other council did
    together on the pages in visible (live and public), either way round, each signal keyed
    by the other council."""
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
    return _grouped(signals, exclude)


def _partnerships(council, visible):
    from casestudies.models import ProjectPage

    me = council.short_name
    projects = ProjectPage.objects.filter(pk__in=visible)
    led = (projects.filter(council=council, partner_councils__isnull=False)
           .values_list("pk", "title", "partner_councils", "partner_councils__short_name"))
    for page_id, title, partner, partner_name in led[:MAX_ROWS]:
        yield Signal(partner, ("project", page_id),
                     f"{partner_name} is a partner on {possessive(me)} ‘{title}’")
    joined = (projects.filter(partner_councils=council).exclude(council=council)
              .values_list("pk", "title", "council_id", "council__short_name"))
    for page_id, title, owner, owner_name in joined[:MAX_ROWS]:
        yield Signal(owner, ("project", page_id),
                     f"{me} is a partner on {possessive(owner_name)} ‘{title}’")


def between(council):
    """{other council id: [Signal]}: what `council` and each other council did together on
    live, public pages, either way round: partnerships on projects, and what the registered
    sources recorded."""
    visible = visible_pages()
    signals = list(_partnerships(council, visible))
    signals += [signal for source in _council_sources for signal in source(council, visible)]
    return _grouped(signals, exclude={council.pk})


def blend(matches, evidence, limit):
    """The council matches re-ranked by text score plus signal bonus, with councils that
    have signals but no matching text added, cut to `limit`."""
    from councils.models import Council

    from .similarity.base import CouncilMatch

    ranked = list(matches)
    order = {match.council.pk: index for index, match in enumerate(ranked)}
    for match in ranked:
        match.signals = evidence.get(match.council.pk, [])
        match.signal_bonus = bonus(match.signals)
    known = {match.council.pk for match in ranked}
    missing = [council_id for council_id in evidence if council_id not in known]
    if missing:
        councils = Council.objects.in_bulk(missing)
        for council_id in missing:
            if council_id in councils:
                signals = evidence[council_id]
                ranked.append(CouncilMatch(councils[council_id], 0.0, [], signals=signals,
                                           signal_bonus=bonus(signals)))
    # Ties keep the engine's order; councils known only from signals follow by name.
    ranked.sort(key=lambda match: (-match.total, order.get(match.council.pk, len(order)),
                                   match.council.short_name))
    result = type(matches)() if isinstance(matches, list) else []
    result.extend(ranked[:limit])
    return result


def _best_pages(matches, count=PAGES_WITH_SIGNALS):
    items = sorted((item for match in matches for item in match.items),
                   key=lambda item: -item.score)
    pages = []
    for item in items:
        if item.page.pk not in {page.pk for page in pages}:
            pages.append(item.page)
    return pages[:count]


class WithSignals:
    """A similarity engine whose council matches are blended with collaboration signals;
    everything else is the engine's own."""

    def __init__(self, engine):
        object.__setattr__(self, "engine", engine)

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def __setattr__(self, name, value):
        # The engine's own state (e.g. a benchmark dropping its cached snapshot) goes to the
        # engine; anything else, such as a test replacing a method, stays on the wrapper.
        if name in vars(self.engine):
            setattr(self.engine, name, value)
        else:
            object.__setattr__(self, name, value)

    def councils_for_text(self, text, limit=10):
        matches = self.engine.councils_for_text(text, limit=limit * 2)
        if not weight():
            return _cut(matches, limit)
        return blend(matches, on_pages(_best_pages(matches)), limit)

    def councils_for_page(self, page, limit=5):
        matches = self.engine.councils_for_page(page, limit=limit * 2)
        if not weight():
            return _cut(matches, limit)
        specific = page.specific
        exclude = {page.council_id}
        if hasattr(specific, "partner_councils"):
            exclude |= {partner.pk for partner in specific.partner_councils.all()}
        pages = [page] + [found for found in _best_pages(matches) if found.pk != page.pk]
        return blend(matches, on_pages(pages[:PAGES_WITH_SIGNALS], page, exclude),
                     limit)

    def councils_for_council(self, council, limit=5):
        matches = self.engine.councils_for_council(council, limit=limit * 2)
        if not weight():
            return _cut(matches, limit)
        return blend(matches, between(council), limit)


def _cut(matches, limit):
    result = type(matches)() if isinstance(matches, list) else []
    result.extend(list(matches)[:limit])
    return result


def with_signals(engine):
    return WithSignals(engine)


def peer_bonus(council):
    """{other council id: (distance to take off, [Signal])} for councils like mine."""
    if not weight():
        return {}
    return {other: (PEER_DISTANCE_PER_SIGNAL * count(signals) * weight(), signals)
            for other, signals in between(council).items()}
