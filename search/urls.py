from django.urls import path

from . import export_views, views

app_name = "search"

urlpatterns = [
    path("", views.SearchView.as_view(), name="search"),
    path("autocomplete/", views.AutocompleteView.as_view(), name="autocomplete"),
    path("export.csv", export_views.export_csv, name="export_csv"),
    path("export.json", export_views.export_json, name="export_json"),
    path("export/columns/", export_views.ExportColumnsView.as_view(), name="export_columns"),
    path("similar-councils/", views.SimilarCouncilsView.as_view(), name="similar_councils"),
]
