"""What every page type shares. Abstract: no table of its own."""

from wagtail.models import Page

from .mixins import BasePageMixin


class BasePage(BasePageMixin, Page):
    """Abstract parent of every page type on the site."""

    class Meta:
        abstract = True

    promote_panels = Page.promote_panels + BasePageMixin.promote_panels_extra
    search_fields = Page.search_fields + BasePageMixin.base_search_fields
