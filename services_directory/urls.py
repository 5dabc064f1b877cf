"""Public URLs of the directory besides its pages (inside the language prefix)."""

from django.urls import path

from . import guide, referral, views

app_name = "services_directory"
urlpatterns = [
    path("beratung/pruefen/<str:token>/", views.verify, name="verify"),
    path(
        "beratung/pruefen/<str:token>/<int:page_id>/aenderung/",
        views.verify_change,
        name="verify_change",
    ),
    path("beratung/hinweis/<int:page_id>/", views.feedback, name="feedback"),
    path("beratung/wegweiser/", guide.guide, name="guide"),
    path("beratung/<str:slug>/zettel/", referral.slip, name="slip"),
    path("beratung/hinweis/<int:page_id>/danke/", views.feedback_thanks, name="feedback_thanks"),
]
