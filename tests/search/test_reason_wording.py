"""Reasons read as one voice: plurals right, no "matching item", names keep their capitals."""

from search.similarity.base import CouncilMatch, SimilarItem


def item(themes=(), terms=()):
    return SimilarItem(page=None, score=1.0, shared_themes=list(themes), shared_terms=list(terms))


def test_one_page_one_theme_one_word():
    match = CouncilMatch(council=None, score=1.0, items=[item(["Waste"], ["bins"])])
    assert match.reason == "1 similar page; theme Waste; both mention ‘bins’"


def test_plurals():
    match = CouncilMatch(
        council=None, score=1.0, items=[item(["Waste"], ["bins"]), item(["Housing"], ["rounds"])]
    )
    assert match.reason == (
        "2 similar pages; themes Waste and Housing; both mention ‘bins’ and ‘rounds’"
    )
    assert "matching" not in match.reason


def test_a_page_reason_keeps_theme_names_capitalised():
    assert item(["Highways and transport"]).reason == "Theme Highways and transport"
