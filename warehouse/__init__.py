"""The DuckDB warehouse: migrations, loading, and atomic publishing.

Only this package (and the tools under it) imports DuckDB.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_WAREHOUSE = HERE / "policy.duckdb"
