"""The one text analyser (search/analysis.py) and its data: splitting, stemming, stop words,
the thesaurus both ways, data errors, phrases, reasons, and the Elasticsearch settings built
from the same files.

Over 300 lines because it is mostly tables of words and the terms they must give.
"""

import pytest

from search import analysis
from search.analysis import Analyser, AnalysisDataError, read_stop_words, read_thesaurus
from search.similarity.base import CouncilMatch, SimilarItem, cited_terms
from search.text import highlight, query_terms, search_query

TA = analysis.concept_term("temporary accommodation")


class Page:
    def __init__(self, title, summary=""):
        self.title, self.summary = title, summary


def words(text):
    return [term for term in analysis.terms(text) if not term.startswith(analysis.CONCEPT)]


def concepts(text):
    return [term for term in analysis.terms(text) if term.startswith(analysis.CONCEPT)]


# Splitting and stemming ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("missed-bin", ["miss", "bin"]),
        ("open-source", ["open", "sourc"]),
        ("recycling/reuse", ["recycl", "reus"]),
        ("Bins BINS bins", ["bin", "bin", "bin"]),
        ("Café Ysbyty", ["café", "ysbyti"]),
    ],
)
def test_splits_lower_cases_and_stems(text, expected):
    assert words(text) == expected


def test_snowball_folds_inflections_together():
    assert (
        len(
            {
                analysis.word_stem(word)
                for word in ("collections", "collection", "collected", "collecting")
            }
        )
        == 1
    )
    assert analysis.word_stem("accommodation") == analysis.word_stem("accommodations")


def test_curly_apostrophes_possessives_and_plural_acronyms():
    assert words("the library’s opening") == words("the library's opening") == ["librari", "open"]
    assert words("HMOs") == words("HMO") == ["hmo"]


def test_numbers_and_single_letters_are_not_terms():
    assert words("2024 a b 106") == []


# Stop words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "small",
        "let",
        "instead",
        "writing",
        "written",
        "the",
        "council",
        "councils",
        "residents",
        "don't",
        "uses",
        "needed",
    ],
)
def test_stop_and_generic_words_are_dropped(word):
    assert analysis.terms(word) == []
    assert not analysis.is_distinctive(word)


@pytest.mark.parametrize("word", ["bins", "fire", "bill", "parking", "care", "housing"])
def test_subject_words_are_kept(word):
    assert analysis.is_distinctive(word)


def test_stop_list_file_is_lower_case_words(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("# a comment\nthe\n\nsmall  # generic\n")
    assert read_stop_words(path) == ["the", "small"]
    path.write_text("the\nTwo Words\n")
    with pytest.raises(AnalysisDataError, match="line 2: 'Two Words'"):
        read_stop_words(path)


# Thesaurus ------------------------------------------------------------------------------------


def all_groups():
    groups, _capitals = read_thesaurus()
    return groups


def test_thesaurus_is_a_curated_size():
    assert 30 <= len(all_groups()) <= 60


@pytest.mark.parametrize("group", all_groups(), ids=lambda group: group[0])
def test_every_entry_of_a_group_resolves_to_its_concept_and_back(group):
    concept = analysis.concept_term(group[0])
    for entry in group:
        assert concept in analysis.terms(f"We looked at {entry} last winter"), entry
        assert group[0] in analysis.default().concepts(entry)
    # ...and each wording finds every other one, in both directions.
    for first in group:
        for second in group:
            assert set(concepts(first)) & set(concepts(second)), (first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("B&B", "temporary accommodation"),
        ("bed and breakfast", "B&B"),
        ("bins", "refuse collection"),
        ("waste collection", "bins"),
        ("EHCP", "education, health and care plan"),
        ("SEND", "special educational needs"),
        ("fly-tipping", "illegal dumping"),
        ("HMO", "house in multiple occupation"),
        ("ASB", "antisocial behaviour"),
        ("CTR", "council tax reduction"),
        ("DFG", "disabled facilities grant"),
        ("EV", "electric vehicle"),
    ],
)
def test_the_issue_examples(first, second):
    assert set(concepts(first)) & set(concepts(second))


def test_phrases_match_only_as_phrases():
    assert TA in analysis.terms("families in temporary accommodation")
    assert TA not in analysis.terms("accommodation that is temporary")
    assert TA not in analysis.terms("a temporary fix; new accommodation")
    assert TA in analysis.terms("bed & breakfast")  # stop words and '&' do not break a phrase
    hmo = analysis.concept_term("HMO")
    assert hmo in analysis.terms("licensing houses of multiple occupation")


def test_an_everyday_word_acronym_counts_only_in_capitals():
    send = analysis.concept_term("SEND")
    assert send in analysis.terms("SEND pupils")
    assert send not in analysis.terms("we send letters")


def write_thesaurus(tmp_path, text):
    path = tmp_path / "thesaurus.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("groups: [oops", "not valid YAML"),
        ("- [bins, waste]", "needs a 'groups' list"),
        ("groups:\n  - [bins]", "group 1 .* needs two or more entries"),
        ("groups:\n  - [bins, waste]\n  - [potholes, 3]", "group 2 .*'potholes'.*3 is not a word"),
        ("groups:\n  - [bins, '--']", "group 1 .*'--' is not a word"),
        ("capitals_only: [send]\ngroups:\n  - [bins, waste]", "capitals_only"),
    ],
)
def test_malformed_thesaurus_names_the_group(tmp_path, text, message):
    with pytest.raises(AnalysisDataError, match=message):
        read_thesaurus(write_thesaurus(tmp_path, text))


def test_an_entry_in_two_groups_or_only_stop_words_is_an_error(tmp_path):
    with pytest.raises(AnalysisDataError, match="group 2 .*'Bins' is also in the group of 'bins'"):
        Analyser(["the"], [("bins", "waste collection"), ("litter", "Bins")])
    with pytest.raises(AnalysisDataError, match="group 1 .*'the' has only stop words"):
        Analyser(["the"], [("bins", "the")])


def test_the_shipped_data_loads():
    analyser = Analyser.from_files()
    assert "small" in analyser.stop_words
    assert analyser.labels[TA] == "temporary accommodation"


# Query expansion and highlighting -------------------------------------------------------------


def test_expansions_swap_a_phrase_for_each_equivalent():
    found = analysis.expansions("B&B for families")
    assert "temporary accommodation for families" in found
    assert "bed and breakfast for families" in found
    assert "B&B for families" not in found
    assert analysis.expansions("potato") == []
    assert len(analysis.expansions("B&B bins EHCP SEND HMO ASB fly-tipping " * 5)) <= 8


def test_search_query_asks_for_any_equivalent_wording():
    query = search_query("B B")  # what clean_query leaves of "B&B"
    texts = [sub.query_string for sub in query.subqueries]
    assert texts[0] == "B B"
    assert "temporary accommodation" in texts
    assert "bed breakfast" in texts  # operator words dropped, as clean_query does
    assert search_query("potato").query_string == "potato"


def test_highlight_marks_inflections_and_equivalents():
    html = highlight(
        "Families left bed and breakfast for temporary accommodation; missed-bin reports fell.",
        query_terms("B B bin"),
    )
    assert "<mark>temporary</mark> <mark>accommodation</mark>" in html
    assert "<mark>bed</mark>" in html
    assert "missed-<mark>bin</mark>" in html
    assert "<mark>Collections</mark>" in highlight("Collections moved", query_terms("collected"))


def test_highlight_escapes():
    assert "&lt;b&gt;" in highlight("<b>bins</b>", ["bin"])


# Reasons --------------------------------------------------------------------------------------


def test_reasons_show_real_words_not_stems():
    page = Page("Temporary accommodation for families", "Fewer nights in B&B; bins too")
    shown = cited_terms([TA, "temporari", "accommod", "bin", "famili"], [page])
    assert shown == ["temporary accommodation", "bins", "families"]


def test_single_words_of_a_phrase_are_shown_as_the_phrase():
    page = Page("Temporary accommodation for families")
    assert cited_terms(["accommod", "famili", "temporari"], [page]) == [
        "temporary accommodation",
        "families",
    ]
    assert cited_terms(["accommod", "famili"], [page]) == ["accommodation", "families"]


def test_reasons_never_cite_a_stop_or_generic_word():
    page = Page("A small change: let us write instead", "Small writing car let instead")
    assert cited_terms(["small", "let", "instead", "write", "writing", "the"], [page]) == []
    item = SimilarItem(page, 1.0, ["Waste"], ["small", "instead", "the"])
    assert item.reason == "Theme Waste"


def test_acronyms_keep_their_capitals_and_themes_theirs():
    page = Page("EHCP reviews on time", "SEND transport and EHCP reviews")
    item = SimilarItem(
        page,
        1.0,
        ["Children and young people"],
        [analysis.word_stem("EHCP"), analysis.word_stem("reviews")],
    )
    assert item.reason == "Theme Children and young people; both mention ‘EHCP’ and ‘reviews’"


def test_a_stem_no_text_explains_is_left_out():
    assert cited_terms(["zzyzxq"], [Page("Nothing")]) == []


def test_council_reasons_cite_each_term_once():
    pages = [Page("Bins collected", "Missed bins"), Page("Bin rounds", "bins")]
    match = CouncilMatch(
        None,
        1.0,
        [
            SimilarItem(pages[0], 1.0, [], ["bin", "miss"]),
            SimilarItem(pages[1], 1.0, [], ["bin", "round"]),
        ],
    )
    assert match.shared_terms == ["bins", "missed", "rounds"]


# Elasticsearch settings ------------------------------------------------------------------------


def test_elasticsearch_settings_come_from_the_same_data():
    settings = analysis.elasticsearch_settings()["settings"]["analysis"]
    stop = set(settings["filter"]["se_stop"]["stopwords"])
    assert stop == set(analysis.stop_words())
    assert {"small", "instead", "writing"} <= stop
    assert settings["filter"]["se_stem"] == {"type": "snowball", "language": "English"}
    for name in ("default", "default_search", analysis.TEXT_ANALYZER):
        analyzer = settings["analyzer"][name]
        assert analyzer["tokenizer"] == "standard"  # splits hyphens, slashes and '&'
        assert analyzer["filter"] == ["lowercase", "se_stop", "se_stem", "se_stop_stems"]
    assert "se_thesaurus" not in settings["filter"]


def test_elasticsearch_synonyms_are_the_thesaurus_in_solr_format():
    settings = analysis.elasticsearch_settings(synonyms=True)["settings"]["analysis"]
    rules = settings["filter"]["se_thesaurus"]["synonyms"]
    assert settings["filter"]["se_thesaurus"]["type"] == "synonym_graph"
    assert "temporary accommodation, b b, bed and breakfast, emergency accommodation" in rules
    assert "ehcp, education health and care plan, ehc plan" in rules
    assert not any("send" in rule.split(", ") for rule in rules)  # capitals only: not "send"
    assert len(rules) == len(all_groups())
    assert settings["analyzer"]["default_search"]["filter"][:2] == ["lowercase", "se_thesaurus"]
    assert "se_thesaurus" not in settings["analyzer"]["default"]["filter"]
