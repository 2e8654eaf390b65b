# convoca — `make demo` serves a demo edition; `make test` runs every test. Both set up first.
SHELL := /bin/bash
PYTHON := $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PORT ?= 8000
WORKERS ?= 2

.PHONY: setup demo serve test lint format bench messages worker clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install -q "uv==$(UV_VERSION)"

$(BIN)/.synced: pyproject.toml uv.lock | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --python "$(PYTHON)"
	touch $@

# Compiled catalogues (.mo) are build output: Babel compiles them, so gettext is not needed.
setup: $(BIN)/.synced
	$(BIN)/pybabel compile --statistics -D django -d locale 2>&1 | grep -v '^compiling' || true

demo: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --noinput -v0
	@echo "convoca is serving on http://localhost:$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/granian --interface wsgi --host 0.0.0.0 --port $(PORT) --workers $(WORKERS) \
		--no-ws --log-level warning convoca.wsgi:application

serve: setup
	$(BIN)/granian --interface wsgi --host 0.0.0.0 --port $(PORT) --workers $(WORKERS) \
		--no-ws convoca.wsgi:application

worker: setup
	$(MANAGE) db_worker

test: setup
	@rc=0; CONVOCA_TESTING=1 $(BIN)/pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure"; fi; exit $$rc

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Refresh the .po catalogues from the code (needs GNU gettext); translators then edit them.
messages: setup
	$(MANAGE) makemessages --no-obsolete -l ar -l zh_Hans -l fr -l ru -l es \
		--ignore '.venv/*' --ignore '.tools/*' --ignore 'staticfiles/*' --ignore '*/static/vendor/*'

bench: setup
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .tools staticfiles var/test-*
