from django.urls import path  # noqa: F401 - each flow adds its routes below

from . import views_help

app_name = "collaboration"

urlpatterns = []

urlpatterns += [
    path("help/", views_help.help_list, name="help_list"),
    path("help/new/", views_help.help_new, name="help_new"),
    path("help/<int:pk>/", views_help.help_detail, name="help_detail"),
    path("help/<int:pk>/offer/", views_help.help_offer, name="help_offer"),
    path("help/<int:pk>/offers/<int:offer_pk>/helped/", views_help.help_offer_helped,
         name="help_offer_helped"),
    path("help/<int:pk>/close/", views_help.help_close, name="help_close"),
    path("email-preferences/", views_help.email_preferences, name="email_preferences"),
]
