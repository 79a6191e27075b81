"""policyfacts core: parse policy documents into rows with provenance.

A document passes through the stage packages in order: ``readers`` → ``layout`` →
``quality`` → ``tables`` → ``extract`` → ``entities`` → ``rows``, run by ``parse``;
``ingest`` decides what to read. Each stage imports only from the stages before it
and from the shared modules under them (``document``, ``catalogue``, ``language``,
``spans``, ``models``, ``registry``): the import-linter contracts in pyproject.toml.
Nothing in this package imports Prefect or DuckDB: the flows in ``flows/`` call it,
and ``warehouse/`` persists what it returns.
"""

__version__ = "0.1.0"

# Bumped whenever a change alters what the pipeline extracts from an
# unchanged source; stored on every run and document so that re-runs know
# which documents a new pipeline affects.
PIPELINE_VERSION = "0.8.108"
