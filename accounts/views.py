from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from wagtail.admin.views import account as wagtail_account

from core import throttling

from .forms import AccessRequestForm, SetPasswordForm, SignInForm
from .models import Invitation
from .onboarding import accept_invitation, receive_access_request


@throttling.limit("request-access")
def request_access(request):
    form = AccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_from_robot:
            throttling.limit_email(request, "request-access", form.cleaned_data["email"])
            receive_access_request(form.save(commit=False))
        request.session["access_request_council"] = str(form.cleaned_data["council"])
        return redirect("accounts:request_access_sent")
    return render(request, "accounts/request_access.html", {"form": form})


def request_access_sent(request):
    council = request.session.pop("access_request_council", None)
    return render(request, "accounts/request_access_sent.html", {"council": council})


@never_cache
@sensitive_post_parameters("password1", "password2")
@throttling.limit("invitation")
def accept_invitation_view(request, token):
    invitation = Invitation.for_token(token)
    if invitation is None:
        return render(
            request, "accounts/invitation_invalid.html", {"reason": "unknown"}, status=404
        )
    if invitation.is_used:
        return render(request, "accounts/invitation_invalid.html", {"reason": "used"}, status=410)
    if invitation.is_expired:
        return render(
            request, "accounts/invitation_invalid.html", {"reason": "expired"}, status=410
        )

    form = SetPasswordForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        user = accept_invitation(
            invitation,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["password1"],
        )
        login(request, user, backend="accounts.backends.EmailOrUsernameBackend")
        messages.success(request, "Your password is set and you are signed in.")
        if user.has_perm("wagtailadmin.access_admin"):
            return redirect("wagtailadmin_home")
        return redirect("/")
    return render(
        request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation}
    )


@method_decorator(throttling.limit("sign-in"), name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        if self.request.user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        return "/"


class SignOutView(auth_views.LogoutView):
    next_page = "/"


# Wagtail's own sign-in and password reset, throttled; config/urls.py routes them first.
@method_decorator(throttling.limit("sign-in"), name="dispatch")
class AdminSignInView(wagtail_account.LoginView):
    pass


@method_decorator(throttling.limit("password-reset"), name="dispatch")
class AdminPasswordResetView(wagtail_account.PasswordResetView):
    def form_valid(self, form):
        throttling.limit_email(self.request, "password-reset", form.cleaned_data["email"])
        return super().form_valid(form)
