"""The kinds of learning page, named once for every listing and for search:
{query-string value: (plural label, model)}."""


def kinds():
    from .models import CaseStudyPage, LessonPage, ProjectPage

    return {
        "case-study": ("Case studies", CaseStudyPage),
        "lesson": ("Lessons", LessonPage),
        "project": ("Projects", ProjectPage),
    }
