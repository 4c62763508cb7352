"""Where each page type may be created: the tree declared by parent/subpage types."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    LessonIndexPageFactory,
    ProjectIndexPageFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
)
from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LearningPage,
    LessonIndexPage,
    LessonPage,
    ProjectIndexPage,
    ProjectPage,
    ThemeIndexPage,
    ThemePage,
)
from home.models import HomePage, StandardPage

INDEXES = {
    CaseStudyIndexPage: CaseStudyPage,
    LessonIndexPage: LessonPage,
    ProjectIndexPage: ProjectPage,
}
EVERY_TYPE = [
    HomePage,
    StandardPage,
    CaseStudyIndexPage,
    CaseStudyPage,
    LessonIndexPage,
    LessonPage,
    ProjectIndexPage,
    ProjectPage,
    ThemeIndexPage,
    ThemePage,
]


class LearningPageTreeTests(WagtailPageTestCase):
    def test_each_kind_of_learning_lives_only_under_its_own_index(self):
        for index_model, page_model in INDEXES.items():
            with self.subTest(page_model.__name__):
                self.assertAllowedParentPageTypes(page_model, {index_model})
                self.assertAllowedSubpageTypes(index_model, {page_model})
                self.assertAllowedSubpageTypes(page_model, set())
                self.assertCanCreateAt(index_model, page_model)
                for other in set(EVERY_TYPE) - {index_model}:
                    self.assertCanNotCreateAt(other, page_model)

    def test_index_pages_hang_off_the_home_page(self):
        for index_model in [*INDEXES, ThemeIndexPage]:
            with self.subTest(index_model.__name__):
                self.assertAllowedParentPageTypes(index_model, {HomePage})
                self.assertCanCreateAt(HomePage, index_model)
                self.assertCanNotCreateAt(StandardPage, index_model)
                self.assertCanNotCreateAt(Page, index_model)

    def test_theme_pages_live_under_the_theme_index(self):
        self.assertAllowedParentPageTypes(ThemePage, {ThemeIndexPage})
        self.assertAllowedSubpageTypes(ThemeIndexPage, {ThemePage})
        self.assertAllowedSubpageTypes(ThemePage, set())
        self.assertCanNotCreateAt(HomePage, ThemePage)
        self.assertCanNotCreateAt(CaseStudyIndexPage, ThemePage)

    def test_learning_page_base_is_never_creatable(self):
        home = HomePage.objects.first()
        index = CaseStudyIndexPageFactory()
        self.assertFalse(LearningPage.is_creatable)
        for parent in (Page.get_first_root_node(), home, index):
            self.assertFalse(LearningPage.can_create_at(parent))
        for parent_model in EVERY_TYPE:
            self.assertNotIn(LearningPage, parent_model.creatable_subpage_models())

    def test_index_pages_are_singletons(self):
        home = HomePage.objects.first()
        factories = [
            CaseStudyIndexPageFactory,
            LessonIndexPageFactory,
            ProjectIndexPageFactory,
            ThemeIndexPageFactory,
        ]
        for factory in factories:
            model = factory._meta.model
            with self.subTest(model.__name__):
                self.assertEqual(model.max_count, 1)
                self.assertTrue(model.can_create_at(home))
                page = factory()
                self.assertFalse(model.can_create_at(home))
                self.assertEqual(factory(), page)

    def test_any_number_of_learning_pages_and_theme_pages(self):
        index = CaseStudyPageFactory().get_parent().specific
        CaseStudyPageFactory()
        self.assertTrue(CaseStudyPage.can_create_at(index))
        theme_index = ThemePageFactory().get_parent().specific
        self.assertTrue(ThemePage.can_create_at(theme_index))


class AdminOffersOnlyAllowedTypesTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def add_links(self, parent):
        response = self.client.get(reverse("wagtailadmin_pages:add_subpage", args=[parent.pk]))
        self.assertEqual(response.status_code, 200)
        return response

    @staticmethod
    def add_url(model_name, parent, app="casestudies"):
        return reverse("wagtailadmin_pages:add", args=[app, model_name, parent.pk])

    def test_home_page_offers_index_pages_and_standard_pages(self):
        home = HomePage.objects.first()
        response = self.add_links(home)
        for app, name in (
            ("casestudies", "casestudyindexpage"),
            ("casestudies", "lessonindexpage"),
            ("casestudies", "projectindexpage"),
            ("casestudies", "themeindexpage"),
            ("home", "standardpage"),
        ):
            self.assertContains(response, self.add_url(name, home, app))
        self.assertNotContains(response, self.add_url("learningpage", home))
        self.assertNotContains(response, self.add_url("casestudypage", home))

    def test_a_second_index_page_is_not_offered(self):
        home = HomePage.objects.first()
        CaseStudyIndexPageFactory()
        response = self.add_links(home)
        self.assertNotContains(response, self.add_url("casestudyindexpage", home))
        self.assertContains(response, self.add_url("lessonindexpage", home))

    def test_pages_in_the_wrong_place_are_refused(self):
        home = HomePage.objects.first()
        index = CaseStudyIndexPageFactory()
        for url in (
            self.add_url("casestudypage", home),
            self.add_url("learningpage", index),
            self.add_url("casestudyindexpage", home),
        ):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.assertEqual(self.client.get(self.add_url("casestudypage", index)).status_code, 200)
