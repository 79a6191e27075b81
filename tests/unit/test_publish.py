"""Building into a private copy and publishing atomically: analysts are never blocked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from warehouse.publish import FAILPOINT_ENV, IngestLocked, building, exclusive_lock, generation_paths


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
        assert work in generation_paths(published) and work.exists()
        assert read_value(work) == 1  # the copy starts from what was published
        make_warehouse(work, 2)
        assert read_value(published) == 1  # nothing is visible before publishing
    assert read_value(published) == 2
    assert work.samefile(published)  # the published file is the generation just written


def test_a_failed_build_leaves_the_published_file_alone(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    with pytest.raises(RuntimeError, match="boom"), building(published) as work:
        make_warehouse(work, 2)
        raise RuntimeError("boom")
    assert read_value(published) == 1
    assert not work.exists()  # what the failed run half wrote is gone


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


def copy_table(con: duckdb.DuckDBPyConnection, published: Path) -> bool:
    """A catch-up for these one-table warehouses: take the published table (and count the catch-ups)."""
    con.execute("ATTACH ? AS p (READ_ONLY)", [str(published)])
    con.execute("CREATE OR REPLACE TABLE t AS SELECT * FROM p.t")
    con.execute("DETACH p")
    CAUGHT_UP.append(published)
    return True


CAUGHT_UP: list[Path] = []


def test_a_run_catches_up_the_previous_generation_instead_of_copying(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    CAUGHT_UP.clear()
    written = []
    for value in (2, 3, 4):
        with building(published, catch_up=copy_table) as work:
            assert read_value(work) == value - 1  # it starts from what is published, however it got there
            make_warehouse(work, value)
        written.append(work)
        assert read_value(published) == value
    assert len(CAUGHT_UP) == 2  # the first run copies (no previous generation yet); the others catch up
    assert written[0] != written[1] and written[0] == written[2]  # the two generations take turns


def test_a_reader_of_the_previous_generation_makes_the_run_copy(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    for value in (2, 3):
        with building(published, catch_up=copy_table) as work:
            make_warehouse(work, value)
    reader = subprocess.Popen(  # holds the generation published now, which the next run leaves behind
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(published)!r}, read_only=True)
            print(con.execute("SELECT v FROM t").fetchone()[0], flush=True)
            sys.stdin.readline()
            print(con.execute("SELECT v FROM t").fetchone()[0], flush=True)
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stdin is not None
    try:
        assert reader.stdout.readline().strip() == "3"
        with building(published, catch_up=copy_table) as work:
            make_warehouse(work, 4)
        CAUGHT_UP.clear()
        with building(published, catch_up=copy_table) as work:
            assert read_value(work) == 4
            make_warehouse(work, 5)
        assert CAUGHT_UP == []  # the previous generation is held by the reader: copied, not written
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "3"  # the reader's snapshot is as it opened it
    finally:
        reader.stdin.close()
        assert reader.wait(timeout=30) == 0
    assert read_value(published) == 5


def test_an_analysts_write_to_the_published_file_makes_the_run_copy(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    for value in (2, 3):
        with building(published, catch_up=copy_table) as work:
            make_warehouse(work, value)
    con = duckdb.connect(str(published))
    con.execute("CREATE TABLE notes AS SELECT 'kept' AS note")
    con.close()
    CAUGHT_UP.clear()
    with building(published, catch_up=copy_table) as work:
        assert duckdb.connect(str(work), read_only=True).execute("SELECT note FROM notes").fetchone() == ("kept",)
    assert CAUGHT_UP == []


CHILD = """
import sys
from pathlib import Path
import duckdb
sys.path[:0] = [sys.argv[3], sys.argv[4]]
from test_publish import copy_table, make_warehouse, read_value
from warehouse.publish import building
published, value = Path(sys.argv[1]), int(sys.argv[2])
with building(published, catch_up=copy_table) as work:
    assert read_value(work) == value - 1, read_value(work)
    make_warehouse(work, value)
"""

STEPS = ("locked", "copied", "before-publish", "linked", "published")


@pytest.mark.parametrize("step", STEPS)
def test_sigkill_at_each_publish_step_leaves_the_old_or_the_new_warehouse(tmp_path: Path, step: str) -> None:
    """Killed at ``step`` of a run that catches up the previous generation: the published file is the old
    warehouse or the new one, whole, and the next run starts from exactly what is published."""
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    for value in (2, 3):  # two generations and a ledger: the next run catches up
        with building(published, catch_up=copy_table) as work:
            make_warehouse(work, value)
    marker = tmp_path / "reached"
    here, root = Path(__file__).parent, Path(__file__).parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(published), "4", str(here), str(root)],
        env={**os.environ, FAILPOINT_ENV: step, f"{FAILPOINT_ENV}_MARKER": str(marker)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the run never reached its failpoint"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert read_value(published) == (4 if step == "published" else 3)
    now = read_value(published)
    with building(published, catch_up=copy_table) as work:
        assert read_value(work) == now  # never a half-written generation
        make_warehouse(work, now + 1)
    assert read_value(published) == now + 1
