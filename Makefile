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
PYTEST_ARGS ?=

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export PREFECT_HOME ?= $(CURDIR)/.prefect

.DEFAULT_GOAL := help
.PHONY: help setup ingest test sql lint docs lock clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: SOURCES=$(SOURCES) WAREHOUSE=$(WAREHOUSE) LOCK_WAIT=$(LOCK_WAIT) (seconds)"

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP) ## Create .venv and install the pinned dependencies
	@$(PYTHON) -c 'import pipeline, flows, warehouse' && echo "environment ready: $(VENV)"

ingest: $(STAMP) ## Load SOURCES into WAREHOUSE through the Prefect ingest flow
	$(PYTHON) -m flows.ingest --sources $(SOURCES) --warehouse $(WAREHOUSE) --lock-wait $(LOCK_WAIT)

test: $(STAMP) ## Run the test suite
	$(PYTHON) -m pytest $(PYTEST_ARGS)

sql: $(STAMP) ## Open WAREHOUSE read-only in an SQL shell
	$(PYTHON) -m warehouse.shell $(WAREHOUSE)

lint: $(STAMP) ## ruff, format check and mypy --strict on pipeline/
	$(VENV)/bin/ruff check pipeline flows warehouse tests
	$(VENV)/bin/ruff format --check pipeline flows warehouse tests
	$(VENV)/bin/mypy pipeline

docs: $(STAMP) ## Regenerate docs/data_dictionary.md from warehouse/schema.yml
	$(PYTHON) -m warehouse.dictionary > docs/data_dictionary.md

lock: $(STAMP) ## Regenerate constraints.txt from the current environment
	@{ echo "# Exact versions for reproducible installs: pip install -c constraints.txt -e '.[dev]'"; \
	   echo "# Regenerate with 'make lock' after changing pyproject.toml (Python 3.11)."; \
	   $(PYTHON) -m pip freeze --exclude-editable | grep -v -i '^policyfacts'; } > constraints.txt

clean: ## Remove the virtual environment, Prefect state and caches (keeps the warehouse)
	rm -rf $(VENV) .prefect .pytest_cache .mypy_cache .ruff_cache .hypothesis
