"""Prefect's temporary server must not outlive the ingest that started it.

With no Prefect server configured, Prefect starts a temporary one (uvicorn, in a
process of its own) and stops it when the ingest exits. An ingest killed with
SIGKILL cannot stop it: the server lives on, holding about 200 MB, until someone
finds it. So the command line starts the server itself, before the flow (Prefect
then uses that same server), and beside it a watchdog: a small process that waits
for the ingest to go, however it goes, and then stops the server.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

WATCHDOG = """
import os, signal, sys, time
ingest, server = int(sys.argv[1]), int(sys.argv[2])
while os.getppid() == ingest:
    time.sleep(0.5)
try:
    with open(f"/proc/{server}/cmdline", "rb") as handle:
        if b"prefect.server.api.server" in handle.read():
            os.kill(server, signal.SIGTERM)
except (FileNotFoundError, ProcessLookupError, PermissionError):
    pass
"""


def start_with_watchdog() -> subprocess.Popen[bytes] | None:
    """Start Prefect's temporary server (when no server is configured) with a watchdog that stops it once
    this process has gone; None when Prefect talks to a configured server, which is not ours to stop."""
    from prefect.settings import get_current_settings

    if get_current_settings().api.url:
        return None
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the instance Prefect's client uses when no server is configured
    server.start()
    if server.server_process is None:
        return None
    return subprocess.Popen(
        [sys.executable, "-c", WATCHDOG, str(os.getpid()), str(server.server_process.pid)],
        stdin=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip


@contextmanager
def shared_with_workers(**environment: str) -> Iterator[str]:
    """Let the processes this one starts (a local Dask cluster's workers) report to this process's Prefect server.

    A worker process with no server configured would start a temporary server of its own and keep its
    task runs there. So while the block runs, ``PREFECT_API_URL`` in the environment names the server
    this process uses (the configured one, or its temporary server, started now if it is not yet), and
    is put back as it was afterwards, as are the other ``environment`` variables given. Yields that address.
    """
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    if not url:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()  # the instance Prefect's client uses when no server is configured
        server.start()
        url = server.api_url
    changes = {"PREFECT_API_URL": url, **environment}
    before = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield url
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
