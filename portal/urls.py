"""URLs: language-prefixed public site, admin, documents and the health check."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

portal_patterns = (
    [
        path("suche/", views.site_search, name="search"),
        path("anmelden/", views.MemberLoginView.as_view(), name="login"),
        path("abmelden/", views.MemberLogoutView.as_view(), name="logout"),
    ],
    "portal",
)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("healthz/scheduled", views.healthz_scheduled, name="healthz_scheduled"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    # Before Wagtail's admin: readers without "access admin" (the steering group) may see it.
    path("admin/reports/angebotsplanung/", include("services_directory.planning_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Open data (HSDS 3.0): not language-prefixed; ``?lang=`` chooses the language.
    path("api/hsds/", include("services_directory.hsds.api")),
]

urlpatterns += i18n_patterns(
    path("", include(portal_patterns)),
    path("", include("services_directory.urls")),
    path("", include("home.events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "portal.views.server_error"


def development_media_patterns():
    """Images (which are public) only: documents are never served from MEDIA_ROOT, so a
    private file cannot be fetched from /media/documents/ even in development."""

    return [re_path(r"^media/(?P<path>.+)$", views.development_media)]


if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += development_media_patterns()
