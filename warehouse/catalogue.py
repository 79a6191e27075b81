"""The cluster catalogue in the warehouse: its canonical cluster tables, rebuilt at the end of every run that
may change them (:meth:`warehouse.session.WarehouseWriter.finish`).

``clusters``, ``cluster_aliases`` and ``cluster_relations`` hold no rows of their
own: they are the curated catalogue plus what the documents in the warehouse
mention, so they are recomputed from both (one transaction) after the run's
documents are loaded, and a document removed or changed takes its discovered
clusters and observed spellings with it.
"""

from __future__ import annotations

import duckdb

from pipeline.catalogue.clusters import Catalogue, catalogue_to_rows, load_catalogue
from warehouse.load import insert_rows

CLUSTER_TABLES = ("clusters", "cluster_aliases", "cluster_relations")


def refresh_clusters(con: duckdb.DuckDBPyConnection, catalogue: Catalogue | None = None) -> dict[str, int]:
    """Replace the cluster tables with the catalogue and the clusters the loaded documents mention."""
    observed = [
        (str(c), str(n), str(o))
        for c, n, o in con.execute(
            "SELECT cluster_id, name_as_written, coalesce(origin, 'curated') FROM cluster_mentions"
        ).fetchall()
    ]
    rows = catalogue_to_rows(catalogue or load_catalogue(), observed)
    counts: dict[str, int] = {}
    con.begin()
    try:
        for table in CLUSTER_TABLES:
            con.execute(f'DELETE FROM "{table}"')
            counts[table] = insert_rows(con, table, rows[table])
        con.commit()
    except Exception:
        con.rollback()
        raise
    return counts
