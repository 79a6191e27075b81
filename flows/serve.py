"""``make serve``: a local Prefect server and the ingest deployment served on its schedule.

python -m flows.serve [--config configs/ingest.yml]

Starts ``prefect server start`` on the configured host and port (127.0.0.1:4200),
waits until it answers, then serves the ``ingest`` flow as a deployment with the
configured cron schedule, in a second process pointed at that server (``flow.serve``
cannot schedule against Prefect's ephemeral server). Ctrl-C or SIGTERM stops the
serving process first and the server after it: stopped the other way round, the
serving process hangs waiting for a server that has gone.

Each scheduled run scans the sources folder again, so files dropped there are
picked up by the next run; ``prefect deployment run ingest/<deployment>`` starts
one by hand.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import FrameType

import flows  # noqa: F401  (Prefect's offline defaults)
from flows.config import CONFIG_PATH, IngestConfig, load_config

SERVER_START_SECONDS = 180
STOP_SECONDS = 30


def serve_deployment(config: IngestConfig) -> None:
    """Serve the ingest flow on ``config``'s schedule (blocks). Needs ``PREFECT_API_URL`` set to a real server."""
    from prefect.schedules import Cron

    from flows.ingest import configured, parameters

    configured(config).serve(
        name=config.schedule.deployment,
        schedules=[Cron(config.schedule.cron, timezone=config.schedule.timezone)],
        parameters={**parameters(config), "limits": config.limits.model_dump()},  # stored as JSON
        description="Bring the warehouse up to date with the sources folder (configs/ingest.yml).",
        tags=["policyfacts"],
    )


def wait_for_server(url: str, server: subprocess.Popen[bytes], timeout: float = SERVER_START_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the Prefect server exited ({server.returncode}) before answering on {url}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the Prefect server did not answer on {url} within {timeout:.0f} s")


def stop(process: subprocess.Popen[bytes], name: str) -> None:
    if process.poll() is None:
        print(f"serve: stopping {name}", file=sys.stderr)
        process.terminate()
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=CONFIG_PATH)
    parser.add_argument("--serve-only", action="store_true", help="serve against PREFECT_API_URL (internal)")
    args = parser.parse_args(argv)
    config = load_config(args.config).resolved()
    if args.serve_only:
        serve_deployment(config)
        return 0
    host, port = config.schedule.server_host, config.schedule.server_port
    api = f"http://{host}:{port}/api"
    env = {**os.environ, "PREFECT_API_URL": api}
    prefect = Path(sys.executable).with_name("prefect")
    server = subprocess.Popen([str(prefect), "server", "start", "--host", host, "--port", str(port)], env=env)
    serving: subprocess.Popen[bytes] | None = None

    def shut_down(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shut_down)
    try:
        wait_for_server(api, server)
        print(f"serve: Prefect UI at http://{host}:{port}; deployment ingest/{config.schedule.deployment} "
              f"on '{config.schedule.cron}' ({config.schedule.timezone})", file=sys.stderr)  # fmt: skip
        serving = subprocess.Popen(
            [sys.executable, "-m", "flows.serve", "--serve-only", "--config", str(args.config)], env=env
        )
        while serving.poll() is None and server.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        if serving is not None:
            stop(serving, "the deployment")  # first: it hangs if the server goes before it
        stop(server, "the Prefect server")
    return 0


if __name__ == "__main__":
    sys.exit(main())
