from django.http import JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import FormView, TemplateView

from casestudies.models import Theme
from core.throttling import limit
from councils.models import Council

from .engine import autocomplete, run_search
from .facets import FACET_LABELS
from .forms import ProblemStatementForm
from .services import SORTS, SearchParams
from .similarity import get_similarity_backend
from .text import clean_query

AUTOCOMPLETE_LIMIT = 8


class SearchView(TemplateView):
    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = SearchParams.from_querydict(self.request.GET)
        outcome = run_search(params)
        base = reverse("search:search")
        removable = []
        for name, values in params.active.items():
            for value in values:
                remaining = [v for v in values if v != value]
                removable.append(
                    {
                        "label": params.vocabulary.label(name, value),
                        "facet": FACET_LABELS[name],
                        "querystring": params.querydict(
                            **{name: remaining, "page": None}
                        ).urlencode(),
                    }
                )
        if params.peers_of:
            removable.append(
                {
                    "label": str(params.peers_of),
                    "facet": "Councils like",
                    "querystring": params.querydict(peers_of=None, page=None).urlencode(),
                }
            )
        for facet in outcome.facets:
            for value in facet["values"]:
                chosen = params.selected.get(facet["name"], [])
                toggled = (
                    [v for v in chosen if v != value["value"]]
                    if value["selected"]
                    else chosen + [value["value"]]
                )
                value["querystring"] = params.querydict(
                    **{facet["name"]: toggled, "page": None}
                ).urlencode()
        context.update(
            {
                "search_url": base,
                "outcome": outcome,
                "params": params,
                "query": params.shown_query,
                "removable": removable,
                "sorts": [
                    {
                        "value": key,
                        "label": label,
                        "selected": key == params.sort,
                        "querystring": params.querydict(sort=key, page=None).urlencode(),
                    }
                    for key, label in SORTS.items()
                ],
                "page_querystring": params.querydict(page=None).urlencode(),
                "searched": bool(params.shown_query or params.active or params.peers_of),
            }
        )
        return context


class AutocompleteView(TemplateView):
    """Councils (by any of their names) and themes starting with what has been typed."""

    def get(self, request, *args, **kwargs):
        query, _shown, _notices = clean_query(request.GET.get("q", ""), limit=100)
        if len(query) < 2:
            return JsonResponse({"councils": [], "themes": []})
        councils = autocomplete(query, Council.objects.current(), AUTOCOMPLETE_LIMIT)
        themes = Theme.objects.filter(name__icontains=query).order_by("name")
        return JsonResponse(
            {
                "councils": [
                    {
                        "name": council.short_name,
                        "url": council.get_absolute_url(),
                        "also_known_as": council.other_names[:3],
                    }
                    for council in councils
                ],
                "themes": [
                    {"name": theme.name, "url": f"{reverse('search:search')}?theme={theme.slug}"}
                    for theme in themes[:AUTOCOMPLETE_LIMIT]
                ],
            }
        )


@method_decorator(limit("similar-councils", method=["GET", "POST"]), name="dispatch")
class SimilarCouncilsView(FormView):
    """Paste a problem in your own words; get the councils that have faced it."""

    template_name = "search/similar_councils.html"
    form_class = ProblemStatementForm
    limit = 10

    def get(self, request, *args, **kwargs):
        if "problem" in request.GET:
            form = self.form_class(data=request.GET)
            return self.form_valid(form) if form.is_valid() else self.form_invalid(form)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        matches = get_similarity_backend().councils_for_text(
            form.cleaned_data["problem"], limit=self.limit
        )
        return self.render_to_response(
            self.get_context_data(form=form, matches=matches, searched=True)
        )
