from .base import LearningPage
from .case_study import CaseStudyPage
from .indexes import CaseStudyIndexPage, LessonIndexPage, ProjectIndexPage
from .lesson import LessonPage, LessonSource
from .partners import Partnership
from .project import ProgressUpdate, ProjectPage
from .theme_page import ThemeFeaturedItem, ThemeIndexPage, ThemePage
from .themes import TaggedPage, Theme, ThemedPage

__all__ = [
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "LearningPage",
    "LessonIndexPage",
    "LessonPage",
    "LessonSource",
    "Partnership",
    "ProgressUpdate",
    "ProjectIndexPage",
    "ProjectPage",
    "TaggedPage",
    "Theme",
    "ThemeFeaturedItem",
    "ThemeIndexPage",
    "ThemePage",
    "ThemedPage",
]
