"""How a council is named on the site, stated once.

The display name is the council's `short_name`: the register's nice-name, except where
DISPLAY_NAMES gives the council's own spelling. The register's spelling then stays among the
alternative names, so searches for it still find the council.

The register's alt-names column separates names with a bare comma (names such as
"Bristol, City of" contain a comma and a space); it also holds lower-case copies that exist
only for matching searches. The names shown to people are the capitalised ones, each once,
compared without case, punctuation, word order or words such as "city of" and "council".
"""

import re
import unicodedata

# Register code → the council's own name, where the register's nice-name spells it otherwise.
DISPLAY_NAMES = {
    # The council calls itself "Rhondda Cynon Taf" (its official name is "Rhondda Cynon Taf
    # County Borough Council"); the register's nice-name is "Rhondda Cynon Taff".
    "RCT": "Rhondda Cynon Taf",
}

_REGISTER_SEPARATOR = re.compile(r",(?! )")
_ANY_COMMA = re.compile(",")
_WORD = re.compile(r"\w+")
# Words that do not tell two names of one council apart.
_NOISE_WORDS = {"ua", "the", "city", "county", "of", "council", "district", "borough"}
# The register's abbreviations at the end of a name, in words.
_SUFFIXES = {
    " UA": "",
    " CA": " Combined Authority",
    " CCA": " Combined County Authority",
    " MCA": " Mayoral Combined Authority",
}


def display_name(code, nice_name):
    return DISPLAY_NAMES.get(code, nice_name)


def split_alt_names(text):
    """The names in an alt-names value. Text typed by hand ("A, B") splits at every comma."""
    separator = _REGISTER_SEPARATOR if _REGISTER_SEPARATOR.search(text) else _ANY_COMMA
    return [part.strip() for part in separator.split(text) if part.strip()]


def spell_out(name):
    """'Southend UA' → 'Southend'; 'Tees Valley CA' → 'Tees Valley Combined Authority'."""
    for suffix, words in _SUFFIXES.items():
        if name.endswith(suffix):
            return name.removesuffix(suffix) + words
    return name


def name_key(name):
    """What two spellings of one name share: 'Bristol, City of' and 'city of Bristol' match,
    as do 'Epsom & Ewell' and 'Epsom and Ewell'."""
    text = unicodedata.normalize("NFKC", spell_out(name)).casefold()
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    return tuple(sorted(word for word in _WORD.findall(text) if word not in _NOISE_WORDS))


def other_names(council):
    """The council's alternative names as people write them, without repeats or its own names."""
    seen = {name_key(council.short_name), name_key(council.official_name), ()}
    names = []
    for name in split_alt_names(council.alt_names):
        if name == name.lower():
            continue
        name = spell_out(name)
        key = name_key(name)
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names
