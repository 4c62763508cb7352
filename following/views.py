"""Following and unfollowing a theme, a council, a project or a search, and /following/."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET, require_POST

from casestudies.models import ProjectIndexPage, ProjectPage, Theme, ThemeIndexPage
from core.throttling import limit_person
from councils.models import Council

from . import follows, subjects
from .models import Follow

MAX_QUERY_LENGTH = 2000


def _safe_next(request, default):
    target = request.POST.get("next", "")
    if "\x00" not in target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def signed_in(view):
    """Anonymous readers go to sign in, and come back to the page they were reading."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            back = _safe_next(request, reverse("following:list"))
            return redirect(f"{reverse('accounts:sign_in')}?{urlencode({'next': back})}")
        return view(request, *args, **kwargs)

    return wrapped


def _follow(request, kind, subject, default_next):
    if request.user.follows.count() >= follows.MAX_FOLLOWS:
        return render(
            request, "following/too_many.html", {"limit": follows.MAX_FOLLOWS}, status=400
        )
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(person=request.user, **follows.lookup(kind, subject))
    except IntegrityError:
        pass  # followed by a request that ran at the same moment
    return redirect(_safe_next(request, default_next))


@require_POST
@signed_in
@limit_person("follow")
def follow_theme(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    return _follow(request, Follow.Kind.THEME, theme, reverse("following:list"))


@require_POST
@signed_in
@limit_person("follow")
def follow_council(request, slug):
    council = get_object_or_404(Council, slug=slug)
    return _follow(request, Follow.Kind.COUNCIL, council, council.get_absolute_url())


@require_POST
@signed_in
@limit_person("follow")
def follow_project(request, pk):
    project = get_object_or_404(ProjectPage.objects.live().public(), pk=pk)
    return _follow(request, Follow.Kind.PROJECT, project, project.get_url(request))


@require_POST
@signed_in
@limit_person("follow")
def follow_search(request):
    raw = request.POST.get("query", "")
    if len(raw) > MAX_QUERY_LENGTH or "\x00" in raw:
        return render(request, "following/empty_search.html", {"too_long": True}, status=400)
    query = subjects.canonical_query(QueryDict(raw))
    if not query or len(query) > MAX_QUERY_LENGTH:
        return render(request, "following/empty_search.html", {"too_long": bool(query)}, status=400)
    search_url = f"{reverse('search:search')}?{query}"
    return _follow(request, Follow.Kind.SEARCH, query, search_url)


@require_POST
@signed_in
@limit_person("follow")
def unfollow(request, pk):
    follow = get_object_or_404(Follow, pk=pk, person=request.user)
    follow.delete()
    return redirect(_safe_next(request, reverse("following:list")))


@require_GET
@login_required
def following_list(request):
    groups = follows.listed(request.user, request)
    context = {"groups": groups}
    if not groups:
        context.update(
            themes_url=_index_url(ThemeIndexPage, request),
            projects_url=_index_url(ProjectIndexPage, request),
        )
    return render(request, "following/following_list.html", context)


def _index_url(model, request):
    page = model.objects.live().public().first()
    return page.get_url(request) if page else None
