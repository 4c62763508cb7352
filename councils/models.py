from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from wagtail.search import index

from . import names


class Nation(models.TextChoices):
    ENGLAND = "England", "England"
    SCOTLAND = "Scotland", "Scotland"
    WALES = "Wales", "Wales"
    NORTHERN_IRELAND = "Northern Ireland", "Northern Ireland"


class Tier(models.TextChoices):
    UNITARY = "unitary", "Unitary"
    UPPER = "upper tier", "Upper tier (county)"
    LOWER = "lower tier", "Lower tier (district)"
    NI_DISTRICT = "ni district", "Northern Ireland district"
    COMBINED = "combined", "Combined authority"


class CouncilQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)


class Council(index.Indexed, models.Model):
    """One UK local authority from the mySociety register."""

    code = models.CharField("register code", max_length=10, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    official_name = models.CharField(max_length=255)
    short_name = models.CharField(max_length=255, db_index=True)
    alt_names = models.TextField(
        "alternative names", blank=True, help_text="Other names people use, comma separated."
    )
    gss_code = models.CharField("GSS code", max_length=12, blank=True, db_index=True)
    council_type = models.CharField("type", max_length=10, db_index=True)
    council_type_name = models.CharField("type name", max_length=100)
    tier = models.CharField(max_length=20, choices=Tier.choices, blank=True)
    nation = models.CharField(max_length=20, choices=Nation.choices, db_index=True)
    region = models.CharField(max_length=100, blank=True, db_index=True)
    county = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="districts",
        help_text="The county council above this district, where there is one.",
    )
    combined_authority = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="constituent_councils",
    )
    population = models.PositiveIntegerField(null=True, blank=True)
    area_km2 = models.FloatField("area (km²)", null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    is_current = models.BooleanField("current", default=True, db_index=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    replaced_by = models.CharField(
        max_length=100, blank=True, help_text="Register codes of the councils that replaced it."
    )
    profile_label = models.CharField(max_length=255, blank=True)
    emissions_profile = models.CharField(max_length=100, blank=True)
    deprivation_quintile = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="IMD quintile: 1 is the most deprived fifth."
    )
    rurality = models.CharField(max_length=100, blank=True)

    objects = CouncilQuerySet.as_manager()

    search_fields = [
        index.SearchField("short_name", boost=3),
        index.AutocompleteField("short_name"),
        index.SearchField("official_name", boost=2),
        index.SearchField("alt_names"),
        index.AutocompleteField("alt_names"),
        index.SearchField("region"),
        index.FilterField("nation"),
        index.FilterField("region"),
        index.FilterField("council_type"),
        index.FilterField("tier"),
        index.FilterField("is_current"),
    ]

    class Meta:
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("councils:detail", kwargs={"slug": self.slug})

    def practitioner_emails(self):
        """The addresses of the active people who write for this council."""
        return list(
            get_user_model()
            .objects.filter(council_memberships__council=self, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )

    @property
    def density(self):
        if self.population and self.area_km2:
            return self.population / self.area_km2
        return None

    @property
    def alt_name_list(self):
        """Every alternative name in the register, lower-case search copies included."""
        return names.split_alt_names(self.alt_names)

    @property
    def type_name(self):
        """The kind of council, in words ("District council", not "NMD")."""
        from .profile import type_name

        return type_name(self)

    @property
    def other_names(self):
        """The alternative names to show people: each once, never the council's own."""
        return names.other_names(self)


class CouncilMembership(models.Model):
    """A person's right to write for a council. Organisers grant extra memberships."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_memberships"
    )
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "council"], name="unique_council_membership")
        ]
        permissions = [
            ("act_for_any_council", "Can review, edit and publish every council's pages"),
        ]

    def __str__(self):
        return f"{self.user} – {self.council}"
