# The front door. `make demo` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DATA := .assure-demo
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000
DEMO_PASSWORD := northfield demo only
# Published ratings of all councils, charted on the web app's overview.
RATINGS_CSV := $(wildcard ../shared/data/cqc-la-ratings.csv)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: demo test test-sqlite test-postgres lint bench fuzz lock clean examples model scorecard assets browser

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# The web app's front-end assets (GOV.UK Frontend, HTMX) and axe-core for its
# accessibility tests, from the npm registry as package-lock.json pins them.
ASSETS := node_modules/.installed
$(ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(ASSETS)
assets: $(ASSETS)

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads
# a browser of its own). Needs root and apt; without them the browser tests skip.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium is not installed and cannot be installed here: the browser tests will skip"; fi
browser: $(CHROMIUM)

# Ingests one form of each example; the .txt, .md, .html and .xlsx twins hold the same text.
demo: $(STAMP) $(ASSETS)
	rm -rf $(DEMO_DATA)
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure ingest examples/*.docx examples/*.pdf examples/*.csv --council "Northfield Borough Council"
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure documents
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure search "direct payments" --limit 8
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure meetings
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure actions
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure check
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure gaps
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure draft --format docx --output $(DEMO_DATA)/self-assessment-draft.docx
	ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure draft --format html --output $(DEMO_DATA)/self-assessment-draft.html
	$(BIN)/assure score 3 3 2 3 3 3 3 3 3
	@echo "Draft self-assessment written to $(DEMO_DATA)/self-assessment-draft.docx and .html"
	@for who in admin editor viewer; do \
	  echo "$(DEMO_PASSWORD)" | ASSURE_DATA_DIR=$(DEMO_DATA) $(BIN)/assure users add $$who@northfield.example \
	    --council "Northfield Borough Council" --role $$who --password-stdin; done
	@echo "The web app and API: http://$(DEMO_HOST):$(DEMO_PORT)/ (Ctrl-C stops it)"
	@echo "Sign in as admin@, editor@ or viewer@northfield.example with the password: $(DEMO_PASSWORD)"
	ASSURE_DATA_DIR=$(DEMO_DATA) ASSURE_RATINGS_CSV=$(RATINGS_CSV) $(BIN)/assure serve --host $(DEMO_HOST) --port $(DEMO_PORT)

# Regenerate the example documents in examples/ from examples/sources/ (deterministic).
examples: $(STAMP)
	$(BIN)/python tools/make_examples.py

# The classifier model shipped in the package, trained again on its bundled
# examples (after changing src/assure/classifying/examples).
model: $(STAMP)
	$(BIN)/python -m assure.classifying.bundled

# The whole suite, on SQLite and (where it is reachable) PostgreSQL.
test: $(STAMP) $(ASSETS) $(CHROMIUM)
	$(BIN)/python -m pytest -n 2 -q

# The real-document scorecard: per document and field, facts right, missed and wrong.
scorecard: $(STAMP)
	$(BIN)/python tests/real/scorecard.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP) $(ASSETS)
	$(BIN)/python -m benchmarks

# atheris over every reader (PDF, DOCX, XLSX, CSV, HTML, text), FUZZ_SECONDS each,
# seeded from examples/ and the real corpus where present; findings in .fuzz/.
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python tools/fuzz.py --seconds $(FUZZ_SECONDS)

# Rebuild the lock file after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf node_modules $(VENV) $(DEMO_DATA) .pytest_cache .ruff_cache .mypy_cache .fuzz
