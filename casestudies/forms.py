"""The page editor's fields for council, partner councils, themes and contact details."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html_join

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminTagWidget

from modelcluster.forms import BaseChildFormSet

from councils.models import Council

from .permissions import CouncilPageForm, acts_for_any_council


class CouncilNameWidget(AdminTagWidget):
    """Wagtail's tag input for one tag, completing from the names of current councils."""

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, free_tagging=False)

    def format_value(self, value):
        return value or ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["attrs"]["data-w-tag-url-value"] = reverse("casestudies_council_autocomplete")
        options = json.loads(widget["attrs"]["data-w-tag-options-value"])
        widget["attrs"]["data-w-tag-options-value"] = json.dumps({**options, "tagLimit": 1})
        widget["help_text"] = "Start typing a council's name, then choose it from the list."
        return context


class CouncilNameField(forms.Field):
    """One current council, named as the chooser names it (its short name).

    Organisers choose a page's lead council with it (from about 470), and every editor
    chooses each partner council with it.
    """

    def __init__(self, *args, also=(), **kwargs):
        kwargs.setdefault("widget", CouncilNameWidget())
        super().__init__(*args, **kwargs)
        self.also = tuple(also)  # councils choosable although no longer current

    def prepare_value(self, value):
        if not value or isinstance(value, str):
            return value or ""
        if not isinstance(value, Council):
            value = Council.objects.filter(pk=value).first()
        return value.short_name if value is not None else ""

    def to_python(self, value):
        if not value:
            return None
        if not isinstance(value, str):
            raise ValidationError("Choose a council from the list.")
        value = value.replace("\x00", "")
        if value.strip().isascii() and value.strip().isdigit():
            # The id Wagtail's own council select would post.
            council = self._choosable().filter(pk=int(value.strip())).first()
            if council is not None:
                return council
        names = list(dict.fromkeys(name.strip().strip('"').strip() for name in value.split(",")))
        names = [name for name in names if name]
        if not names:
            return None
        if len(names) > 1:
            raise ValidationError("Choose one council.")
        matches = list(self._choosable().filter(short_name__iexact=names[0])[:2])
        if not matches:
            raise ValidationError(
                "%(name)s is not a current council. Choose a council from the list.",
                params={"name": names[0]},
            )
        if len(matches) > 1:
            raise ValidationError(
                "More than one council is called %(name)s. Ask a network organiser to add it.",
                params={"name": names[0]},
            )
        return matches[0]

    def _choosable(self):
        return Council.objects.filter(
            Q(pk__in=Council.objects.current().values("pk")) | Q(pk__in=self.also)
        )


class PartnerForm(WagtailAdminModelForm):
    """One partner council on a case study or project (``models.partners.PartnersPanel``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        old = self.fields["council"]
        self.fields["council"] = CouncilNameField(
            label=old.label,
            help_text="A council that worked on this with the lead council.",
            also=[self.instance.council_id] if self.instance.council_id else (),
        )


class PartnerFormSet(BaseChildFormSet):
    def get_unique_error_message(self, unique_check):
        return "Each council can be listed once. Remove the council listed twice."

    def get_form_error(self):
        return "This council is listed already."

    def clean(self):
        super().clean()
        lead = self.instance.council_id
        for form in self.forms:
            council = getattr(form, "cleaned_data", {}).get("council")
            if council is not None and council.pk == lead and form not in self.deleted_forms:
                form.add_error(
                    "council", f"{council.short_name} leads this page, so it is not a partner too."
                )


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, theme):
        if theme.description:
            return format_html_join(
                "", '{}<br><span class="help">{}</span>', [(theme.name, theme.description)]
            )
        return theme.name


CONTACT_CHOICES = [
    ("yes", "Yes, show the contact's name, role and email address on the page"),
    ("no", "No, keep them private (only network organisers see them)"),
]


class LearningPageForm(CouncilPageForm):
    """The council rule (``CouncilPageForm``), with choosers people can use."""

    def __init__(self, *args, **kwargs):
        from .models.themes import Theme

        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            self.fields["themes"] = ThemeChoiceField(
                queryset=Theme.objects.order_by("name"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label="Themes",
                help_text="Choose every theme this page is about.",
                error_messages={
                    "invalid_choice": "Choose themes from the list.",
                    "invalid_pk_value": "Choose themes from the list.",
                },
            )
        if "tags" in self.fields:
            self.fields["tags"].label = "Other keywords"
        if (
            "council" in self.fields
            and self.for_user is not None
            and acts_for_any_council(self.for_user)
        ):
            old = self.fields["council"]
            self.fields["council"] = CouncilNameField(
                required=old.required,
                label=old.label,
                help_text=old.help_text,
                also=[self.instance.council_id] if self.instance.council_id else (),
            )
        if "contact_is_public" in self.fields:
            new = self.instance.pk is None
            self.fields["contact_is_public"] = forms.TypedChoiceField(
                choices=CONTACT_CHOICES,
                coerce=lambda value: value == "yes",
                widget=forms.RadioSelect,
                required=new,
                label="Publish a contact?",
                help_text=(
                    "Readers who want to try this will need someone to call. If you keep the "
                    "contact private, the page says the team did not publish a contact."
                ),
                error_messages={"required": "Choose whether to publish a contact"},
            )
            if new:
                self.initial.pop("contact_is_public", None)
            else:
                self.initial["contact_is_public"] = (
                    "yes" if self.instance.contact_is_public else "no"
                )

    def clean_contact_is_public(self):
        value = self.cleaned_data.get("contact_is_public")
        if value in (None, ""):
            return self.instance.contact_is_public
        return value
