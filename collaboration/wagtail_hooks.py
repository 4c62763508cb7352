from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from councils.models import Council

from .admin_viewsets import WorkingTogetherGroup
from .introductions import admin_listing_url

register_snippet(WorkingTogetherGroup)


@hooks.register("register_snippet_listing_buttons")
def introductions_of_council(snippet, user, next_url=None):
    if isinstance(snippet, Council) and user.has_perm("collaboration.view_introduction"):
        yield Button("Introductions", url=admin_listing_url(snippet), icon_name="link", priority=90)
