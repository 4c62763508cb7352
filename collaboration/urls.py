from django.urls import path  # noqa: F401 - each flow adds its routes below

from . import views_pages

app_name = "collaboration"

urlpatterns = []

urlpatterns += [
    path("pages/<int:page_id>/we-face-this-too/", views_pages.face_this_too,
         name="face_this_too"),
    path("pages/<int:page_id>/we-face-this-too/<int:record_id>/withdraw/",
         views_pages.face_this_too_withdraw, name="face_this_too_withdraw"),
    path("pages/<int:page_id>/reused/", views_pages.reuse, name="reuse"),
    path("pages/<int:page_id>/reused/<int:record_id>/withdraw/", views_pages.reuse_withdraw,
         name="reuse_withdraw"),
]
