"""Blocks of the site's own standard pages."""

from django.conf import settings

from wagtail import blocks

from core.blocks import BodyStreamBlock


def feedback_email(request=None):
    """Where readers write to the organisers: the site settings, else FEEDBACK_EMAIL."""
    from wagtail.models import Site

    from .models import SiteSettings

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    address = SiteSettings.for_site(site).service_email if site else ""
    return address or getattr(settings, "FEEDBACK_EMAIL", "")


class FeedbackContactBlock(blocks.StaticBlock):
    """The site's feedback address as it is now, not as it was when the page was written."""

    class Meta:
        template = "components/feedback_contact.html"
        admin_text = "The site's feedback address, from the site settings."
        label = "Feedback address"
        icon = "mail"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["feedback_email"] = feedback_email((parent_context or {}).get("request"))
        return context


class StandardBodyBlock(BodyStreamBlock):
    feedback_contact = FeedbackContactBlock()
