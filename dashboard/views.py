from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from .work import ADDABLE, add_url

KINDS = {label.replace(" ", "-"): (model, index_model) for model, index_model, label in ADDABLE}


def add_page(request, kind):
    """The admin menu's "Add a …": the add form for that kind of page, under its index page."""
    if kind not in KINDS:
        raise Http404("No such kind of page")
    model, index_model = KINDS[kind]
    index = index_model.objects.first()
    if index is None:
        raise Http404("The site has no index page for this kind of page yet")
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return redirect(add_url(model, index))
