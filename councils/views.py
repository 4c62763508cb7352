from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from core import cache_tags
from core.pagination import page_of, paginate, requested_page
from core.params import MAX_FILTER_VALUES

from . import profile
from .content import records_for, sections_for, summary_for
from .models import Council, Nation

MAX_QUERY_LENGTH = 200
# A profile's sections are paginated each by its own parameter: ?page-published=2.
SECTION_PAGE = "page-"
SECTION_PAGE_SIZE = 10


class CouncilDirectoryView(TemplateView):
    template_name = "councils/council_directory.html"
    page_size = 50

    def get(self, request, *args, **kwargs):
        # The region filter once listed the nations too: old links move them to the nation one.
        regions = request.GET.getlist("region")
        if any(value in Nation.values for value in regions):
            params = request.GET.copy()
            params.setlist("region", [value for value in regions if value not in Nation.values])
            nations = params.getlist("nation")
            params.setlist(
                "nation",
                list(
                    dict.fromkeys(nations + [value for value in regions if value in Nation.values])
                ),
            )
            return HttpResponsePermanentRedirect(f"{request.path}?{params.urlencode()}")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        councils = Council.objects.all()
        show_former = request.GET.get("former") == "1"
        if not show_former:
            councils = councils.current()

        # order_by() drops the default ordering, which would defeat distinct().
        regions = sorted(
            set(
                Council.objects.filter(nation=Nation.ENGLAND)
                .order_by()
                .values_list("region", flat=True)
                .distinct()
            )
            - {"", *Nation.values}
        )
        types = {
            code: profile.TYPE_NAMES.get(code, name)
            for code, name in Council.objects.order_by()
            .values_list("council_type", "council_type_name")
            .distinct()
        }
        selected = {
            "nation": self._values("nation", Nation.values),
            "region": self._values("region", regions),
            "council_type": self._values("council_type", types),
        }
        for field, values in selected.items():
            if values:
                councils = councils.filter(**{f"{field}__in": values})

        query = request.GET.get("q", "").strip()
        notice = ""
        if len(query) > MAX_QUERY_LENGTH:
            query = query[:MAX_QUERY_LENGTH]
            notice = f"Your search was shortened to its first {MAX_QUERY_LENGTH} characters."
        if query:
            councils = councils.filter(
                Q(short_name__icontains=query)
                | Q(official_name__icontains=query)
                | Q(alt_names__icontains=query)
                | Q(code__iexact=query)
                | Q(gss_code__iexact=query)
            )
        paginator, page = paginate(request, councils.order_by("short_name"), self.page_size)
        context.update(
            {
                "councils": page,
                "paginator": paginator,
                "query": query,
                "notice": notice,
                "show_former": show_former,
                "filters": {
                    "nation": [(n, n, n in selected["nation"]) for n in Nation.values],
                    "english_region": [(r, r, r in selected["region"]) for r in regions],
                    "council_type": [
                        (code, name, code in selected["council_type"])
                        for code, name in sorted(types.items(), key=lambda item: item[1])
                    ],
                },
                "unknown_filters": self.unknown,
                "active_filter_count": sum(len(v) for v in selected.values()),
            }
        )
        return context

    def _values(self, name, allowed):
        if not hasattr(self, "unknown"):
            self.unknown = []
        values = []
        for value in self.request.GET.getlist(name)[:MAX_FILTER_VALUES]:
            if value in allowed:
                values.append(value)
            elif value:
                self.unknown.append(value[:100])
        return values


class CouncilDetailView(TemplateView):
    template_name = "councils/council_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        council = get_object_or_404(
            Council.objects.select_related("county", "combined_authority"), slug=kwargs["slug"]
        )
        sections = sections_for(council)
        summary = summary_for(sections)
        for number, section in enumerate(sections, start=1):
            section["page_param"] = f"{SECTION_PAGE}{section.get('key') or number}"
            section["items"] = self._page(section["items"], section["page_param"])
            cache_tags.note_pages(
                self.request, [getattr(item, "page", item) for item in section["items"]]
            )
        cache_tags.note(self.request, f"council:{council.pk}")
        context.update(
            {
                "council": council,
                "other_names": council.other_names,
                "what_it_runs": profile.what_it_runs(council),
                "profile_rows": profile.profile_rows(council),
                "summary": summary,
                "records": records_for(council),
                "sections": sections,
                "districts": list(council.districts.current().order_by("short_name")),
            }
        )
        return context

    def _page(self, items, name):
        """One page of a section's items (a queryset or a list), by the section's parameter."""
        paginator = Paginator(items, SECTION_PAGE_SIZE)
        number, notice = requested_page(self.request.GET, name)
        page, past_end = page_of(paginator, number)
        page.notice = notice or past_end
        page.param = name
        return page
