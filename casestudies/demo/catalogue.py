"""All demo content in one place, and what the home and theme pages feature.

Slugs are unique across case studies, projects and lessons, so anything can refer to an
item by its slug alone.
"""

from .case_studies_people import CASE_STUDIES as _PEOPLE
from .case_studies_places import CASE_STUDIES as _PLACES
from .case_studies_waste_housing import CASE_STUDIES as _WASTE_HOUSING
from .lessons import LESSONS
from .projects_places import PROJECTS as _PROJECTS_PLACES
from .projects_services import PROJECTS as _PROJECTS_SERVICES

CASE_STUDIES = _WASTE_HOUSING + _PEOPLE + _PLACES
PROJECTS = _PROJECTS_SERVICES + _PROJECTS_PLACES

HOME_FEATURED = [
    "buying-homes-to-cut-bed-and-breakfast-use",
    "bilingual-council-tax-assistant-for-wales",
    "clearing-the-social-care-assessment-waiting-list",
    "untested-backups-are-wishes",
    "shared-fly-tipping-enforcement-northern-ireland",
]

THEME_FEATURED = {
    "housing": [
        "joint-procurement-of-temporary-accommodation",
        "video-triage-for-housing-repairs",
        "treat-the-first-damp-report-seriously",
    ],
    "waste": [
        "in-cab-tablets-cut-missed-bin-reports",
        "common-data-standard-for-bin-collection-events",
        "publicise-fly-tipping-prosecutions",
    ],
    "digital-inclusion": [
        "library-laptop-and-tablet-lending",
        "lend-devices-with-data-and-a-helper",
    ],
    "climate": [
        "rural-ev-charge-points-in-village-car-parks",
        "rural-charge-point-partnership",
    ],
}


def all_items():
    """Every demo item with the kind of page it becomes."""
    return (
        [("case study", item) for item in CASE_STUDIES]
        + [("project", item) for item in PROJECTS]
        + [("lesson", item) for item in LESSONS]
    )
