"""Other apps tell the council profile what a council has published, without councils
importing them: each provider is a callable(council) returning a list of sections."""

_providers = []


def register_provider(provider):
    if provider not in _providers:
        _providers.append(provider)


def sections_for(council):
    sections = []
    for provider in _providers:
        sections.extend(provider(council))
    return sections
