from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("request-access/", views.request_access, name="request_access"),
    path("request-access/sent/", views.request_access_sent, name="request_access_sent"),
    path("invitation/<str:token>/", views.accept_invitation_view, name="accept_invitation"),
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
]
