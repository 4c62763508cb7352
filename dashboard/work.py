"""What each role's dashboard counts and lists: every function runs a fixed number of queries,
however many pages, councils or records there are."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse

from wagtail.models import Page, WorkflowState

from accounts.models import AccessRequest
from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LearningPage,
    LessonIndexPage,
    LessonPage,
    ProjectIndexPage,
    ProjectPage,
)
from casestudies.permissions import acts_for_any_council, member_council_ids
from collaboration.models import HelpOffer, HelpRequest, Introduction, Reuse, Standing
from core.freshness import stale_q
from councils.models import Council
from search.similarity import get_similarity_backend

SHOWN = 5
# Councils whose similar councils the organiser's panel looks up: the owners of the most
# recently published pages, a few, so the panel costs the same on any size of network.
COUNCILS_LOOKED_AT = 3
MATCHES_PER_COUNCIL = 3
RECENT_PAGES_LOOKED_AT = 30

# (page type, its index page type, what a person calls it)
ADDABLE = [
    (CaseStudyPage, CaseStudyIndexPage, "case study"),
    (LessonPage, LessonIndexPage, "lesson"),
    (ProjectPage, ProjectIndexPage, "project"),
]


def add_url(model, index):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, index.pk]
    )


def oversees_all(user):
    """Organisers and superusers see every council's work; practitioners their own."""
    return bool(user.is_active and (user.is_superuser or acts_for_any_council(user)))


def councils_of(user):
    return list(Council.objects.filter(pk__in=member_council_ids(user)).order_by("short_name"))


def _in_review():
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type_id=ContentType.objects.get_for_model(Page).pk,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


def page_counts(council_ids=None):
    """Pages by state, of the given councils or (None) of all: drafts never published and not
    in review, in review, published, and published but stale."""
    pages = LearningPage.objects.all()
    if council_ids is not None:
        pages = pages.filter(council_id__in=council_ids)
    in_review = _in_review()
    return pages.aggregate(
        draft=Count("pk", filter=Q(live=False) & ~in_review),
        in_review=Count("pk", filter=in_review),
        published=Count("pk", filter=Q(live=True)),
        stale=Count("pk", filter=Q(live=True) & stale_q()),
    )


def add_buttons(user):
    """[(label, add URL)] for each kind of page the user may add, under its index page."""
    index_types = {index: (model, label) for model, index, label in ADDABLE}
    indexes = Page.objects.type(*index_types).specific(defer=True)
    buttons = []
    for index in sorted(indexes, key=lambda page: [i for _m, i, _l in ADDABLE].index(type(page))):
        model, label = index_types[type(index)]
        if index.permissions_for_user(user).can_add_subpage():
            buttons.append((f"Add a {label}", add_url(model, index)))
    return buttons


def offers_waiting(council_ids):
    """Offers of help on the councils' open requests that nobody has marked as helpful yet."""
    offers = (
        HelpOffer.objects.filter(
            help_request__council_id__in=council_ids,
            help_request__status=HelpRequest.Status.OPEN,
            standing=Standing.ACTIVE,
            helped=False,
        )
        .select_related("help_request", "council")
        .order_by("-created_at")
    )
    return list(offers[:SHOWN]), offers.count()


def reuses_by(council_ids):
    """What the councils reused of other councils' published work."""
    reuses = (
        Reuse.objects.filter(council_id__in=council_ids, standing=Standing.ACTIVE, page__live=True)
        .select_related("council", "page", "page__council")
        .order_by("-created_at")
    )
    return list(reuses[:SHOWN]), reuses.count()


def reuses_of(council_ids):
    """Who reused the councils' work."""
    reuses = (
        Reuse.objects.filter(page__council_id__in=council_ids, standing=Standing.ACTIVE)
        .exclude(council_id__in=council_ids)
        .select_related("council", "page")
        .order_by("-created_at")
    )
    return list(reuses[:SHOWN]), reuses.count()


def access_requests_waiting():
    waiting = (
        AccessRequest.objects.filter(status=AccessRequest.Status.PENDING)
        .select_related("council")
        .order_by("created_at")
    )
    return list(waiting[:SHOWN]), waiting.count()


def help_requests_without_offers():
    """Open requests for help that nobody has offered to help with, oldest first."""
    requests = (
        HelpRequest.objects.filter(status=HelpRequest.Status.OPEN)
        .exclude(
            Exists(HelpOffer.objects.filter(help_request=OuterRef("pk"), standing=Standing.ACTIVE))
        )
        .select_related("council")
        .order_by("created_at")
    )
    return list(requests[:SHOWN]), requests.count()


def similar_councils_not_introduced():
    """[(council, similar council, why)]: a few pairs the similarity engine matches, for the
    councils that published most recently, that no organiser has introduced yet."""
    recent = (
        LearningPage.objects.live()
        .public()
        .order_by("-first_published_at")
        .values_list("council_id", flat=True)[:RECENT_PAGES_LOOKED_AT]
    )
    council_ids = list(dict.fromkeys(recent))[:COUNCILS_LOOKED_AT]
    councils = Council.objects.in_bulk(council_ids)
    engine = get_similarity_backend()
    candidates = []
    for council_id in council_ids:
        council = councils[council_id]
        for match in engine.councils_for_council(council, limit=MATCHES_PER_COUNCIL):
            candidates.append((council, match.council, match.reason))
    if not candidates:
        return []
    involved = {council.pk for pair in candidates for council in pair[:2]}
    introduced = {
        frozenset(pair)
        for pair in Introduction.objects.filter(
            first_council_id__in=involved,
            second_council_id__in=involved,
        ).values_list("first_council_id", "second_council_id")
    }
    pairs, seen = [], set()
    for first, second, why in candidates:
        key = frozenset((first.pk, second.pk))
        if first.pk == second.pk or key in seen or key in introduced:
            continue
        seen.add(key)
        pairs.append((first, second, why))
    return pairs[:SHOWN]
