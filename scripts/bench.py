"""Benchmark over the policy corpus (``make bench``): pages per second end to end beside raw pdfplumber,
time per stage, peak memory and how time and memory grow with pages, the ingest flow with one and
two workers, and incremental re-runs over the seeds.

Everything is measured in this one run on this machine; run nothing else heavy meanwhile. Parts:

1. For each PDF, raw pdfplumber (open, ``extract_words`` on every page, close it), pypdfium2's chars
   (every char with its box, font and flags, as the reader takes them: the physical anchor) and then
   the pipeline's parse of the same file (read, reading order, tables, layout, every extractor), in
   the same process one after the other, so all three see the same cache state. Pages read by OCR
   are counted apart: OCR costs seconds a page whatever reads the text layer. The process is warmed
   up first (word lists, spaCy), as the parsing forkserver is before it forks one process a document.
2. The longest PDF's pages repeated into PDFs of N pages up to 1,000 (pypdfium2), each parsed in a
   fresh process that reports its time and peak resident memory.
3. ``flows.ingest`` over a copy of the corpus into a scratch warehouse with 1 then 2 workers (each
   document parsed in its own limited process; wall time of the whole command, Prefect's ephemeral start
   included); then the run report of that warehouse drawn again, its size and the page images' share.
4. ``flows.ingest`` over a copy of ``sources/``: the first run, a re-run with nothing changed, and a re-run
   after one document changed (the whole command, and the run's own seconds from ``runs``).
5. Publishing at scale: the policy-corpus warehouse (part 3's, or ``--scale-from``) and a synthetic one N
   times larger (``--scale``): the corpus PDFs copied under other names (a comment appended, so each copy
   has bytes of its own), and the warehouse's rows of each document copied to the copies' ids, so the
   flow finds every copy loaded and unchanged. At each size, re-runs with nothing changed and with one
   document changed (whole command, the run's own seconds, and the bytes the warehouse folder grew),
   beside an empty Prefect flow started the same way (Prefect's own start). The copies' rows are copied,
   not built, so the first run that changes a document also runs the cross-document checks over the copies
   for the first time, and the report draws again the sheet of every document whose issues that changes:
   a second one-document change shows what a change costs once the warehouse is in step, as one grown run
   by run always is.
6. The run report of the policy-corpus warehouse and of a synthetic one N times larger (``--report-scale``,
   made as in part 5): the time to draw it (whole; again as ``make report`` does with nothing changed; again
   as an ingest that changed the largest document does, with that run's data tests), its sizes, and in
   headless Chromium (Playwright) the time for its first page to load and list values, for the largest
   document's values to load once picked, and for that document's fact sheet to load.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import pdfplumber  # noqa: E402
import pypdfium2  # noqa: E402

from pipeline.ingest.manifest import sources_to_specs  # noqa: E402
from pipeline.parse import source_to_document, warm_up  # noqa: E402
from pipeline.readers.pdfium_words import page_chars  # noqa: E402
from warehouse.pages import image_path, store_path  # noqa: E402
from warehouse.publish import generation_paths  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "policy"
STABLE_ID = "[a-z_]+-[0-9a-f]{16}"  # an id made from content (pipeline.ids.stable_id)
# The child's own peak is VmHWM (its memory's high-water mark, new at exec): getrusage's ru_maxrss
# carries the bench's own peak across fork and exec on Linux, and would report the parent's.
CHILD = """
import json, sys, time
from pathlib import Path
from pipeline.ingest.manifest import sources_to_specs
from pipeline.parse import source_to_document
def peak_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))
path = Path(sys.argv[1])
spec = next(s for s in sources_to_specs(path.parent) if Path(s.path) == path)
imported = peak_mb()
started = time.perf_counter()
doc = source_to_document(spec)
print(json.dumps({"pages": len(doc.pages), "seconds": time.perf_counter() - started, "imported_mb": imported,
                  "peak_mb": peak_mb()}))
"""


def raw_pdfplumber(path: Path) -> tuple[int, float]:
    started = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()
        pages = len(pdf.pages)
    return pages, time.perf_counter() - started


def raw_pdfium(path: Path) -> float:
    """Seconds to take every char of every page from pdfium, as the reader does (its anchor)."""
    started = time.perf_counter()
    pdf = pypdfium2.PdfDocument(path)
    for page in pdf:
        textpage = page.get_textpage()
        page_chars(page, textpage)
        textpage.close()
        page.close()
    pdf.close()
    return time.perf_counter() - started


def compare(corpus: Path, limit: int | None, before: bool) -> None:
    specs = [s for s in sources_to_specs(corpus) if s.path.endswith(".pdf")][:limit]
    print(f"1. {len(specs)} PDFs of {corpus}: raw pdfplumber extract_words, pypdfium2 chars and the pipeline's")
    print("   parse, same run (pages/s; OCR pages and their OCR time apart)")
    started = time.perf_counter()
    warm_up()  # as the parsing forkserver does once, before it forks a process per document
    print(f"   warm-up (word lists, catalogue, spaCy; once per process): {time.perf_counter() - started:.1f} s")
    stages: dict[str, float] = {}
    total = dict.fromkeys(("raw", "pdfium", "pipe", "ocr_s"), 0.0)
    pages_total = ocr_pages = 0
    for spec in specs:
        pages, raw = raw_pdfplumber(Path(spec.path))
        chars = raw_pdfium(Path(spec.path))
        if before:  # the parse with pdfplumber reading every page, as before pdfium read the text layer
            started = time.perf_counter()
            source_to_document(spec, text_layer="pdfplumber")
            total["before"] = total.get("before", 0.0) + time.perf_counter() - started
        started = time.perf_counter()
        doc = source_to_document(spec)
        pipe = time.perf_counter() - started
        for name, seconds in doc.stages.items():
            stages[name] = stages.get(name, 0.0) + seconds
        ocr = sum(1 for p in doc.pages if p.text_source == "ocr")
        for key, value in (("raw", raw), ("pdfium", chars), ("pipe", pipe), ("ocr_s", doc.stages.get("read/ocr", 0))):
            total[key] += value
        pages_total, ocr_pages = pages_total + pages, ocr_pages + ocr
        print(f"   {spec.document_id[:44]:44} {pages:4d} p  pdfplumber {pages / raw:6.1f}  pdfium {pages / chars:6.1f}"
              f"  pipeline {pages / pipe:6.1f}" + (f"  ({ocr} OCR)" if ocr else ""))  # fmt: skip
    raw_rate, pipe_rate = pages_total / total["raw"], pages_total / total["pipe"]
    text_rate = (pages_total - ocr_pages) / max(total["pipe"] - total["ocr_s"], 1e-9)
    print(f"   total {pages_total} pages: raw pdfplumber {raw_rate:.1f} pages/s ({total['raw']:.1f} s), pypdfium2 "
          f"chars {pages_total / total['pdfium']:.1f} pages/s ({total['pdfium']:.1f} s), pipeline {pipe_rate:.1f} "
          f"pages/s ({total['pipe']:.1f} s)")  # fmt: skip
    print(f"   pipeline / raw pdfplumber: {pipe_rate / raw_rate:.2f}x; without its {ocr_pages} OCR pages "
          f"({total['ocr_s']:.1f} s of OCR) {text_rate:.1f} pages/s, {text_rate / raw_rate:.2f}x")  # fmt: skip
    if before:
        before_rate = pages_total / total["before"]
        print(f"   the parse with pdfplumber reading every page (as before issue 18): {before_rate:.1f} pages/s "
              f"({total['before']:.1f} s), {before_rate / raw_rate:.2f}x raw pdfplumber")  # fmt: skip
    print("   time per stage (all documents; read/* is per page, the rest per document):")
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"     {name:28} {seconds:7.2f} s  {seconds / total['pipe']:6.1%}  "
              f"{1000 * seconds / pages_total:6.1f} ms/page")  # fmt: skip


def growth(corpus: Path, counts: list[int]) -> None:
    longest = max(corpus.glob("*.pdf"), key=lambda p: len(pypdfium2.PdfDocument(p)))
    total = len(pypdfium2.PdfDocument(longest))
    print(f"\n2. {longest.name} ({total} pages) repeated into PDFs of N pages, each parsed in a fresh process")
    print("   (the first document a process parses also loads the word lists and spaCy: a fixed cost)")
    with tempfile.TemporaryDirectory() as scratch:
        for n in counts:
            cut = Path(scratch) / f"cut-{n}" / longest.name
            cut.parent.mkdir()
            source = pypdfium2.PdfDocument(longest)
            part = pypdfium2.PdfDocument.new()
            for start in range(0, n, total):
                part.import_pages(source, list(range(min(total, n - start))))
            part.save(cut)
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(cut)], cwd=ROOT, capture_output=True, text=True, check=True
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"   N={r['pages']:4d}: {r['seconds']:6.1f} s, {1000 * r['seconds'] / r['pages']:6.1f} ms/page, "
                  f"peak RSS {r['peak_mb']:6.0f} MB ({r['imported_mb']:.0f} MB after imports)")  # fmt: skip


def _command(args: list[str]) -> float:
    """Seconds the command took, run from the project's root with Prefect's log at WARNING; it must succeed."""
    started = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"})  # fmt: skip
    return time.perf_counter() - started


def _last_run_seconds(warehouse: Path) -> float:
    """The latest run's own seconds (lock to publish) from ``runs``."""
    con = duckdb.connect(str(warehouse), read_only=True)
    row = con.execute("SELECT seconds FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
    con.close()
    return float(row[0]) if row else float("nan")


def workers(
    corpus: Path,
    limit: int | None,
    counts: list[int],
    scale_factors: list[int],
    runner: str,
    report_factors: list[int],
) -> None:
    files = sorted(corpus.glob("*.pdf"))[:limit]
    pages = sum(len(pypdfium2.PdfDocument(p)) for p in files)
    print(f"\n3. flows.ingest over {len(files)} PDFs ({pages} pages), a limited process per document, "
          f"task runner {runner}")  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        sources = Path(scratch) / "sources"
        sources.mkdir()
        for f in files:
            shutil.copy(f, sources / f.name)
        times: dict[int, float] = {}
        own: dict[int, float] = {}
        for n in counts:
            warehouse = Path(scratch) / f"w{n}.duckdb"
            times[n] = _command(
                [sys.executable, "-m", "flows.ingest", "--sources", str(sources), "--warehouse", str(warehouse),
                 "--workers", str(n), "--task-runner", runner]
            )  # fmt: skip
            own[n] = _last_run_seconds(warehouse)
            print(f"   {n} worker(s): {times[n]:6.1f} s, {pages / times[n]:5.1f} pages/s; the run's own "
                  f"{own[n]:.1f} s (lock to publish: no start of Python, Prefect or cluster, no report)")  # fmt: skip
            con = duckdb.connect(str(warehouse), read_only=True)
            ((longest, name, total),) = con.execute(
                "SELECT max(parse_seconds), arg_max(document_id, parse_seconds), sum(parse_seconds) FROM documents"
            ).fetchall()
            con.close()
            print(f"      parse time {total:.0f} s over the documents; the longest, {name}, {longest:.0f} s "
                  f"({longest / total:.0%}): {n} worker(s) cannot take less than {max(total / n, longest):.0f} s "
                  "of parsing")  # fmt: skip
        if len(times) > 1:
            base = times[counts[0]]
            for n in counts[1:]:
                print(f"   speed-up {counts[0]} → {n} workers: {base / times[n]:.2f}x end to end, "
                      f"{own[counts[0]] / own[n]:.2f}x the runs' own")  # fmt: skip
        report_cost(Path(scratch) / f"w{counts[-1]}.duckdb")
        if scale_factors:
            scale(Path(scratch) / f"w{counts[-1]}.duckdb", sources, scale_factors)
        if report_factors:
            report_scale(Path(scratch) / f"w{counts[-1]}.duckdb", sources, report_factors)


def report_cost(warehouse: Path, repeats: int = 3) -> None:
    """The run report of part 3's warehouse: time to draw it again, its size, and the page images' share."""
    from warehouse.report import write_report

    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        index = write_report(warehouse, warehouse.with_name("bench-report"))
        seconds.append(time.perf_counter() - started)
    images = list((index.parent / "pages").iterdir())
    con = duckdb.connect(str(warehouse), read_only=True)
    ((values,),) = con.execute("SELECT count(*) FROM extracted_values").fetchall()
    named = [sha for (sha,) in con.execute("SELECT DISTINCT sha256 FROM page_images").fetchall()]
    con.close()
    stored_images = len(named)
    stored_bytes = sum(image_path(store_path(warehouse), sha).stat().st_size for sha in named)
    print(f"   run report: drawn in {statistics.median(seconds):.2f} s (median of {repeats}), {values:,} values; "
          f"index.html {index.stat().st_size / 1e6:.1f} MB + {len(images)} page images "
          f"{sum(i.stat().st_size for i in images) / 1e6:.1f} MB")  # fmt: skip
    per_page = stored_bytes / max(stored_images, 1) / 1e3
    print(f"   page images: {stored_images:,} files, {stored_bytes / 1e6:.1f} MB ({per_page:.0f} kB a page) "
          f"beside a {warehouse.stat().st_size / 1e6:.1f} MB warehouse")  # fmt: skip


def incremental(repeats: int) -> None:
    print("\n4. flows.ingest over sources/ (seeds): first run, unchanged re-run, one document changed; "
          f"median of {repeats}")  # fmt: skip
    results: dict[str, list[tuple[float, float]]] = {"first run": [], "nothing changed": [], "one changed": []}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as scratch:
            sources = Path(scratch) / "sources"
            shutil.copytree(ROOT / "sources", sources)
            warehouse = Path(scratch) / "policy.duckdb"
            for label in results:
                if label == "one changed":
                    blog = next(sources.glob("innovation-alliance-*.txt"))
                    blog.write_text(blog.read_text(encoding="utf-8") + "\nThe cluster employs 45,000 people.\n")
                wall = _command(
                    [sys.executable, "-m", "flows.ingest", "--sources", str(sources), "--warehouse", str(warehouse)]
                )
                results[label].append((wall, _last_run_seconds(warehouse)))
    for label, times in results.items():
        wall = statistics.median(t[0] for t in times)
        run = statistics.median(t[1] for t in times)
        print(f"   {label:16s}: command {wall:6.1f} s, run (lock to publish) {run:6.2f} s")


EMPTY_FLOW = """
import flows
from prefect import flow
from flows.ingest import ingest  # the same imports as the ingest
from flows.ephemeral import start_with_watchdog

@flow
def empty() -> None:
    pass

start_with_watchdog()
empty()
"""


def _folder_bytes(folder: Path) -> int:
    """The bytes of the files under ``folder`` (the warehouse's generations, its page images and its report), a
    file with several names (hard links) counted once."""
    sizes = {p.stat().st_ino: p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}
    return sum(sizes.values())


def _synthetic(warehouse: Path, sources: Path, factor: int) -> None:
    """Make ``sources`` and ``warehouse`` ``factor`` times larger: each PDF copied factor - 1 times under
    another name (with bytes of its own), each document's rows copied to its copies' ids and hashes."""
    from pipeline.ingest.changes import input_key
    from pipeline.ingest.manifest import scan_sources

    for pdf in sorted(sources.glob("*.pdf")):
        for k in range(1, factor):
            copy = pdf.with_name(f"{pdf.stem}--copy{k:02d}.pdf")
            shutil.copyfile(pdf, copy)
            with copy.open("ab") as handle:
                handle.write(f"\n% bench copy {k}\n".encode())
    specs = scan_sources(sources)
    ids = {Path(s.path).name: s.document_id for s in specs}
    mapping = [
        (ids[Path(s.path).name.split("--copy")[0] + ".pdf"], s.document_id, s.sha256, input_key(s), s.path)
        for s in specs if "--copy" in Path(s.path).name
    ]  # fmt: skip
    con = duckdb.connect(str(warehouse))
    con.execute("CREATE TEMP TABLE copies (old_id VARCHAR, new_id VARCHAR, sha VARCHAR, key VARCHAR, path VARCHAR)")
    con.executemany("INSERT INTO copies VALUES (?, ?, ?, ?, ?)", mapping)
    tables = con.execute(
        "SELECT DISTINCT schema_name, table_name FROM duckdb_columns() WHERE column_name = 'document_id'"
        " AND (schema_name, table_name) IN (SELECT (schema_name, table_name) FROM duckdb_tables() WHERE NOT internal)"
        " AND table_name <> 'document_changes' ORDER BY ALL"
    ).fetchall()
    for schema, table in tables:
        columns = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?"
            " ORDER BY column_index", [schema, table]
        ).fetchall()  # fmt: skip
        special = {"sha256": "c.sha", "input_key": "c.key", "source_path": "c.path"} if table == "documents" else {}
        select = ", ".join(
            special.get(name) or (_copied_text(f't."{name}"') if kind == "VARCHAR" else f't."{name}"')
            for name, kind in columns
        )
        con.execute(f'INSERT INTO {schema}."{table}" SELECT {select} FROM {schema}."{table}" t'
                    " JOIN copies c ON t.document_id = c.old_id")  # fmt: skip
    con.execute("CHECKPOINT")
    con.close()


def _copied_text(column: str) -> str:
    """SQL for a text value of a copied row: the document's id replaced by the copy's, and an id made from
    content (``fig-4e2e65982cfe85d8``: pipeline.ids.stable_id) made anew from it and the copy's id, the same
    way in every table, so the copy's rows keep their links to each other and collide with no other row."""
    return (
        f"CASE WHEN regexp_full_match({column}, '{STABLE_ID}')"
        f" THEN regexp_extract({column}, '^[a-z_]+-') || left(sha256({column} || c.new_id), 16)"
        f" ELSE replace({column}, c.old_id, c.new_id) END"
    )


@contextlib.contextmanager
def _scaled_copy(corpus_warehouse: Path, corpus_sources: Path, factor: int) -> Iterator[tuple[Path, Path]]:
    """(sources, warehouse): scratch copies of the corpus's, made ``factor`` times larger (:func:`_synthetic`)."""
    with tempfile.TemporaryDirectory() as scratch:
        sources, warehouse = Path(scratch) / "sources", Path(scratch) / "w" / "policy.duckdb"
        shutil.copytree(corpus_sources, sources)
        warehouse.parent.mkdir()
        shutil.copyfile(corpus_warehouse, warehouse)
        if store_path(corpus_warehouse).exists():  # the page images, linked: a copy's rows name the same files
            shutil.copytree(store_path(corpus_warehouse), store_path(warehouse), copy_function=os.link)
        if factor > 1:
            _synthetic(warehouse, sources, factor)
        yield sources, warehouse


def writer_cost(corpus_warehouse: Path) -> None:
    """The one writer's share: every document's rows of the corpus warehouse loaded again, one transaction per
    document as a run loads them (warehouse.load.replace_document), into a new warehouse."""
    from warehouse import migrate
    from warehouse.load import query_rows, replace_document
    from warehouse.session import for_building

    source = duckdb.connect(str(corpus_warehouse), read_only=True)
    tables = [t for (t,) in source.execute(
        "SELECT table_name FROM duckdb_columns() WHERE schema_name = 'main' AND column_name = 'document_id'"
        " AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main')"
        " AND table_name NOT IN ('document_changes') ORDER BY ALL"
    ).fetchall()]  # fmt: skip
    documents = [(d, p or 0) for d, p in source.execute("SELECT document_id, page_count FROM documents").fetchall()]
    with tempfile.TemporaryDirectory() as scratch:
        con = duckdb.connect(str(Path(scratch) / "w.duckdb"))
        for_building(con)  # as a run's building copy
        migrate.apply(con)
        seconds = 0.0
        for document_id, _ in documents:
            rows = {t: query_rows(source, f'SELECT * FROM "{t}" WHERE document_id = ?', [document_id]) for t in tables}
            started = time.perf_counter()
            replace_document(con, document_id, rows)
            seconds += time.perf_counter() - started
        started = time.perf_counter()
        con.execute("CHECKPOINT")
        seconds += time.perf_counter() - started
        con.close()
    source.close()
    pages = sum(p for _, p in documents)
    print(
        f"   the writer: {len(documents)} documents' rows ({pages:,} pages) loaded in {seconds:.1f} s, "
        f"{seconds / len(documents) * 1000:.0f} ms a document, {seconds / max(pages, 1) * 1000:.1f} ms a page"
    )


def scale(corpus_warehouse: Path, corpus_sources: Path, factors: list[int]) -> None:
    print("\n5. publishing: re-runs of the policy-corpus warehouse and of synthetic ones N times larger")
    writer_cost(corpus_warehouse)
    empty = statistics.median(_command([sys.executable, "-c", EMPTY_FLOW]) for _ in range(3))
    print(f"   an empty Prefect flow started the same way (Prefect's own start): {empty:.1f} s (median of 3)")
    for factor in factors:
        with _scaled_copy(corpus_warehouse, corpus_sources, factor) as (sources, warehouse):
            con = duckdb.connect(str(warehouse), read_only=True)
            ((documents, pages),) = con.execute("SELECT count(*), sum(page_count) FROM documents").fetchall()
            con.close()
            size = warehouse.stat().st_size / 1e6
            print(f"   x{factor}: {documents:,} documents, {pages:,} pages, warehouse {size:,.0f} MB,"
                  f" sources {_folder_bytes(sources) / 1e6:,.0f} MB")  # fmt: skip
            changed = min(sources.glob("*.pdf"), key=lambda p: p.stat().st_size)
            labels = ("nothing changed (1st)", "nothing changed (2nd)", "one document changed (1st)",
                      "one document changed (2nd)", "nothing changed")  # fmt: skip
            for label in labels:
                if label.startswith("one document changed"):
                    with changed.open("ab") as handle:
                        handle.write(f"\n% changed: {label}\n".encode())
                size_before = _folder_bytes(warehouse.parent)
                wall = _command([sys.executable, "-m", "flows.ingest", "--sources", str(sources),
                                 "--warehouse", str(warehouse)])  # fmt: skip
                grew = (_folder_bytes(warehouse.parent) - size_before) / 1e6
                print(f"      {label:26s}: command {wall:5.1f} s ({wall - empty:+5.1f} s beyond Prefect's start), "
                      f"run {_last_run_seconds(warehouse):5.2f} s, folder {grew:+8.1f} MB")  # fmt: skip
            print(f"      ({changed.name}: {changed.stat().st_size / 1e6:.1f} MB changed)")
            paired = []  # Prefect's start varies by seconds between runs: each re-run beside an empty flow just before
            for _ in range(3):
                start = _command([sys.executable, "-c", EMPTY_FLOW])
                wall = _command([sys.executable, "-m", "flows.ingest", "--sources", str(sources),
                                 "--warehouse", str(warehouse)])  # fmt: skip
                paired.append((wall - start, _last_run_seconds(warehouse)))
            beyond = ", ".join(f"{b:+.1f}" for b, _ in paired)
            print(f"      nothing changed, 3 more, each beside an empty flow started just before it: "
                  f"{statistics.median(b for b, _ in paired):+.1f} s beyond Prefect's start (median of {beyond}), "
                  f"run {statistics.median(r for _, r in paired):.2f} s")  # fmt: skip
            print(f"      on disk after these runs: {_disk(warehouse)}")


def _disk(warehouse: Path) -> str:
    """What the warehouse's folder holds, by part: its generations, its page images, its report's own files (its
    page images are links to the store's files, counted once, with the store)."""
    generations = sum(g.stat().st_size for g in generation_paths(warehouse) if g.exists())
    store = [p for p in store_path(warehouse).rglob("*") if p.is_file()]
    shared = {p.stat().st_ino for p in store}
    report = [p for p in warehouse.with_name(f"{warehouse.stem}-report").rglob("*") if p.is_file()]
    own = {p.stat().st_ino: p.stat().st_size for p in report if p.stat().st_ino not in shared}
    return (f"{_folder_bytes(warehouse.parent) / 1e6:,.0f} MB in all: two generations {generations / 1e6:,.0f} MB"
            f" (the published one {warehouse.stat().st_size / 1e6:,.0f} MB), page images"
            f" {sum(p.stat().st_size for p in store) / 1e6:,.0f} MB, the report's own files"
            f" {sum(own.values()) / 1e6:,.0f} MB")  # fmt: skip


LOAD_SCRIPT = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"


def _load_times(index: Path, documents: list[str], repeats: int) -> dict[str, float]:
    """Medians in Chromium (headless, Playwright) of: the first page's load event; its viewer listing the first
    document's values; and, from the first page, the largest document's values listed and its fact sheet loaded."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {}
    measured: dict[str, list[float]] = {"load": [], "listed": [], "largest listed": [], "largest sheet": []}
    largest, sheet = documents
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        for _ in range(repeats):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(index.as_uri())
            page.wait_for_selector("#value-list tbody tr")
            measured["listed"].append(page.evaluate("performance.now()") / 1000)
            measured["load"].append(page.evaluate(LOAD_SCRIPT) / 1000)
            started = page.evaluate("performance.now()")
            page.select_option("#filter-document", largest)
            page.wait_for_function(
                f"document.querySelector('#value-list tbody tr[data-document=\"{largest}\"]') !== null"
            )
            measured["largest listed"].append((page.evaluate("performance.now()") - started) / 1000)
            page.goto((index.parent / sheet).as_uri())
            measured["largest sheet"].append(page.evaluate(LOAD_SCRIPT) / 1000)
            page.close()
        browser.close()
    return {k: statistics.median(v) for k, v in measured.items()}


def report_scale(corpus_warehouse: Path, corpus_sources: Path, factors: list[int], repeats: int = 5) -> None:
    """The run report of the policy-corpus warehouse and of synthetic ones N times larger: time to draw it,
    its sizes, and how fast its pages load in Chromium."""
    from warehouse import data_tests
    from warehouse.report import CheckedTests, write_report
    from warehouse.report.render import Files

    print("\n6. the run report: drawn from the policy-corpus warehouse and from synthetic ones N times larger")
    for factor in factors:
        with _scaled_copy(corpus_warehouse, corpus_sources, factor) as (_sources, warehouse):
            con = duckdb.connect(str(warehouse), read_only=True)
            ((documents, values),) = con.execute(
                "SELECT count(*), (SELECT count(*) FROM extracted_values) FROM documents"
            ).fetchall()
            ids = [d for (d,) in con.execute("SELECT document_id FROM documents").fetchall()]
            ((largest,),) = con.execute(
                "SELECT document_id FROM extracted_values GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
            ).fetchall()
            ((clusters,),) = con.execute("SELECT list(DISTINCT cluster_id) FROM cluster_profiles").fetchall()
            con.close()
            seconds, unchanged, one = [], [], []
            for _ in range(3):  # the whole report, into a new folder
                shutil.rmtree(warehouse.with_name("report"), ignore_errors=True)
                started = time.perf_counter()
                index = write_report(warehouse, warehouse.with_name("report"))
                seconds.append(time.perf_counter() - started)
            for _ in range(3):  # again, nothing changed: every document's files kept (make report)
                started = time.perf_counter()
                write_report(warehouse, warehouse.with_name("report"))
                unchanged.append(time.perf_counter() - started)
            for _ in range(3):  # as an ingest that re-loaded the largest document draws it: with its data tests
                con = duckdb.connect(str(warehouse))
                con.execute(
                    "UPDATE documents SET loaded_at = loaded_at + INTERVAL 1 SECOND WHERE document_id = ?", [largest]
                )
                checked = CheckedTests(data_tests.check(con, {largest}), 1)
                con.close()
                started = time.perf_counter()
                write_report(warehouse, warehouse.with_name("report"), checked)
                one.append(time.perf_counter() - started)
            folder = index.parent
            data = [p.stat().st_size for p in (folder / "data").iterdir()]
            pages = sum(p.stat().st_size for p in (folder / "pages").iterdir())
            total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            drawn = statistics.median(seconds)
            print(f"   x{factor}: {documents:,} documents, {values:,} values: drawn in {drawn:.1f} s, drawn again"
                  f" {statistics.median(unchanged):.1f} s with nothing changed (make report: every data test),"
                  f" {statistics.median(one):.1f} s as an ingest that changed the largest document draws it (its"
                  f" own data tests) (medians of 3); index.html {index.stat().st_size / 1e3:,.0f} kB,"
                  f" per-document data"
                  f" {sum(data) / 1e6:,.1f} MB in {len(data):,} files (largest {max(data) / 1e6:.1f} MB),"
                  f" page images {pages / 1e6:,.0f} MB, {total / 1e6:,.0f} MB in all")  # fmt: skip
            files = Files.of(ids, clusters)
            timings = _load_times(index, [largest, files.sheet(largest)], repeats)
            if not timings:
                print("      (Chromium is not installed: load times not measured)")
                continue
            print(f"      in Chromium (median of {repeats}): first page loaded {timings['load']:.2f} s, its viewer"
                  f" listing values {timings['listed']:.2f} s; the largest document ({largest}) listed"
                  f" {timings['largest listed']:.2f} s after it is picked, its fact sheet loaded"
                  f" {timings['largest sheet']:.2f} s")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N PDFs (by name)")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="worker counts for part 3")
    parser.add_argument(
        "--skip", choices=["compare", "growth", "workers", "incremental", "scale", "report"], nargs="*", default=[]
    )
    parser.add_argument("--scale", type=int, nargs="*", default=[1, 30], help="warehouse sizes for part 5 (x corpus)")
    parser.add_argument(
        "--scale-from",
        type=Path,
        nargs=2,
        metavar=("WAREHOUSE", "SOURCES"),
        help="part 5 only, from this corpus warehouse and its sources (skips parts 1 to 4)",
    )
    parser.add_argument(
        "--report-from",
        type=Path,
        nargs=2,
        metavar=("WAREHOUSE", "SOURCES"),
        help="part 6 only, from this corpus warehouse and its sources (skips parts 1 to 5)",
    )
    parser.add_argument("--report-scale", type=int, nargs="*", default=[1, 10], help="report sizes for part 6")
    parser.add_argument("--repeats", type=int, default=3, help="repeats of part 4")
    parser.add_argument("--task-runner", choices=["process", "dask"], default="process", help="part 3's runner")
    parser.add_argument("--before", action="store_true", help="part 1 also parses with pdfplumber reading every page")
    parser.add_argument("--pages", type=int, nargs="*", default=[125, 500, 1000], help="PDF lengths for part 2")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus} is absent: nothing to measure")
        return 1
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, pdfplumber {pdfplumber.__version__}")
    if args.scale_from:
        scale(*args.scale_from, args.scale)
        return 0
    if args.report_from:
        report_scale(*args.report_from, args.report_scale)
        return 0
    if "compare" not in args.skip:
        compare(args.corpus, args.limit, args.before)
    if "growth" not in args.skip:
        growth(args.corpus, args.pages)
    if "workers" not in args.skip and args.workers:
        workers(
            args.corpus, args.limit, args.workers, [] if "scale" in args.skip else args.scale, args.task_runner,
            [] if "report" in args.skip else args.report_scale,
        )  # fmt: skip
    if "incremental" not in args.skip:
        incremental(args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
