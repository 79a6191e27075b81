"""Build a new warehouse beside the published one, then publish it with one atomic rename.

DuckDB lets one process hold a file read-write and then refuses every other
process, readers included. So an ingest never opens the published file:

1. it takes an exclusive lock (``policy.duckdb.lock``): a second ingest waits
   or exits with a clear message;
2. copies the published file to ``.policy.duckdb.building`` and writes there;
3. checkpoints and closes it, and renames it over the published file.

Analysts who have the published file open keep reading the snapshot they
opened, and are never blocked; those who open it later see the new one. An
ingest that dies at any point leaves the published file as it was: the
building copy is simply overwritten by the next run.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_LOCK_WAIT_SECONDS = 0.0
FAILPOINT_ENV = "POLICYFACTS_FAILPOINT"


def failpoint(name: str) -> None:
    """Tests of crashes stop an ingest here: when ``$POLICYFACTS_FAILPOINT`` names this point, the
    process touches ``$POLICYFACTS_FAILPOINT_MARKER`` and sleeps until it is killed. A no-op otherwise."""
    if os.environ.get(FAILPOINT_ENV) != name:
        return
    marker = os.environ.get(FAILPOINT_ENV + "_MARKER")
    if marker:
        Path(marker).write_text(f"{name} {os.getpid()}\n")
    while True:
        time.sleep(60)


class IngestLocked(RuntimeError):
    """Another ingest holds the warehouse; the message says which process."""


def lock_path(published: Path) -> Path:
    return published.with_name(published.name + ".lock")


def building_path(published: Path) -> Path:
    return published.with_name(f".{published.name}.building")


@contextmanager
def exclusive_lock(published: Path, wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the warehouse's ingest lock; raise :class:`IngestLocked` if it stays taken past ``wait_seconds``."""
    path = lock_path(published)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise IngestLocked(
                        f"another ingest is writing {published} (lock {path}, held by {holder}); "
                        "wait for it to finish or run again with a longer LOCK_WAIT"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def building(published: Path, wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS) -> Iterator[Path]:
    """Yield a private copy of the warehouse to write; publish it atomically when the block succeeds.

    The caller must close its connection to the copy before the block ends.
    """
    with exclusive_lock(published, wait_seconds):
        failpoint("locked")
        work = building_path(published)
        for leftover in (work, work.with_name(work.name + ".wal")):
            leftover.unlink(missing_ok=True)
        if published.exists():
            shutil.copyfile(published, work)
        failpoint("copied")
        try:
            yield work
        except BaseException:
            work.unlink(missing_ok=True)
            work.with_name(work.name + ".wal").unlink(missing_ok=True)
            raise
        _fsync(work)
        failpoint("before-publish")
        os.replace(work, published)
        _fsync(published.parent)
        failpoint("published")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
