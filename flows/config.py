"""``configs/ingest.yml``: where the flow reads and writes, its limits and its schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from flows import PROJECT_ROOT
from flows.sandbox import Limits

CONFIG_PATH = PROJECT_ROOT / "configs" / "ingest.yml"


class Schedule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    deployment: str = "policyfacts-ingest"
    cron: str = "0 6 * * *"
    timezone: str = "UTC"
    server_host: str = "127.0.0.1"
    server_port: int = Field(default=4200, ge=1, le=65535)


class IngestConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: str = "sources"
    warehouse: str = "warehouse/policy.duckdb"
    workers: int = Field(default=2, ge=1)
    task_runner: Literal["process", "dask"] = "process"
    dask_address: str | None = Field(default=None, min_length=1)
    lock_wait_seconds: float = Field(default=0.0, ge=0)
    limits: Limits = Limits()
    schedule: Schedule = Schedule()

    def resolved(self, root: Path = PROJECT_ROOT) -> IngestConfig:
        """Paths made absolute against ``root`` (a scheduled run's working folder is not the project's)."""
        return self.model_copy(
            update={
                "sources": str((root / self.sources).resolve()),
                "warehouse": str((root / self.warehouse).resolve()),
            }
        )


def load_config(path: Path = CONFIG_PATH) -> IngestConfig:
    """The config file's settings; defaults when it does not exist. A malformed file is an error."""
    if not path.exists():
        return IngestConfig()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return IngestConfig.model_validate(data)
