"""Other apps tell the council profile what a council has published and done, without
councils importing them.

A section provider is a callable(council) returning a list of sections ({"key", "heading",
"items", "empty"}), shown as lists of pages; "items" may be a queryset, as the profile shows
one page of it (?page-<key>=2). A section may add "summary": (label, counts), counts being
[(number, singular, plural)], for the summary at the top of the profile.

A record provider is a callable(council) returning a dict with a "template" to include (and
whatever that template reads), or None: it is shown first among the profile's sections.
"""

_providers = []
_record_providers = []


def register_provider(provider):
    if provider not in _providers:
        _providers.append(provider)


def register_record_provider(provider):
    if provider not in _record_providers:
        _record_providers.append(provider)


def sections_for(council):
    sections = []
    for provider in _providers:
        sections.extend(provider(council))
    return sections


def records_for(council):
    return [record for record in (provider(council) for provider in _record_providers) if record]


def _counted(counts):
    words = [
        f"{number} {singular if number == 1 else plural}"
        for number, singular, plural in counts
        if number
    ]
    if not words:
        return "None yet"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def summary_for(sections):
    """(label, words, anchor or None) for each section that has a summary, from its counts."""
    return [
        (
            section["summary"][0],
            _counted(section["summary"][1]),
            f"section-{number}" if any(n for n, _s, _p in section["summary"][1]) else None,
        )
        for number, section in enumerate(sections, start=1)
        if section.get("summary")
    ]
