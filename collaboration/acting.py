"""Acting for a council: a signed-in practitioner acts for one of the councils they belong to,
and a person with several picks which."""

from django import forms

from councils.models import Council


def councils_acting_for(user):
    """The councils user belongs to (organisers too act only for their own councils here)."""
    if not user.is_authenticated or not user.is_active:
        return Council.objects.none()
    return Council.objects.filter(memberships__user=user).order_by("short_name")


class ActingForCouncilForm(forms.Form):
    """A form with the council it is sent for: a choice when the person belongs to several,
    fixed when to one. Its other fields come from the subclass."""

    council = forms.ModelChoiceField(
        queryset=Council.objects.none(),
        label="Which council are you acting for?",
        empty_label=None,
        error_messages={"invalid_choice": "Choose one of the councils you belong to."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        councils = councils_acting_for(user)
        field = self.fields["council"]
        field.queryset = councils
        if len(councils) == 1:
            field.initial = councils[0]
            field.widget = forms.HiddenInput()
