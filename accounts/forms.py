from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.auth import LoginForm

from councils.models import Council

from .models import AccessRequest, Role
from .onboarding import active_account_exists
from .permissions import may_invite_to_account, roles_they_may_invite

GOVUK_INPUT = {"class": "govuk-input"}


class AccessRequestForm(forms.ModelForm):
    council = forms.ModelChoiceField(
        queryset=Council.objects.current().order_by("short_name"),
        empty_label="Choose your council",
        error_messages={
            "required": "Choose the council you work for",
            "invalid_choice": "Choose a council from the list",
        },
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    # A honeypot: templates/accounts/_honeypot.html keeps it from people, robots fill it in.
    comments = forms.CharField(
        label="Leave this empty",
        required=False,
        widget=forms.TextInput(attrs={**GOVUK_INPUT, "tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = AccessRequest
        fields = ["name", "email", "job_title", "council", "reason"]
        widgets = {
            "name": forms.TextInput(attrs={**GOVUK_INPUT, "autocomplete": "name"}),
            "email": forms.EmailInput(
                attrs={**GOVUK_INPUT, "autocomplete": "email", "spellcheck": "false"}
            ),
            "job_title": forms.TextInput(
                attrs={**GOVUK_INPUT, "autocomplete": "organization-title"}
            ),
            "reason": forms.Textarea(attrs={"class": "govuk-textarea", "rows": 5}),
        }
        error_messages = {
            "name": {"required": "Enter your full name"},
            "email": {
                "required": "Enter your work email address",
                "invalid": "Enter an email address in the correct format, like name@council.gov.uk",
            },
            "reason": {
                "required": "Tell us why you want to join",
                "max_length": "Keep your reason under 2,000 characters",
            },
        }

    def clean_email(self):
        # Never say here whether the address has an account or a request: see
        # onboarding.receive_access_request.
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_from_robot(self):
        return bool(self.cleaned_data.get("comments"))


class SetPasswordForm(forms.Form):
    first_name = forms.CharField(
        max_length=150,
        error_messages={"required": "Enter your first name"},
        widget=forms.TextInput(attrs={**GOVUK_INPUT, "autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        max_length=150,
        error_messages={"required": "Enter your last name"},
        widget=forms.TextInput(attrs={**GOVUK_INPUT, "autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        error_messages={"required": "Enter a password"},
        widget=forms.PasswordInput(attrs={**GOVUK_INPUT, "autocomplete": "new-password"}),
        help_text="At least 8 characters. Avoid common words and your name.",
    )
    password2 = forms.CharField(
        label="Confirm password",
        strip=False,
        error_messages={"required": "Enter the password again"},
        widget=forms.PasswordInput(attrs={**GOVUK_INPUT, "autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation, **kwargs):
        self.invitation = invitation
        kwargs.setdefault(
            "initial",
            {
                "first_name": invitation.first_name,
                "last_name": invitation.last_name,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The passwords do not match")
        elif password1:
            from django.contrib.auth import get_user_model

            probe = get_user_model()(
                username=self.invitation.email,
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignInForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address or username"
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["username"].widget.attrs.update(GOVUK_INPUT)
        self.fields["password"].widget.attrs.update(GOVUK_INPUT)


class AdminSignInForm(LoginForm):
    """Wagtail's sign-in form, saying that an email address works too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address or username"
        self.fields["username"].widget.attrs.update(
            placeholder="Enter your email address or username", autocomplete="username"
        )


class InvitationAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        role = self.fields.get("role")
        if role is not None and self.for_user is not None:
            allowed = roles_they_may_invite(self.for_user)
            role.choices = [choice for choice in role.choices if choice[0] in allowed]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if active_account_exists(email):
            raise ValidationError(
                "This person already has an account. Add a council membership instead."
            )
        account = get_user_model().objects.filter(email__iexact=email).first()
        if self.for_user is not None and not may_invite_to_account(self.for_user, account):
            raise ValidationError("Only a site administrator can reopen this person's account.")
        return email

    def clean_role(self):
        role = self.cleaned_data.get("role")
        if self.for_user is not None and role not in roles_they_may_invite(self.for_user):
            raise ValidationError("Only a site administrator can invite network organisers.")
        return role

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.PRACTITIONER and not cleaned.get("council"):
            self.add_error("council", "Choose the council this practitioner writes for.")
        return cleaned


class AccessRequestDecisionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            self.fields["status"].choices = [
                (AccessRequest.Status.APPROVED, "Approve: email a link to set a password"),
                (AccessRequest.Status.DECLINED, "Decline: email the note below"),
            ]
            self.fields["status"].widget = forms.RadioSelect(choices=self.fields["status"].choices)

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.pk
            and AccessRequest.objects.filter(pk=self.instance.pk)
            .exclude(status=AccessRequest.Status.PENDING)
            .exists()
        ):
            raise ValidationError("This request has already been decided.")
        if cleaned.get("status") == AccessRequest.Status.APPROVED and active_account_exists(
            self.instance.email
        ):
            raise ValidationError(
                "This person already has an account. Add a council membership instead."
            )
        return cleaned
