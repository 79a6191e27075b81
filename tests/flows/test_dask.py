"""The ingest flow on a local Dask cluster gives the rows the process runner gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfs import build_pdf, text_page
from support import ICT, contents, query

from flows.config import IngestConfig
from flows.ingest import run
from warehouse.publish import FAILPOINT_ENV

pytestmark = pytest.mark.slow


def test_a_local_dask_cluster_with_two_workers_gives_the_process_runners_rows(
    harness: None, sources: Path, tmp_path: Path
) -> None:
    (sources / "skills-plan.pdf").write_bytes(
        build_pdf([text_page("1. Skills", "The plan funds 1,200 apprenticeships in advanced manufacturing.")])
    )
    (sources / "not-a-pdf.pdf").write_text("this is not a PDF")
    by_runner = {}
    for runner in ("process", "dask"):
        warehouse = tmp_path / runner / "policy.duckdb"
        config = IngestConfig(sources=str(sources), warehouse=str(warehouse), workers=2, task_runner=runner)
        summary = run(config)
        assert (summary.ok, summary.failed) == (6, 1), summary.failures
        by_runner[runner] = contents(warehouse)
    assert by_runner["dask"] == by_runner["process"]
    assert by_runner["dask"]["main.sections"], "the documents were read"
    failed = [row for row in by_runner["dask"]["main.documents"] if "not-a-pdf" in row]
    assert len(failed) == 1, "the unreadable file is recorded against itself"


def test_a_worker_that_dies_fails_only_its_document_and_the_next_run_reads_it(
    harness: None, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aside = tmp_path / f"{ICT}.txt"
    (sources / f"{ICT}.txt").rename(aside)
    warehouse = tmp_path / "policy.duckdb"
    loaded = run(IngestConfig(sources=str(sources), warehouse=str(warehouse)))
    assert loaded.ok == 4
    aside.rename(sources / f"{ICT}.txt")
    # the worker that takes the new document dies there with SIGKILL, as under the OOM killer or on a lost
    # machine: by its own hand, so the death does not wait on a thread of this test reaching it in time
    monkeypatch.setenv(FAILPOINT_ENV, "parsing")
    monkeypatch.setenv(f"{FAILPOINT_ENV}_ACTION", "die")
    summary = run(IngestConfig(sources=str(sources), warehouse=str(warehouse), task_runner="dask"))
    assert (summary.ok, summary.failed, summary.changes["unchanged"]) == (0, 1, 4)
    assert "the Dask worker holding this document died" in summary.failures[ICT]
    assert query(warehouse, "SELECT count(*) FROM documents WHERE status = 'ok'") == [(4,)]  # nothing else lost
    monkeypatch.delenv(FAILPOINT_ENV)
    monkeypatch.delenv(f"{FAILPOINT_ENV}_ACTION")
    again = run(IngestConfig(sources=str(sources), warehouse=str(warehouse)))
    assert (again.ok, again.failed) == (1, 0)  # read again though its file did not change
    assert query(warehouse, f"SELECT status FROM documents WHERE document_id = '{ICT}'") == [("ok",)]


def test_an_existing_cluster_is_used_by_its_address(harness: None, sources: Path, tmp_path: Path) -> None:
    """``--dask-address``: the flow submits to a cluster it did not start (its workers started non-daemonic and
    told where Prefect's server is, as the README asks of a cluster of one's own), and leaves it running."""
    import dask
    from distributed import Client, LocalCluster

    from flows.ephemeral import shared_with_workers

    with (
        shared_with_workers(),
        dask.config.set({"distributed.worker.daemon": False}),
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
    ):
        warehouse = tmp_path / "policy.duckdb"
        config = IngestConfig(
            sources=str(sources), warehouse=str(warehouse), task_runner="dask", dask_address=cluster.scheduler_address
        )
        summary = run(config)
        assert (summary.ok, summary.failed) == (5, 0)
        with Client(cluster.scheduler_address) as client:
            assert len(client.scheduler_info()["workers"]) == 1  # the cluster is still there
    assert query(warehouse, "SELECT count(*) FROM documents WHERE status = 'ok'") == [(5,)]
