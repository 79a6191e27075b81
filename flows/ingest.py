"""The ingest flow: the sources folder → the warehouse, doing only what changed.

python -m flows.ingest                      # settings from configs/ingest.yml
python -m flows.ingest --sources sources --warehouse warehouse/policy.duckdb --full

Each run plans from what the warehouse holds (pipeline.ingest.changes): new and changed
files are parsed (one Prefect task each, every parse in its own limited process),
unchanged ones are left alone, files that have gone are withdrawn. The run
writes the warehouse's other generation, brought up to date, and publishes it
with one rename (warehouse.publish); page images go to files beside it
(warehouse.pages).
"""

# No ``from __future__ import annotations`` here: Prefect validates a deployment's parameters
# against the flow's annotations, which must then be real types, not strings.
import argparse
import contextlib
import logging
import multiprocessing
import os
import sqlite3
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict, cast

from prefect import Flow, flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.futures import PrefectFuture, as_completed
from prefect.settings import get_current_settings
from prefect.states import Failed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

import flows  # noqa: F401  (sets Prefect's offline defaults before Prefect is imported)
from flows.config import CONFIG_PATH, IngestConfig, load_config
from flows.ephemeral import shared_with_workers, start_with_watchdog
from flows.progress import Heartbeat, Progress, largest_first, source_size
from flows.sandbox import Limits, parse_isolated
from pipeline.ingest.changes import Change, Step, plan
from pipeline.ingest.manifest import Hashes, SourcesUnreadable, scan_sources
from pipeline.models import SourceSpec
from pipeline.readers.text import UnreadableSource
from pipeline.rows import DocumentRows
from warehouse.publish import IngestLocked, WarehouseFault, check_can_publish, failpoint, hashes_path
from warehouse.report import CheckedTests, report_dir, report_is_current, write_report
from warehouse.session import RunSummary, ingest_run


@dataclass(frozen=True, slots=True)
class ParseFailed:
    """A document that could not be read: ``error`` in words for the warehouse, ``debug`` for the debug log.

    ``retry``: the failure was the run's, not the document's (a worker died), so the next run reads it again.
    """

    error: str
    debug: str = ""
    retry: bool = False


@task(name="parse-document", cache_policy=NONE, persist_result=False, task_run_name="parse {spec.document_id}")
def parse_document(spec: SourceSpec, limits: Limits, run_id: str) -> DocumentRows | ParseFailed:
    """Read one source and build its rows in a child process under ``limits``. Deterministic, so not retried.

    A document that cannot be read is an outcome, not an exception: a raised one would have
    Prefect print its traceback on the console for what is an expected refusal.
    """
    failpoint("parsing")  # tests of a Dask worker that dies stop here
    if multiprocessing.current_process().daemon:
        return ParseFailed(
            "this worker cannot parse: its process is daemonic, and each document is parsed in a child process "
            "of its own; start the Dask workers with DASK_DISTRIBUTED__WORKER__DAEMON=False",
            retry=True,
        )
    try:
        return parse_isolated(spec, limits, run_id)
    except UnreadableSource as exc:
        return ParseFailed(describe_failure(exc))
    except Exception as exc:  # one bad document must not stop the others
        return ParseFailed(describe_failure(exc), getattr(exc, "debug", "") or traceback.format_exc())


@task(name="write-report", cache_policy=NONE, persist_result=False)
def report(warehouse: str, checked: CheckedTests | None = None) -> str:
    """The run report, rendered from the published warehouse (``make report``), with the run's data tests."""
    return str(write_report(Path(warehouse), checked=checked))


def _report_is_current(warehouse: Path) -> bool:
    try:
        return report_is_current(warehouse)
    except Exception:  # a view of the warehouse: when in doubt, draw it
        return False


def spec_of(step: Step) -> SourceSpec:
    """The source a step reads; only a withdrawal has none, and a withdrawal is never parsed."""
    if step.spec is None:
        raise ValueError(f"{step.document_id}: a {step.change} step has no source to read")
    return step.spec


def worker_died(exc: BaseException) -> bool:
    """Whether the Dask worker running a document's task died (``distributed.KilledWorker``), by name: the
    process runner's flow need not import Dask to ask."""
    return type(exc).__name__ == "KilledWorker"


def describe_failure(exc: BaseException) -> str:
    """A failure in words a person understands; unexpected errors keep their type for the developers."""
    if isinstance(exc, UnreadableSource):
        return str(exc)
    if worker_died(exc):
        return (
            "the Dask worker holding this document died (its process ended: killed, or out of memory on its "
            "machine); the document is read again on the next run"
        )
    return f"the pipeline failed on this document ({type(exc).__name__}: {exc})"


@flow(name="ingest", log_prints=True)
def ingest(
    sources: str = "sources",
    warehouse: str = "warehouse/policy.duckdb",
    lock_wait_seconds: float = 0.0,
    limits: Limits = Limits(),  # noqa: B008  (frozen: one shared default is safe)
    full: bool = False,
) -> RunSummary:
    """Bring ``warehouse`` up to date with the files in ``sources``; ``full`` re-reads every file."""
    logger = get_run_logger()
    hashes = Hashes.load(hashes_path(Path(warehouse)))
    try:
        specs = scan_sources(Path(sources), limits.max_bytes, hashes=hashes)
    except SourcesUnreadable as exc:  # every document would read as withdrawn: the run changes nothing
        return Failed(message=str(exc), data=exc)  # type: ignore[return-value]
    try:
        with ingest_run(Path(warehouse), sources, lock_wait_seconds, limits.model_dump_json()) as writer:
            steps = plan(specs, writer.stored(), full=full)
            parsing = [step for step in steps if step.parse]
            logger.info(
                "%d source(s) in %s → %s: %d to read, %d unchanged",
                len(specs), sources, warehouse, len(parsing), sum(s.change is Change.UNCHANGED for s in steps),
            )  # fmt: skip
            work = {step.document_id: source_size(spec_of(step)) for step in parsing}
            progress = Progress(list(work.values()))
            futures = {
                parse_document.submit(spec_of(step), limits, writer.run_id): step
                for step in largest_first(parsing, work)
            }
            for step in steps:
                if step.change is Change.WITHDRAWN:
                    writer.withdraw(step)
                    logger.info("%s: withdrawn (%s)", step.document_id, step.detail)
                elif step.change in (Change.REFUSED, Change.DUPLICATE):
                    writer.load_failure(step, step.detail or "refused")
                    logger.warning("%s: not read: %s", step.document_id, step.detail)
                elif step.change is Change.UNCHANGED:
                    writer.unchanged(step)
            with Heartbeat(progress, logger.info):
                for future in as_completed(list(futures)):
                    step = futures.pop(future)
                    try:
                        parsed = future.result()
                    except Exception as exc:  # the task runner itself failed: still this document's failure alone
                        # (a worker that died, a cluster that restarted or was lost): the run's failure, not the
                        # file's, so the next run reads it again
                        parsed = ParseFailed(describe_failure(exc), traceback.format_exc(), retry=True)
                    if isinstance(parsed, ParseFailed):
                        writer.load_failure(step, parsed.error, retry=parsed.retry)
                        progress.done(work[step.document_id])
                        logger.warning("%s: FAILED: %s | %s", step.document_id, parsed.error, progress.line())
                        if parsed.debug:
                            logger.debug("%s: traceback of the failure:\n%s", step.document_id, parsed.debug)
                        continue
                    counts = writer.load(step, parsed)
                    failpoint("loading")
                    progress.done(work[step.document_id], parsed.parse_seconds)
                    partial = parsed.rows["documents"][0].get("status") == "partial"
                    logger.info(
                        "%s: %s%s, %s pages, %d sections, %.2f s | %s",
                        parsed.document_id, step.change, " (partial: see its quality issues)" if partial else "",
                        parsed.page_count if parsed.page_count else "-",
                        counts.get("sections", 0), parsed.parse_seconds, progress.line(),
                    )  # fmt: skip
    except (IngestLocked, WarehouseFault) as exc:
        # an expected refusal: the run ends Failed with its reason in words, and Prefect raises it to the
        # caller without the traceback it logs for an exception escaping the flow
        return Failed(message=str(exc), data=exc)  # type: ignore[return-value]
    hashes.save()
    for line in writer.summary.lines():
        logger.info(line)
    if set(writer.summary.changes) <= {str(Change.UNCHANGED)} and _report_is_current(Path(warehouse)):
        # drawing it again costs time in proportion to the warehouse, for the same documents and issues
        drawn = report_dir(Path(warehouse)) / "index.html"
        logger.info("report: %s (nothing it shows changed, so not drawn again; `make report` draws it)", drawn)
        return writer.summary
    try:
        results = writer.data_test_results
        checked = CheckedTests(results, writer.summary.data_tests_documents) if results is not None else None
        logger.info("report: %s", report(warehouse, checked))
    except Exception as exc:  # the report is a view of the warehouse: failing to draw it loses no data
        logger.warning("report: not written (%s: %s); `make report` draws it again", type(exc).__name__, exc)
    return writer.summary


class PrefectHomeFault(RuntimeError):
    """Prefect's folder cannot hold its temporary server's database; the message says why."""


def check_prefect_home() -> None:
    """Refuse in words a Prefect home the temporary server cannot use (it would time out after 90 s instead).

    The ephemeral server keeps its SQLite database in ``$PREFECT_HOME``: the folder must be
    writable and the database, if there is one, readable. Prefect's own settings say where the
    home is, as Prefect reads them; with a server configured (``PREFECT_API_URL``) nothing is checked.
    """
    settings = get_current_settings()
    if settings.api.url:  # a configured server keeps its own database
        return
    home = Path(settings.home).expanduser()
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PrefectHomeFault(f"cannot create Prefect's folder {home} (PREFECT_HOME): {exc.strerror or exc}") from None
    database = home / "prefect.db"
    if not os.access(home, os.W_OK | os.X_OK) or (database.exists() and not os.access(database, os.W_OK)):
        raise PrefectHomeFault(
            f"Prefect's folder {home} (PREFECT_HOME) is read-only: its temporary server keeps its database there; "
            "make it writable or point PREFECT_HOME at another folder"
        )
    if database.exists():
        try:
            with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as con:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise PrefectHomeFault(
                f"Prefect's database {database} cannot be read ({exc}); it holds only past runs' logs: "
                "move it aside and run again"
            ) from None


def configured(config: IngestConfig) -> Flow[..., RunSummary]:
    """The flow with the configured task runner: a thread per worker here (each waits on its document's
    process), or a Dask cluster (:func:`dask_runner`)."""
    runner = dask_runner(config) if config.task_runner == "dask" else ThreadPoolTaskRunner(max_workers=config.workers)
    # Prefect annotates ``task_runner`` as the invariant TaskRunner[PrefectFuture[Any]], which no concrete
    # runner is; Prefect casts its own default ThreadPoolTaskRunner the same way (prefect/flows.py).
    return ingest.with_options(task_runner=cast(TaskRunner[PrefectFuture[Any]], runner))


def dask_runner(config: IngestConfig) -> TaskRunner[Any]:
    """prefect-dask's runner: on the cluster at ``config.dask_address``, or on a local cluster of
    ``config.workers`` worker processes of one thread each, started for the run and stopped after it.

    A worker must be able to start processes (each document is parsed in a child of its own, under
    the limits), so its process must not be daemonic: set here for the local cluster, and for a
    cluster of your own by starting its workers with ``DASK_DISTRIBUTED__WORKER__DAEMON=False``.
    A worker that dies takes the documents it held (the one it was reading, and any queued on it) with
    it: they fail in words for this run and are read again on the next. On the local cluster they are
    not resubmitted to another worker (``allowed-failures`` 0: a document that kills its worker would
    kill them all); a cluster of your own keeps its scheduler's setting
    (``DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=0`` where the scheduler starts does the same).
    """
    import dask
    from prefect_dask.task_runners import DaskTaskRunner

    dask.config.set({"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 0,
                     "logging.distributed": "warning"})  # fmt: skip
    logging.getLogger("distributed").setLevel(logging.WARNING)  # the cluster's comings and goings, not the run's
    if config.dask_address:
        return DaskTaskRunner(address=config.dask_address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={"n_workers": config.workers, "threads_per_worker": 1, "processes": True,
                        "dashboard_address": None},
    )  # fmt: skip


class Parameters(TypedDict):
    """The flow's parameters a config sets (``full`` is the caller's)."""

    sources: str
    warehouse: str
    lock_wait_seconds: float
    limits: Limits


def parameters(config: IngestConfig) -> Parameters:
    """The flow's parameters from ``config``."""
    return {"sources": config.sources, "warehouse": config.warehouse,
            "lock_wait_seconds": config.lock_wait_seconds, "limits": config.limits}  # fmt: skip


def run(config: IngestConfig, full: bool = False) -> RunSummary:
    """One run of the flow as ``config`` says; a local Dask cluster's workers report to this process's server."""
    local_dask = config.task_runner == "dask" and not config.dask_address
    quiet = {"DASK_LOGGING__DISTRIBUTED": "warning"}  # a worker's comings and goings are not the run's news
    with shared_with_workers(**quiet) if local_dask else contextlib.nullcontext():
        return configured(config)(**parameters(config), full=full)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=CONFIG_PATH, help="settings file (default: configs/ingest.yml)")
    parser.add_argument("--sources", help="folder of source documents")
    parser.add_argument("--warehouse", help="DuckDB file to publish")
    parser.add_argument("--lock-wait", type=float, help="seconds to wait for another ingest to finish")
    parser.add_argument("--workers", type=int, help="documents parsed at once (a local Dask cluster's workers)")
    parser.add_argument("--task-runner", choices=["process", "dask"], help="who runs the parse tasks")
    parser.add_argument("--dask-address", help="an existing Dask scheduler, e.g. tcp://host:8786 (implies dask)")
    parser.add_argument("--full", action="store_true", help="re-read every source, changed or not")
    parser.add_argument("--time-limit", type=float, help="seconds per document")
    parser.add_argument("--memory-limit", type=int, help="MB per document")
    parser.add_argument("--max-pages", type=int, help="pages per PDF")
    parser.add_argument("--max-file-mb", type=int, help="MB per source file")
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
    except Exception as exc:
        print(f"ingest: cannot read {args.config}: {exc}", file=sys.stderr)
        return 2
    limit_overrides = {
        "seconds_per_document": args.time_limit, "memory_mb_per_document": args.memory_limit,
        "max_pages": args.max_pages, "max_file_mb": args.max_file_mb,
    }  # fmt: skip
    limits = config.limits.model_copy(update={k: v for k, v in limit_overrides.items() if v is not None})
    overrides = {"sources": args.sources, "warehouse": args.warehouse, "lock_wait_seconds": args.lock_wait,
                 "workers": args.workers, "task_runner": args.task_runner or ("dask" if args.dask_address else None),
                 "dask_address": args.dask_address}  # fmt: skip
    config = config.model_copy(update={k: v for k, v in overrides.items() if v is not None} | {"limits": limits})
    config = IngestConfig.model_validate(config.model_dump())  # the overrides checked like the file
    if not Path(config.sources).is_dir():
        print(f"ingest: no sources folder at {config.sources}", file=sys.stderr)
        return 2
    try:
        check_prefect_home()
        check_can_publish(Path(config.warehouse))
        start_with_watchdog()  # Prefect's temporary server, stopped however this process ends
        summary = run(config, full=args.full)
    except IngestLocked as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 3
    except SourcesUnreadable as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    except (WarehouseFault, PrefectHomeFault) as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 4
    return 0 if summary.status != "failed" else 1


if __name__ == "__main__":
    sys.exit(main())
