from django.urls import path

from .views import InsightsView

app_name = "insights"

urlpatterns = [
    path("", InsightsView.as_view(), name="index"),
]
