"""An organiser introducing two councils: choose the second council if the link names one,
confirm why they should talk, send."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.views import View

from core.throttling import limit_person

from . import introductions
from .models import Introduction


class OrganisersOnly(View):
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not introductions.may_introduce(request.user):
            return render(request, "collaboration/introduce_refused.html", status=403)
        return super().dispatch(request, *args, **kwargs)


@method_decorator(limit_person("introduction"), name="post")
class IntroduceView(OrganisersOnly):
    template_name = "collaboration/introduce.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.first = self.second = self.page = None

    def _load(self):
        query = self.request.GET
        self.first = introductions.council_from(query.get("first"))
        self.page = introductions.page_from(query.get("page"))
        self.problem = " ".join(query.get("problem", "").split())[
            : introductions.MAX_PROBLEM_LENGTH
        ]
        if query.get("second"):
            self.second = introductions.council_from(query.get("second"))

    def get(self, request):
        self._load()
        if self.second is None or self.second == self.first:
            return self._choose()
        reasons = introductions.suggested_reasons(self.first, self.second, self.page, self.problem)
        form = introductions.IntroductionForm(initial={"reasons": reasons}, repeat=self._repeat())
        return self._confirm(form, found_reasons=bool(reasons))

    def post(self, request):
        self._load()
        if self.second is None or self.second == self.first:
            return self._choose(status=400)
        repeat = self._repeat()
        form = introductions.IntroductionForm(request.POST, repeat=repeat)
        if not form.is_valid():
            return self._confirm(form, status=400)
        nobody = [
            council
            for council, addresses in introductions.recipients(self.first, self.second).items()
            if not addresses
        ]
        if nobody:
            form.add_error(None, introductions.nobody_to_tell(nobody))
            return self._confirm(form, status=400)
        introduction, _count = introductions.introduce(
            self.first,
            self.second,
            form.cleaned_data["reasons"],
            form.cleaned_data["message"],
            self.page,
            request.user,
        )
        return redirect("collaboration:introduction_sent", pk=introduction.pk)

    def _repeat(self):
        return introductions.recent_introduction(self.first, self.second)

    def _choose(self, status=200):
        data = self.request.GET if "second" in self.request.GET else None
        form = introductions.ChooseCouncilForm(data, first=self.first)
        if self.second is not None and self.second == self.first:
            form.is_valid()
            form.errors["second"] = form.error_class(
                [f"{self.first.short_name} cannot be introduced to itself. Choose another council"]
            )
        return render(
            self.request,
            "collaboration/introduce_choose.html",
            {
                "form": form,
                "first": self.first,
                "page": self.page,
                "problem": self.problem,
            },
            status=400 if form.errors else status,
        )

    def _confirm(self, form, status=200, found_reasons=True):
        people = introductions.recipients(self.first, self.second)
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "first": self.first,
                "second": self.second,
                "page": self.page,
                "found_reasons": found_reasons,
                "people": [(council, len(addresses)) for council, addresses in people.items()],
                "nobody": introductions.nobody_to_tell(
                    [council for council, addresses in people.items() if not addresses]
                ),
                "repeat": form.repeat,
                "action": f"{reverse('collaboration:introduce')}?{self._querystring()}",
            },
            status=status,
        )

    def _querystring(self):
        values = {"first": self.first.slug, "second": self.second.slug}
        if self.page is not None:
            values["page"] = self.page.pk
        if self.problem:
            values["problem"] = self.problem
        return urlencode(values)


class IntroductionSentView(OrganisersOnly):
    http_method_names = ["get"]

    def get(self, request, pk):
        introduction = get_object_or_404(
            Introduction.objects.select_related("first_council", "second_council"), pk=pk
        )
        people = introductions.recipients(introduction.first_council, introduction.second_council)
        return render(
            request,
            "collaboration/introduce_sent.html",
            {
                "introduction": introduction,
                "people": [(council, len(addresses)) for council, addresses in people.items()],
                "listing_urls": [
                    (council, introductions.admin_listing_url(council)) for council in people
                ],
            },
        )
