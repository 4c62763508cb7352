from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from casestudies import admin_urls as council_admin_urls
from home import views as home_views

# Before Wagtail's admin URLs, so that these stand in for some of its views: throttled
# sign-in and password reset, and council-scoped choosers and reports.
urlpatterns = [
    path("admin/login/", accounts_views.AdminSignInView.as_view()),
    path("admin/password_reset/", accounts_views.AdminPasswordResetView.as_view()),
    path("admin/", include(council_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("councils/", include("councils.urls")),
    path("search/", include("search.urls")),
    path("accounts/", include("accounts.urls")),
    path("working-together/", include("collaboration.urls")),
    path("email-digests/", include("digests.urls")),
    path("api/", include("api.urls")),
    path("insights/", include("insights.urls")),
    path("freshness/", include("freshness.urls")),
    path("", include("following.urls")),  # /feeds/ and /following/
    path("sitemap.xml", home_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", home_views.sitemap, name="sitemap_section"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
