"""Fixtures the flow tests share: Prefect's test harness, and a private copy of the bundled sources."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import SOURCES


@pytest.fixture(scope="module")
def harness() -> Iterator[None]:
    from prefect.logging import disable_run_logger
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120), disable_run_logger():
        yield


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    return folder
