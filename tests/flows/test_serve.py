"""``make serve`` end to end: a real local Prefect server, the deployment on a cron, a run by hand, a
file dropped into the sources folder picked up by the next scheduled run, and a clean stop."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from support import ICT, ROOT, copy_sources, query

pytestmark = pytest.mark.slow

DEPLOYMENT = "policyfacts-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def eventually(check: Callable[[], bool], what: str, timeout: float, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"make serve exited while waiting for {what}"
        if check():
            return
        time.sleep(1)
    raise AssertionError(f"{what}: not within {timeout:.0f} s")


def documents(warehouse: Path) -> int:
    if not warehouse.exists():
        return 0
    return len(query(warehouse, "SELECT document_id FROM documents WHERE status = 'ok'"))


def deployed(api: str) -> bool:
    request = urllib.request.Request(f"{api}/deployments/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return any(d["name"] == DEPLOYMENT for d in json.load(response))
    except OSError:
        return False


def test_serve_runs_on_schedule_and_by_hand_and_stops_cleanly(tmp_path: Path) -> None:
    sources = copy_sources(tmp_path / "sources")
    dropped = sources / f"{ICT}.txt"
    held = tmp_path / dropped.name
    dropped.rename(held)  # arrives later
    warehouse = tmp_path / "policy.duckdb"
    port = free_port()
    config = tmp_path / "ingest.yml"
    config.write_text(yaml.safe_dump({
        "sources": str(sources), "warehouse": str(warehouse), "workers": 2, "lock_wait_seconds": 120,
        "schedule": {"deployment": DEPLOYMENT, "cron": "* * * * *", "timezone": "UTC",
                     "server_host": "127.0.0.1", "server_port": port},
    }))  # fmt: skip
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_LOGGING_LEVEL": "WARNING"}
    serve = subprocess.Popen([sys.executable, "-m", "flows.serve", "--config", str(config)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        eventually(lambda: deployed(api), "the deployment registered", 240, serve)
        by_hand = subprocess.run(
            [str(Path(sys.executable).with_name("prefect")), "deployment", "run", f"ingest/{DEPLOYMENT}"],
            env={**env, "PREFECT_API_URL": api}, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert by_hand.returncode == 0, by_hand.stdout + by_hand.stderr
        eventually(lambda: documents(warehouse) == 4, "the seeds loaded", 300, serve)
        held.rename(dropped)  # a new file dropped into sources/: the next scheduled run takes it
        eventually(lambda: documents(warehouse) == 5, "the dropped file loaded", 300, serve)
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            out, _ = serve.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            serve.kill()
            out, _ = serve.communicate()
    assert serve.returncode == 0, out[-3000:]
    assert "stopping the deployment" in out and out.index("stopping the deployment") < out.index(
        "stopping the Prefect server"
    )
    with socket.socket() as s:  # the server is gone: its port is free again
        assert s.connect_ex(("127.0.0.1", port)) != 0
