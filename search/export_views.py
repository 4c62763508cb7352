"""The CSV and JSON downloads of a search's results, and the page describing their columns."""

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from core import licence
from core.throttling import limit

from .engine import all_results
from .exports import COLUMNS, csv_lines, json_pieces, records
from .services import SearchParams

FILENAME = "shared-endeavour-search-{date}.{extension}"
PIECE_SIZE = 64 * 1024  # characters sent at a time


def _joined(pieces):
    """The rows in pieces of about PIECE_SIZE: the server sends each piece on its own, and a
    piece a row cost a send per row."""
    waiting, size = [], 0
    for piece in pieces:
        waiting.append(piece)
        size += len(piece)
        if size >= PIECE_SIZE:
            yield "".join(waiting)
            waiting, size = [], 0
    if waiting:
        yield "".join(waiting)


def _download(request, pieces, content_type, extension):
    response = StreamingHttpResponse(_joined(pieces), content_type=content_type)
    filename = FILENAME.format(date=timezone.localdate().isoformat(), extension=extension)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def _records(request):
    params = SearchParams.from_querydict(request.GET)
    return params, records(all_results(params), request)


@limit("export", method="GET")
def export_csv(request):
    _params, rows = _records(request)
    return _download(request, csv_lines(rows), "text/csv; charset=utf-8", "csv")


@limit("export", method="GET")
def export_json(request):
    params, rows = _records(request)
    about = {
        "licence": licence.licence_summary() | {"short_name": licence.LICENCE_SHORT_NAME},
        "data_dictionary": request.build_absolute_uri(reverse("search:export_columns")),
        "search": request.build_absolute_uri(
            reverse("search:search") + "?" + params.querydict(page=None).urlencode()
        ),
        "ignored_filters": params.ignored,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "columns": [column.name for column in COLUMNS],
    }
    return _download(request, json_pieces(rows, about), "application/json", "json")


class ExportColumnsView(TemplateView):
    """The data dictionary: every column of the exports, and how to credit what you reuse."""

    template_name = "search/export_columns.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=COLUMNS,
            licence=licence.licence_summary(),
            licence_short_name=licence.LICENCE_SHORT_NAME,
            register_licence_url=licence.REGISTER_LICENCE_URL,
            **kwargs,
        )
