"""Build the next warehouse beside the published one, then publish it with one atomic rename.

DuckDB lets one process hold a file read-write and then refuses every other
process, readers included. So an ingest never writes the published file. It
keeps two generations beside it, ``.policy.duckdb.gen-a`` and ``.gen-b``; the
published ``policy.duckdb`` is a hard link to one of them, and a run:

1. takes an exclusive lock (``policy.duckdb.lock``): a second ingest waits
   or exits with a clear message;
2. brings the other generation, the one published before, up to date: it
   replays what the published one holds that it does not, which is the rows of
   the documents the last run changed and the small tables every run rewrites
   (``catch_up``). So a run writes in proportion to what changed, not to the
   warehouse. Where that cannot be done (no such generation yet, a reader still
   holding it, an analyst's writes since, another schema) the run copies the
   published file instead, as every run once did;
3. writes its own changes there, checkpoints and closes it, and publishes it:
   a hard link to it is renamed over ``policy.duckdb``.

Analysts who have the published file open keep reading the snapshot they
opened, and are never blocked; those who open it later see the new one. An
ingest that dies at any point leaves the published file as it was, or wholly
new once the rename is done; the ledger (``.policy.duckdb.generations``) is
written before the other generation is touched and after the rename, so the
next run catches up only a generation it knows to be whole, and copies otherwise.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

DEFAULT_LOCK_WAIT_SECONDS = 0.0
MIN_FREE_BYTES = 64 * 2**20  # beyond the warehouse's own size, for what a run adds and DuckDB's temporary files
FAILPOINT_ENV = "POLICYFACTS_FAILPOINT"


def failpoint(name: str) -> None:
    """Tests of crashes stop an ingest here: when ``$POLICYFACTS_FAILPOINT`` names this point, the
    process touches ``$POLICYFACTS_FAILPOINT_MARKER`` and sleeps until it is killed, or, when
    ``$POLICYFACTS_FAILPOINT_ACTION`` is ``die``, kills itself with SIGKILL there and then (a process
    the test cannot reach in time, such as a Dask worker, dies at the point all the same). A no-op otherwise."""
    if os.environ.get(FAILPOINT_ENV) != name:
        return
    marker = os.environ.get(FAILPOINT_ENV + "_MARKER")
    if marker:
        Path(marker).write_text(f"{name} {os.getpid()}\n")
    if os.environ.get(FAILPOINT_ENV + "_ACTION") == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    while True:
        time.sleep(60)


class IngestLocked(RuntimeError):
    """Another ingest holds the warehouse; the message says which process."""


class WarehouseInUse(IngestLocked):
    """Another program holds the published warehouse open read-write: publishing would lose its writes."""


class WarehouseFault(RuntimeError):
    """The warehouse cannot be built or published (a corrupt file, a full disk, a read-only folder).

    The message is one sentence naming the file and the cause; the published file is as it was.
    """


def check_can_publish(published: Path) -> None:
    """Refuse in one sentence, before any work, what would stop the run from publishing ``published``.

    The folder must be writable, with room for the run (a margin, and the warehouse's size
    when the run must copy it rather than catch up the previous generation); the published
    file, if any, must be a DuckDB database no other program holds read-write.
    Raises :class:`WarehouseFault` or :class:`WarehouseInUse`.
    """
    folder = published.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseFault(f"cannot create the warehouse folder {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WarehouseFault(
            f"cannot write in {folder}: the folder is read-only, and the run builds its new warehouse beside the old"
        )
    _check_space(published, copy=published.exists() and reusable_generation(published) is None)
    if not published.exists():
        return
    if not published.is_file():
        raise WarehouseFault(f"{published} is not a file (a folder or a device); the warehouse must be a DuckDB file")
    _refuse_if_held(published)
    import duckdb

    try:
        duckdb.connect(str(published), read_only=True).close()
    except duckdb.Error as exc:
        raise WarehouseFault(
            f"{published} cannot be opened as a DuckDB database ({one_line(exc)}); it was left as it is: "
            "move it aside (or restore it, and its -pages folder, from a backup) and run again to build a new one"
        ) from None


def _check_space(published: Path, copy: bool) -> None:
    """Raise :class:`WarehouseFault` unless the folder has room for the run: a margin, and the warehouse's
    size when the run copies it."""
    folder = published.parent
    size = published.stat().st_size if copy else 0
    free = shutil.disk_usage(folder).free
    if free < size + MIN_FREE_BYTES:
        raise WarehouseFault(
            f"not enough free disk space in {folder} ({free / 2**20:,.0f} MB free): building the new warehouse "
            f"beside {published.name} needs its size and a margin, {(size + MIN_FREE_BYTES) / 2**20:,.0f} MB"
        )


def one_line(exc: BaseException | str, limit: int = 300) -> str:
    """An error's message as one line a person can read, cut at ``limit`` characters (a hostile file can
    make it huge, and tracebacks and multi-line messages go to the debug log, not to the console or a row).

    >>> one_line("RecursionError: maximum recursion depth exceeded\\n  in comparison")
    'RecursionError: maximum recursion depth exceeded in comparison'
    """
    flat = " ".join(str(exc).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def settle_published(published: Path) -> None:
    """Make the published file whole before it is copied, or refuse in words.

    An analyst's read-write session writes into the published file and its write-ahead
    log (``.wal``). Renaming a new file over it would lose those writes, and a WAL left
    beside a file it does not belong to makes the warehouse unreadable. So: a file held
    open read-write is refused (:class:`WarehouseInUse`); a WAL left by a session that
    ended (or was killed) is checkpointed into the file first, keeping what it committed.
    """
    if not published.exists():
        return
    _refuse_if_held(published)
    if not wal_path(published).exists():
        return
    import duckdb

    try:
        duckdb.connect(str(published)).close()  # opening replays the log; closing checkpoints it
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise WarehouseFault(
                f"{published} has a write-ahead log left by a session that ended, and it cannot be read "
                f"({one_line(exc)}); nothing was changed"
            ) from None
        raise WarehouseInUse(
            f"{published} has a write-ahead log ({wal_path(published).name}) left by a session that ended, which "
            "must be applied before publishing, and sessions are reading it: close them and run again (the log "
            "holds what that session committed: do not delete it)"
        ) from None
    except duckdb.Error as exc:
        raise WarehouseFault(
            f"{published} has a write-ahead log ({wal_path(published).name}) left by a session that ended, and "
            f"DuckDB cannot apply it ({one_line(exc)}); nothing was changed: move the .wal file aside to publish "
            "without it"
        ) from None
    if wal_path(published).exists():
        raise WarehouseFault(f"{published} still has a write-ahead log after a checkpoint; nothing was changed")


def _refuse_if_held(published: Path) -> None:
    """Raise :class:`WarehouseInUse` when another process holds ``published`` open read-write."""
    if _held_for_writing(published):
        raise WarehouseInUse(
            f"another program has {published} open read-write (an analyst's session, or a tool): publishing "
            "over it would lose what it writes; close it, or open the warehouse with read_only=True, and run again"
        )


def _state(path: Path) -> tuple[int, int, int, bool] | None:
    """What tells a file was written: its inode, size, modification time, and whether it has a WAL."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns, wal_path(path).exists()


def _held_for_writing(path: Path) -> bool:
    """Whether another process holds DuckDB's exclusive (read-write) lock on ``path``; readers share theirs."""
    return _lock_conflicts(path, exclusive=False)


def _lock_conflicts(path: Path, exclusive: bool) -> bool:
    """Whether another process's POSIX lock on ``path`` conflicts with a shared one (a writer holds it) or, with
    ``exclusive``, with an exclusive one (anyone holds it: DuckDB's readers take a shared lock, writers an
    exclusive one).

    This process's own locks never conflict, and closing the descriptor drops any lock this process held
    on the file (the ingest holds none on the warehouse's files).
    """
    try:
        fd = os.open(path, os.O_RDWR if exclusive else os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def lock_path(published: Path) -> Path:
    return published.with_name(published.name + ".lock")


def generation_paths(published: Path) -> tuple[Path, Path]:
    """The two generations the published file takes turns to be a hard link to."""
    return published.with_name(f".{published.name}.gen-a"), published.with_name(f".{published.name}.gen-b")


def ledger_path(published: Path) -> Path:
    return published.with_name(f".{published.name}.generations")


def hashes_path(published: Path) -> Path:
    """The sources' hashes as last read (:class:`pipeline.ingest.manifest.Hashes`), kept beside the warehouse."""
    return published.with_name(f".{published.name}.sources")


def _link_path(published: Path) -> Path:
    return published.with_name(f".{published.name}.publishing")


AfterPublish = Callable[[list[Path]], None]
"""Called holding the lock once a run has published, with the published file and the previous generation."""

CatchUp = Callable[["duckdb.DuckDBPyConnection", Path], bool]
"""Brings the previous generation (a read-write connection) up to date with the published file;
False when it cannot, and then the run copies the published file instead."""


def _read_ledger(published: Path) -> dict[str, list[int | bool] | None]:
    """What the last publish recorded: the published file's state, and the whole previous generation's."""
    try:
        data = json.loads(ledger_path(published).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_ledger(published: Path, entries: dict[str, tuple[int, int, int, bool] | None]) -> None:
    path = ledger_path(published)
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(json.dumps({k: list(v) if v else None for k, v in entries.items()}), encoding="utf-8")
    os.replace(temporary, path)
    fsync(path.parent)


def _spare(published: Path) -> Path:
    """The generation that is not published now (the first one when the published file is neither)."""
    first, second = generation_paths(published)
    current = _inode(published)
    return second if current is not None and current == _inode(first) else first


def _inode(path: Path) -> int | None:
    state = _state(path)
    return state[0] if state else None


def reusable_generation(published: Path) -> Path | None:
    """The previous generation when a run can catch it up rather than copy the published file, else None.

    It must be whole (the ledger recorded it when it stopped being published), unchanged since,
    and held by no one (readers who opened it when it was published keep it open as it is); and
    the published file must be unchanged since it was published (an analyst's writes are carried
    only by a copy).
    """
    ledger = _read_ledger(published)
    spare = _spare(published)
    recorded_published, recorded_spare = ledger.get("published"), ledger.get("previous")
    if not recorded_spare or _as_state(recorded_spare) != _state(spare):
        return None
    if not recorded_published or _as_state(recorded_published) != _state(published):
        return None
    return None if _held(spare) else spare


def _as_state(entry: list[int | bool]) -> tuple[int, int, int, bool]:
    ino, size, mtime, wal = entry
    return int(ino), int(size), int(mtime), bool(wal)


def _held(path: Path) -> bool:
    """Whether any process holds ``path`` open through DuckDB (readers take a shared lock, writers an exclusive)."""
    return _lock_conflicts(path, exclusive=True)


def _prepare(published: Path, work: Path, catch_up: CatchUp | None) -> None:
    """Make ``work`` (the generation not published) hold what is published: caught up, or a copy."""
    import duckdb

    reusable = reusable_generation(published) == work if catch_up is not None else False
    _write_ledger(published, {"published": _state(published), "previous": None})  # ``work`` is not whole from now
    if reusable and catch_up is not None:
        con = duckdb.connect(str(work))
        try:
            if catch_up(con, published):
                return
        except duckdb.Error:  # whatever stopped it, a copy of the published file is still right
            pass
        finally:
            con.close()
    for leftover in (work, wal_path(work)):
        leftover.unlink(missing_ok=True)
    if published.exists():
        _check_space(published, copy=True)  # checked before the run on the hope of catching up
        shutil.copyfile(published, work)
        _adopt(published, work)


def _adopt(published: Path, spare: Path) -> None:
    """A published file that is neither generation (a warehouse from before generations) becomes the other
    one, so that once this run publishes, the next can catch it up rather than copy it again."""
    other = next(g for g in generation_paths(published) if g != spare)
    if _inode(published) in (_inode(other), _inode(spare)):
        return
    other.unlink(missing_ok=True)
    wal_path(other).unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # no hard links here: the next run copies again
        os.link(published, other)


def _publish(work: Path, published: Path) -> None:
    """Make ``work`` the published file with one rename of a hard link to it; the ledger records both files."""
    link = _link_path(published)
    link.unlink(missing_ok=True)
    was = _state(published)
    try:
        os.link(work, link)
    except OSError:  # a file system without hard links: publish by renaming the generation itself
        os.replace(work, published)
        fsync(published.parent)
        _write_ledger(published, {"published": _state(published), "previous": None})
        return
    failpoint("linked")
    os.replace(link, published)
    fsync(published.parent)
    old = next((g for g in generation_paths(published) if g != work and was and _inode(g) == was[0]), None)
    _write_ledger(published, {"published": _state(published), "previous": _state(old) if old else None})


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
def building(
    published: Path,
    wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    catch_up: CatchUp | None = None,
    after_publish: AfterPublish | None = None,
) -> Iterator[Path]:
    """Yield the warehouse file this run writes; publish it atomically when the block succeeds.

    It holds what the published file holds: the previous generation brought up to date by
    ``catch_up``, or a copy. The caller must close its connection to it before the block ends.
    ``after_publish`` is called still holding the lock, with the published file and the previous
    generation (when there is one): what a reader may open or the next run catch up.
    """
    with exclusive_lock(published, wait_seconds):
        failpoint("locked")
        _link_path(published).unlink(missing_ok=True)
        settle_published(published)
        copied = _state(published)
        work = _spare(published)
        try:
            _prepare(published, work, catch_up)
            failpoint("copied")
            yield work
            fsync(work)
            failpoint("before-publish")
            if _state(published) != copied or _held_for_writing(published):
                raise WarehouseInUse(
                    f"{published} was opened read-write and changed while this run worked; what was written there "
                    "is kept and this run is not published: run the ingest again"
                )
            _publish(work, published)
        except BaseException:
            if _inode(published) != _inode(work):  # not published: what this run half wrote goes
                work.unlink(missing_ok=True)
                wal_path(work).unlink(missing_ok=True)
            raise
        failpoint("published")
        if after_publish is not None:
            after_publish([published, *(g for g in generation_paths(published) if g != work and g.exists())])


def fsync(path: Path) -> None:
    """Make ``path`` (a file or a folder's entries) durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
