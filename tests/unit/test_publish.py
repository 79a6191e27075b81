"""Building into a private copy and publishing atomically: analysts are never blocked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
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


def reader_holding(published: Path) -> subprocess.Popen[str]:
    """An analyst in another process: prints ``t.v`` on opening ``published`` read-only, holds it open until
    told (a line on its stdin), then prints ``t.v`` again from the same connection."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(published)!r}, read_only=True)
            print(con.execute("SELECT v FROM t").fetchone()[0], flush=True)
            sys.stdin.readline()          # hold the file open until told
            print(con.execute("SELECT v FROM t").fetchone()[0], flush=True)
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


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
    reader = reader_holding(published)
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


def log_run(path: Path, run: int) -> None:
    """What a run writes into its generation: its own row of ``log``."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE IF NOT EXISTS log (run INTEGER)")
    con.execute("INSERT INTO log VALUES (?)", [run])
    con.close()


def runs_in(path: Path) -> list[int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [int(r) for (r,) in con.execute("SELECT run FROM log ORDER BY run").fetchall()]
    finally:
        con.close()


def catch_up_log(con: duckdb.DuckDBPyConnection, published: Path) -> bool:
    """A catch-up in the manner of warehouse.session.catch_up: replay the runs the generation lacks, trusting it
    to hold every run it has. So it is right only on a whole earlier generation: a generation a killed run
    half wrote would keep that run's row, which was never published."""
    con.execute("ATTACH ? AS p (READ_ONLY)", [str(published)])
    con.execute("CREATE TABLE IF NOT EXISTS log (run INTEGER)")
    con.execute("INSERT INTO log SELECT run FROM p.log WHERE run NOT IN (SELECT run FROM log)")
    con.execute("DETACH p")
    CAUGHT_UP.append(published)
    return True


CAUGHT_UP: list[Path] = []


def test_a_run_catches_up_the_previous_generation_instead_of_copying(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    log_run(published, 1)
    CAUGHT_UP.clear()
    written = []
    for run in (2, 3, 4, 5):
        with building(published, catch_up=catch_up_log) as work:
            assert runs_in(work) == list(range(1, run))  # it starts from what is published, however it got there
            log_run(work, run)
            assert runs_in(published) == list(range(1, run))  # nothing is visible before publishing
        written.append(work)
        assert runs_in(published) == list(range(1, run + 1))
    # the first run copies (the file was no generation: it becomes the other one); the others catch up
    assert len(CAUGHT_UP) == 3
    assert written[0] != written[1] and written[0] == written[2] and written[1] == written[3]  # they take turns


def test_a_reader_of_the_previous_generation_makes_the_run_copy(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    for value in (2, 3):
        with building(published, catch_up=catch_up_log) as work:
            make_warehouse(work, value)
    reader = reader_holding(published)  # holds the generation published now, which the next run leaves behind
    assert reader.stdout is not None and reader.stdin is not None
    try:
        assert reader.stdout.readline().strip() == "3"
        with building(published, catch_up=catch_up_log) as work:
            make_warehouse(work, 4)
        CAUGHT_UP.clear()
        with building(published, catch_up=catch_up_log) as work:
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
        with building(published, catch_up=catch_up_log) as work:
            make_warehouse(work, value)
    con = duckdb.connect(str(published))
    con.execute("CREATE TABLE notes AS SELECT 'kept' AS note")
    con.close()
    CAUGHT_UP.clear()
    with building(published, catch_up=catch_up_log) as work:
        assert duckdb.connect(str(work), read_only=True).execute("SELECT note FROM notes").fetchone() == ("kept",)
    assert CAUGHT_UP == []


CHILD = """
import sys
from pathlib import Path
sys.path[:0] = [sys.argv[3], sys.argv[4]]
from test_publish import catch_up_log, log_run, runs_in
from warehouse.publish import building
published, run = Path(sys.argv[1]), int(sys.argv[2])
with building(published, catch_up=catch_up_log) as work:
    assert runs_in(work) == list(range(1, run)), runs_in(work)
    log_run(work, run)
"""

STEPS = ("locked", "copied", "before-publish", "linked", "published")


@pytest.mark.parametrize("step", STEPS)
def test_sigkill_at_each_publish_step_leaves_the_old_or_the_new_warehouse(tmp_path: Path, step: str) -> None:
    """Killed at ``step`` of a run that catches up the previous generation: the published file is the old
    warehouse or the new one, whole, and the next run starts from exactly what is published, never from the
    generation the killed run half wrote (which holds a run that was not published)."""
    published = tmp_path / "w.duckdb"
    log_run(published, 1)
    for run in (2, 3):  # two generations and a ledger: the next run catches up
        with building(published, catch_up=catch_up_log) as work:
            log_run(work, run)
    marker = tmp_path / "reached"
    here, root = Path(__file__).parent, Path(__file__).parents[2]
    child = subprocess.Popen(  # it kills itself with SIGKILL at the step: no race with a watcher here
        [sys.executable, "-c", CHILD, str(published), "4", str(here), str(root)],
        env={**os.environ, FAILPOINT_ENV: step, f"{FAILPOINT_ENV}_MARKER": str(marker), f"{FAILPOINT_ENV}_ACTION": "die"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    _, err = child.communicate(timeout=240)  # the timeout only bounds a hang
    assert child.returncode == -signal.SIGKILL and marker.exists(), err
    now = runs_in(published)
    assert now == ([1, 2, 3, 4] if step == "published" else [1, 2, 3])
    CAUGHT_UP.clear()
    with building(published, catch_up=catch_up_log) as work:
        assert runs_in(work) == now  # never the half-written generation
        log_run(work, 5)
    assert runs_in(published) == [*now, 5]
    assert len(CAUGHT_UP) == (1 if step in ("locked", "published") else 0)  # a generation a run touched is copied
