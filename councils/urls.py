from django.urls import path

from .views import CouncilDetailView, CouncilDirectoryView

app_name = "councils"

urlpatterns = [
    path("", CouncilDirectoryView.as_view(), name="directory"),
    path("<slug:slug>/", CouncilDetailView.as_view(), name="detail"),
]
