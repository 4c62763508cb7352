"""Every public page type, with the demo content, in a real browser: axe-core finds no WCAG
2.2 AA violation, each page has one h1 and labelled landmarks, the skip link works, focus is
visible and the GOV.UK Frontend styles load without the GOV.UK brand."""

import re

from django.urls import reverse

import pytest

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LessonIndexPage,
    LessonPage,
    ProjectIndexPage,
    ProjectPage,
    ThemeIndexPage,
    ThemePage,
)
from councils.models import Council
from home.models import StandardPage

from .axe import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOCUS_YELLOW = "rgb(255, 221, 0)"
REFLOW_WIDTH = 320

LANDMARK_PROBLEMS_JS = """() => {
  const problems = [];
  const nameOf = (el) => {
    const label = (el.getAttribute('aria-label') || '').trim();
    if (label) return label;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    return ids.map((id) => (document.getElementById(id) || {}).textContent || '')
      .join(' ').trim();
  };
  const one = (selector, what) => {
    const found = document.querySelectorAll(selector).length;
    if (found !== 1) problems.push(`expected one ${what}, found ${found}`);
  };
  one('body > header', 'banner (header)');
  one('main', 'main landmark');
  one('main#main-content', 'main with id main-content');
  one('body > footer', 'contentinfo (footer)');
  // Navigation and complementary landmarks are always labelled; any other landmark needs a
  // label when its role occurs more than once; labels of one role must differ.
  const selector = 'nav, aside, [role=search], [role=region], section[aria-label], ' +
    'section[aria-labelledby], form[aria-label], form[aria-labelledby]';
  const byRole = {};
  for (const el of document.querySelectorAll(selector)) {
    const role = el.getAttribute('role') || el.tagName.toLowerCase();
    (byRole[role] = byRole[role] || []).push(el);
  }
  for (const [role, elements] of Object.entries(byRole)) {
    const always = ['nav', 'aside', 'section', 'form', 'region'].includes(role);
    const names = new Set();
    for (const el of elements) {
      const name = nameOf(el);
      if (!name && (always || elements.length > 1)) {
        problems.push(`${role} without a label: ${el.outerHTML.slice(0, 100)}`);
      } else if (name && names.has(name)) {
        problems.push(`two ${role} landmarks labelled "${name}"`);
      }
      names.add(name);
    }
  }
  if (document.documentElement.lang !== 'en-GB') problems.push('html lang is not en-GB');
  if (!document.title.trim()) problems.push('empty title');
  return problems;
}"""


def _public_pages(live_server):
    """(name, path, expected status) for every public page type, from the demo content."""
    case_study = CaseStudyPage.objects.live().filter(outcomes__isnull=False).first()
    project = ProjectPage.objects.live().filter(progress_updates__isnull=False).first()
    lesson = LessonPage.objects.live().filter(sources__isnull=False).first()
    theme_page = ThemePage.objects.live().filter(featured_items__isnull=False).first()
    council = case_study.council
    welsh = Council.objects.current().filter(nation="Wales").first()
    directory = reverse("councils:directory")
    pages = [
        ("home page", "/"),
        ("case study index", CaseStudyIndexPage.objects.get().url),
        (
            "case study index, filtered",
            CaseStudyIndexPage.objects.get().url
            + f"?theme={case_study.theme_list[0].slug}&nation={council.nation}",
        ),
        ("case study index, page 2", CaseStudyIndexPage.objects.get().url + "?page=2"),
        ("lesson index", LessonIndexPage.objects.get().url),
        ("project index", ProjectIndexPage.objects.get().url),
        ("case study", case_study.url),
        ("lesson", lesson.url),
        ("project", project.url),
        ("theme index", ThemeIndexPage.objects.get().url),
        ("theme page", theme_page.url),
        ("theme page, filtered", theme_page.url + "?kind=case-study&kind=project"),
        ("standard page", StandardPage.objects.get(slug="accessibility").url),
        ("council directory", directory),
        (
            "council directory, filtered",
            f"{directory}?q=a&nation=Wales&council_type={welsh.council_type}&nation=Atlantis",
        ),
        ("council directory, no results", f"{directory}?q=zzzzzz"),
        ("council directory, by English region", f"{directory}?nation=England&region=London"),
        ("council profile", council.get_absolute_url()),
        (
            "council profile, nothing published",
            Council.objects.current()
            .filter(learning_pages__isnull=True)
            .order_by("short_name")
            .first()
            .get_absolute_url(),
        ),
        ("search results", reverse("search:search") + "?q=missed+bins"),
        (
            "search results, filtered and empty",
            reverse("search:search") + "?q=zzzzqqq&nation=Wales",
        ),
        ("councils facing a similar problem", reverse("search:similar_councils")),
        ("page not found", "/no-such-page/"),
    ]
    return [(name, live_server.url + path) for name, path in pages]


def _audit(page):
    """Every accessibility problem on the loaded page, as readable lines."""
    problems = axe_violations(page)
    h1_count = page.locator("h1").count()
    if h1_count != 1:
        problems.append(f"expected one h1, found {h1_count}")
    problems.extend(page.evaluate(LANDMARK_PROBLEMS_JS))
    # WCAG 1.4.10 Reflow, which axe does not check: nothing scrolls sideways at 320px.
    size = page.viewport_size
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    overflow = page.evaluate(
        "(limit) => [...document.querySelectorAll('body *')]"
        ".filter((el) => el.getBoundingClientRect().right > limit + 1)"
        ".slice(0, 3).map((el) => el.tagName.toLowerCase()"
        " + (el.classList.length ? '.' + el.classList[0] : ''))",
        REFLOW_WIDTH,
    )
    if overflow:
        problems.append(f"wider than {REFLOW_WIDTH}px: {', '.join(overflow)}")
    page.set_viewport_size(size)
    return problems


@pytest.mark.similarity  # the demo pages show their similar work and councils, as on the site
def test_every_public_page_type_passes_axe(demo_site, live_server, browser_page):
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    failures = []
    for name, url in _public_pages(live_server):
        errors.clear()
        response = browser_page.goto(url)
        expected = 404 if name == "page not found" else 200
        if response.status != expected:
            failures.append(f"{name} ({url}): status {response.status}, expected {expected}")
            continue
        if "default-src 'self'" not in (response.header_value("content-security-policy") or ""):
            failures.append(f"{name} ({url}): no Content-Security-Policy header")
        problems = _audit(browser_page)
        problems.extend(f"JavaScript error: {error}" for error in errors)
        failures.extend(f"{name} ({url}): {problem}" for problem in problems)
    assert not failures, "Accessibility problems:\n" + "\n".join(failures)


def test_skip_link_moves_focus_to_main_content(site, live_server, browser_page):
    browser_page.goto(live_server.url + "/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate(
        "() => ({cls: document.activeElement.className, text: document.activeElement.textContent,"
        " height: document.activeElement.getBoundingClientRect().height,"
        " background: getComputedStyle(document.activeElement).backgroundColor})"
    )
    assert "govuk-skip-link" in focused["cls"]
    assert focused["text"].strip() == "Skip to main content"
    assert focused["height"] > 10, "the skip link stays hidden when focused"
    assert focused["background"] == FOCUS_YELLOW

    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function("() => document.activeElement.id === 'main-content'")
    assert browser_page.evaluate("() => location.hash") == "#main-content"


def test_keyboard_focus_is_visible_on_links_and_buttons(site, live_server, browser_page):
    browser_page.goto(live_server.url + reverse("councils:directory"))
    seen = set()
    for _ in range(16):  # past the skip link, the service name and the navigation
        browser_page.keyboard.press("Tab")
        element = browser_page.evaluate(
            "() => { const el = document.activeElement; const style = getComputedStyle(el);"
            " return {tag: el.tagName, text: (el.textContent || el.name || '').trim(),"
            " background: style.backgroundColor, shadow: style.boxShadow,"
            " outline: style.outlineStyle}; }"
        )
        seen.add(element["tag"])
        visible = (
            element["background"] == FOCUS_YELLOW
            or element["shadow"] not in ("", "none")
            or element["outline"] not in ("", "none")
        )
        assert visible, f"no visible focus on {element}"
    assert {"A", "INPUT"} <= seen


def test_govuk_frontend_styles_load_without_the_govuk_brand(site, live_server, browser_page):
    font_requests = []
    browser_page.on(
        "request",
        lambda request: (
            font_requests.append(request.url) if request.resource_type == "font" else None
        ),
    )
    browser_page.goto(live_server.url + "/")
    styles = browser_page.evaluate(
        "() => { const heading = getComputedStyle(document.querySelector('h1'));"
        " const main = getComputedStyle(document.querySelector('main'));"
        " const width = getComputedStyle(document.querySelector('.govuk-width-container'));"
        " const header = getComputedStyle(document.querySelector('.govuk-generic-header'));"
        " return {font: heading.fontFamily, mainPadding: main.paddingTop,"
        " maxWidth: width.maxWidth, header: header.backgroundColor,"
        " js: document.body.classList.contains('govuk-frontend-supported')}; }"
    )
    assert styles["maxWidth"] == "960px", "GOV.UK Frontend's layout styles did not load"
    assert styles["mainPadding"] != "0px"
    assert styles["header"] == "rgb(11, 12, 12)"
    assert styles["font"].startswith("system-ui")
    assert "GDS Transport" not in styles["font"]
    assert styles["js"]
    assert font_requests == []
    html = browser_page.content()
    assert not re.search(r"govuk-(header__logo|footer__crown|footer__copyright-logo)", html)
    assert "Crown copyright" not in html
    footer = browser_page.locator("footer").inner_text()
    assert "Council register and profiles: mySociety, CC BY 4.0" in " ".join(footer.split())


def test_the_audit_reports_what_it_should(live_server, browser_page):
    """The checks above can fail: axe, h1, landmark and reflow problems are all reported."""
    browser_page.goto(live_server.url + "/no-such-page/")
    browser_page.evaluate(
        "() => { const main = document.querySelector('main');"
        " main.insertAdjacentHTML('beforeend', '<h1>Second</h1><img src=\"/x.png\">"
        '<nav><a href="/">Unlabelled</a></nav>\'); }'
    )
    problems = "\n".join(_audit(browser_page))
    assert "axe image-alt" in problems
    assert "expected one h1, found 2" in problems
    assert "nav without a label" in problems

    browser_page.evaluate(
        "() => { const p = document.createElement('p'); p.textContent = 'Too wide';"
        " p.style.width = '600px'; document.querySelector('main').append(p); }"
    )
    assert "wider than 320px: p" in "\n".join(_audit(browser_page))
