"""URLs for ``manage.py bench_directory``: the portal's, plus a minimal view as the floor."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def floor(request):
    return HttpResponse("ok")


urlpatterns = [path("bench-floor/", floor), *portal_urlpatterns]
