from wagtail.snippets.models import register_snippet

from .admin_viewsets import WorkingTogetherGroup

register_snippet(WorkingTogetherGroup)
