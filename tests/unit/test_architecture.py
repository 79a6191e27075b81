"""The layer rules hold, and they would catch an upward import (import-linter, contracts in pyproject.toml)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the packages of ``tree`` with the project's contracts."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), str(tree / "pyproject.toml"), "--no-cache", "--no-logo"],
        cwd=tree, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def copy_of_the_project(tmp_path: Path) -> Path:
    tree = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.duckdb*", "data")
    for package in ("pipeline", "flows", "warehouse"):
        shutil.copytree(ROOT / package, tree / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_layers_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "upward"),
    [
        ("pipeline/models.py", "from pipeline import parse"),  # the model must know nothing of the stages
        ("pipeline/layout/blocks.py", "from pipeline.extract import figures"),  # a stage reads only earlier ones
        ("pipeline/rows.py", "import warehouse.load"),  # the pipeline knows nothing of the warehouse
    ],
)
def test_an_upward_import_breaks_a_contract(tmp_path: Path, module: str, upward: str) -> None:
    tree = copy_of_the_project(tmp_path)
    path = tree / module
    path.write_text(path.read_text() + f"\n{upward}  # noqa\n")
    result = lint_imports(tree)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
    assert upward.split()[1] in result.stdout  # the report names the module imported upwards
