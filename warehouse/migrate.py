"""Recorded, transactional schema migrations.

``warehouse/migrations/NNNN_name.sql`` are applied in order. Each one runs in
a single transaction together with its row in ``_migrations(name, applied_at)``,
so a migration is either wholly applied and recorded or not at all.
:func:`pending` only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import HERE

MIGRATIONS_DIR = HERE / "migrations"
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
