"""Thin Prefect flows over ``pipeline`` and ``warehouse``.

Importing this package sets Prefect up to run offline, with no server (an
ephemeral one on 127.0.0.1) and no telemetry, and keeps Prefect's state in
the project (``.prefect/``) unless the user set ``PREFECT_HOME``.
"""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("PREFECT_HOME", str(PROJECT_ROOT / ".prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
