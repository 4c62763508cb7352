"""The real council register in a test's database, imported once per test process."""

from copy import copy
from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from wagtail.models import ReferenceIndex

from modelsearch.backends import get_search_backends

from councils.models import Council
from search.models import SimilarityState

# The register's rows as `import_councils` first left them in this process.
_register = {}


def load_register():
    """Every council in the real register. The first call imports it (470 councils, about 10
    seconds on PostgreSQL, most of it indexing each council's references);
    each later one, into an empty table, gets the same rows back in a few bulk inserts, and the
    councils indexed for search in one go."""
    council_type = ContentType.objects.get_for_model(Council)
    empty = not Council.objects.exists()
    if not _register or not empty:
        call_command("import_councils", stdout=StringIO())
        if empty and not _register:
            _register["councils"] = list(Council.objects.order_by("pk"))
            _register["references"] = list(
                ReferenceIndex.objects.filter(content_type=council_type).order_by("pk")
            )
        return
    Council.objects.bulk_create(_register["councils"])
    ReferenceIndex.objects.bulk_create([_copy(row) for row in _register["references"]])
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Council, ReferenceIndex]):
            cursor.execute(sql)
    councils = list(Council.objects.order_by("pk"))
    for backend in get_search_backends(with_auto_update=True):
        backend.get_index_for_model(Council).add_items(Council, councils)
    SimilarityState.bump()  # as each council's save does


def _copy(row):
    """A new row with the same values: other pages' references may hold the old row's id."""
    row = copy(row)
    row.pk = None
    return row
