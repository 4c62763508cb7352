from django.urls import path  # noqa: F401 - each flow adds its routes below

app_name = "collaboration"

urlpatterns = []

from . import views_introductions  # noqa: E402

urlpatterns += [
    path("introduce/", views_introductions.IntroduceView.as_view(), name="introduce"),
    path("introduce/sent/<int:pk>/", views_introductions.IntroductionSentView.as_view(),
         name="introduction_sent"),
]
