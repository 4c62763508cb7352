"""Form data the Wagtail page editor posts, built the way the editor's JavaScript builds it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def partners_data(*names):
    """The partner councils' inline panel, naming each council as its chooser posts it."""
    return inline_formset([{"council": name, "role": ""} for name in names])


def case_study_form_data(page, **changes):
    """Everything the case study edit form posts, from the page's current values."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "council": page.council_id,
        "themes": [t.pk for t in page.themes.all()],
        "tags": "",
        "partners": partners_data(*(c.short_name for c in page.partner_councils())),
        "started_on": page.started_on.isoformat() if page.started_on else "",
        "finished_on": page.finished_on.isoformat() if page.finished_on else "",
        "problem": rich_text(page.problem or "<p>The problem.</p>"),
        "what_we_did": rich_text(page.what_we_did or "<p>What we did.</p>"),
        "outcomes": streamfield([]),
        "cost_band": page.cost_band,
        "cost_detail": page.cost_detail,
        "do_differently": rich_text(page.do_differently or ""),
        "outputs": streamfield([]),
        "contact_name": page.contact_name,
        "contact_role": page.contact_role,
        "contact_email": page.contact_email,
        "listing_summary": page.listing_summary,
        "last_reviewed": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data["contact_is_public"] = "yes" if page.contact_is_public else "no"
    data.update(changes)
    themes = data.pop("themes")
    posted = nested_form_data(data)
    if themes:
        posted["themes"] = themes
    return posted
