# policyfacts — `make help` lists the targets.
#
# Every target that runs Python first makes sure the virtual environment
# exists and holds the pinned dependencies (constraints.txt).

SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha256sum | cut -c1-12)
SOURCES ?= sources
WAREHOUSE ?= warehouse/policy.duckdb
LOCK_WAIT ?= 0
INGEST_ARGS ?=
PYTEST_ARGS ?=

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export PREFECT_HOME ?= $(CURDIR)/.prefect

.DEFAULT_GOAL := help
.PHONY: help setup ocr browser ingest report examples export serve test eval eval-quality eval-tables eval-layout bench agreement ner-throughput sql lint docs lock clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: SOURCES=$(SOURCES) WAREHOUSE=$(WAREHOUSE) LOCK_WAIT=$(LOCK_WAIT) (seconds)"
	@echo "             EXPORT (make export's folder; default: beside WAREHOUSE, NAME-export/)"
	@echo "             INGEST_ARGS (more options of python -m flows.ingest, e.g. \"--task-runner dask\")"

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@$(MAKE) --no-print-directory ocr
	@$(MAKE) --no-print-directory browser
	@rm -f $(VENV)/.installed-* && touch $@

# Tesseract comes from Debian's packages. Installing it needs root and apt-get;
# without them the pipeline still runs and records that OCR was unavailable.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra
ocr: ## Install Tesseract for OCR of broken PDF pages (Debian; optional)
	@if command -v tesseract >/dev/null; then echo "OCR: $$(tesseract --version 2>&1 | head -n 1)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(OCR_PACKAGES) >/dev/null) \
	  && echo "OCR: installed $$(tesseract --version 2>&1 | head -n 1)" \
	  || echo "warning: could not install Tesseract; broken PDF pages will be flagged but not recovered by OCR"; \
	else echo "warning: Tesseract is not installed and cannot be installed here (needs root and apt-get): OCR unavailable"; fi

# Chromium for the run report's browser test (tests/analyst/test_report.py), also from Debian's packages.
browser: ## Install Chromium for the report's browser test (Debian; optional outside CI)
	@if command -v chromium >/dev/null; then echo "browser: $$(chromium --version 2>/dev/null | head -n 1)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
	  && echo "browser: installed $$(chromium --version 2>/dev/null | head -n 1)" \
	  || echo "warning: could not install Chromium; the report's browser test will be skipped"; \
	else echo "warning: Chromium is not installed and cannot be installed here (needs root and apt-get): the report's browser test will be skipped"; fi

setup: $(STAMP) ## Create .venv and install the pinned dependencies
	@$(PYTHON) -c 'import pipeline, flows, warehouse' && echo "environment ready: $(VENV)"

ingest: $(STAMP) ## Bring WAREHOUSE up to date with SOURCES through the Prefect flow (new/changed files only)
	$(PYTHON) -m flows.ingest --sources $(SOURCES) --warehouse $(WAREHOUSE) --lock-wait $(LOCK_WAIT) $(INGEST_ARGS)

report: $(STAMP) ## Draw the run report of WAREHOUSE (HTML, from the warehouse and its page images alone) and open it
	$(PYTHON) -m warehouse.report $(WAREHOUSE) --open

examples: $(STAMP) ## Run the example queries (queries/examples.sql) against WAREHOUSE
	$(PYTHON) -m warehouse.examples $(WAREHOUSE) $(EXAMPLE_ARGS)

serve: $(STAMP) ## Start a local Prefect server (127.0.0.1:4200) and serve the ingest deployment on its cron (configs/ingest.yml)
	$(PYTHON) -m flows.serve

test: $(STAMP) ## Run the test suite
	$(PYTHON) -m pytest $(PYTEST_ARGS)

eval: $(STAMP) ## Precision/recall of clusters, visions, objectives, figures, funding, entities vs tests/data/gold (meaning gold: development and held-out apart)
	$(PYTHON) scripts/eval_extraction.py

eval-tables: $(STAMP) ## Tables vs the policy PDFs' table gold (regions, titles, units, funding lines; development and held-out) and ICDAR 2013
	$(PYTHON) scripts/eval_tables.py

eval-layout: $(STAMP) ## Layout vs the page-by-page gold (block kinds, lists, reading order, page labels, repairs, chart labels; development and held-out)
	$(PYTHON) scripts/eval_layout.py

bench: $(STAMP) ## Pages/s vs raw pdfplumber and pypdfium2, stages, memory to 1,000 pages, 1 vs 2 workers, publishing at 1x/30x, the report at 1x/10x (../shared/corpus/policy)
	$(PYTHON) scripts/bench.py $(BENCH_ARGS)

agreement: $(STAMP) ## pdfium's words and ruled tables vs pdfplumber's, over ../shared/corpus (policy, tables, icdar2013)
	$(PYTHON) scripts/reader_agreement.py
	$(PYTHON) scripts/rulings_agreement.py

eval-quality: $(STAMP) ## Measure garble flags, OCR recovery and word accuracy on ../shared/corpus
	$(PYTHON) scripts/eval_quality.py

ner-throughput: $(STAMP) ## Entities per second of the NER pipeline (nlp.pipe) over WAREHOUSE's clean blocks
	$(PYTHON) scripts/ner_throughput.py $(WAREHOUSE)

export: $(STAMP) ## Every table and view of WAREHOUSE as Parquet and CSV, with the data dictionary (EXPORT folder)
	$(PYTHON) -m warehouse.export $(WAREHOUSE) $(if $(EXPORT),--to $(EXPORT))

sql: $(STAMP) ## Open WAREHOUSE read-only in an SQL shell
	$(PYTHON) -m warehouse.shell $(WAREHOUSE)

lint: $(STAMP) ## ruff, format check, mypy --strict and the import layers (import-linter, pyproject.toml)
	$(VENV)/bin/ruff check pipeline flows warehouse tests scripts
	$(VENV)/bin/ruff format --check pipeline flows warehouse tests scripts
	$(VENV)/bin/mypy pipeline flows warehouse
	$(VENV)/bin/lint-imports

docs: $(STAMP) ## Regenerate docs/data_dictionary.md from warehouse/schema.yml
	$(PYTHON) -m warehouse.dictionary > docs/data_dictionary.md

lock: $(STAMP) ## Regenerate constraints.txt from the current environment
	@{ echo "# Exact versions for reproducible installs: pip install -c constraints.txt -e '.[dev]'"; \
	   echo "# Regenerate with 'make lock' after changing pyproject.toml (Python 3.11)."; \
	   $(PYTHON) -m pip freeze --exclude-editable | grep -v -i '^policyfacts'; } > constraints.txt

clean: ## Remove the virtual environment, Prefect state and caches (keeps the warehouse)
	rm -rf $(VENV) .prefect .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
