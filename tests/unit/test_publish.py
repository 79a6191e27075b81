"""Building into a private copy and publishing atomically: analysts are never blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from warehouse.publish import IngestLocked, building, building_path, exclusive_lock


def make_warehouse(path: Path, value: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE OR REPLACE TABLE t AS SELECT ? AS v", [value])
    con.close()


def read_value(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("SELECT v FROM t").fetchone()
        assert row is not None
        return int(row[0])
    finally:
        con.close()


def test_publish_replaces_the_file_atomically(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    with building(published) as work:
        assert work == building_path(published) and work.exists()
        assert read_value(work) == 1  # the copy starts from what was published
        make_warehouse(work, 2)
        assert read_value(published) == 1  # nothing is visible before publishing
    assert read_value(published) == 2
    assert not building_path(published).exists()


def test_a_failed_build_leaves_the_published_file_alone(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    with pytest.raises(RuntimeError, match="boom"), building(published) as work:
        make_warehouse(work, 2)
        raise RuntimeError("boom")
    assert read_value(published) == 1
    assert not building_path(published).exists()


def test_a_second_ingest_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    with (
        exclusive_lock(published),
        pytest.raises(IngestLocked, match="another ingest is writing"),
        exclusive_lock(published),
    ):
        pass
    with exclusive_lock(published):  # released: the next run gets it
        pass


def test_an_analyst_holding_the_file_open_blocks_nothing(tmp_path: Path) -> None:
    """A reader in another process keeps its snapshot while a new warehouse is built and published."""
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    reader = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(published)!r}, read_only=True)
            print(con.execute("SELECT v FROM t").fetchone()[0], flush=True)
            sys.stdin.readline()          # hold the file open until told
            print(con.execute("SELECT v FROM t").fetchone()[0], flush=True)
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stdin is not None
    try:
        assert reader.stdout.readline().strip() == "1"
        with building(published) as work:
            make_warehouse(work, 2)
        assert read_value(published) == 2  # a new reader sees the new warehouse
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"  # the open reader kept its consistent snapshot
    finally:
        reader.stdin.close()
        assert reader.wait(timeout=30) == 0
