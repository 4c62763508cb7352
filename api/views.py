"""The read-only API's endpoints, on Wagtail's API v2 viewsets.

The API never asks who is reading (no authentication, no session), so every answer is the same
for everyone and may be cached by anyone for five minutes.
"""

from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page, Site

from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from casestudies.models import Theme
from core.licence import licence_summary
from councils.models import Council

from . import filters, loading, params
from .fields import KINDS
from .openapi import build_document
from .serializers import CouncilSerializer, PageSerializer, ThemeSerializer

CACHE_SECONDS = 300


class OpenDataPagination(WagtailPagination):
    """Wagtail's `limit`/`offset` paging, read strictly, with the licence in the meta."""

    def paginate_queryset(self, queryset, request, view=None):
        offset, limit = params.pagination(request)
        self.total_count = queryset.count()
        return view.load(list(queryset[offset : offset + limit]))

    def get_paginated_response(self, data):
        return Response(
            {"meta": {"total_count": self.total_count, "licence": licence_summary()}, "items": data}
        )


class OpenDataViewSet(BaseAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    pagination_class = OpenDataPagination
    serializer_class = None
    query_params = []  # the endpoint's filters (api/filters.py)

    def check_query_parameters(self, queryset=None):
        allowed = self.query_params + params.PAGINATION if self.action == "listing_view" else []
        params.check_names(self.request, allowed)

    def initial(self, request, *args, **kwargs):
        # Before DRF's content negotiation, which would answer ?format=xml with a bare 404;
        # other methods are left to answer 405.
        if request.method in ("GET", "HEAD"):
            self.check_query_parameters()
        super().initial(request, *args, **kwargs)

    def detail_view(self, request, pk):
        instance = self.load([self.get_object()])[0]
        return Response(self.get_serializer(instance).data)

    def get_serializer_class(self):
        return self.serializer_class

    def load(self, items):
        """Whatever the serializer reads beyond the rows, for these items."""
        return items

    def get_serializer_context(self):
        request = self.request
        router = request.wagtailapi_router

        def url_of(model):
            return lambda obj: get_object_detail_url(router, request, model, obj.pk)

        context = {
            "request": request,
            "page_url": url_of(Page),
            "council_url": url_of(Council),
            "theme_url": url_of(Theme),
            **getattr(self, "loaded", {}),
        }
        return {"request": request, "view": self, "api": context}

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(exc, APIException):
            response.data = {"message": str(exc.detail)}
        if response.status_code == 404 and not response.data.get("message"):
            response.data = {"message": "Not found: no published, public item has that id."}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


class PagesViewSet(OpenDataViewSet, PagesAPIViewSet):
    """Published, public case studies, lessons, projects and theme pages."""

    serializer_class = PageSerializer
    query_params = filters.PAGE_FILTERS

    def get_base_queryset(self):
        """Live pages with no view restriction at all, whoever asks: Wagtail's version lets
        a reader who is signed in, or who gave a page's password, see restricted pages."""
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)

    def get_queryset(self):
        return self.get_base_queryset().type(*KINDS.values()).order_by("pk")

    def filter_queryset(self, queryset):
        return filters.filter_pages(self.request, queryset).specific()

    def load(self, items):
        return loading.load_pages(items)


class CouncilsViewSet(OpenDataViewSet):
    """Every current council in the register, with counts of its published learning."""

    model = Council
    name = "councils"
    serializer_class = CouncilSerializer
    query_params = filters.COUNCIL_FILTERS

    def get_queryset(self):
        # Pages may name a council that has since been replaced: its detail stays reachable.
        return Council.objects.current() if self.action == "listing_view" else Council.objects.all()

    def filter_queryset(self, queryset):
        return filters.filter_councils(self.request, queryset)

    def load(self, items):
        counts = loading.council_counts(items)
        self.loaded = {"council_counts": lambda council: counts[council.pk]}
        return items


class ThemesViewSet(OpenDataViewSet):
    """The curated themes, with how much published learning carries each."""

    model = Theme
    name = "themes"
    serializer_class = ThemeSerializer
    query_params = filters.THEME_FILTERS

    def filter_queryset(self, queryset):
        return filters.filter_themes(self.request, queryset)

    def load(self, items):
        counts = loading.theme_counts()
        urls = loading.theme_page_urls(self.request)
        self.loaded = {
            "theme_counts": lambda theme: dict(counts[theme.pk]),
            "theme_page_url": lambda theme: urls.get(theme.pk),
        }
        return items


def _public_json(request, data):
    if request.GET:
        return JsonResponse({"message": "This address takes no query parameters."}, status=400)
    response = JsonResponse(data, json_dumps_params={"indent": 2})
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@require_GET
def api_root(request):
    """Where the endpoints are: a starting point for someone exploring by hand."""

    def url(name):
        return request.build_absolute_uri(reverse(name))

    return _public_json(
        request,
        {
            "endpoints": {
                name: url(f"api:v2:{name}:listing") for name in ("pages", "councils", "themes")
            },
            "openapi": url("api:openapi"),
            "licence": licence_summary(),
        },
    )


@require_GET
def openapi_document(request):
    return _public_json(request, build_document(request))
