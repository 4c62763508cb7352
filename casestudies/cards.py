"""What a listing card shows beyond the title: the cost band and a headline outcome.

Both come from the specific page's table; `with_card_facts` joins them into the listing's own
query and `attach_card_facts` reads them for a list of pages in one query, so a card never
needs a query of its own.
"""

from django.db.models import CharField, ExpressionWrapper, F, JSONField, Value
from django.db.models.functions import Coalesce, NullIf

from .choices import BudgetBand

COST_LABELS = dict(BudgetBand.choices)


def _paths(model):
    """Where the cost band and outcomes live, seen from a queryset of `model`."""
    from .models import CaseStudyPage, LearningPage, ProjectPage

    if model is LearningPage:
        return (["casestudypage__cost_band", "projectpage__budget_band"], "casestudypage__outcomes")
    if issubclass(model, CaseStudyPage):
        return ["cost_band"], "outcomes"
    if issubclass(model, ProjectPage):
        return ["budget_band"], None
    return [], None


def with_card_facts(queryset):
    costs, outcomes = _paths(queryset.model)
    bands = [NullIf(F(path), Value("")) for path in costs]
    return queryset.annotate(
        card_cost_band=(Coalesce(*bands) if len(bands) > 1 else bands[0])
        if bands
        else Value(None, output_field=CharField()),
        card_outcomes=ExpressionWrapper(F(outcomes), output_field=JSONField())
        if outcomes
        else Value(None, output_field=JSONField()),
    )


def attach_card_facts(items):
    """Set the card facts on pages that did not come from `with_card_facts` (search results)."""
    from .models import LearningPage

    missing = [item for item in items if not hasattr(item, "card_cost_band")]
    if not missing:
        return items
    rows = with_card_facts(LearningPage.objects.filter(pk__in=[item.pk for item in missing]))
    facts = {
        pk: (cost, outcomes)
        for pk, cost, outcomes in rows.values_list("pk", "card_cost_band", "card_outcomes")
    }
    for item in missing:
        item.card_cost_band, item.card_outcomes = facts.get(item.pk, (None, None))
    return items


def cost_label(page):
    return COST_LABELS.get(getattr(page, "card_cost_band", None) or "", "")


def headline_outcome(page):
    """The first measurable outcome of a case study, as the raw block value (a dict)."""
    outcomes = getattr(page, "card_outcomes", None)
    if not isinstance(outcomes, list):
        return None
    for block in outcomes:
        if isinstance(block, dict) and block.get("type") == "outcome":
            value = block.get("value")
            if isinstance(value, dict) and value.get("description"):
                return value
    return None
