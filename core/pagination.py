"""Pagination for every listing: the page asked for, and a notice when it cannot be shown."""

import hashlib

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from . import content_version
from .params import parse_int

PAGE_SIZE = 20
INVALID_PAGE = "That page number was not valid, so you are seeing the first page."


def requested_page(data, name="page"):
    """The page number a query string asks for (1 when it asks for none), and a notice when
    what it asked for was not a page number."""
    raw = data.get(name, "")
    if not raw.strip():
        return 1, ""
    number = parse_int(raw, minimum=1)
    if number is None:
        return 1, INVALID_PAGE
    return number, ""


def page_of(paginator, number):
    """Page `number`, or the last page with a notice when `number` is past the end."""
    if number > paginator.num_pages:
        notice = ""
        if paginator.count:
            notice = (
                f"There is no page {number}; you are seeing the last page, "
                f"page {paginator.num_pages}."
            )
        return paginator.page(paginator.num_pages), notice
    return paginator.page(number), ""


class ContentPaginator(Paginator):
    """A paginator of published pages that counts them once per content version: the count
    of a listing scans every page it lists, so it grew with the site (about 6 ms at 10,000
    pages, 60 at 100,000). Only for lists of pages and what is stored with them, which every
    content change versions (`core.content_version`); never for records outside it."""

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return Paginator.count.func(self)
        try:
            query = repr(self.object_list.order_by().query.sql_with_params())
        except EmptyResultSet:  # a filter that matches nothing, such as pk__in=[]
            return 0
        name = f"listing-count:{hashlib.sha256(query.encode()).hexdigest()}"
        return content_version.cached(name, lambda: Paginator.count.func(self))


def paginate(request, object_list, per_page=PAGE_SIZE, paginator_class=Paginator):
    """A page of results; `page.notice` explains when the requested page could not be shown."""
    paginator = paginator_class(object_list, per_page)
    number, notice = requested_page(request.GET)
    page, past_end = page_of(paginator, number)
    page.notice = notice or past_end
    return paginator, page
