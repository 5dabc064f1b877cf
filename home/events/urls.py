"""Registration URLs (inside the language prefix, before Wagtail's page routes)."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("veranstaltungen/anmeldung/<int:page_id>/", views.register, name="register"),
    path("veranstaltungen/anmeldung/<int:page_id>/danke/", views.registered, name="registered"),
    path("veranstaltungen/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("veranstaltungen/abmelden/<str:token>/", views.cancel, name="cancel"),
]
