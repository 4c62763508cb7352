from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.SearchView.as_view(), name="search"),
    path("autocomplete/", views.AutocompleteView.as_view(), name="autocomplete"),
    path("similar-councils/", views.SimilarCouncilsView.as_view(), name="similar_councils"),
]
