"""Page images as files named by their content, beside the warehouse: written once, collected when unnamed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from warehouse import migrate
from warehouse.pages import PageStore, collect, image_path, store_path
from warehouse.session import PAGE_FILES_MIGRATION, ingest_run


def sha(png: bytes) -> str:
    return hashlib.sha256(png).hexdigest()


def test_an_image_is_written_once_under_its_content_hash(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "policy.duckdb")
    images = {sha(b"page one"): b"page one", sha(b"page two"): b"page two"}
    assert store.save(images) == 2
    assert store.save(images) == 0  # already held: not written again
    store.sync()
    assert store.folder == tmp_path / "policy-pages"
    for name, png in images.items():
        path = image_path(store.folder, name)
        assert path.read_bytes() == png
        assert path.parent.name == name[:2]
    assert not [p for p in store.folder.rglob(".*")], "no temporary file is left"


def warehouse_naming(path: Path, current: list[str], history: list[str]) -> None:
    con = duckdb.connect(str(path))
    migrate.apply(con)
    for table, names in (("main.page_images", current), ("history.page_images", history)):
        for page, name in enumerate(names, start=1):
            con.execute(f"INSERT INTO {table} (document_id, page, dpi, width_px, height_px, sha256) VALUES"
                        " ('d', ?, 96, 10, 10, ?)", [page, name])  # fmt: skip
    con.close()


def test_collecting_removes_only_what_no_generation_names(tmp_path: Path) -> None:
    published, previous = tmp_path / "policy.duckdb", tmp_path / ".policy.duckdb.gen-a"
    store = PageStore(published)
    kept = {sha(p): p for p in (b"published", b"in history", b"previous generation")}
    gone = {sha(b"superseded"): b"superseded"}
    store.save(kept | gone)
    leftover = image_path(store.folder, sha(b"x")).with_name(".temporary.png.123")  # a run died before renaming it
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"x")
    warehouse_naming(published, [sha(b"published")], [sha(b"in history")])
    warehouse_naming(previous, [sha(b"previous generation")], [])
    assert collect(published, [published, previous]) == 2
    assert all(image_path(store.folder, name).exists() for name in kept)
    assert not image_path(store.folder, sha(b"superseded")).exists()
    assert not leftover.exists()


def test_nothing_is_collected_when_a_generation_cannot_be_read(tmp_path: Path) -> None:
    published, older = tmp_path / "policy.duckdb", tmp_path / ".policy.duckdb.gen-a"
    store = PageStore(published)
    store.save({sha(b"named by the older one"): b"named by the older one"})
    warehouse_naming(published, [], [])
    duckdb.connect(str(older)).execute("CREATE TABLE page_images (png BLOB)").close()  # another schema
    assert collect(published, [published, older]) == 0
    assert image_path(store.folder, sha(b"named by the older one")).exists()


def test_a_warehouse_that_held_its_images_gives_them_to_the_store_and_shrinks(tmp_path: Path) -> None:
    """The upgrade: a warehouse from before migration 0016 held each PNG in ``page_images.png`` (and its
    history twin); the first run writes them to the store, the migration drops the column, and the file is
    written anew without the freed blocks."""
    older = tmp_path / "migrations"
    older.mkdir()
    for migration in migrate.available():
        if migration.name < PAGE_FILES_MIGRATION:
            (older / f"{migration.name}.sql").write_text(migration.sql, encoding="utf-8")
    published = tmp_path / "policy.duckdb"
    current, superseded = os.urandom(8 << 20), os.urandom(8 << 20)  # incompressible: the file's size shows them
    con = duckdb.connect(str(published))
    migrate.apply(con, older)
    con.execute("INSERT INTO page_images VALUES ('d', 1, 96, 10, 10, ?)", [current])
    con.execute("INSERT INTO history.page_images VALUES ('d', 1, 96, 10, 10, ?, 'r0', now(), 'changed')", [superseded])
    con.close()
    assert published.stat().st_size > 16 << 20

    with ingest_run(published, "sources"):
        pass

    con = duckdb.connect(str(published), read_only=True)
    named = con.execute("SELECT sha256 FROM page_images UNION ALL SELECT sha256 FROM history.page_images").fetchall()
    blobs = con.execute("SELECT count(*) FROM duckdb_columns() WHERE data_type = 'BLOB'").fetchone()
    con.close()
    assert sorted(name for (name,) in named) == sorted([sha(current), sha(superseded)])
    assert blobs == (0,)
    for png in (current, superseded):
        assert image_path(store_path(published), sha(png)).read_bytes() == png
    assert published.stat().st_size < 4 << 20, "the freed blocks left the file"
    assert not list(tmp_path.glob("*.compact"))
