"""What every page type shares. Abstract: no table of its own."""

from wagtail.models import Page, PageViewRestriction

from .mixins import BasePageMixin
from .public_pages import PublicPageManager, private_page_paths


class BasePage(BasePageMixin, Page):
    """Abstract parent of every page type on the site."""

    objects = PublicPageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Most sites have no private section: then no page has restrictions, and serving a
        # page need not read its ancestors' (core.public_pages keeps the list per version).
        if not private_page_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    promote_panels = Page.promote_panels + BasePageMixin.promote_panels_extra
    search_fields = Page.search_fields + BasePageMixin.base_search_fields
