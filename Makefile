# Two commands: `make run` (demo site) and `make test` (the whole suite).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP  := $(VENV)/.installed

.PHONY: run test install lint check-a11y bench clean messages services elasticsearch

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall when the declared or pinned dependencies change.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Links in e-mails (BASE_URL) point at the port served, unless BASE_URL is given.
run: export BASE_URL ?= http://127.0.0.1:$(PORT)
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) update_index --verbosity 0
	$(MANAGE) ensure_demo_admin
	@echo "Trang công khai: http://127.0.0.1:$(PORT)/   Quản trị: http://127.0.0.1:$(PORT)/admin/"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install lint
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# PostgreSQL and Redis from Debian's packages, started when stopped (idempotent).
services:
	tools/services start

# A local Elasticsearch node (Maven Central's test distribution); prints its URL.
elasticsearch:
	tools/elasticsearch start

check-a11y: install
	bash .ci/a11y.sh

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

messages: install
	$(MANAGE) makemessages -l en --ignore ".venv/*" --ignore "var/*"
	$(BIN)/python tools/fill_po.py
	$(BIN)/python tools/build_vi_po.py
	$(MANAGE) compilemessages --ignore ".venv/*"

clean:
	rm -rf $(VENV) var/static
