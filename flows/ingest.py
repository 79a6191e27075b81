"""The ingest flow: every file in a sources folder → the warehouse, one task per document.

python -m flows.ingest --sources sources --warehouse warehouse/policy.duckdb
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

import flows  # noqa: F401  (sets Prefect's offline defaults before Prefect is imported)
from pipeline.manifest import ManifestError, sources_to_specs
from pipeline.models import ParsedDocument, SourceSpec
from pipeline.parse import source_to_document
from pipeline.text import UnreadableSource
from warehouse import DEFAULT_WAREHOUSE
from warehouse.publish import IngestLocked
from warehouse.session import RunSummary, ingest_run


@task(name="parse-document", cache_policy=NONE, persist_result=False, task_run_name="parse {spec.document_id}")
def parse_document(spec: SourceSpec) -> ParsedDocument:
    """Read and lay out one source. Parsing is deterministic, so it is not retried."""
    return source_to_document(spec)


TASK_RUNNERS = ("auto", "process", "thread")


def make_task_runner(kind: str, workers: int, sources: Path) -> TaskRunner:  # type: ignore[type-arg]
    """Parsing PDFs is CPU-bound: processes use every core; threads share one (the GIL).

    ``auto`` takes processes when there are PDFs to read and more than one worker, and
    threads otherwise: text sources parse in milliseconds, less than a process pool takes to start.
    """
    if kind == "auto":
        has_pdfs = any(p.suffix.lower() == ".pdf" for p in sources.iterdir())
        kind = "process" if has_pdfs and workers > 1 else "thread"
    if kind == "process":
        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    raise ValueError(f"unknown task runner {kind!r}; choose from {TASK_RUNNERS}")


def describe_failure(exc: BaseException) -> str:
    """A failure in words a person understands; unexpected errors keep their type for the developers."""
    if isinstance(exc, UnreadableSource):
        return str(exc)
    return f"the pipeline failed on this document ({type(exc).__name__}: {exc})"


@flow(name="ingest", log_prints=True)
def ingest(
    sources: str = "sources", warehouse: str = str(DEFAULT_WAREHOUSE), lock_wait_seconds: float = 0.0
) -> RunSummary:
    """Parse every source in ``sources`` and publish the result to ``warehouse``."""
    logger = get_run_logger()
    specs = sources_to_specs(Path(sources))
    logger.info("%d source(s) in %s → %s", len(specs), sources, warehouse)
    with ingest_run(Path(warehouse), sources, lock_wait_seconds) as writer:
        futures = {parse_document.submit(spec): spec for spec in specs}
        for done, future in enumerate(as_completed(list(futures)), start=1):
            spec = futures.pop(future)
            try:
                doc = future.result()
            except Exception as exc:  # one bad document must not stop the others
                error = describe_failure(exc)
                writer.load_failure(spec, error)
                logger.warning("[%d/%d] %s: FAILED: %s", done, len(specs), spec.document_id, error)
                continue
            counts = writer.load(doc)
            logger.info(
                "[%d/%d] %s: ok, %s pages, %d sections, %d blocks, %.2f s",
                done, len(specs), doc.document_id, doc.page_count if doc.page_count is not None else "-",
                counts.get("sections", 0), counts.get("blocks", 0), sum(doc.seconds.values()),
            )  # fmt: skip
    for line in writer.summary.lines():
        logger.info(line)
    return writer.summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", default="sources", help="folder of source documents (default: sources)")
    parser.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file to publish")
    parser.add_argument("--lock-wait", type=float, default=0.0, help="seconds to wait for another ingest to finish")
    parser.add_argument("--task-runner", choices=TASK_RUNNERS, default="auto", help="how documents run in parallel")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parallel documents (default: cores)")
    args = parser.parse_args(argv)
    if not Path(args.sources).is_dir():
        print(f"ingest: no sources folder at {args.sources}", file=sys.stderr)
        return 2
    try:
        runner = make_task_runner(args.task_runner, args.workers, Path(args.sources))
        summary = ingest.with_options(task_runner=runner)(
            sources=args.sources, warehouse=args.warehouse, lock_wait_seconds=args.lock_wait
        )
    except (IngestLocked, ManifestError) as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 3
    return 0 if summary.status != "failed" else 1


if __name__ == "__main__":
    sys.exit(main())
