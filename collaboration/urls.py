from django.urls import path

from . import views_help, views_introductions, views_joining, views_pages

app_name = "collaboration"

urlpatterns = [
    path("projects/<int:project_id>/join/", views_joining.ask, name="join_ask"),
    path("join-requests/<int:pk>/", views_joining.join_request_detail, name="join_request"),
    path("join-requests/<int:pk>/withdraw/", views_joining.withdraw, name="join_withdraw"),
    path("help/", views_help.help_list, name="help_list"),
    path("help/new/", views_help.help_new, name="help_new"),
    path("help/<int:pk>/", views_help.help_detail, name="help_detail"),
    path("help/<int:pk>/offer/", views_help.help_offer, name="help_offer"),
    path(
        "help/<int:pk>/offers/<int:offer_pk>/helped/",
        views_help.help_offer_helped,
        name="help_offer_helped",
    ),
    path(
        "help/<int:pk>/offers/<int:offer_pk>/withdraw/",
        views_help.help_offer_withdraw,
        name="help_offer_withdraw",
    ),
    path("help/<int:pk>/close/", views_help.help_close, name="help_close"),
    path("email-preferences/", views_help.email_preferences, name="email_preferences"),
    path("pages/<int:page_id>/we-face-this-too/", views_pages.face_this_too, name="face_this_too"),
    path(
        "pages/<int:page_id>/we-face-this-too/<int:record_id>/withdraw/",
        views_pages.face_this_too_withdraw,
        name="face_this_too_withdraw",
    ),
    path("pages/<int:page_id>/reused/", views_pages.reuse, name="reuse"),
    path(
        "pages/<int:page_id>/reused/<int:record_id>/withdraw/",
        views_pages.reuse_withdraw,
        name="reuse_withdraw",
    ),
    path("introduce/", views_introductions.IntroduceView.as_view(), name="introduce"),
    path(
        "introduce/sent/<int:pk>/",
        views_introductions.IntroductionSentView.as_view(),
        name="introduction_sent",
    ),
]
