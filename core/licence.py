"""The licence published content is offered under, stated once for pages, the API and exports."""

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_SHORT_NAME = "OGL v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

REGISTER_CREDIT = "Council register and profiles: mySociety, CC BY 4.0"
REGISTER_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def attribution(council_name):
    """The words a reuser should print with content from one council."""
    return (
        f"Contains information from {council_name}, published on Shared Endeavour, "
        f"licensed under the {LICENCE_SHORT_NAME}."
    )


def licence_summary():
    return {
        "name": LICENCE_NAME,
        "url": LICENCE_URL,
        "attribution": attribution("<council>"),
        "register_credit": REGISTER_CREDIT,
    }
