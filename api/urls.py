from django.urls import include, path

from wagtail.api.v2.router import WagtailAPIRouter

from .views import CouncilsViewSet, PagesViewSet, ThemesViewSet, api_root, openapi_document

app_name = "api"

# The router reverses its endpoints' URLs under this namespace: api.urls is mounted as "api".
router = WagtailAPIRouter("api:v2")
router.register_endpoint("pages", PagesViewSet)
router.register_endpoint("councils", CouncilsViewSet)
router.register_endpoint("themes", ThemesViewSet)

urlpatterns = [
    path("v2/", api_root, name="root"),
    path("v2/openapi.json", openapi_document, name="openapi"),
    path("v2/", include((router.get_urlpatterns(), "v2"))),
]
