from io import StringIO

from django.core.management import call_command

import pytest

from councils.models import Council


@pytest.fixture(scope="module")
def loaded_register(django_db_setup, django_db_blocker):
    """The real register (470 councils), loaded once for the whole test module; the value is
    what the import printed. Each test runs in its own transaction, so whatever a test
    changes is rolled back and the next test sees the register as loaded."""
    with django_db_blocker.unblock():
        output = StringIO()
        call_command("import_councils", stdout=output)
    yield output.getvalue()
    with django_db_blocker.unblock():
        Council.objects.all().delete()
