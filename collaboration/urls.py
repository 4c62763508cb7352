from django.urls import path  # noqa: F401 - each flow adds its routes below

app_name = "collaboration"

urlpatterns = []
