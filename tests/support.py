"""Paths and helpers the tests share (importable as ``support``)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from pipeline.models import SourceSpec

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
AWM = "awm-business-clusters-plans-2005-08-executive-summary"
HE = "he-2009-cluster-policy-in-peripheral-regions"
WMCA = "wmca-plan-for-growth-cluster-growth-profiles"
BLOG = "innovation-alliance-local-industrial-strategy-blog-2018"
ICT = "awm-ict-cluster-web-page"


PER_DOCUMENT = ("documents", "document_text", "sections", "blocks", "figures", "visions", "objectives",
                "cluster_mentions", "tables", "table_cells", "funding", "entities", "quality_issues")  # fmt: skip


def corpus_path(relative: str) -> Path:
    """A file of ../shared/corpus, or skip the test when the corpus is not beside the project."""
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"needs {path} (../shared is absent)")
    return path


def cut(relative: str, page: int | Sequence[int], tmp_path: Path) -> Path:
    """A PDF holding ``page`` (1-based; or several pages, in order) of a corpus file (fonts travel with pages)."""
    import pypdfium2 as pdfium

    pages = [page] if isinstance(page, int) else list(page)
    source = pdfium.PdfDocument(str(corpus_path(relative)))
    target = pdfium.PdfDocument.new()
    target.import_pages(source, [p - 1 for p in pages])
    name = f"p{pages[0]}" if len(pages) == 1 else f"p{pages[0]}-{pages[-1]}"
    path = tmp_path / f"{Path(relative).stem}-{name}.pdf"
    target.save(str(path))
    return path


def query(warehouse: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    """Rows of ``sql`` against a warehouse file, opened read-only as an analyst would."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def seed_rows(warehouse: Path, documents: list[str]) -> dict[str, list[tuple[object, ...]]]:
    """Every row the warehouse's per-document tables hold for ``documents``, table by table, in a fixed order."""
    ids = ", ".join(f"'{d}'" for d in documents)
    return {t: query(warehouse, f"SELECT * FROM {t} WHERE document_id IN ({ids}) ORDER BY ALL") for t in PER_DOCUMENT}


# what differs between two runs of the same sources: the run, and when and how fast it ran
VOLATILE_COLUMNS = ("run_id", "_run_id", "_at", "seconds")


def contents(warehouse: Path, schemas: tuple[str, ...] = ("main",)) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of ``schemas`` without the runs' own stamps (see ``VOLATILE_COLUMNS``),
    table by table, in a fixed order: what two warehouses built from the same sources must share."""
    tables = query(
        warehouse,
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal AND table_name <> '_migrations'"
        f" AND schema_name IN ({', '.join(repr(s) for s in schemas)}) ORDER BY ALL",
    )
    out = {}
    for schema, table in tables:
        columns = query(
            warehouse,
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
            [schema, table],
        )
        kept = ", ".join(f'"{c}"' for (c,) in columns if not str(c).endswith(VOLATILE_COLUMNS))
        out[f"{schema}.{table}"] = query(warehouse, f'SELECT {kept} FROM {schema}."{table}" ORDER BY ALL')
    return out


def assert_recorded(
    warehouse: Path, expected: dict[str, tuple[str, str, str]]
) -> tuple[dict[str, tuple[str, str, str]], dict[str, dict[str, str]]]:
    """Every document of ``expected`` (id → status, issue kind, words) is recorded as it says: its status; when
    failed, an ``error`` holding the words and at least one issue; when a kind is named, that issue holding the
    words. Returns what the warehouse holds: documents (id → status, error, title) and issues (id → kind → detail).
    """
    documents = {
        str(d): (str(status), str(error or ""), str(title or ""))
        for d, status, error, title in query(warehouse, "SELECT document_id, status, error, title FROM documents")
    }
    issues: dict[str, dict[str, str]] = {}
    for d, kind, detail in query(warehouse, "SELECT document_id, kind, detail FROM quality_issues"):
        issues.setdefault(str(d), {})[str(kind)] = str(detail)
    for document_id, (status, kind, words) in expected.items():
        assert document_id in documents, (document_id, sorted(documents))
        got, error, _ = documents[document_id]
        assert got == status, (document_id, got, error)
        if status == "failed":
            assert error and words in error and issues.get(document_id), (document_id, error)
        if kind:
            assert kind in issues.get(document_id, {}), (document_id, issues.get(document_id))
            assert words in issues[document_id][kind], (document_id, issues[document_id][kind])
    return documents, issues


def write(name: str, data: bytes | str) -> Callable[[Path], None]:
    """What drops the file ``name`` holding ``data`` into a sources folder (bytes as they are, text as UTF-8)."""

    def make(folder: Path) -> None:
        path = folder / name
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")

    return make


def copy_sources(folder: Path) -> Path:
    """A private, writable copy of the bundled sources at ``folder`` (the seeds are read-only in the project)."""
    shutil.copytree(SOURCES, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


@contextmanager
def prefect_harness() -> Iterator[None]:
    """Prefect's test harness (a temporary server) with run loggers off, for tests that call flows."""
    from prefect.logging import disable_run_logger
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120), disable_run_logger():
        yield


def never_finishes(spec: SourceSpec, run_id: str, max_pages: int) -> NoReturn:
    """A stand-in parse (``parse=`` of flows.sandbox.parse_isolated) that never returns, on any machine.

    The time limit is then certain to stop it, however fast or loaded the machine is.
    It lives here because a forkserver child imports it by name (``support`` is on
    the children's path, as on the tests').
    """
    while True:
        time.sleep(3600)


def stalls_on_a_page(spec: SourceSpec, run_id: str, max_pages: int) -> NoReturn:
    """A stand-in parse that reaches the words of page 3 of 12, as the PDF reader tells it, and never returns."""
    from pipeline import timing

    timing.reached(page=(3, 12))
    timing.reached(stage="read/words")
    never_finishes(spec, run_id, max_pages)
