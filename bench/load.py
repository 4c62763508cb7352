"""Load benchmark: every page type under gunicorn, driven by wrk, beside the static-file ceiling.

    .venv/bin/python bench/load.py --database /tmp/bench.sqlite3 --label "10,000 items" --write

Starts gunicorn (2 workers, `config.settings.production`, DEBUG off, secrets and hosts given
here in its environment) on the SQLite database given, twice: with the anonymous page cache
off (PAGE_CACHE_SECONDS=0) and on. In each run it warms every page up, reads the workers'
RSS from /proc, measures the static-file ceiling (wrk on a stylesheet that whitenoise serves
from the same gunicorn), then runs wrk on each page type for --duration seconds with
--connections connections. Queries per page are counted once, through Django's test client.
Results go to bench/results/load.json under the label; --write also rewrites the table in
docs/performance.md. Needs Debian's wrk (`apt-get install -y wrk`).

Over 300 lines because one run starts gunicorn, drives every page type with wrk, reads the
results and writes the table: a benchmark read best in one file, top to bottom.
"""

import argparse
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.setup import ROOT, replace_section  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "load.json"
DOC = ROOT / "docs" / "performance.md"
WORKERS = 2
CLIENT_ADDRESSES = 1000
PROBLEM = (
    "Our missed bin collections and complaints to the contact centre have doubled since "
    "the rounds changed; crews have no in-cab tablets and residents cannot see their "
    "collection day calendar online."
)


@dataclass
class PageType:
    """One kind of page: its name in the table, what it covers, and how to find a URL for it."""

    name: str
    covers: tuple  # URL names ("councils:detail") and page models ("casestudies.ThemePage")
    path: object  # a string, or a function of the Django app registry returning one
    method: str = "GET"
    form: dict = field(default_factory=dict)  # POST fields (a CSRF token is added)


def _first_url(model_label, **filters):
    def find():
        from django.apps import apps

        model = apps.get_model(model_label)
        pages = model.objects.live().public().filter(**filters).order_by("path")
        page = pages.exclude(slug__startswith="gen-").first() or pages.first()
        return page.url if page else None

    return find


def _busiest_council():
    from django.db.models import Count

    from casestudies.models import LearningPage
    from councils.models import Council

    row = (
        LearningPage.objects.live()
        .public()
        .values("council")
        .annotate(n=Count("pk"))
        .order_by("-n", "council")
        .first()
    )
    council = Council.objects.get(pk=row["council"]) if row else Council.objects.first()
    return f"/councils/{council.slug}/"


def _first_pk(model_label):
    def find():
        from django.apps import apps

        model = apps.get_model(model_label)
        queryset = model.objects.all()
        if hasattr(queryset, "live"):
            queryset = queryset.live().public()
        pk = queryset.order_by("pk").values_list("pk", flat=True).first()
        return pk

    return find


def _api_detail(endpoint, model_label):
    def find():
        pk = _first_pk(model_label)()
        return f"/api/v2/{endpoint}/{pk}/" if pk else None

    return find


def _feed(kind):
    def find():
        if kind == "theme":
            from casestudies.models import Theme

            return f"/feeds/themes/{Theme.objects.order_by('slug').first().slug}/"
        if kind == "council":
            return _busiest_council().replace("/councils/", "/feeds/councils/")
        pk = _first_pk("casestudies.ProjectPage")()
        return f"/feeds/projects/{pk}/" if pk else None

    return find


def _help_detail():
    from collaboration import help as help_requests

    first = help_requests.listed_requests().first()
    return f"/working-together/help/{first.pk}/" if first else None


SEARCH = "/search/?q=missed+bin+collections"
FILTERED = "/search/?q=housing&theme=housing&nation=England&kind=case-study"
PAGE_TYPES = [
    PageType("Home", ("home.HomePage",), "/"),
    PageType(
        "Theme index", ("casestudies.ThemeIndexPage",), _first_url("casestudies.ThemeIndexPage")
    ),
    PageType("Theme page", ("casestudies.ThemePage",), _first_url("casestudies.ThemePage")),
    PageType(
        "Listing: case studies",
        ("casestudies.CaseStudyIndexPage",),
        _first_url("casestudies.CaseStudyIndexPage"),
    ),
    PageType(
        "Listing: lessons",
        ("casestudies.LessonIndexPage",),
        _first_url("casestudies.LessonIndexPage"),
    ),
    PageType(
        "Listing: projects",
        ("casestudies.ProjectIndexPage",),
        _first_url("casestudies.ProjectIndexPage"),
    ),
    PageType("Case study", ("casestudies.CaseStudyPage",), _first_url("casestudies.CaseStudyPage")),
    PageType("Lesson", ("casestudies.LessonPage",), _first_url("casestudies.LessonPage")),
    PageType("Project", ("casestudies.ProjectPage",), _first_url("casestudies.ProjectPage")),
    PageType("Standard page", ("home.StandardPage",), _first_url("home.StandardPage")),
    PageType("Council profile (most items)", ("councils:detail",), _busiest_council),
    PageType("Council directory", ("councils:directory",), "/councils/"),
    PageType("Search, no words", ("search:search",), "/search/"),
    PageType("Search, words", ("search:search",), SEARCH),
    PageType("Search, words and filters", ("search:search",), FILTERED),
    PageType("Search, filters only", ("search:search",), "/search/?theme=waste&nation=Wales"),
    PageType("Autocomplete", ("search:autocomplete",), "/search/autocomplete/?q=bin"),
    PageType("Problem form", ("search:similar_councils",), "/search/similar-councils/"),
    PageType(
        "Pasted problem (POST)",
        ("search:similar_councils",),
        "/search/similar-councils/",
        method="POST",
        form={"problem": PROBLEM},
    ),
    PageType("Export CSV", ("search:export_csv",), "/search/export.csv?q=housing"),
    PageType("Export JSON", ("search:export_json",), "/search/export.json?q=housing"),
    PageType("Export columns", ("search:export_columns",), "/search/export/columns/?q=housing"),
    PageType("API root", ("api:root",), "/api/v2/"),
    PageType("API OpenAPI document", ("api:openapi",), "/api/v2/openapi.json"),
    PageType("API pages", ("api:v2:pages:listing",), "/api/v2/pages/"),
    PageType(
        "API page", ("api:v2:pages:detail",), _api_detail("pages", "casestudies.CaseStudyPage")
    ),
    PageType("API councils", ("api:v2:councils:listing",), "/api/v2/councils/"),
    PageType(
        "API council", ("api:v2:councils:detail",), _api_detail("councils", "councils.Council")
    ),
    PageType("API themes", ("api:v2:themes:listing",), "/api/v2/themes/"),
    PageType("API theme", ("api:v2:themes:detail",), _api_detail("themes", "casestudies.Theme")),
    PageType("Insights", ("insights:index",), "/insights/"),
    PageType("Help requests", ("collaboration:help_list",), "/working-together/help/"),
    PageType("Help request", ("collaboration:help_detail",), _help_detail),
    PageType("Feed: everything", ("following:feed_all",), "/feeds/"),
    PageType("Feed: theme", ("following:feed_theme",), _feed("theme")),
    PageType("Feed: council", ("following:feed_council",), _feed("council")),
    PageType("Feed: project", ("following:feed_project",), _feed("project")),
    PageType("Feed: help requests", ("following:feed_help",), "/feeds/help/"),
    PageType("Feed: search", ("following:feed_search",), "/feeds/search/?theme=waste"),
    PageType("Feed: case studies", ("following:feed_kind",), "/feeds/case-studies/"),
    PageType("Sitemap index", ("sitemap",), "/sitemap.xml"),
    PageType("Sitemap of pages", ("sitemap_section",), "/sitemap-pages.xml"),
    PageType("robots.txt", ("robots_txt",), "/robots.txt"),
]
# URL names the URLconf serves that are not public pages for anonymous readers.
NOT_MEASURED = {
    "accounts:request_access": "a form for people asking for an account (throttled)",
    "accounts:request_access_sent": "a confirmation after a form",
    "accounts:accept_invitation": "needs an invitation token",
    "accounts:sign_in": "sign-in (throttled)",
    "accounts:sign_out": "signed-in only",
    "collaboration:join_ask": "signed-in only",
    "collaboration:join_request": "signed-in only",
    "collaboration:join_withdraw": "signed-in only",
    "collaboration:help_new": "signed-in only",
    "collaboration:help_offer": "signed-in only",
    "collaboration:help_offer_helped": "signed-in only",
    "collaboration:help_offer_withdraw": "signed-in only",
    "collaboration:help_close": "signed-in only",
    "collaboration:email_preferences": "signed-in only",
    "collaboration:face_this_too": "signed-in only",
    "collaboration:face_this_too_withdraw": "signed-in only",
    "collaboration:reuse": "signed-in only",
    "collaboration:reuse_withdraw": "signed-in only",
    "collaboration:introduce": "signed-in only",
    "collaboration:introduction_sent": "signed-in only",
    "digests:settings": "signed-in only",
    "digests:unsubscribe": "needs a token from an email",
    "freshness:mark_reviewed": "signed-in only",
    "following:list": "signed-in only",
    "following:follow_theme": "signed-in only",
    "following:follow_council": "signed-in only",
    "following:follow_project": "signed-in only",
    "following:follow_search": "signed-in only",
    "following:unfollow": "signed-in only",
    "wagtailcore_authenticate_with_password": "private pages' password form",
    "wagtailcore_login": "private pages' sign-in",
    "wagtail_serve": "serves the page models, each measured by type",
}
# Models that are never served on their own.
ABSTRACT_PAGE_MODELS = {
    "wagtailcore.Page": "the tree's root",
    "casestudies.LearningPage": "the base of case studies, lessons and projects",
}


def served_names():
    """Named URL patterns outside the admin, documents and static files; page models."""
    from django.urls import URLPattern, URLResolver, get_resolver

    from wagtail.models import get_page_models

    names = set()

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith(("admin/", "documents/", "^static/", "^media/")):
                continue
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, "", None)
    return names, {model._meta.label for model in get_page_models()}


# --- wrk -------------------------------------------------------------------------------------

LUA = """
local count = 0
wrk.method = %(method)s
wrk.body = %(body)s
%(headers)s
request = function()
  count = count + 1
  local n = count %% %(addresses)d
  wrk.headers["X-Forwarded-For"] = "10.77." .. math.floor(n / 250) .. "." .. (n %% 250 + 1)
  return wrk.format(nil, nil, wrk.headers, wrk.body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, ' ..
    '"errors": {"connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}, ' ..
    '"p50_us": %%d, "p95_us": %%d, "p99_us": %%d, "max_us": %%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
"""


def _lua_string(value):
    return "nil" if value is None else json.dumps(value)


def lua_script(method="GET", body=None, headers=None):
    """A wrk script: sends the request, spreads it over client addresses (each has its own
    rate limit, as real readers do) and prints the summary as one JSON line."""
    lines = "\n".join(
        f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in (headers or {}).items()
    )
    return LUA % {
        "method": _lua_string(method),
        "body": _lua_string(body),
        "headers": lines,
        "addresses": CLIENT_ADDRESSES,
    }


def parse_wrk(output):
    """Requests per second, latency percentiles (ms) and errors from wrk run with our script."""
    match = re.search(r"^BENCH_JSON (\{.*\})\s*$", output, re.MULTILINE)
    if not match:
        raise ValueError(f"no BENCH_JSON line in wrk output:\n{output[-2000:]}")
    raw = json.loads(match.group(1))
    seconds = raw["duration_us"] / 1e6
    errors = {k: v for k, v in raw["errors"].items() if v}
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "kb_per_request": round(raw["bytes"] / raw["requests"] / 1024, 1) if raw["requests"] else 0,
        "errors": errors,
    }


def ratio(rps, ceiling):
    """A page's requests per second as a share of the static-file ceiling of the same run."""
    return round(rps / ceiling, 3) if ceiling else None


def run_wrk(url, duration, connections, script_dir, method="GET", body=None, headers=None):
    script = Path(script_dir) / f"wrk-{secrets.token_hex(4)}.lua"
    script.write_text(lua_script(method, body, headers))
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "-s",
        str(script),
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    if done.returncode:
        raise RuntimeError(f"wrk failed: {done.stderr or done.stdout}")
    return parse_wrk(done.stdout)


# --- the machine and the workers ------------------------------------------------------------


def machine():
    memory = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1]
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {"cores": os.cpu_count(), "ram_gb": round(int(memory) / 1024 / 1024, 1), "cpu": model}


def load_average():
    return [round(value, 2) for value in os.getloadavg()]


def children(pid):
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{pid}$", text, re.MULTILINE):
            found.append(int(status.parent.name))
    return sorted(found)


def rss_mb(pid):
    text = Path(f"/proc/{pid}/status").read_text()
    return round(int(re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE).group(1)) / 1024, 1)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with production settings on the database given, in a process group of its own."""

    def __init__(self, database, workdir, cache_seconds):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": self.base,
            "DATABASE_URL": f"sqlite:///{Path(database).resolve()}",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_ROOT": str(Path(workdir) / "static"),
            "CACHE_DIR": str(Path(workdir) / f"cache-{cache_seconds}"),
            "PAGE_CACHE_SECONDS": str(cache_seconds),
            "RATELIMIT_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "ERROR",
        }
        shutil.rmtree(self.env["CACHE_DIR"], ignore_errors=True)
        self.process = None

    def collectstatic(self):
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )

    def start(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(WORKERS),
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(self.base + "/robots.txt", timeout=60).read()
                return
            except (urllib.error.URLError, OSError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.5)

    def workers(self):
        return children(self.process.pid)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def fetch(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.headers, response.read()


def csrf_pair(base, path):
    """A CSRF cookie and form token from the form's page, as a browser would have them."""
    from django.conf import settings

    _status, headers, body = fetch(base + path)
    cookie = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        cookie.load(value)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    name = settings.CSRF_COOKIE_NAME
    return f"{name}={cookie[name].value}", token


def request_for(page, base):
    """wrk's method, body and headers for a page type (a POST gets a fresh CSRF pair)."""
    if page.method == "GET":
        return {"method": "GET"}
    cookie, token = csrf_pair(base, page.resolved)
    body = urllib.parse.urlencode({**page.form, "csrfmiddlewaretoken": token})
    return {
        "method": page.method,
        "body": body,
        "headers": {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    }


def settle(base, path, limit=300):
    """Wait until both workers answer a static file at once: a page slower than wrk's run
    leaves requests running in the workers, which would slow the next page's figures."""
    from concurrent.futures import ThreadPoolExecutor

    deadline = time.monotonic() + limit
    with ThreadPoolExecutor(WORKERS) as pool:
        while time.monotonic() < deadline:
            started = time.monotonic()
            list(pool.map(lambda _: fetch(base + path), range(WORKERS)))
            if time.monotonic() - started < 0.5:
                return
            time.sleep(0.5)


def static_path(workdir):
    manifest = json.loads((Path(workdir) / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/main.css"]


# --- queries per page -----------------------------------------------------------------------


def count_queries(pages):
    """Queries for each page, uncached, through Django's test client (second request)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    counts = {}
    with override_settings(PAGE_CACHE_SECONDS=0, DEBUG=False, RATELIMIT_ENABLE=False):
        client = Client(SERVER_NAME="localhost")
        for page in pages:

            def send(page=page):
                if page.method == "POST":
                    return client.post(page.resolved, page.form)
                return client.get(page.resolved)

            send()
            with CaptureQueriesContext(connection) as captured:
                response = send()
            counts[page.name] = len(captured) if response.status_code == 200 else None
    return counts


def resolve(pages):
    resolved = []
    for page in pages:
        path = page.path() if callable(page.path) else page.path
        if path is None:
            print(f"  (no {page.name} in this database: skipped)", flush=True)
            continue
        page.resolved = path
        resolved.append(page)
    return resolved


# --- one run --------------------------------------------------------------------------------


def measure_mode(server, pages, args, workdir):
    try:
        server.start()
        started = {
            "load_average": load_average(),
            "at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        }
        for page in pages:  # warm up: every worker, every page
            for _ in range(args.warmup):
                options = request_for(page, server.base)
                data = options.get("body", "").encode() or None
                status, _headers, _body = fetch(
                    server.base + page.resolved, data, options.get("headers")
                )
                if status != 200:
                    raise RuntimeError(f"{page.name} {page.resolved} answered {status}")
        rss = {str(pid): rss_mb(pid) for pid in server.workers()}
        static = static_path(workdir)
        ceiling = run_wrk(server.base + static, args.duration, args.connections, workdir)
        print(f"  static-file ceiling: {ceiling['rps']} requests/s", flush=True)
        results = {}
        for page in pages:
            figures = run_wrk(
                server.base + page.resolved,
                args.duration,
                args.connections,
                workdir,
                **request_for(page, server.base),
            )
            figures["ratio"] = ratio(figures["rps"], ceiling["rps"])
            results[page.name] = figures
            settle(server.base, static)
            print(
                f"  {page.name}: {figures['rps']} requests/s, p50/p95/p99 "
                f"{figures['p50_ms']}/{figures['p95_ms']}/{figures['p99_ms']} ms"
                f"{' ERRORS ' + str(figures['errors']) if figures['errors'] else ''}",
                flush=True,
            )
        # Again at the end: how much the machine's capacity moved during the run.
        after = run_wrk(server.base + static, args.duration, args.connections, workdir)
        return {
            **started,
            "static": {"path": static, **ceiling},
            "static_end": after,
            "worker_rss_mb": rss,
            "pages": results,
            "load_average_end": load_average(),
        }
    finally:
        server.stop()


def run(args):
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.database).resolve()}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from casestudies.models import LearningPage

    wanted = [p for p in PAGE_TYPES if not args.only or p.name in args.only]
    pages = resolve(wanted)
    items = LearningPage.objects.live().public().count()
    print(f"{items} published items; counting queries per page", flush=True)
    queries = count_queries(pages)
    from django.db import connections

    connections.close_all()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    result = {
        "label": args.label,
        "items": items,
        "machine": machine(),
        "date": datetime.date.today().isoformat(),
        "duration_s": args.duration,
        "connections": args.connections,
        "workers": WORKERS,
        "paths": {p.name: f"{p.method} {p.resolved}" for p in pages},
        "queries": queries,
        "modes": {},
    }
    modes = {"uncached": 0, "cached": 300}
    for mode in args.modes:
        print(f"{mode} (PAGE_CACHE_SECONDS={modes[mode]})", flush=True)
        server = Server(args.database, workdir, modes[mode])
        if not (workdir / "static" / "staticfiles.json").exists():
            server.collectstatic()
        result["modes"][mode] = measure_mode(server, pages, args, workdir)
    return result


# --- the table ------------------------------------------------------------------------------


def _ms(figures):
    return f"{figures['p50_ms']:g} / {figures['p95_ms']:g} / {figures['p99_ms']:g}"


def _cell(figures, duration):
    if not figures:
        return "– | – | –"
    if not figures["requests"]:
        return f"0 | none in {duration} s | 0×"
    flag = " (errors)" if figures.get("errors") else ""
    share = f"{figures['ratio']:.2f}×" if figures.get("ratio") is not None else "–"
    return f"{figures['rps']:g}{flag} | {_ms(figures)} | {share}"


def _end(mode):
    end = mode.get("static_end")
    if not end:
        return ""
    return (
        f", {end['rps']:g} at the end (load average "
        f"{' / '.join(map(str, mode['load_average_end']))})"
    )


def table(run):
    """Markdown for one run: a header line, then a row per page type."""
    modes = run["modes"]
    machine_ = run["machine"]
    lines = [
        f"**{run['label']}** ({run['items']:,} published items, {run['date']}; "
        f"{machine_['cores']} cores, {machine_['ram_gb']:g} GB RAM; wrk {run['duration_s']} s "
        f"per page, {run['connections']} connections; gunicorn {run['workers']} workers)",
        "",
    ]
    for name in ("uncached", "cached"):
        mode = modes.get(name)
        if mode:
            rss = ", ".join(f"{v:g}" for v in mode["worker_rss_mb"].values())
            lines.append(
                f"- {name}: load average {' / '.join(map(str, mode['load_average']))} "
                f"at start; static-file ceiling {mode['static']['rps']:g} requests/s "
                f"(p50 {mode['static']['p50_ms']:g} ms){_end(mode)}; worker RSS "
                f"after warm-up {rss} MB"
            )
    lines += [
        "",
        "| Page | Queries | Uncached req/s | p50 / p95 / p99 ms | × static | "
        "Cached req/s | p50 / p95 / p99 ms | × static |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in run["paths"]:
        queries = run["queries"].get(name)
        uncached = modes.get("uncached", {}).get("pages", {}).get(name)
        cached = modes.get("cached", {}).get("pages", {}).get(name)
        lines.append(
            f"| {name} | {'–' if queries is None else queries} | "
            f"{_cell(uncached, run['duration_s'])} | {_cell(cached, run['duration_s'])} |"
        )
    return "\n".join(lines)


def write_doc(runs, path=DOC):
    text = "\n\n".join(table(run) for run in runs.values())
    replace_section(path, "load", text)


def save(result, path=RESULTS):
    runs = json.loads(path.read_text()) if path.exists() else {}
    runs[result["label"]] = result
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(runs, indent=1, ensure_ascii=False) + "\n")
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="an SQLite file with content")
    parser.add_argument("--label", help="the run's name in the results (default: its size)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=6, help="requests per page before wrk")
    parser.add_argument(
        "--modes", nargs="+", default=["uncached", "cached"], choices=["uncached", "cached"]
    )
    parser.add_argument("--only", nargs="*", help="page type names to run (default: all)")
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "se-bench-load"))
    parser.add_argument(
        "--write",
        action="store_true",
        help="keep the figures in bench/results/load.json and docs/performance.md",
    )
    args = parser.parse_args()
    # Stopped from outside (a timeout, Ctrl-C): stop gunicorn on the way out too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    result = run(args)
    if not args.label:
        result["label"] = f"{result['items']:,} items"
    print(table(result))
    if args.write:
        write_doc(save(result))


if __name__ == "__main__":
    main()
