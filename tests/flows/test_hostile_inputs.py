"""Hostile input II, through the whole run: odd names and bytes, hostile manifest entries, files that change
or vanish under the run, re-reads that fail, secrets behind links, and the faults an analyst's session or the
disk can cause.

Every case asserts what tests/flows/test_bad_inputs.py asserts of the first 26 kinds: the run completes (or
refuses in words), documents loaded before keep their rows, a new good document beside the hostile ones
loads, and no stored error is a traceback. The pieces (each manifest case, each byte-level repair, each fault
of the warehouse) are tested one by one in tests/unit/test_hostile_input.py.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfs import build_pdf, text_page, tiny_glyphs_page
from support import PER_DOCUMENT, ROOT, WMCA, assert_recorded, query, seed_rows, write

from flows.sandbox import Limits, parse_isolated
from pipeline.models import SourceSpec
from pipeline.rows import DocumentRows

pytestmark = pytest.mark.slow

# the bad-input suite's limits: a time limit no real document comes near (none of these tests is timed)
LIMITS = Limits(seconds_per_document=600, memory_mb_per_document=1536, max_pages=2000, max_file_mb=4)
GOOD = "good-plan-2024"
SECRET = "DB_PASSWORD=hunter2-do-not-copy"
XFA = b"/NeedsRendering true /AcroForm << /Fields [] /XFA (<xdp:xdp/>) >> "
PLACEHOLDER = text_page("Please wait...", "If this message is not eventually replaced by the proper contents ...")
DEEP_TITLE = b"<< /Title " + b"[" * 5000 + b"(x)" + b"]" * 5000 + b" >>"
SIDEWAYS = "The cluster employs 800 people across the region."
TRACEBACK_SIGNS = ("Traceback (most recent call last)", 'File "', "line ")


def parse_racing(spec: SourceSpec, limits: Limits, run_id: str) -> DocumentRows:
    """The sandbox as the flow calls it, except that two files change under the run after it scanned them."""
    path = Path(spec.path)
    if spec.document_id == "vanishes":
        path.unlink()
    elif spec.document_id == "rewritten":
        path.write_text("Rewritten plan\n\nOther words, written after the scan.", encoding="utf-8")
    return parse_isolated(spec, limits, run_id)


def odd_name(folder: Path) -> None:
    (folder / os.fsdecode(b"budget-\xff\xfe.txt")).write_text("Budget\n\nThe budget is £5m.", encoding="utf-8")


def manifest_entries(folder: Path) -> None:
    """Entries a person writes without quoting, and entries that are wrong: each concerns its entry alone."""
    with (folder / "manifest.yml").open("a", encoding="utf-8") as handle:
        handle.write(f"  - file: {GOOD}.txt\n    date: 2024-05-01\n    title: Yes\n    publisher: 12\n")
        handle.write("  - file: utf16-nobom.txt\n    title: One\n    title: Two\n")
        handle.write("  - title: an entry naming no file\n")
        handle.write("  - file: invisible.txt\n    colour: blue\n")


# document_id → (status, issue kind, words the error or issue must contain)
EXPECTED: dict[str, tuple[str, str, str]] = {
    GOOD: ("ok", "", ""),
    "budget": ("failed", "bad_file_name", "is not valid UTF-8"),
    "utf16-nobom": ("ok", "encoding", "UTF-16-LE text without a byte-order mark"),
    "binary-late": ("failed", "unreadable_source", "binary data, not text"),
    "invisible": ("ok", "invisible_characters", "2 invisible character(s)"),
    "implausible": ("ok", "implausible_number", "too large to be a figure"),
    "one-line": ("failed", "unreadable_source", "a paragraph of 1,200,000 characters"),
    "xfa": ("failed", "unreadable_source", "an XFA form"),
    "deep-title": ("ok", "", ""),
    "sideways": ("ok", "page_turned", "read turned a quarter turn anticlockwise"),
    "loops": ("ok", "broken_reference", "1 object(s) that refer to themselves (5 0 R)"),
    "hostile-title": ("ok", "", ""),
    "tables": ("ok", "", ""),
    "tiny-glyphs": ("partial", "garbled_page", "every letter is printed twice"),
    "vanishes": ("failed", "unreadable_source", "it was moved, removed or locked after the run found it"),
    "rewritten": ("failed", "unreadable_source", "the file changed after the run found it"),
}
NO_FILE = ("failed", "manifest_entry_invalid", "cannot be used: file: Field required")  # its id: its entry's number
HOSTILE: list[Callable[[Path], None]] = [
    write(f"{GOOD}.txt", "Good Plan 2024\n\nThe cluster employs 5,000 people across the region."),
    odd_name,
    write("utf16-nobom.txt", "Cluster plan\n\nThe cluster employs 1,200 people.".encode("utf-16-le")),
    write("binary-late.txt", b"The cluster employs 5,000 people.\n" * 3000 + bytes(range(256)) * 8),
    write("invisible.txt", "Funding plan\n\nThe fund is £1\u200b5m for co\u00adoperation."),
    write("implausible.txt", "Funding plan\n\nThe fund is £" + "9" * 340 + "bn. It employs 300 people."),
    write("one-line.txt", "x" * 1_200_000),
    write("xfa.pdf", build_pdf([PLACEHOLDER], catalog=XFA)),
    write("deep-title.pdf", build_pdf([text_page("Growth Plan", "It employs 700 people.")], info=DEEP_TITLE)),
    write("sideways.pdf", build_pdf([text_page("Sideways Plan", SIDEWAYS)], rotate=90)),
    write("loops.pdf", build_pdf([text_page("Loop"), text_page("It employs 600 people.")], bodies={5: b"5 0 R"})),
    write("hostile-title.md", "# </script><!--<script>alert(1)//\n\nThe cluster employs 900 people."),
    write(
        "tables.md",
        "# Tables\n\nJobs:\n\n| Cluster | 2020 | 2024 |\n|---|--:|--:|\n| Automotive | 4,000 | 5,000 |\n\n"
        "Funding:\n\n<table><tr><th>Programme</th><th>2023/24</th><th>2024/25</th></tr>"
        "<tr><td>Skills (£m)</td><td>12</td><td>14</td></tr></table>\n",
    ),
    write("tiny-glyphs.pdf", build_pdf([tiny_glyphs_page(100_000)], compressed=[True])),
    write("vanishes.txt", "A plan\n\nIt is removed after the scan."),
    write("rewritten.txt", "A plan\n\nIt is rewritten after the scan."),
    manifest_entries,
]


def run(sources: Path, warehouse: Path):  # type: ignore[no-untyped-def]
    from flows.ingest import ingest

    return ingest(sources=str(sources), warehouse=str(warehouse), limits=LIMITS)


def no_traceback(text: object) -> bool:
    return not any(sign in str(text or "") for sign in TRACEBACK_SIGNS[:2])


def test_hostile_sources_ii_are_each_recorded_in_words_and_nothing_is_lost(
    harness: None, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("flows.ingest.parse_isolated", parse_racing)
    warehouse = tmp_path / "policy.duckdb"
    assert run(sources, warehouse).status == "ok"
    seeds = [str(r[0]) for r in query(warehouse, "SELECT document_id FROM documents")]
    before = seed_rows(warehouse, seeds)

    entries = (sources / "manifest.yml").read_text(encoding="utf-8").count("\n  - ")
    for make in HOSTILE:
        make(sources)
    expected = {**EXPECTED, f"manifest-entry-{entries + 3}": NO_FILE}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary = run(sources, warehouse)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) / 1024

    assert summary.status == "partial"
    assert grown_mb < 512  # the run's own process: documents are parsed in children under their limits
    assert seed_rows(warehouse, seeds) == before  # the seeds' rows and manifest metadata are untouched
    documents, issues = assert_recorded(warehouse, expected)
    assert all(no_traceback(error) for _, error, _ in documents.values())
    assert all(no_traceback(detail) for by_kind in issues.values() for detail in by_kind.values())

    # the good document beside them, with its manifest entry read as written
    good = query(warehouse, "SELECT title, published_date, publisher FROM documents WHERE document_id = ?", [GOOD])
    assert good == [("Yes", "2024-05-01", "12")]
    assert query(warehouse, "SELECT value FROM figures WHERE document_id = ?", [GOOD]) == [(5000.0,)]
    # what the readable ones hold
    texts = {str(d): str(t) for d, t in query(warehouse, "SELECT document_id, text FROM document_text")}
    assert "employs 1,200 people" in texts["utf16-nobom"]
    assert "manifest_entry_invalid" in issues["utf16-nobom"]  # its entry set aside, the file still read
    assert query(warehouse, "SELECT value FROM figures WHERE document_id = 'invisible'") == [(15_000_000.0,)]
    assert query(warehouse, "SELECT value FROM figures WHERE document_id = 'implausible'") == [(300.0,)]
    assert query(warehouse, "SELECT count(*) FROM figures WHERE NOT isfinite(value)") == [(0,)]
    assert documents["deep-title"][2] == "Growth Plan"  # titled by its first line, not by the nested metadata
    # a page displayed on its side (/Rotate 90 over upright text) is read as a reader turns it: whole lines
    assert texts["sideways"] == f"Sideways Plan\n{SIDEWAYS}"
    assert query(warehouse, "SELECT value FROM figures WHERE document_id = 'sideways'") == [(800.0,)]
    # a page whose content refers to itself is read as empty (pdfminer followed it forever), the next page read
    assert query(warehouse, "SELECT value FROM figures WHERE document_id = 'loops'") == [(600.0,)]
    assert documents["hostile-title"][2] == "</script><!--<script>alert(1)//"  # stored as written
    assert query(warehouse, "SELECT count(*) FROM tables WHERE document_id = 'tables'") == [(2,)]
    # a re-run reads only what changed: the file rewritten under the last run (its new bytes) and the one that
    # vanished (now withdrawn); the failed files are not read again
    again = run(sources, warehouse)
    assert again.changes == {"unchanged": len(documents) - 2, "changed": 1, "withdrawn": 1}
    assert query(warehouse, "SELECT status FROM documents WHERE document_id = 'rewritten'") == [("ok",)]


def test_a_loaded_document_keeps_its_rows_when_its_file_becomes_unreadable(
    harness: None, sources: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "policy.duckdb"
    assert run(sources, warehouse).status == "ok"
    kept = [t for t in PER_DOCUMENT if t != "quality_issues"]
    before = seed_rows(warehouse, [WMCA])
    original = (sources / f"{WMCA}.txt").read_bytes()

    (sources / f"{WMCA}.txt").write_bytes(bytes(range(256)) * 64)  # overwritten with garbage
    summary = run(sources, warehouse)
    after = seed_rows(warehouse, [WMCA])
    assert summary.failed == 1 and all(after[t] == before[t] for t in kept)  # every row still there, as it was
    ((status, detail),) = query(
        warehouse,
        "SELECT d.status, q.detail FROM documents d JOIN quality_issues q USING (document_id)"
        " WHERE document_id = ? AND q.kind = 'reread_failed'",
        [WMCA],
    )
    assert status == "ok" and "binary data" in detail and "the rows of version 1 are kept" in detail

    (sources / f"{WMCA}.txt").unlink()
    (sources / f"{WMCA}.txt").symlink_to(tmp_path / "nowhere.txt")  # then a broken link: refused, rows kept
    assert run(sources, warehouse).changes["refused"] == 1
    assert all(seed_rows(warehouse, [WMCA])[t] == before[t] for t in kept)

    (sources / f"{WMCA}.txt").unlink()
    (sources / f"{WMCA}.txt").write_bytes(original)  # back as it was: nothing to read, the failure is over
    again = run(sources, warehouse)
    assert again.changes == {"unchanged": 5}
    assert seed_rows(warehouse, [WMCA]) == before


def test_a_manifest_linked_to_a_secret_is_not_read_and_the_secret_goes_nowhere(
    harness: None, sources: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.env"
    secret.write_text(SECRET + "\n")
    (sources / "manifest.yml").unlink()
    (sources / "manifest.yml").symlink_to(secret)
    warehouse = tmp_path / "policy.duckdb"
    summary = run(sources, warehouse)
    assert summary.ok == 5 and summary.failed == 0
    warned = query(warehouse, "SELECT DISTINCT detail FROM quality_issues WHERE kind = 'manifest_unreadable'")
    assert len(warned) == 1 and "outside the sources folder" in str(warned[0][0])
    text_columns = query(
        warehouse,
        "SELECT table_schema, table_name, column_name FROM information_schema.columns c JOIN"
        " information_schema.tables t USING (table_schema, table_name)"
        " WHERE t.table_type = 'BASE TABLE' AND c.data_type = 'VARCHAR'",
    )
    assert len(text_columns) > 50
    for schema, table, column in text_columns:
        found = query(warehouse, f'SELECT count(*) FROM "{schema}"."{table}" WHERE "{column}" LIKE ?', ["%hunter2%"])
        assert found == [(0,)], (schema, table, column)
    report = warehouse.parent / f"{warehouse.stem}-report"
    pages = [p for p in report.rglob("*") if p.suffix in (".html", ".js")]
    assert (report / "index.html") in pages and any(p.parent.name == "data" for p in pages)
    assert not [p for p in pages if "hunter2" in p.read_text(encoding="utf-8")]


def ingest_cli(sources: Path, warehouse: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m flows.ingest`` as ``make ingest`` runs it, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "flows.ingest", "--sources", str(sources), "--warehouse", str(warehouse)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, **(env or {})},
    )  # fmt: skip


def test_the_console_shows_no_traceback_for_refusals_and_faults_end_in_one_sentence(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "plan.txt").write_text("Growth Plan\n\nThe cluster employs 5,000 people.", encoding="utf-8")
    (sources / "empty.txt").write_bytes(b"")
    (sources / "binary.txt").write_bytes(bytes(range(256)) * 64)
    warehouse = tmp_path / "warehouse" / "policy.duckdb"

    first = ingest_cli(sources, warehouse)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "Traceback" not in first.stdout + first.stderr  # the two refusals are lines in words
    assert "binary.txt" in first.stdout + first.stderr or "binary" in first.stdout + first.stderr

    # an analyst's session that commits a write and is killed leaves a WAL: the next ingest keeps its write
    code = (
        f"import duckdb, os; con = duckdb.connect({str(warehouse)!r});"
        "con.execute(\"CREATE TABLE analyst_notes AS SELECT 'mine' AS note\"); os._exit(9)"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    assert warehouse.with_name(warehouse.name + ".wal").exists()
    (sources / "second.txt").write_text("Second Plan\n\nIt employs 40 people.", encoding="utf-8")
    second = ingest_cli(sources, warehouse)
    assert second.returncode == 0, second.stderr[-2000:]
    assert query(warehouse, "SELECT note FROM analyst_notes") == [("mine",)]
    assert query(warehouse, "SELECT count(*) FROM documents WHERE document_id = 'second'") == [(1,)]

    # a corrupt warehouse: one sentence naming the user's file, exit 4, the file as it was, nothing partial
    corrupt = tmp_path / "corrupt" / "policy.duckdb"
    corrupt.parent.mkdir()
    corrupt.write_bytes(os.urandom(100_000))
    before = corrupt.read_bytes()
    third = ingest_cli(sources, corrupt)
    assert third.returncode == 4 and "Traceback" not in third.stdout + third.stderr
    assert f"{corrupt} cannot be opened as a DuckDB database" in third.stderr and ".building" not in third.stderr
    assert corrupt.read_bytes() == before and sorted(p.name for p in corrupt.parent.iterdir()) == ["policy.duckdb"]

    # a Prefect home whose database is corrupt: refused in words at once, not after a 90 s wait
    home = tmp_path / "prefect-home"
    home.mkdir()
    (home / "prefect.db").write_bytes(os.urandom(8192))
    fourth = ingest_cli(sources, warehouse, env={"PREFECT_HOME": str(home)})
    assert fourth.returncode == 4 and "prefect.db cannot be read" in fourth.stderr
    assert "Traceback" not in fourth.stdout + fourth.stderr


def test_a_fault_met_inside_the_run_reaches_the_caller_as_itself(harness: None, sources: Path, tmp_path: Path) -> None:
    """The flow ends Failed with the fault's own words (no traceback logged), and the command line gets the
    fault itself, so it prints one sentence and exits 3 or 4."""
    from warehouse.publish import WarehouseInUse, generation_paths

    warehouse = tmp_path / "policy.duckdb"
    assert run(sources, warehouse).status == "ok"
    code = f"import duckdb, time; con = duckdb.connect({str(warehouse)!r}); print('open', flush=True); time.sleep(60)"
    session = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert session.stdout is not None and session.stdout.readline().strip() == "open"
        with pytest.raises(WarehouseInUse, match="open read-write"):
            run(sources, warehouse)
    finally:
        session.kill()
        session.wait()
    assert [g for g in generation_paths(warehouse) if g.exists() and not g.samefile(warehouse)] == []
