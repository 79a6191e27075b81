"""Fixtures the flow tests share: Prefect's test harness, and a private copy of the bundled sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import copy_sources, prefect_harness


@pytest.fixture(scope="module")
def harness() -> Iterator[None]:
    with prefect_harness():
        yield


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return copy_sources(tmp_path / "sources")
