"""Matching by problem: similar pages, councils facing similar problems, a pasted problem.

`core.Matcher` is the one place that turns an engine's candidate pages into similar pages
and council matches (normalised scores, theme weight, floor, lead and partners, diversity,
track record); `evidence` is what councils did together. The engines that answer it are in
`search/similarity/`. The other two kinds of matching live elsewhere: by name (council
look-up) in `councils/names.py` and the search page's council results, and by profile
("councils like mine") in `councils/peers.py`.
"""

from .core import FLOOR, MIN_SHARED_TERMS, THEME_WEIGHT, Hits, Like, Matcher

__all__ = ["FLOOR", "MIN_SHARED_TERMS", "THEME_WEIGHT", "Hits", "Like", "Matcher"]
