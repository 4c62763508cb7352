"""Remove exactly what load_demo_data made, and nothing people made."""

from wagtail.models import Page

from casestudies.models import ProgressUpdate, ThemePage
from home.models import HomePage

from .data import KINDS, read_content
from .users import demo_users


def demo_pages(content):
    """Pages with a demo slug, under the demo's index page, owned by a demo account.

    Lessons come first: they point at the case studies and projects they came from.
    """
    users = demo_users()
    pages = []
    for kind in reversed(KINDS):
        index = kind.index.objects.first()
        if index is None:
            continue
        pages += Page.objects.child_of(index).filter(
            slug__in=[item["slug"] for item in content.pages[kind.key]], owner__in=users
        )
    return pages


def _unfeature(page, demo_ids, write):
    """Drop featured items that point at demo pages, publishing a new revision."""
    items = list(page.featured_items.all())
    keep = [item for item in items if item.page_id not in demo_ids]
    removed = len(items) - len(keep)
    if not removed:
        return 0
    if page.has_unpublished_changes:
        write(f"  warning: {page.title!r} has a draft; check its featured items in the admin")
    page.featured_items = keep
    page.save_revision().publish()
    return removed


def remove_demo_data(write):
    pages = demo_pages(read_content())
    demo_ids = {page.pk for page in pages}
    featured = 0
    for holder in [*HomePage.objects.all(), *ThemePage.objects.all()]:
        featured += _unfeature(holder, demo_ids, write)
    updates = ProgressUpdate.objects.filter(project_id__in=demo_ids).count()
    for number, page in enumerate(pages, 1):
        page.delete()
        if number % 20 == 0 or number == len(pages):
            write(f"Pages removed: {number}/{len(pages)}")
    accounts = list(demo_users())
    for account in accounts:
        account.delete()
    return {
        "pages": len(pages),
        "progress updates": updates,
        "featured items": featured,
        "demo accounts": len(accounts),
    }
