"""The ingest flow end to end under Prefect's test harness."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import AWM, SHARED, SOURCES
from support import query as rows

pytestmark = pytest.mark.slow


def run_ingest(sources: Path, warehouse: Path):  # type: ignore[no-untyped-def]
    from flows.ingest import ingest

    return ingest(sources=str(sources), warehouse=str(warehouse))


def test_ingest_loads_the_seeds_with_true_provenance(harness: None, sources: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "policy.duckdb"
    summary = run_ingest(sources, warehouse)
    assert (summary.documents, summary.ok, summary.failed, summary.status) == (5, 5, 0, "ok")
    docs = rows(warehouse, "SELECT document_id, status, sha256, media_type FROM documents ORDER BY 1")
    assert [d[0] for d in docs] == sorted(p.stem for p in SOURCES.iterdir() if p.suffix in (".txt", ".md"))
    assert all(d[1] == "ok" and len(str(d[2])) == 64 for d in docs)
    assert rows(warehouse, "SELECT status, documents_total FROM runs") == [("ok", 5)]
    numbers = rows(
        warehouse, f"SELECT number FROM sections WHERE document_id = '{AWM}' AND number IS NOT NULL ORDER BY ordinal"
    )
    assert [n[0] for n in numbers][:6] == ["1", "1.1", "1.2", "1.3", "1.4", "1.5"]
    texts = rows(warehouse, "SELECT document_id, position(chr(12) IN text) FROM document_text")
    assert all(pos == 0 for _, pos in texts)  # text sources have no pages, so no form feeds
    checker = SHARED / "tools" / "check_contract.py"
    if checker.exists():
        result = subprocess.run([sys.executable, str(checker), str(warehouse)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_rerun_gives_the_same_rows_and_bad_files_fail_alone(harness: None, sources: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "policy.duckdb"
    run_ingest(sources, warehouse)
    queries = {
        "documents": "SELECT * EXCLUDE (run_id, parse_seconds) FROM documents ORDER BY ALL",
        "document_text": "SELECT * FROM document_text ORDER BY ALL",
        **{t: f"SELECT * EXCLUDE (run_id) FROM {t} ORDER BY ALL" for t in ("sections", "blocks", "contents_entries")},
    }
    first = {t: rows(warehouse, q) for t, q in queries.items()}
    run_ingest(sources, warehouse)
    second = {t: rows(warehouse, q) for t, q in queries.items()}
    assert first == second
    (sources / "empty.txt").write_bytes(b"")
    (sources / "not-a-pdf.pdf").write_text("this is not a PDF")
    summary = run_ingest(sources, warehouse)
    assert (summary.ok, summary.failed, summary.status) == (0, 2, "partial")  # only the new files were read
    assert summary.changes == {"unchanged": 5, "failed": 2}
    failed = dict(rows(warehouse, "SELECT document_id, error FROM documents WHERE status = 'failed'"))
    assert failed == {"empty": "the file is empty", "not-a-pdf": failed["not-a-pdf"]}
    assert "not a readable PDF" in str(failed["not-a-pdf"])
    assert rows(warehouse, "SELECT count(*) FROM sections") == [(len(second["sections"]),)]


def test_an_analyst_reads_throughout_an_ingest(harness: None, sources: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "policy.duckdb"
    run_ingest(sources, warehouse)
    expected = rows(warehouse, "SELECT count(*) FROM sections")[0][0]
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, duckdb
            reads = 0
            while not os.path.exists({str(stop)!r}) or reads == 0:
                con = duckdb.connect({str(warehouse)!r}, read_only=True)
                n = con.execute("SELECT count(*) FROM sections").fetchone()[0]
                assert n == {expected}, n     # never a half-loaded warehouse
                con.close()
                reads += 1
            print(reads)
        """)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        summary = run_ingest(sources, warehouse)
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=60)
    assert summary.status == "ok"
    assert reader.returncode == 0, err
    assert int(out) > 0
