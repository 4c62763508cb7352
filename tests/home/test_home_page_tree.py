"""Where the home page and standard pages may be created."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LessonIndexPage,
    ProjectIndexPage,
    ThemeIndexPage,
    ThemePage,
)
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage


class HomePageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                CaseStudyIndexPage,
                LessonIndexPage,
                ProjectIndexPage,
                ThemeIndexPage,
                StandardPage,
            },
        )

    def test_there_is_one_home_page(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertEqual(HomePage.objects.count(), 1)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        for parent in (CaseStudyIndexPage, CaseStudyPage, ThemeIndexPage, ThemePage):
            self.assertCanNotCreateAt(parent, StandardPage)

    def test_any_number_of_standard_pages(self):
        about = StandardPageFactory()
        StandardPageFactory(parent=about)
        self.assertTrue(StandardPage.can_create_at(HomePage.objects.first()))
        self.assertTrue(StandardPage.can_create_at(about))
