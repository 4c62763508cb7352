"""What a response shows, for the page cache (`home.page_cache`) to invalidate it by.

Views and template tags note tags such as `page:<id>` or `council:<id>` on the request while
they render; a cached page is dropped when the content behind any of its tags changes.
"""


def note(request, *tags):
    if request is None:
        return
    noted = getattr(request, "_cache_tags", None)
    if noted is None:
        noted = request._cache_tags = set()
    noted.update(tags)


def note_pages(request, pages):
    note(request, *(f"page:{page.pk}" for page in pages))


def noted(request):
    return set(getattr(request, "_cache_tags", ()))
