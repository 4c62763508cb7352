from django.urls import path

from . import views

app_name = "freshness"

urlpatterns = [
    path("pages/<int:page_id>/reviewed/", views.mark_page_reviewed, name="mark_reviewed"),
]
