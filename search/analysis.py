"""The one text analyser: how search, similarity, highlighting and reasons read a text.

A text becomes terms: words split at anything but letters, digits and apostrophes
("missed-bin" → missed, bin; "B&B" → b, b), lower-cased, stemmed with the Snowball English
stemmer, stop words dropped (`data/stop_words.txt`), and for each phrase of the thesaurus
(`data/thesaurus.yaml`) the text contains, one concept term added ("~temporary-accommodation"),
so pages that use different words for one thing share a term. Elasticsearch is configured
from the same two files (`elasticsearch_settings`).

Speed: stems are cached per word and phrases are looked up by their first stem. The demo
content (demo/content, 15,200 words) takes 46 ms once its words are cached, 3 µs a word, and
0.3 s the first time (Snowball stems each distinct word once); loading the data takes 0.1 s.

Over 300 lines: the reading of the two data files, the analyser and the Elasticsearch settings
built from the same data are one definition of how text is read, kept together so that the
engines cannot drift apart.
"""

import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer
import yaml

DATA = Path(__file__).resolve().parent / "data"
STOP_WORDS_FILE = DATA / "stop_words.txt"
THESAURUS_FILE = DATA / "thesaurus.yaml"
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
CONCEPT = "~"
MIN_LENGTH = 2  # shorter words only take part in phrases ("B&B")
MIN_DISTINCTIVE = 3  # shorter terms never make a reason
SEEN_LIMIT = 200_000

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word):
    """The Snowball English stem of a lower-case word."""
    return _stemmer.stemWord(word)


class AnalysisDataError(ValueError):
    """The stop list or the thesaurus is malformed; the message names the line or group."""


def concept_term(label):
    return CONCEPT + "-".join(WORD.findall(label.lower().translate(APOSTROPHES)))


def _commonest_lower_first(item):
    spelling, count = item
    return -count, spelling != spelling.lower(), spelling


def _is_acronym(word):
    return len(word) >= 2 and word.isupper()


def read_stop_words(path=STOP_WORDS_FILE):
    words = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        if word != word.lower() or not WORD.fullmatch(word.translate(APOSTROPHES)):
            raise AnalysisDataError(
                f"{Path(path).name} line {number}: {word!r} is not one lower-case word"
            )
        words.append(word.translate(APOSTROPHES))
    return words


def read_thesaurus(path=THESAURUS_FILE):
    """(groups, capitals_only) from the thesaurus file, checked."""
    name = Path(path).name
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise AnalysisDataError(f"{name} is not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise AnalysisDataError(f"{name} needs a 'groups' list")
    capitals_only = data.get("capitals_only") or []
    if not isinstance(capitals_only, list) or not all(
        isinstance(word, str) and _is_acronym(word) for word in capitals_only
    ):
        raise AnalysisDataError(f"{name}: 'capitals_only' must list words in capitals")
    groups = []
    for number, group in enumerate(data["groups"], 1):
        where = f"{name} group {number}"
        if not isinstance(group, list) or len(group) < 2:
            raise AnalysisDataError(f"{where} ({group!r}) needs two or more entries")
        for entry in group:
            if not isinstance(entry, str) or not WORD.search(entry):
                raise AnalysisDataError(f"{where} ({group[0]!r}): {entry!r} is not a word")
        groups.append(tuple(" ".join(entry.split()) for entry in group))
    return groups, capitals_only


class Analyser:
    """Terms of texts, with a stop list and a thesaurus (see the module docstring)."""

    def __init__(self, stop_words, groups=(), capitals_only=()):
        self.stop_words = frozenset(stop_words)
        self.stop_stems = frozenset(stem(word) for word in self.stop_words)
        self.capitals_only = frozenset(word.lower() for word in capitals_only)
        self.groups = [tuple(group) for group in groups]
        self._word = lru_cache(maxsize=200_000)(self._analyse_word)
        self._seen = {}  # stem -> a word it came from, for reasons
        self.labels, self.members = {}, {}  # concept -> label; concept -> stems of its words
        self.wordings = {}  # concept -> the stems of each of its entries
        self._phrases = {}  # first stem -> [(stems, concept, words needing capitals)]
        owner = {}
        for number, group in enumerate(self.groups, 1):
            concept = concept_term(group[0])
            if concept in self.labels:
                raise AnalysisDataError(
                    f"thesaurus group {number} ({group[0]!r}) repeats another group's first entry"
                )
            self.labels[concept] = group[0]
            self.members[concept] = set()
            self.wordings[concept] = []
            for entry in group:
                keys, capitals = self._phrase(entry)
                if not keys:
                    raise AnalysisDataError(
                        f"thesaurus group {number} ({group[0]!r}): {entry!r} has only stop words"
                    )
                if owner.get(keys, concept) != concept:
                    raise AnalysisDataError(
                        f"thesaurus group {number} ({group[0]!r}): {entry!r} is also in "
                        f"the group of {self.labels[owner[keys]]!r}"
                    )
                if keys in owner:
                    continue
                owner[keys] = concept
                self.members[concept].update(keys)
                self.wordings[concept].append(keys)
                self._phrases.setdefault(keys[0], []).append((list(keys), concept, capitals))
        for candidates in self._phrases.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))

    @classmethod
    def from_files(cls, stop_words=STOP_WORDS_FILE, thesaurus=THESAURUS_FILE):
        groups, capitals_only = read_thesaurus(thesaurus)
        return cls(read_stop_words(stop_words), groups, capitals_only)

    # Words ----------------------------------------------------------------------------------

    def _analyse_word(self, raw, record=True):
        """(stem for phrase matching or None for a stop word, term or None) of one word of a
        text; `record` keeps it as a spelling reasons can show."""
        lower = raw.lower()
        if len(raw) > 2 and raw.endswith("s") and raw[:-1].isupper():
            lower = lower[:-1]  # "HMOs" is the plural of "HMO"
        if lower in self.stop_words:
            return None, None
        key = stem(lower)
        if key in self.stop_stems:
            return None, None
        if len(key) < MIN_LENGTH or key.isdigit():
            return key, None
        if record and len(self._seen) < SEEN_LIMIT:
            self._seen.setdefault(key, raw if _is_acronym(raw) else lower.removesuffix("'s"))
        return key, key

    def _words(self, text):
        """[(stem, term, word as written, start, end)] of the words that are not stop words."""
        found = []
        for match in WORD.finditer((text or "").translate(APOSTROPHES)):
            key, term = self._word(match.group())
            if key is not None:
                found.append((key, term, match.group(), match.start(), match.end()))
        return found

    def _phrase(self, entry):
        words = self._words(entry)
        keys = tuple(key for key, *_rest in words)
        capitals = tuple(
            offset
            for offset, (_k, _t, raw, *_s) in enumerate(words)
            if raw.lower() in self.capitals_only
        )
        return keys, capitals

    def _matches(self, keys, raws):
        """[(first word, word count, concept)] of the thesaurus phrases in a word sequence."""
        found = []
        for index, key in enumerate(keys):
            for phrase, concept, capitals in self._phrases.get(key, ()):
                end = index + len(phrase)
                if keys[index:end] == phrase and all(
                    raws[index + offset].isupper() for offset in capitals
                ):
                    found.append((index, len(phrase), concept))
                    break
        return found

    # Public API -----------------------------------------------------------------------------

    def terms(self, text):
        """The terms of a text: stems of its words that are not stop words, then a concept
        term for each thesaurus phrase in it."""
        terms, keys, raws = [], [], []
        word = self._word
        for raw in WORD.findall((text or "").translate(APOSTROPHES)):
            key, term = word(raw)
            if key is None:
                continue
            if term:
                terms.append(term)
            keys.append(key)
            raws.append(raw)
        if self._phrases:
            terms.extend(concept for _i, _n, concept in self._matches(keys, raws))
        return terms

    def concepts(self, text):
        """Labels of the thesaurus groups a text mentions."""
        words = self._words(text)
        matches = self._matches([w[0] for w in words], [w[2] for w in words])
        return list(dict.fromkeys(self.labels[concept] for _i, _n, concept in matches))

    def surface_forms(self, text):
        """{term: the word a reader would recognise} for the terms of a text: its commonest
        spelling there, lower case unless written as an acronym; a concept's group label."""
        counts = {}
        words = self._words(text)
        for _key, term, raw, _start, _end in words:
            if term:
                shown = raw if _is_acronym(raw) else raw.lower().removesuffix("'s")
                counts.setdefault(term, Counter())[shown] += 1
        forms = {
            term: min(counter.items(), key=_commonest_lower_first)[0]
            for term, counter in counts.items()
        }
        for _i, _n, concept in self._matches([w[0] for w in words], [w[2] for w in words]):
            forms[concept] = self.labels[concept]
        return forms

    def is_distinctive(self, term):
        """Whether a term (a stem, a concept or a word) may be cited as a reason."""
        if term.startswith(CONCEPT):
            return term in self.labels
        _key, analysed = self._analyse_word(term, record=False)
        return bool(analysed) and len(analysed) >= MIN_DISTINCTIVE

    def shown_terms(self, terms, texts=(), limit=3):
        """Up to `limit` of `terms` (best first) as a reason shows them: distinctive only, in
        real words from `texts` (or as the group label for a concept), each once, never a
        bare stem; words a shown concept already covers are left out."""
        forms = {}
        for text in texts:
            for term, form in self.surface_forms(text).items():
                forms.setdefault(term, form)
        terms = self._with_phrases(list(terms), forms)
        covered = set()
        for term in terms:
            covered |= self.members.get(term, set())
        shown, lowered = [], set()
        for term in terms:
            if len(shown) == limit:
                break
            if not term or not self.is_distinctive(term):
                continue
            if term in self.labels:
                display = self.labels[term]
            else:
                analysed = self._analyse_word(term, record=False)[1]
                if analysed in covered:
                    continue
                display = forms.get(analysed) or (
                    term
                    if analysed != term  # already a word, not a stem
                    else self._seen.get(analysed)
                )
                if display is None:
                    continue
            if display.lower() not in lowered:
                lowered.add(display.lower())
                shown.append(display)
        return shown

    def _with_phrases(self, terms, forms):
        """`terms` with a concept the texts name put before the first of its words, when the
        terms hold all the words of one of its wordings (an engine that reports single words
        then reads 'temporary accommodation', not 'temporary' and 'accommodation')."""
        for concept in [term for term in forms if term.startswith(CONCEPT)]:
            stems = {}
            for index, term in enumerate(terms):
                if term and not term.startswith(CONCEPT):
                    stems.setdefault(self._analyse_word(term, record=False)[1], index)
            for keys in self.wordings.get(concept, ()):
                if concept not in terms and len(keys) > 1 and all(k in stems for k in keys):
                    terms.insert(min(stems[key] for key in keys), concept)
        return terms

    def expansions(self, text, limit=8):
        """`text` with one thesaurus phrase at a time swapped for each of its equivalents."""
        words = self._words(text)
        matches = self._matches([w[0] for w in words], [w[2] for w in words])
        found = []
        for index, count, concept in matches:
            start, end = words[index][3], words[index + count - 1][4]
            said = [w[0] for w in words[index : index + count]]
            group = self.groups[list(self.labels).index(concept)]
            for entry in group:
                if list(self._phrase(entry)[0]) != said:
                    alternative = f"{text[:start]}{entry}{text[end:]}"
                    if alternative not in found:
                        found.append(alternative)
                if len(found) >= limit:
                    return found
        return found

    def with_equivalents(self, text):
        """`text` followed by the wordings of the thesaurus groups it names, for engines
        that match words only (Elasticsearch's more-like-this)."""
        words = self._words(text)
        matches = self._matches([w[0] for w in words], [w[2] for w in words])
        concepts = list(dict.fromkeys(concept for _i, _n, concept in matches))
        if not concepts:
            return text
        groups = list(self.labels)
        extra = [entry for concept in concepts for entry in self.groups[groups.index(concept)]]
        return text + "\n" + ". ".join(extra)

    # Elasticsearch --------------------------------------------------------------------------

    def synonym_rules(self):
        """Solr-format rules ("b b, bed and breakfast, temporary accommodation"), one a
        group. Words listed as capitals only are left out: Elasticsearch lower-cases first."""
        rules = []
        for group in self.groups:
            entries = [
                " ".join(WORD.findall(entry.lower().translate(APOSTROPHES))) for entry in group
            ]
            entries = [
                entry
                for entry in dict.fromkeys(entries)
                if not set(entry.split()) & self.capitals_only
            ]
            if len(entries) > 1:
                rules.append(", ".join(entries))
        return rules


@cache
def default():
    """The site's analyser, from the data files."""
    return Analyser.from_files()


def terms(text):
    return default().terms(text)


def surface_forms(text):
    return default().surface_forms(text)


def is_distinctive(term):
    return default().is_distinctive(term)


def shown_terms(terms, texts=(), limit=3):
    return default().shown_terms(terms, texts, limit)


def expansions(text, limit=8):
    return default().expansions(text, limit)


def with_equivalents(text):
    return default().with_equivalents(text)


def word_stem(word):
    """The stem of one word, or None for a stop word."""
    return default()._analyse_word(word, record=False)[0]


def stop_words():
    return default().stop_words


TEXT_ANALYZER = "se_text"
SEARCH_ANALYZER = "se_search"


def elasticsearch_settings(analyser=None, synonyms=False):
    """Index settings for Wagtail's Elasticsearch backend (`INDEX_SETTINGS`): the analysis of
    `terms`, from the same files, made the default for every text field that names no
    analyser. The standard tokenizer splits words as `WORD` does (hyphens, slashes, "&").

    The thesaurus reaches Elasticsearch through the query (`search.text.search_query`), as on
    the database. `synonyms=True` also puts it in the search analyser as a `synonym_graph`
    filter, for a full Elasticsearch: the CI engine (.ci/search-engine) lacks the
    analysis-common module that provides it, and word_delimiter_graph."""
    analyser = analyser or default()
    words = ["lowercase", "se_stop", "se_stem", "se_stop_stems"]
    search = list(words)
    filters = {
        "se_stop": {"type": "stop", "stopwords": sorted(analyser.stop_words)},
        "se_stem": {"type": "snowball", "language": "English"},
        "se_stop_stems": {"type": "stop", "stopwords": sorted(analyser.stop_stems)},
    }
    if synonyms:
        filters["se_thesaurus"] = {"type": "synonym_graph", "synonyms": analyser.synonym_rules()}
        search = ["lowercase", "se_thesaurus", *words[1:]]

    def analyzer(chain):
        return {"type": "custom", "tokenizer": "standard", "filter": chain}

    return {
        "settings": {
            "analysis": {
                "filter": filters,
                "analyzer": {
                    TEXT_ANALYZER: analyzer(words),
                    SEARCH_ANALYZER: analyzer(search),
                    "default": analyzer(words),
                    "default_search": analyzer(search),
                },
            }
        }
    }
