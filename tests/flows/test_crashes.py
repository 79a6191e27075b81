"""Real ingest processes: killed with SIGKILL at each step of a run, and started two at once.

Each ingest here is ``python -m flows.ingest`` in its own process group. A
failpoint (warehouse.publish.failpoint) parks the process at a chosen step so
the kill lands exactly there; the test kills the ingest's own process with
SIGKILL, as the kernel's OOM killer or a person would, then the rest of its group.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import ICT, ROOT, SOURCES, copy_sources, query

from warehouse.publish import FAILPOINT_ENV, generation_paths

pytestmark = pytest.mark.slow


def ingest(sources: Path, warehouse: Path, home: Path, *extra: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "flows.ingest", "--sources", str(sources), "--warehouse", str(warehouse), *extra],
        cwd=ROOT, env={**os.environ, "PREFECT_HOME": str(home), **env}, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finish(process: subprocess.Popen[str], timeout: float = 240) -> tuple[int, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out + err


def kill_group(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


def wait_for(marker: Path, process: subprocess.Popen[str], timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"the ingest ended before its failpoint: {finish(process)[1][-2000:]}")
        if time.monotonic() > deadline:
            kill_group(process)
            raise AssertionError("the ingest never reached its failpoint")
        time.sleep(0.1)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(warehouse: Path, sql: str) -> int:
    return int(query(warehouse, sql)[0][0])  # type: ignore[call-overload]


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Sources without the ICT page, a warehouse holding them, and a Prefect home of the test's own."""
    sources = copy_sources(tmp_path / "sources")
    (sources / f"{ICT}.txt").unlink()
    warehouse = tmp_path / "policy.duckdb"
    home = tmp_path / "prefect"
    code, out = finish(ingest(sources, warehouse, home))
    assert code == 0, out[-3000:]
    shutil.copy(SOURCES / f"{ICT}.txt", sources / f"{ICT}.txt")  # each run below has one document to add
    return sources, warehouse, home


POINTS = ("locked", "copied", "loading", "before-finish", "before-publish", "published")


def test_sigkill_at_any_step_leaves_the_published_warehouse_whole(
    corpus: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    sources, warehouse, home = corpus
    for point in POINTS:
        before = digest(warehouse)
        marker = tmp_path / f"reached-{point}"
        die = {FAILPOINT_ENV: point, f"{FAILPOINT_ENV}_MARKER": str(marker), f"{FAILPOINT_ENV}_ACTION": "die"}
        process = ingest(sources, warehouse, home, **die)  # the ingest kills itself with SIGKILL, mid-step
        try:
            assert process.wait(timeout=240) == -signal.SIGKILL and marker.exists(), point  # the timeout bounds a hang
        finally:
            kill_group(process)  # then what it left running (Prefect's server, the parsing forkserver)
        if point == "published":  # killed after the rename: the new warehouse is the published one, whole
            assert (
                count(warehouse, f"SELECT count(*) FROM documents WHERE document_id = '{ICT}' AND status = 'ok'") == 1
            )
            assert count(warehouse, "SELECT count(*) FROM runs WHERE status = 'running'") == 0
        else:
            assert digest(warehouse) == before, point
            assert (
                count(warehouse, f"SELECT count(*) FROM documents WHERE document_id = '{ICT}' AND status = 'ok'") == 0
            ), point
    # the next run completes normally: it takes the lock the dead one held and replaces its leftovers
    code, out = finish(ingest(sources, warehouse, home))
    assert code == 0, out[-3000:]
    assert any(warehouse.samefile(g) for g in generation_paths(warehouse) if g.exists())  # published a generation
    assert sorted(p.name for p in warehouse.parent.glob(".policy.duckdb.*")) == [  # and left nothing else
        ".policy.duckdb.gen-a", ".policy.duckdb.gen-b", ".policy.duckdb.generations", ".policy.duckdb.sources"
    ]  # fmt: skip
    assert count(warehouse, "SELECT count(*) FROM documents") == 5
    assert count(warehouse, "SELECT count(*) FROM (SELECT DISTINCT * FROM sections)") == count(
        warehouse, "SELECT count(*) FROM sections"
    )  # no row twice


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie no parent has reaped yet does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def _prefect_servers(parent: int) -> list[int]:
    """Prefect's temporary servers started by ``parent``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if (
                entry.name.isdigit()
                and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == parent
                and b"\x00-m\x00uvicorn\x00" in (entry / "cmdline").read_bytes()
            ):
                found.append(int(entry.name))
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def test_prefect_s_temporary_server_does_not_outlive_a_killed_ingest(
    corpus: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    sources, warehouse, home = corpus
    marker = tmp_path / "parked"
    process = ingest(sources, warehouse, home, **{FAILPOINT_ENV: "loading", f"{FAILPOINT_ENV}_MARKER": str(marker)})
    try:
        wait_for(marker, process)
        (server,) = _prefect_servers(process.pid)
        os.kill(process.pid, signal.SIGKILL)  # the ingest alone: nothing else of its group is killed here
        process.wait(timeout=30)
        deadline = time.monotonic() + 120  # the watchdog looks twice a second; this only bounds a hang
        while _alive(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(server)
    finally:
        kill_group(process)


def test_two_ingests_at_once_never_corrupt_the_warehouse(corpus: tuple[Path, Path, Path], tmp_path: Path) -> None:
    sources, warehouse, home = corpus
    # one holds the lock (parked right after taking it); a second that will not wait exits with a clear message
    marker = tmp_path / "holding"
    holder = ingest(sources, warehouse, home, **{FAILPOINT_ENV: "copied", f"{FAILPOINT_ENV}_MARKER": str(marker)})
    try:
        wait_for(marker, holder)
        code, out = finish(ingest(sources, warehouse, home, "--lock-wait", "0"))
        assert code == 3
        assert "another ingest is writing" in out and f"pid {holder.pid}" in out
    finally:
        kill_group(holder)
    # two started together, both willing to wait: one loads the new document, the other finds nothing to do
    first = ingest(sources, warehouse, home, "--lock-wait", "300")
    second = ingest(sources, warehouse, home, "--lock-wait", "300")
    assert finish(first)[0] == 0 and finish(second)[0] == 0
    assert count(warehouse, "SELECT count(*) FROM documents") == 5
    assert count(warehouse, f"SELECT version FROM documents WHERE document_id = '{ICT}'") == 1  # refused, then read
    assert (
        count(warehouse, f"SELECT count(*) FROM document_changes WHERE document_id = '{ICT}' AND change = 'added'") == 1
    )
    assert count(warehouse, "SELECT count(*) FROM runs WHERE status IN ('ok', 'partial')") == 3  # fixture's + these two
    assert count(warehouse, "SELECT count(*) FROM (SELECT DISTINCT * FROM blocks)") == count(
        warehouse, "SELECT count(*) FROM blocks"
    )
