from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # Whatever database cache the settings name (production's page cache without Redis);
    # createcachetable skips tables that exist.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
