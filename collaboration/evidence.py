"""The records of joint work as evidence for matching: "we face this too" (shown), reuses
(shown) and requests to join a project (open or accepted), each one signal between two
councils with a reason in plain words. Registered in apps.py with the matching core's
evidence (search.matching.evidence)."""

from django.db.models import Q

from core.public_pages import live_public_q
from search.matching.evidence import MAX_ROWS, Signal, possessive

from .models import JoinRequest, Reuse, SharedProblem, Standing


def _active():
    return (
        SharedProblem.objects.filter(standing=Standing.ACTIVE),
        Reuse.objects.filter(standing=Standing.ACTIVE),
        JoinRequest.objects.filter(
            status__in=[JoinRequest.Status.OPEN, JoinRequest.Status.ACCEPTED]
        ),
    )


def _verb(status):
    return "is joining" if status == JoinRequest.Status.ACCEPTED else "asked to join"


def on_pages(titles, about):
    """Councils that face, reused or asked to join the pages in titles. Three queries."""
    shared, reuses, joins = _active()

    def on(queryset, *extra, field="page"):
        return (
            queryset.filter(**{f"{field}_id__in": titles})
            .order_by("-created_at")
            .values_list("council_id", "council__short_name", f"{field}_id", *extra)[:MAX_ROWS]
        )

    signals = [
        Signal(council_id, ("faces", page_id), f"{name} also faces {about(page_id)}")
        for council_id, name, page_id in on(shared)
    ]
    for council_id, name, page_id, output in on(reuses, "output"):
        what = f"{output} from {about(page_id)}" if output else about(page_id)
        signals.append(Signal(council_id, ("reused", page_id), f"{name} reused {what}"))
    for council_id, name, page_id, status in on(joins, "status", field="project"):
        signals.append(
            Signal(council_id, ("project", page_id), f"{name} {_verb(status)} {about(page_id)}")
        )
    return signals


def between(council):
    """What council and each other council recorded on each other's live, public pages,
    either way round. Three queries."""
    shared, reuses, joins = _active()

    def either(queryset, *extra, field="page"):
        """Rows led by the other council: whoever made the record, or else the page's."""
        rows = (
            queryset.filter(live_public_q(field))
            .filter(Q(council=council) | Q(**{f"{field}__council": council}))
            .exclude(**{f"{field}__council": council}, council=council)
            .order_by("-created_at")
            .values_list(
                "council_id",
                "council__short_name",
                f"{field}_id",
                f"{field}__title",
                f"{field}__council_id",
                f"{field}__council__short_name",
                *extra,
            )[:MAX_ROWS]
        )
        for maker, maker_name, page_id, title, owner, owner_name, *rest in rows:
            other = owner if maker == council.pk else maker
            yield other, maker_name, page_id, title, possessive(owner_name), *rest

    signals = [
        Signal(other, ("faces", page_id), f"{facer} also faces {owners} ‘{title}’")
        for other, facer, page_id, title, owners in either(shared)
    ]
    for other, user, page_id, title, owners, output in either(reuses, "output"):
        what = output or f"‘{title}’"
        signals.append(Signal(other, ("reused", page_id), f"{user} reused {owners} {what}"))
    for other, asker, page_id, title, owners, status in either(joins, "status", field="project"):
        signals.append(
            Signal(other, ("project", page_id), f"{asker} {_verb(status)} {owners} ‘{title}’")
        )
    return signals
