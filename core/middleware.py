from django.http import QueryDict


class StripNullCharactersMiddleware:
    """Removes NUL characters from query parameters before any view reads them.

    PostgreSQL refuses them in text (a ValueError, so a 500, wherever a parameter reaches a
    query); no one types one, and without them every view reads the rest as typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if "%00" in raw or "\x00" in raw:
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
