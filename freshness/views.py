"""Marking a page reviewed from the page itself (a form shown to its signed-in owners)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from casestudies.models import LearningPage

from .reviews import can_mark_reviewed, mark_reviewed


@require_POST
def mark_page_reviewed(request, page_id):
    """POST only, CSRF-checked; anyone but the page's owners gets a 403 (404 for a page
    that is not published)."""
    page = get_object_or_404(LearningPage.objects.live().public(), pk=page_id)
    if not can_mark_reviewed(request.user, page):
        raise PermissionDenied("Only the council that owns this page can mark it reviewed.")
    mark_reviewed(page, request.user)
    return redirect(page.url + "#last-reviewed")
