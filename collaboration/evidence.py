"""The records of joint work as evidence for matching: "we face this too" (shown), reuses
(shown) and requests to join a project (open or accepted), each one signal between two
councils with a reason in plain words. Registered in apps.py with the matching core's
evidence (search.matching.evidence)."""

from django.db.models import Q

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
    signals = []
    for council_id, name, page_id in (
        shared.filter(page_id__in=titles)
        .order_by("-created_at")
        .values_list("council_id", "council__short_name", "page_id")[:MAX_ROWS]
    ):
        signals.append(
            Signal(council_id, ("faces", page_id), f"{name} also faces {about(page_id)}")
        )
    for council_id, name, page_id, output in (
        reuses.filter(page_id__in=titles)
        .order_by("-created_at")
        .values_list("council_id", "council__short_name", "page_id", "output")[:MAX_ROWS]
    ):
        what = f"{output} from {about(page_id)}" if output else about(page_id)
        signals.append(Signal(council_id, ("reused", page_id), f"{name} reused {what}"))
    for council_id, name, page_id, status in (
        joins.filter(project_id__in=titles)
        .order_by("-created_at")
        .values_list("council_id", "council__short_name", "project_id", "status")[:MAX_ROWS]
    ):
        signals.append(
            Signal(council_id, ("project", page_id), f"{name} {_verb(status)} {about(page_id)}")
        )
    return signals


def between(council, visible):
    """What council and each other council recorded on each other's pages among visible,
    either way round. Three queries."""
    shared, reuses, joins = _active()
    signals = []

    def either(queryset, field="page"):
        return (
            queryset.filter(**{f"{field}__in": visible})
            .filter(Q(council=council) | Q(**{f"{field}__council": council}))
            .exclude(**{f"{field}__council": council}, council=council)
            .order_by("-created_at")
        )

    rows = either(shared).values_list(
        "council_id",
        "council__short_name",
        "page_id",
        "page__title",
        "page__council_id",
        "page__council__short_name",
    )
    for facer, facer_name, page_id, title, owner, owner_name in rows[:MAX_ROWS]:
        other = owner if facer == council.pk else facer
        signals.append(
            Signal(
                other,
                ("faces", page_id),
                f"{facer_name} also faces {possessive(owner_name)} ‘{title}’",
            )
        )
    rows = either(reuses).values_list(
        "council_id",
        "council__short_name",
        "page_id",
        "page__title",
        "page__council_id",
        "page__council__short_name",
        "output",
    )
    for user, user_name, page_id, title, owner, owner_name, output in rows[:MAX_ROWS]:
        other = owner if user == council.pk else user
        what = output or f"‘{title}’"
        signals.append(
            Signal(
                other, ("reused", page_id), f"{user_name} reused {possessive(owner_name)} {what}"
            )
        )
    rows = either(joins, "project").values_list(
        "council_id",
        "council__short_name",
        "project_id",
        "project__title",
        "project__council_id",
        "project__council__short_name",
        "status",
    )
    for asker, asker_name, page_id, title, owner, owner_name, status in rows[:MAX_ROWS]:
        other = owner if asker == council.pk else asker
        signals.append(
            Signal(
                other,
                ("project", page_id),
                f"{asker_name} {_verb(status)} {possessive(owner_name)} ‘{title}’",
            )
        )
    return signals
