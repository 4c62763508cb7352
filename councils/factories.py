"""Test factories for the council register."""

from django.utils.text import slugify

import factory
from factory.django import DjangoModelFactory

from .models import Council, Nation, Tier


class CouncilFactory(DjangoModelFactory):
    """A current English district council unless told otherwise; codes and slugs never clash."""

    class Meta:
        model = Council

    code = factory.Sequence(lambda n: f"T{n:04d}")
    short_name = factory.Sequence(lambda n: f"Testshire {n}")
    official_name = factory.LazyAttribute(lambda o: f"{o.short_name} District Council")
    slug = factory.LazyAttribute(lambda o: slugify(o.short_name))
    alt_names = ""
    gss_code = factory.Sequence(lambda n: f"E07{n:06d}")
    council_type = "NMD"
    council_type_name = "Non-metropolitan district"
    tier = Tier.LOWER
    nation = Nation.ENGLAND
    region = "South West"
    population = 100_000
    area_km2 = 500.0
    is_current = True

    class Params:
        unitary = factory.Trait(
            council_type="UA", council_type_name="Unitary authority", tier=Tier.UNITARY
        )
        county_council = factory.Trait(
            council_type="CTY", council_type_name="County", tier=Tier.UPPER
        )
        former = factory.Trait(is_current=False)
