"""axe-core's WCAG 2.2 AA check of the page a test has loaded, as readable lines, for every
browser test."""

import json

from .conftest import AXE_JS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# A message fading in is measured half-transparent, so axe reports a contrast failure that no
# reader sees: short animations and transitions finish before the check. Long ones (Wagtail's
# 25-second badge ping, spinners) are decoration and are not waited for.
SETTLE_JS = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect && a.effect.getComputedTiming().endTime <= 2000)
  .map((a) => a.finished.catch(() => null)))"""

RUN_JS = """async ([context, tags]) => await axe.run(context || document,
  {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"""


def axe_violations(page, include=None, exclude=None):
    """Each violation as "axe id (impact): help [elements]". `include` and `exclude` are CSS
    selectors limiting the check."""
    page.evaluate(SETTLE_JS)
    # Evaluated through DevTools rather than as a <script> tag: the site's Content-Security-
    # Policy rightly refuses inline scripts, and the check must not weaken it.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    context = None
    if include or exclude:
        context = {}
        if include:
            context["include"] = [[selector] for selector in include]
        if exclude:
            context["exclude"] = [[selector] for selector in exclude]
    result = page.evaluate(RUN_JS, [context, AXE_TAGS])
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} elements: "
        + "; ".join(
            " ".join(t if isinstance(t, str) else json.dumps(t) for t in node["target"])
            for node in v["nodes"][:5]
        )
        + "]"
        for v in result["violations"]
    ]
