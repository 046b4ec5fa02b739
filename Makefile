# Groundschool: every task a developer or CI runs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
# `make test` runs the suite on this many pytest-xdist workers (one per CPU by default;
# 0 runs it in one process). Each worker takes whole test files, in pytest-django's
# order (tests/parallel.py). A bare `.venv/bin/pytest tests/...` runs serially.
PYTEST_WORKERS ?= logical
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile
# The demo loads the whole FAA-S-ACS-6C the code ships (site/learning/acs/data/, no PDF needed);
# ACS_PDF=path loads another standard instead: an FAA ACS PDF or JSON from `import_acs --export`.
ACS_PDF ?=

.DEFAULT_GOAL := help
.PHONY: help install run test test-pg lint format check worker beat demo bench bench-fanout bench-scale bench-http prod-smoke lighthouse lock clean

help: ## List the make targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the exact versions in requirements.lock

# Links in emails and sitemap.xml name SITE_URL: by default the address `make run` serves.
run demo: export SITE_URL ?= http://127.0.0.1:$(PORT)

run: install ## Migrate, load demo content and serve on 127.0.0.1:$(PORT) (SQLite, eager Celery)
	$(MANAGE) migrate --noinput
	$(MANAGE) secure_media
	$(MANAGE) load_demo $(if $(ACS_PDF),--acs $(ACS_PDF))
	@echo ""
	@echo "  Groundschool is running at http://127.0.0.1:$(PORT)/  (admin: /admin/)"
	@echo "  Demo logins (password: $${DEMO_PASSWORD:-groundschool}):"
	@echo "    learner@demo.test, premium@demo.test, instructor@demo.test, marketer@demo.test, admin@demo.test"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install ## Run the test suite in parallel (SQLite by default; set DATABASE_URL for PostgreSQL)
	$(PYTEST) $(PYTEST_ARGS)

test-pg: install ## Run the test suite on the local PostgreSQL and Redis
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/groundschool \
	REDIS_URL=redis://127.0.0.1:6379/14 CELERY_BROKER_URL=redis://127.0.0.1:6379/15 \
	$(PYTEST) $(PYTEST_ARGS)

lint: install ## Ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and migrations in step with models
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

worker: install ## Run a Celery worker (needs CELERY_BROKER_URL)
	$(BIN)/celery --workdir site -A config worker --loglevel INFO

beat: install ## Run Celery beat with the database scheduler (needs CELERY_BROKER_URL)
	$(BIN)/celery --workdir site -A config beat --loglevel INFO

demo: install ## Load or refresh the demo users and content (ACS_PDF=path: another ACS PDF or JSON)
	$(MANAGE) migrate --noinput
	$(MANAGE) secure_media
	$(MANAGE) load_demo $(if $(ACS_PDF),--acs $(ACS_PDF))

bench: install ## Run the benchmarks in bench/ (not part of make test)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/flashcards.py

bench-fanout: install ## Fan an announcement out to 10,000 learners in batches (BENCH_LEARNERS=n; BENCH_DATABASE_URL for PostgreSQL)
	$(BIN)/python bench/fanout.py

bench-scale: install ## Seed PostgreSQL with 100k learners and 10M review logs, compare pages to the demo (ROWS_SCALE=0.1 for a quick run)
	$(BIN)/python bench/scale.py --rows-scale $(or $(ROWS_SCALE),1) $(BENCH_SCALE_ARGS)

# TREES: name=path pairs, e.g. TREES="before=/tmp/bench-before after=." (default: this checkout).
bench-http: install ## HTTP benchmark: gunicorn+PostgreSQL+Redis+wrk, trees side by side (TREES="a=dir b=dir")
	$(BIN)/python bench/http_bench.py $(foreach t,$(TREES),--tree $(t)) $(BENCH_HTTP_ARGS)

prod-smoke: install ## A learner's journey through nginx over 2 gunicorns, 2 Celery workers and beat (PostgreSQL, Redis)
	$(BIN)/python bench/prod_smoke.py

lighthouse: install ## Lighthouse scores of the first pages a visitor meets (npm, Debian Chromium; not in make test)
	npm ci --prefix tools/lighthouse --no-audit --no-fund --silent
	$(BIN)/python tools/lighthouse/run.py

lock: ## Re-resolve pyproject.toml into requirements.lock (needs uv)
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 --no-header --quiet -o requirements.lock

clean: ## Remove the virtualenv, local database and caches
	rm -rf $(VENV) var .pytest_cache .ruff_cache static_collected
