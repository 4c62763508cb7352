"""The page editor's fields for council, partner councils, themes and contact details."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html_join

from wagtail.admin.widgets import AdminTagWidget

from councils.models import Council

from .permissions import CouncilPageForm, acts_for_any_council

MAX_PARTNER_COUNCILS = 50


def council_names(councils):
    return [council.short_name for council in councils]


class CouncilNamesWidget(AdminTagWidget):
    """Wagtail's tag input, completing from the names of current councils only."""

    def __init__(self, attrs=None, limit=None):
        super().__init__(attrs=attrs, free_tagging=False)
        self.limit = limit

    def format_value(self, value):
        if not value:
            return ""
        if isinstance(value, str):
            return value
        return ", ".join(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["attrs"]["data-w-tag-url-value"] = reverse("casestudies_council_autocomplete")
        if self.limit:
            options = json.loads(widget["attrs"]["data-w-tag-options-value"])
            widget["attrs"]["data-w-tag-options-value"] = json.dumps(
                {**options, "tagLimit": self.limit}
            )
        widget["help_text"] = "Start typing a council's name, then choose it from the list."
        return context


class PartnerCouncilsField(forms.Field):
    """Current councils, named as the chooser names them (their short names)."""

    widget = CouncilNamesWidget
    limit = MAX_PARTNER_COUNCILS

    def __init__(self, *args, also=(), **kwargs):
        kwargs.setdefault("widget", CouncilNamesWidget(limit=self.limit))
        super().__init__(*args, **kwargs)
        self.also = tuple(also)  # councils choosable although no longer current

    def prepare_value(self, value):
        if not value or isinstance(value, str):
            return value or ""
        councils = [v for v in value if isinstance(v, Council)]
        ids = [v for v in value if not isinstance(v, Council)]
        if ids:
            councils += list(Council.objects.filter(pk__in=ids))
        return council_names(sorted(councils, key=lambda c: c.short_name))

    def to_python(self, value):
        if not value:
            return []
        if not isinstance(value, str):
            raise ValidationError("Choose councils from the list.")
        names = list(
            dict.fromkeys(
                name.strip().strip('"').strip() for name in value.replace("\x00", "").split(",")
            )
        )
        names = [name for name in names if name]
        if len(names) > self.limit:
            raise ValidationError(self.too_many_message)
        query = Q()
        for name in names:
            query |= Q(short_name__iexact=name)
        found = {}
        for council in self._choosable().filter(query):
            found.setdefault(council.short_name.casefold(), []).append(council)
        chosen, unknown, ambiguous = [], [], []
        for name in names:
            matches = {c.pk: c for c in found.get(name.casefold(), [])}
            if len(matches) == 1:
                chosen.extend(matches.values())
            elif matches:
                ambiguous.append(name)
            else:
                unknown.append(name)
        if unknown:
            raise ValidationError(
                "%(names)s is not a current council. Choose councils from the list.",
                params={"names": ", ".join(unknown)},
            )
        if ambiguous:
            raise ValidationError(
                "More than one council is called %(names)s. Ask a network organiser to add it.",
                params={"names": ", ".join(ambiguous)},
            )
        return list({council.pk: council for council in chosen}.values())

    too_many_message = f"Choose at most {MAX_PARTNER_COUNCILS} councils."

    def _choosable(self):
        return Council.objects.filter(
            Q(pk__in=Council.objects.current().values("pk")) | Q(pk__in=self.also)
        )


class LeadCouncilField(PartnerCouncilsField):
    """For organisers, who publish for any of about 470 councils: one council, by name."""

    limit = 1
    too_many_message = "Choose one council."

    def prepare_value(self, value):
        if isinstance(value, (Council, int)):
            value = [value]
        return super().prepare_value(value)

    def to_python(self, value):
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            # The id Wagtail's own council select would post.
            council = self._choosable().filter(pk=int(value.strip())).first()
            if council is not None:
                return council
        councils = super().to_python(value)
        return councils[0] if councils else None


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
            self.fields["council"] = LeadCouncilField(
                required=old.required,
                label=old.label,
                help_text=old.help_text,
                also=[self.instance.council_id] if self.instance.council_id else (),
            )
        if "partner_councils" in self.fields:
            old = self.fields["partner_councils"]
            self.fields["partner_councils"] = PartnerCouncilsField(
                required=False,
                label=old.label,
                help_text="Councils that worked on this with the lead council.",
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
