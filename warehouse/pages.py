"""Page images as files named by their content, beside the warehouse rather than inside it.

Page images were three quarters of the warehouse's bytes, and every warehouse is kept in two
generations (:mod:`warehouse.publish`): each image twice on disk, and a third time in the run report.
Kept here instead, each image is one file, ``<warehouse>-pages/<2 hex>/<sha256>.png``, written once
whatever the number of generations, documents or runs that show it; ``page_images.sha256`` names it,
and the report links it rather than writing it again.

What keeps it whole:

* a file is written to a temporary name and renamed, so a name always holds the whole image, and
  the run makes its files durable before it publishes the warehouse that names them;
* a run that dies leaves at most files nothing names; they go with the next clean-up;
* a file is removed only by :func:`collect`, under the ingest lock, once neither generation of the
  warehouse names it (nor its history, which keeps the rows a changed file superseded).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb

from pipeline.models import content_hash
from warehouse.publish import fsync

SUFFIX = ".png"


def store_path(published: Path) -> Path:
    """The folder of a warehouse's page images: ``warehouse/policy.duckdb`` → ``warehouse/policy-pages``."""
    return published.with_name(f"{published.stem}-pages")


def image_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / f"{sha256}{SUFFIX}"


class PageStore:
    """The page images of one warehouse; :meth:`save` writes, :meth:`sync` makes what was written durable."""

    def __init__(self, published: Path) -> None:
        self.folder = store_path(published)
        self._written: list[Path] = []

    def path(self, sha256: str) -> Path:
        return image_path(self.folder, sha256)

    def save(self, images: Mapping[str, bytes]) -> int:
        """Write the images (sha256 → PNG) not yet held; return how many were written. :meth:`sync` makes
        all of them durable, those found already written included."""
        written = 0
        for sha256, png in images.items():
            target = self.path(sha256)
            if target.exists():  # written by an earlier run, which may have died before making it durable
                self._written.append(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}")
            temporary.write_bytes(png)
            os.replace(temporary, target)
            self._written.append(target)
            written += 1
        return written

    def sync(self) -> None:
        """Make the images written so far durable (before the warehouse naming them is published)."""
        if not self._written:
            return
        folders = {p.parent for p in self._written}
        for path in self._written:
            fsync(path)
        for folder in folders | {self.folder}:
            fsync(folder)
        self._written.clear()

    def save_from(self, con: duckdb.DuckDBPyConnection, sql: str, batch: int = 64) -> int:
        """Write the PNGs a query returns (one column of bytes), streamed: a warehouse from before the
        store held them in its tables, and :mod:`warehouse.migrations` ``0016`` drops that column."""
        cursor = con.execute(sql)
        written = 0
        while rows := cursor.fetchmany(batch):
            written += self.save({content_hash(bytes(png)): bytes(png) for (png,) in rows if png is not None})
        return written


def named(warehouses: Iterable[Path]) -> set[str]:
    """The images the warehouses' rows name, current and in history; a warehouse that cannot be read
    names nothing, so the caller must not collect when one of them could not be read (see :func:`collect`)."""
    names: set[str] = set()
    for warehouse in warehouses:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            for table in ("main.page_images", "history.page_images"):
                names.update(sha for (sha,) in con.execute(f"SELECT DISTINCT sha256 FROM {table}").fetchall() if sha)
        finally:
            con.close()
    return names


def collect(published: Path, warehouses: Iterable[Path]) -> int:
    """Remove the images none of ``warehouses`` names (the published file and the previous generation);
    return how many. Call it holding the ingest lock, after publishing. If any of them cannot be read
    (another schema, held read-write, gone), nothing is removed: a file too many is harmless, a missing
    one is not."""
    try:
        keep = named(warehouses)
    except duckdb.Error:
        return 0
    store = store_path(published)
    if not store.is_dir():
        return 0
    removed = 0
    for folder in store.iterdir():
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            name = path.name
            leftover = name.startswith(".")  # a temporary file of a run that died before renaming it
            if leftover or (name.endswith(SUFFIX) and name[: -len(SUFFIX)] not in keep):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed += 1
    return removed
