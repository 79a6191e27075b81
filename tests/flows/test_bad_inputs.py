"""Hostile and broken sources: each is recorded against its own document, and nothing else is lost.

The warehouse first holds the seeds; then every kind of bad source below is
dropped beside them and the flow runs again. Each bad source must get a
clear status and error in ``documents`` and an issue in ``quality_issues``;
the seeds' rows must be exactly as they were.

No verdict here depends on how fast the machine is: real documents get a time
limit far beyond what they need, and the time limit itself is tested with a
parse that never finishes (``support.never_finishes``), which it stops on any machine.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfs import build_pdf, deflate_bomb, many_glyphs_page, text_page
from support import SOURCES, WMCA, assert_recorded, never_finishes, query, seed_rows, stalls_on_a_page, write

from flows.sandbox import LimitExceeded, Limits, parse_isolated
from pipeline.ingest.manifest import scan_sources
from pipeline.models import SourceSpec
from pipeline.rows import DocumentRows

pytestmark = pytest.mark.slow

# The default time limit: no real document comes near it, however slow or loaded the machine.
LIMITS = Limits(seconds_per_document=600, memory_mb_per_document=1536, max_pages=2000, max_file_mb=4)
STALLED = "stalled"  # its parse never finishes: the time limit stops it
STALLED_SECONDS = 1.0
PLAN_PAGE = text_page("Growth Plan 2024", "The cluster employs 5,000 people across the region.")


def encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf([PLAN_PAGE]))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def parse_stalling(spec: SourceSpec, limits: Limits, run_id: str) -> DocumentRows:
    """The sandbox as the flow calls it, except that the ``stalled`` document's parse never finishes.

    That document alone gets a short time limit; the others keep the run's generous one.
    """
    if spec.document_id == STALLED:
        stalled = limits.model_copy(update={"seconds_per_document": STALLED_SECONDS})
        return parse_isolated(spec, stalled, run_id, parse=never_finishes)
    return parse_isolated(spec, limits, run_id)


def symlink(name: str, target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).symlink_to(target(folder))

    return make


def fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def manifest_entries(folder: Path) -> None:
    with (folder / "manifest.yml").open("a", encoding="utf-8") as handle:
        handle.write("  - file: ghost.pdf\n    title: A plan the manifest lists but nobody copied\n")
        handle.write("  - file: ../outside.txt\n    id: outside\n")


def outside_file(folder: Path) -> Path:
    secret = folder.parent / "secret.txt"
    secret.write_text("not a source: it lives outside the sources folder")
    return secret


# document_id → (status, issue kind, words the error or issue must contain)
EXPECTED: dict[str, tuple[str, str, str]] = {
    "empty": ("failed", "unreadable_source", "the file is empty"),
    "empty-pdf": ("failed", "unreadable_source", "the file is empty"),
    "blank": ("failed", "unreadable_source", "holds no text"),
    "truncated": ("failed", "unreadable_source", "not a readable PDF"),
    "not-a-pdf": ("failed", "unreadable_source", "not a readable PDF"),
    "encrypted-user": ("failed", "unreadable_source", "encrypted"),
    "encrypted-owner": ("ok", "", ""),
    "scan": ("partial", "no_text", "no page of the PDF has any text"),
    "bomb": ("partial", "page_unreadable", "decompression bomb"),
    "huge-page": ("ok", "extreme_page_size", "200 inches"),
    "thousands": ("failed", "unreadable_source", "3,000 pages"),
    # 1.5 M single-glyph text operations, each over the last: pdfium lays them out as the one glyph a viewer
    # shows, well within the limits (pdfminer needed about 4 GB for them, past the 1,536 MB limit)
    "glyphs": ("ok", "", ""),
    STALLED: ("failed", "unreadable_source", "stopped after 1 s: the time limit per document"),
    "cp1252": ("ok", "encoding", "is not UTF-8"),
    "mixed": ("ok", "encoding", "mixes UTF-8"),
    "utf16": ("ok", "", ""),
    "binary": ("failed", "unreadable_source", "binary data"),
    "link-out": ("failed", "outside_sources", "outside the sources folder"),
    "broken-link": ("failed", "broken_link", "does not exist"),
    "copy-of-wmca": ("failed", "duplicate_source", f"the same bytes as {WMCA}"),
    "ghost": ("failed", "missing_file", "no such file"),
    "outside": ("failed", "outside_sources", "outside the sources folder"),
    "notes": ("failed", "unsupported_type", "not a kind of file"),
    "pipe": ("failed", "not_a_file", "named pipe"),
    "large": ("failed", "too_large", "more than the limit of 4 MB"),
    "plan-1": ("ok", "", ""),
}
BAD_SOURCES: list[Callable[[Path], None]] = [
    write("empty.txt", b""),
    write("empty-pdf.pdf", b""),
    write("blank.txt", "   \n\n\t \n"),
    write("truncated.pdf", build_pdf([PLAN_PAGE, PLAN_PAGE])[:120]),
    write("not-a-pdf.pdf", "<html><body>an error page saved as a PDF</body></html>"),
    write("encrypted-user.pdf", encrypted("reader-secret")),
    write("encrypted-owner.pdf", encrypted("")),
    write("scan.pdf", build_pdf([b"0.5 g 72 72 300 400 re f"])),
    write("bomb.pdf", build_pdf([PLAN_PAGE, b""], raw_streams={1: deflate_bomb(2 << 30)})),
    write("huge-page.pdf", build_pdf([PLAN_PAGE], size=(200_000, 200_000))),
    write("thousands.pdf", build_pdf([text_page("a page")] * 3000)),
    write("glyphs.pdf", build_pdf([many_glyphs_page(1_500_000)], compressed=[True])),
    write(f"{STALLED}.txt", "A plan\n\nWhose parse never finishes."),
    write("cp1252.txt", "Funding of £5M – the cluster’s plan".encode("cp1252")),
    write("mixed.txt", "Funding of £5M and ".encode() + "£3M – more".encode("cp1252")),
    write("utf16.txt", "Cluster plan\n\nThe cluster employs 1,200 people.".encode("utf-16")),
    write("binary.txt", bytes(range(256)) * 64),
    symlink("link-out.txt", outside_file),
    symlink("broken-link.txt", lambda folder: folder / "nowhere.txt"),
    write("copy-of-wmca.txt", (SOURCES / f"{WMCA}.txt").read_bytes()),
    manifest_entries,
    write("notes.docx", b"PK\x03\x04 a word document"),
    fifo,
    write("large.txt", "words and more words\n" * 250_000),
    write("Plan 1.txt", "Plan one\n\nThe first plan."),
    write("plan-1.txt", "Plan one again\n\nA different file whose name gives the same id."),
]


def run(sources: Path, warehouse: Path, limits: Limits = LIMITS):  # type: ignore[no-untyped-def]
    from flows.ingest import ingest

    return ingest(sources=str(sources), warehouse=str(warehouse), limits=limits)


def test_every_kind_of_bad_source_is_recorded_and_nothing_is_lost(
    harness: None, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(BAD_SOURCES) >= 20
    monkeypatch.setattr("flows.ingest.parse_isolated", parse_stalling)
    warehouse = tmp_path / "policy.duckdb"
    assert run(sources, warehouse).status == "ok"
    seeds = [str(r[0]) for r in query(warehouse, "SELECT document_id FROM documents")]
    before = seed_rows(warehouse, seeds)

    for make in BAD_SOURCES:
        make(sources)
    summary = run(sources, warehouse)

    assert summary.status == "partial"
    assert seed_rows(warehouse, seeds) == before  # nothing loaded earlier is lost, or even rewritten
    documents, issues = assert_recorded(warehouse, EXPECTED)
    # the run says what the warehouse says: loaded ok, loaded partial and failed counted apart
    latest = "(SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)"
    stored = Counter(
        dict(query(warehouse, f"SELECT status, count(*) FROM documents WHERE run_id = {latest} GROUP BY 1"))
    )
    assert stored["partial"] == 2
    assert (summary.ok, summary.partial, summary.failed) == (stored["ok"], stored["partial"], stored["failed"])
    assert f"(ok {stored['ok']}, partial {stored['partial']}, failed {stored['failed']})" in summary.lines()[1]
    assert query(warehouse, f"SELECT documents_ok, documents_partial, documents_failed FROM runs WHERE run_id = {latest}") == [
        (stored["ok"], stored["partial"], stored["failed"])
    ]  # fmt: skip
    # the readable ones were read
    texts = dict(query(warehouse, "SELECT document_id, text FROM document_text"))
    assert "employs 5,000 people" in str(texts["encrypted-owner"])
    assert "employs 1,200 people" in str(texts["utf16"])
    assert "£5M – the cluster’s plan" in str(texts["cp1252"])
    assert "£5M and £3M – more" in str(texts["mixed"])
    assert "employs 5,000 people" in str(texts["bomb"])  # the page before the bomb
    # pdfium aborts where the bomb's allocation fails; pdfplumber, reading the PDF again, keeps the other page
    assert "died on signal" in issues["bomb"]["reader_crashed"]
    collided = [d for d in documents if d.startswith("plan-1-")]
    assert len(collided) == 1 and "duplicate_document_id" in issues[collided[0]]
    # a re-run changes nothing: bad sources are not read again
    again = run(sources, warehouse)
    assert again.documents == 0 and again.changes["unchanged"] == len(documents)


def test_an_unreadable_manifest_is_a_warning_and_the_documents_still_load(
    harness: None, sources: Path, tmp_path: Path
) -> None:
    (sources / "manifest.yml").write_text("documents:\n  - file: [unclosed\n")
    warehouse = tmp_path / "policy.duckdb"
    summary = run(sources, warehouse)
    assert (summary.ok, summary.failed) == (5, 0)
    warned = query(
        warehouse, "SELECT DISTINCT document_id, detail FROM quality_issues WHERE kind = 'manifest_unreadable'"
    )
    assert len(warned) == 5 and all("not valid YAML" in str(detail) for _, detail in warned)
    assert query(warehouse, "SELECT count(*) FROM documents WHERE in_manifest") == [(0,)]


def test_a_sources_folder_that_cannot_be_listed_stops_the_run_before_anything_is_withdrawn(
    harness: None, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.ingest.manifest import SourcesUnreadable

    warehouse = tmp_path / "policy.duckdb"
    (sources / "2024").mkdir()
    (sources / "2024" / "plan.md").write_text("# A plan in a subfolder\n\nThe cluster employs 900 people.\n")
    assert run(sources, warehouse).changes == {"added": 6}
    assert query(warehouse, "SELECT count(*) FROM documents WHERE document_id = '2024-plan'") == [(1,)]
    moved = sources.rename(tmp_path / "elsewhere")  # an unmounted share, a renamed folder
    with pytest.raises(SourcesUnreadable, match="does not exist"):
        run(sources, warehouse)
    moved.rename(sources)
    listing = os.scandir

    def refused(path: object = ".") -> object:
        if str(path).endswith("2024"):
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refused)
    with pytest.raises(SourcesUnreadable, match="2024 cannot be listed \\(Permission denied\\)"):
        run(sources, warehouse)
    monkeypatch.undo()
    assert query(warehouse, "SELECT count(*) FROM documents WHERE withdrawn_at IS NULL") == [(6,)]
    assert query(warehouse, "SELECT count(*) FROM document_changes WHERE change = 'withdrawn'") == [(0,)]


def test_a_parse_that_never_finishes_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("A plan\n\nThe cluster employs 5,000 people.")
    (spec,) = scan_sources(tmp_path, max_bytes=1 << 20)
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match=r"stopped after 1 s: the time limit per document"):
        parse_isolated(spec, Limits(seconds_per_document=STALLED_SECONDS), "test-run", parse=never_finishes)
    assert time.monotonic() - started >= STALLED_SECONDS  # it was given the whole limit
    assert f"parse {spec.document_id}" not in {p.name for p in multiprocessing.active_children()}  # and is gone


def test_the_time_limit_says_where_the_reading_was_stopped(tmp_path: Path) -> None:
    (tmp_path / "plan.pdf").write_bytes(build_pdf([text_page("A plan")]))
    (spec,) = scan_sources(tmp_path, max_bytes=1 << 20)
    with pytest.raises(LimitExceeded, match=r"the time limit per document .*; it was stopped while reading page 3 of "
                       r"12 \(read/words\)$"):  # fmt: skip
        parse_isolated(spec, Limits(seconds_per_document=STALLED_SECONDS), "test-run", parse=stalls_on_a_page)


def test_a_document_needing_more_memory_than_its_limit_is_stopped(tmp_path: Path) -> None:
    line = "The cluster employs 5,000 people in the region, and this line says so again and again.\n"
    (tmp_path / "huge.txt").write_text(line * (300_000_000 // len(line)))
    (spec,) = scan_sources(tmp_path, max_bytes=1 << 30)
    with pytest.raises(LimitExceeded, match="memory limit per document"):
        parse_isolated(spec, Limits(seconds_per_document=600, memory_mb_per_document=1024), "test-run")
