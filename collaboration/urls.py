from django.urls import path  # noqa: F401 - each flow adds its routes below

from . import views_joining

app_name = "collaboration"

urlpatterns = []

urlpatterns += [
    path("projects/<int:project_id>/join/", views_joining.ask, name="join_ask"),
    path("join-requests/<int:pk>/", views_joining.join_request_detail, name="join_request"),
    path("join-requests/<int:pk>/withdraw/", views_joining.withdraw, name="join_withdraw"),
]
