"""The warehouse's schema: recorded, transactional migrations for tables, then the views.

``warehouse/migrations/NNNN_name.sql`` are applied in order. Each one runs in
a single transaction together with its row in ``_migrations(name, applied_at)``,
so a migration is either wholly applied and recorded or not at all.
:func:`pending` only reads.

Migrations hold tables (those before 0009 also created views, which 0009 drops:
a migration is never edited once applied). Each view is a file of
``warehouse/views/`` holding its ``SELECT``, in the dbt manner: ``mart_<name>.sql``
is the public view ``<name>`` analysts query, ``stg_<name>.sql`` a staging view
``stg_<name>`` the marts may build on. :func:`replace_views` re-creates them all
after the migrations on every ingest, so changing a view is editing its file,
not writing a migration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

from warehouse import HERE

MIGRATIONS_DIR = HERE / "migrations"
VIEWS_DIR = HERE / "views"
_LEDGER = "CREATE TABLE IF NOT EXISTS _migrations (name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str


def available(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    return [
        Migration(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("[0-9][0-9][0-9][0-9]_*.sql"))
    ]


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = '_migrations'").fetchone()
    if not exists or not exists[0]:
        return []
    return [row[0] for row in con.execute("SELECT name FROM _migrations ORDER BY name").fetchall()]


def pending(con: duckdb.DuckDBPyConnection, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Names of the migrations not yet applied. Reads only."""
    done = set(applied(con))
    return [m.name for m in available(directory) if m.name not in done]


def apply(con: duckdb.DuckDBPyConnection, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Apply every pending migration, each in its own transaction; return their names."""
    con.execute(_LEDGER)
    done = set(applied(con))
    ran: list[str] = []
    for migration in available(directory):
        if migration.name in done:
            continue
        con.begin()
        try:
            con.execute(migration.sql)
            con.execute("INSERT INTO _migrations VALUES (?, current_timestamp)", [migration.name])
            con.commit()
        except Exception:
            con.rollback()
            raise
        ran.append(migration.name)
    return ran


@dataclass(frozen=True, slots=True)
class View:
    name: str
    sql: str  # the SELECT, comments included

    def reads(self, names: set[str]) -> set[str]:
        """Which of ``names`` (other views) this view selects from."""
        code = re.sub(r"--[^\n]*", "", self.sql)
        return {n for n in names - {self.name} if re.search(rf"\b{re.escape(n)}\b", code)}


def views(directory: Path = VIEWS_DIR) -> list[View]:
    """Every view of ``directory``, each after the views it reads (a cycle raises ``graphlib.CycleError``)."""
    by_name = {
        (name := p.stem.removeprefix("mart_")): View(name, p.read_text(encoding="utf-8").strip())
        for p in sorted([*directory.glob("stg_*.sql"), *directory.glob("mart_*.sql")])
    }
    graph = {name: view.reads(set(by_name)) for name, view in by_name.items()}
    return [by_name[name] for name in TopologicalSorter(graph).static_order()]


def replace_views(con: duckdb.DuckDBPyConnection, directory: Path = VIEWS_DIR) -> list[str]:
    """Create or replace every view of ``directory`` in one transaction, and drop any view whose file has gone.

    Views hold no rows, so re-creating them on every run loses nothing; the published warehouse is
    read-only to analysts, so every view in its ``main`` schema is one of these files.
    """
    wanted = views(directory)
    names = {v.name for v in wanted}
    con.begin()
    try:
        existing = con.execute(
            "SELECT view_name FROM duckdb_views()"
            " WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()"
        ).fetchall()
        for (stale,) in existing:
            if stale not in names:
                con.execute(f'DROP VIEW main."{stale}"')
        for view in wanted:
            con.execute(f'CREATE OR REPLACE VIEW main."{view.name}" AS\n{view.sql}')
        con.commit()
    except Exception:
        con.rollback()
        raise
    return [v.name for v in wanted]
