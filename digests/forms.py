from django import forms

from .models import DigestPreference, Frequency

FREQUENCY_HINTS = {
    Frequency.WEEKLY: "One email a week, only when something is new.",
    Frequency.MONTHLY: "One email a month, only when something is new.",
    Frequency.NONE: "No digests. You can still follow things and see them on the site.",
}


class DigestPreferenceForm(forms.ModelForm):
    frequency = forms.ChoiceField(
        label="How often do you want a digest?",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how often you want a digest",
            "invalid_choice": "Choose weekly, monthly or never",
        },
    )

    class Meta:
        model = DigestPreference
        fields = ["frequency", "project_updates"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_frequency = self.instance.frequency

    def options(self):
        chosen = self["frequency"].value()
        return [
            {
                "value": value,
                "label": label,
                "hint": FREQUENCY_HINTS[value],
                "checked": value == chosen,
            }
            for value, label in Frequency.choices
        ]

    def save(self, commit=True):
        preference = super().save(commit=False)
        preference.frequency = self.previous_frequency
        preference.choose(self.cleaned_data["frequency"])
        if commit:
            preference.save()
        return preference
