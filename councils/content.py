"""Other apps tell the council profile what a council has published and done, without
councils importing them.

A section provider is a callable(council) returning a list of sections ({"heading", "items",
"empty"}), shown as lists of pages. A record provider is a callable(council) returning a
dict with a "template" to include (and whatever that template reads), or None: it is shown
first among the profile's sections.
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
    return [record for record in (provider(council) for provider in _record_providers)
            if record]
