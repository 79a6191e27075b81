"""Re-runs do only the new work: unchanged documents keep their rows, changed ones keep their history."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from support import BLOG, ICT, SOURCES, WMCA, contents, query

from pipeline.rows import PER_DOCUMENT_TABLES
from warehouse.catalogue import CLUSTER_TABLES

pytestmark = pytest.mark.slow

EVERY_TABLE = (*PER_DOCUMENT_TABLES, *CLUSTER_TABLES)


def run(sources: Path, warehouse: Path):  # type: ignore[no-untyped-def]
    from flows.ingest import ingest

    return ingest(sources=str(sources), warehouse=str(warehouse))


def snapshot(warehouse: Path, where: str = "TRUE") -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (run ids included), optionally of some documents only."""
    out = {}
    for table in EVERY_TABLE:
        condition = where if table in PER_DOCUMENT_TABLES else "TRUE"
        out[table] = query(warehouse, f"SELECT * FROM {table} WHERE {condition} ORDER BY ALL")
    return out


def test_an_unchanged_corpus_leaves_every_row_as_it_was(
    harness: None, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warehouse import session

    warehouse = tmp_path / "policy.duckdb"
    first = run(sources, warehouse)
    assert first.changes == {"added": 5}
    before = snapshot(warehouse)
    recomputed: list[str] = []
    for name in ("refresh_clusters", "cross_document_conflicts"):
        real = getattr(session, name)
        monkeypatch.setattr(session, name, lambda con, *a, _r=real, _n=name: recomputed.append(_n) or _r(con, *a))
    again = run(sources, warehouse)
    assert (again.documents, again.changes) == (0, {"unchanged": 5})
    assert snapshot(warehouse) == before  # identical, run ids included
    assert recomputed == []  # no document changed, so neither the catalogue nor the conflicts are computed again
    runs = query(warehouse, "SELECT documents_total, documents_unchanged, documents_added, status FROM runs ORDER BY 1")
    assert sorted(runs) == [(0, 5, 0, "ok"), (5, 0, 5, "ok")]
    # a document loaded by another pipeline (a refused file keeps its fingerprint while the catalogue changes)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("UPDATE documents SET pipeline_fingerprint = 'an older pipeline' WHERE document_id = ?", [BLOG])
    run(sources, warehouse)
    assert recomputed == ["refresh_clusters", "cross_document_conflicts"]


def test_a_changed_file_is_re_extracted_and_its_previous_values_kept(
    harness: None, sources: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "policy.duckdb"
    run(sources, warehouse)
    others = f"document_id <> '{BLOG}'"
    before_others = snapshot(warehouse, others)
    old_figures = query(warehouse, "SELECT figure_id, source_text, run_id FROM figures WHERE document_id = ?", [BLOG])
    blog = sources / f"{BLOG}.txt"
    blog.write_text(blog.read_text(encoding="utf-8") + "\nThe innovation cluster employs 45,000 people.\n")

    summary = run(sources, warehouse)

    assert (summary.documents, summary.changes) == (1, {"changed": 1, "unchanged": 4})
    assert snapshot(warehouse, others) == before_others
    figures = query(warehouse, "SELECT source_text FROM figures WHERE document_id = ?", [BLOG])
    assert ("45,000 people",) in figures or any("45,000" in str(f[0]) for f in figures)
    history = query(
        warehouse,
        "SELECT figure_id, source_text, run_id, superseded_run_id, superseded_reason FROM history.figures"
        " WHERE document_id = ?",
        [BLOG],
    )
    assert sorted(h[:3] for h in history) == sorted(old_figures)
    assert {(h[3], h[4]) for h in history} == {(summary.run_id, "changed")}
    versions = query(
        warehouse,
        "SELECT version, is_current, superseded_run_id FROM document_versions WHERE document_id = ? ORDER BY 1",
        [BLOG],
    )
    assert versions == [(1, False, summary.run_id), (2, True, None)]
    changes = query(warehouse, "SELECT document_id, change, version FROM document_changes WHERE run_id = ?",
                    [summary.run_id])  # fmt: skip
    assert changes == [(BLOG, "changed", 2)]


def test_gone_renamed_and_re_extracted_documents(
    harness: None, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "policy.duckdb"
    run(sources, warehouse)
    ict_figures = query(warehouse, "SELECT count(*) FROM figures WHERE document_id = ?", [ICT])[0][0]
    (sources / f"{ICT}.txt").unlink()
    (sources / f"{WMCA}.txt").rename(sources / "wmca-cluster-profiles.txt")

    summary = run(sources, warehouse)

    assert summary.changes == {"withdrawn": 2, "renamed": 1, "unchanged": 3}
    withdrawn = dict(query(warehouse, "SELECT document_id, warnings FROM documents WHERE withdrawn_at IS NOT NULL"))
    assert set(withdrawn) == {ICT, WMCA}
    assert "no longer in the sources folder" in str(withdrawn[ICT])
    assert "renamed to wmca-cluster-profiles" in str(withdrawn[WMCA])
    assert query(warehouse, "SELECT count(*) FROM figures WHERE document_id = ?", [ICT]) == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM history.figures WHERE document_id = ?", [ICT]) == [(ict_figures,)]
    assert query(warehouse, "SELECT renamed_from FROM documents WHERE document_id = 'wmca-cluster-profiles'") == [
        (WMCA,)
    ]
    issues = query(warehouse, "SELECT document_id FROM quality_issues WHERE kind = 'withdrawn' ORDER BY 1")
    assert issues == [(ICT,), (WMCA,)]

    # the file comes back: the document returns
    shutil.copy(SOURCES / f"{ICT}.txt", sources / f"{ICT}.txt")
    back = run(sources, warehouse)
    assert back.changes == {"returned": 1, "unchanged": 4}
    assert query(warehouse, "SELECT withdrawn_at, version FROM documents WHERE document_id = ?", [ICT]) == [(None, 1)]
    assert query(warehouse, "SELECT count(*) FROM figures WHERE document_id = ?", [ICT]) == [(ict_figures,)]

    # a new pipeline re-extracts what it reads; the bytes are the same, so nothing goes to history
    import pipeline.ingest.changes

    monkeypatch.setattr(pipeline.ingest.changes, "fingerprint", lambda media_type: f"next-{media_type}")
    kept = query(warehouse, "SELECT count(*) FROM history.figures")
    rerun = run(sources, warehouse)
    assert rerun.changes == {"re-extracted": 5}
    assert query(warehouse, "SELECT count(*) FROM history.figures") == kept


def test_catching_up_the_previous_generation_gives_the_rows_a_copy_gives(
    harness: None, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same runs (add, change, withdraw, nothing) publish the same rows whether each run caught up the
    previous generation (warehouse.session.catch_up) or copied the published file, history included."""
    from warehouse import session

    real_catch_up = session.catch_up
    aside = tmp_path / "aside"
    aside.mkdir()
    shutil.move(sources / f"{ICT}.txt", aside / f"{ICT}.txt")
    blog = sources / f"{BLOG}.txt"
    original = blog.read_text(encoding="utf-8")
    results = {}
    for how in ("catch-up", "copy"):
        caught_up: list[bool] = []

        def recorded(con, published, how=how, caught_up=caught_up):  # type: ignore[no-untyped-def]
            caught_up.append(how == "catch-up" and real_catch_up(con, published))
            return caught_up[-1]

        monkeypatch.setattr(session, "catch_up", recorded)
        warehouse = tmp_path / how / "policy.duckdb"
        steps = [
            lambda: None,  # the first load
            lambda: shutil.copy(aside / f"{ICT}.txt", sources / f"{ICT}.txt"),  # a new document
            lambda: (blog.write_text(original + "\nThe plan funds 300 new jobs.\n", encoding="utf-8"),
                     (sources / f"{WMCA}.txt").rename(aside / f"{WMCA}.txt")),  # a change and a withdrawal
            lambda: None,  # nothing changed
        ]  # fmt: skip
        for step in steps:
            step()
            run(sources, warehouse)
        results[how] = contents(warehouse, ("main", "history"))
        blog.write_text(original, encoding="utf-8")  # the sources as they were, for the other way
        (aside / f"{WMCA}.txt").rename(sources / f"{WMCA}.txt")
        (sources / f"{ICT}.txt").unlink()
        if how == "catch-up":
            assert caught_up == [True, True]  # runs 3 and 4 caught up; run 1 built, run 2 copied
    assert results["catch-up"] == results["copy"]
    assert results["copy"]["history.documents"], "the change kept the document's previous version"
    assert results["copy"]["history.sections"], "the withdrawal kept the document's rows"


def test_page_images_are_files_kept_while_a_row_names_them(harness: None, sources: Path, tmp_path: Path) -> None:
    """Each page image is one file named by its content beside the warehouse; a changed PDF's old images stay
    with its history; files nothing names (left by a run that died) go once a run changes a document."""
    from pdfs import build_pdf, text_page

    from warehouse.pages import image_path, store_path

    warehouse = tmp_path / "policy.duckdb"
    store = store_path(warehouse)
    plan = sources / "plan.pdf"
    plan.write_bytes(build_pdf([text_page("1. Skills", "The plan funds 1,200 places."), text_page("2. Digital")]))
    run(sources, warehouse)

    def named(schema: str) -> set[str]:
        return {str(name) for (name,) in query(warehouse, f"SELECT sha256 FROM {schema}.page_images")}

    first = named("main")
    assert len(first) == 2
    for name in first:
        assert hashlib.sha256(image_path(store, name).read_bytes()).hexdigest() == name
    orphan = image_path(store, "0" * 64)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"a run that died wrote this and published nothing")
    run(sources, warehouse)  # nothing changed: nothing is collected
    assert orphan.exists()

    plan.write_bytes(build_pdf([text_page("1. Skills", "The plan funds 1,500 places."), text_page("2. Digital")]))
    run(sources, warehouse)
    assert named("history") == first, "the superseded rows keep their images"
    assert len(named("main") - first) == 1, "the changed page has a new image, the unchanged one shares its file"
    assert all(image_path(store, name).exists() for name in named("main") | named("history"))
    assert not orphan.exists()
    report_pages = list((warehouse.with_name("policy-report") / "pages").iterdir())
    assert len(report_pages) == 2 and all(p.stat().st_nlink > 1 for p in report_pages), "the report links the files"
