"""policyfacts core: parse policy documents into records with provenance.

Nothing in this package imports Prefect or DuckDB: the flows in ``flows/``
call it, and ``warehouse/`` persists what it returns.
"""

__version__ = "0.1.0"

# Bumped whenever a change alters what the pipeline extracts from an
# unchanged source; stored on every run and document so that re-runs know
# which documents a new pipeline affects.
PIPELINE_VERSION = "0.4.0"
