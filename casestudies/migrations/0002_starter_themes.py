from django.db import migrations
from django.utils.text import slugify

THEMES = [
    ("Adult social care", "Care and support for adults, carers and people with disabilities."),
    ("Children and families", "Early help, safeguarding, SEND, education and family support."),
    ("Housing", "Homelessness, allocations, housing standards and new homes."),
    ("Planning", "Local plans, development management and building control."),
    ("Waste", "Collection, recycling, street cleansing and fly-tipping."),
    ("Highways and transport", "Roads, potholes, parking, buses and active travel."),
    ("Revenues and benefits", "Council tax, business rates, housing benefit and debt."),
    ("Customer contact", "Contact centres, web forms, complaints and channel shift."),
    ("Data and standards", "Open data, data sharing, common standards and analytics."),
    ("Cyber security", "Protecting systems and data, resilience and incident response."),
    ("Democracy", "Elections, member services, consultation and engagement."),
    ("Libraries and culture", "Libraries, museums, arts, heritage and leisure."),
    ("Climate", "Net zero, adaptation, flooding and nature recovery."),
    ("Public health", "Health improvement, prevention and health protection."),
    ("Digital inclusion", "Skills, access, devices and connectivity for residents."),
    ("Workforce and skills", "Recruitment, retention, apprenticeships and training."),
    ("Procurement", "Buying well, contract management and social value."),
    ("Economic development", "High streets, business support and regeneration."),
    ("Community safety", "Antisocial behaviour, licensing and trading standards."),
    ("Finance and commercial", "Budgets, savings, income generation and audit."),
]


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("casestudies", "Theme")
    for name, description in THEMES:
        Theme.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0001_initial")]

    operations = [migrations.RunPython(seed_themes, migrations.RunPython.noop)]
