from django.db import models
from django.db.models import prefetch_related_objects

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager

from core.models import BasePage
from core.public_pages import PublicPageQuerySet

from ..forms import LearningPageForm
from ..permissions import CouncilPagePermissionTester
from .partners import Partnership, partners_with_councils
from .themes import TaggedPage, ThemedPage


class LearningPageQuerySet(PublicPageQuerySet):
    def for_listing(self):
        """Everything a listing card needs, in a fixed number of queries."""
        from ..cards import with_card_facts

        return with_card_facts(self.select_related("council").prefetch_related("themed_items__tag"))

    def with_themes(self, themes):
        """Pages carrying any of `themes` (themes or a queryset of them). A subquery, not a
        join: no page repeats, so nothing needs DISTINCT, which made a listing's count compare
        every column of every page (23 ms at 10,000 pages)."""
        themed = ThemedPage.objects.filter(tag__in=themes).values("content_object_id")
        return self.filter(pk__in=themed)

    def for_council(self, council):
        return self.involving([council])

    def involving(self, councils):
        """Pages a council leads or is a partner on; `councils` may be a queryset.

        The partners are a subquery, not a join: an OR across the join made SQLite read every
        page (7 ms at 10,000 pages), where this reads two indexes and repeats no page.
        """
        partnered = Partnership.objects.filter(council__in=councils).values("page_id")
        return self.filter(models.Q(council__in=councils) | models.Q(pk__in=partnered))


LearningPageManager = PageManager.from_queryset(LearningPageQuerySet)


class LearningPage(BasePage):
    """What case studies, lessons and projects share: a council, a summary and themes.

    Concrete (not abstract) so that one query can list, filter and search every kind of
    published learning together, newest first.
    """

    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.PROTECT,
        related_name="learning_pages",
        help_text="The council that owns this page.",
    )
    summary = models.TextField(
        max_length=600, help_text="In two or three sentences: what happened and why it matters."
    )
    themes = ClusterTaggableManager(
        through=ThemedPage,
        blank=True,
        related_name="learning_pages",
        help_text="Choose from the curated list of themes.",
    )
    tags = ClusterTaggableManager(
        through=TaggedPage,
        blank=True,
        related_name="tagged_learning_pages",
        help_text="Any other keywords, separated by commas.",
        verbose_name="other tags",
    )

    objects = LearningPageManager()
    base_form_class = LearningPageForm

    is_creatable = False

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.RelatedFields(
            "council",
            [
                index.SearchField("short_name"),
                index.SearchField("alt_names"),
            ],
        ),
        index.RelatedFields(
            "themes", [index.SearchField("name", boost=2), index.FilterField("slug")]
        ),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("council"),
        index.FilterField("involved_council_ids", type="IntegerField"),
        index.FilterField("first_published_at"),
    ]

    learning_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("council"), FieldPanel("themes"), FieldPanel("tags")],
            heading="Council and themes",
        ),
    ]

    class Meta:
        verbose_name = "published learning"

    def get_context(self, request, *args, **kwargs):
        # The page's structured data and its template both show these: fetch each once.
        prefetch_related_objects([self], "themes", "tags", partners_with_councils())
        return super().get_context(request, *args, **kwargs)

    def permissions_for_user(self, user):
        return CouncilPagePermissionTester(user, self)

    def get_admin_display_title(self):
        # ``chooser_title``: the live title the page chooser shows to another council
        # (casestudies.permissions.hide_other_councils_drafts).
        return getattr(self, "chooser_title", None) or super().get_admin_display_title()

    def partner_councils(self):
        """The councils that worked on this with the lead council, in the editor's order."""
        return [partner.council for partner in self.partners.all()]

    def partner_council_ids(self):
        return [partner.council_id for partner in self.partners.all()]

    def add_partner(self, council):
        """Add council as a partner in memory (saved with the page or its next revision)."""
        if council.pk not in self.partner_council_ids():
            self.partners.add(Partnership(council=council, sort_order=len(self.partners.all())))

    def involved_council_ids(self):
        """The lead council and every partner: what the search page's council filter uses."""
        return [self.council_id, *self.partner_council_ids()]

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("partners")

    @property
    def kind(self):
        return self.specific_class._meta.verbose_name if self.specific_class else ""

    @property
    def card_cost(self):
        from ..cards import cost_label

        return cost_label(self)

    @property
    def card_outcome(self):
        from ..cards import headline_outcome

        return headline_outcome(self)

    @property
    def theme_list(self):
        return [item.tag for item in self.themed_items.all()]


class ContactFields(models.Model):
    contact_name = models.CharField(max_length=200, blank=True)
    contact_role = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_is_public = models.BooleanField(
        "show contact details publicly",
        default=False,
        help_text="Leave unticked to keep the name and email address off the public page.",
    )

    class Meta:
        abstract = True

    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_is_public"),
            ],
            heading="Whom to contact",
        )
    ]

    @property
    def public_contact(self):
        if self.contact_is_public and (self.contact_name or self.contact_email):
            return {
                "name": self.contact_name,
                "role": self.contact_role,
                "email": self.contact_email,
            }
        return None
