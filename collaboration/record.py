"""A council's record of working with others, for its profile: the projects it leads with
partners and those it joined, the councils it helped, its work that others reused and what
it reused, what it is asking help with, and the problems it shares with others.

Only live, public pages count and withdrawn records never do. Each list is one query (two
for led projects and their partners) and is cut at SHOWN, with the full count alongside.
"""

from django.db.models import Count

from casestudies.models import ProjectPage
from casestudies.models.partners import partners_with_councils
from core.public_pages import live_public_q

from .models import HelpOffer, HelpRequest, Reuse, SharedProblem, Standing

SHOWN = 10
TEMPLATE = "collaboration/includes/council_record.html"


def _cut(queryset):
    rows = list(queryset[: SHOWN + 1])
    return {"shown": rows[:SHOWN], "more": len(rows) > SHOWN}


def _on_others_work(records, council):
    """What council recorded on other councils' pages."""
    return records.filter(council=council).exclude(page__council=council)


def _on_its_work(records, council):
    """What other councils recorded on council's pages."""
    return records.filter(page__council=council).exclude(council=council)


def council_record(council):
    projects = ProjectPage.objects.live().public()

    led = _cut(
        projects.filter(council=council)
        .annotate(partner_count=Count("partners"))
        .filter(partner_count__gt=0)
        .order_by("-first_published_at")
        .prefetch_related(partners_with_councils())
    )
    joined = _cut(
        projects.filter(partners__council=council)
        .exclude(council=council)
        .select_related("council")
        .order_by("-first_published_at")
    )
    helped = _cut(
        HelpOffer.objects.filter(council=council, helped=True, standing=Standing.ACTIVE)
        .exclude(help_request__council=council)
        .select_related("help_request__council")
        .order_by("-updated_at")
    )
    reuses = Reuse.objects.filter(live_public_q("page"), standing=Standing.ACTIVE).order_by(
        "-created_at"
    )
    reused_by_others = _cut(_on_its_work(reuses, council).select_related("council", "page"))
    reused = _cut(_on_others_work(reuses, council).select_related("page__council"))
    asking = _cut(
        HelpRequest.objects.filter(council=council, status=HelpRequest.Status.OPEN).order_by(
            "-created_at"
        )
    )
    shared = SharedProblem.objects.filter(live_public_q("page"), standing=Standing.ACTIVE)
    faces = _cut(
        _on_others_work(shared, council).select_related("page__council").order_by("-created_at")
    )
    faced_by = _on_its_work(shared, council).aggregate(
        councils=Count("council", distinct=True), pages=Count("page", distinct=True)
    )
    lists = (led, joined, helped, reused_by_others, reused, asking, faces)
    return {
        "template": TEMPLATE,
        "council": council,
        "led": led,
        "joined": joined,
        "helped": helped,
        "reused_by_others": reused_by_others,
        "reused": reused,
        "asking": asking,
        "faces": faces,
        "faced_by": faced_by,
        "empty": not any(item["shown"] for item in lists) and not faced_by["councils"],
    }
