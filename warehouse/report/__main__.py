"""``make report``: render the run report of a warehouse and open it (or print where it is)."""

from __future__ import annotations

import argparse
import os
import sys
import webbrowser
from pathlib import Path

from warehouse import DEFAULT_WAREHOUSE
from warehouse.report import write_report


def _can_open() -> bool:
    """Whether a browser can be shown: a desktop session, or macOS."""
    return sys.platform == "darwin" or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("warehouse", nargs="?", type=Path, default=DEFAULT_WAREHOUSE)
    parser.add_argument("--out", type=Path, help="folder to write (default: beside the warehouse)")
    parser.add_argument("--open", action="store_true", help="open the report in a browser when there is a display")
    args = parser.parse_args(argv)
    if not args.warehouse.is_file():
        print(f"report: no warehouse at {args.warehouse}; run `make ingest` first", file=sys.stderr)
        return 2
    index = write_report(args.warehouse, args.out)
    print(f"report: {index.resolve().as_uri()}")
    if args.open:
        if _can_open() and webbrowser.open(index.resolve().as_uri()):
            print("report: opened in your browser")
        else:
            print("report: no display here; open the path above in a browser")
    return 0


if __name__ == "__main__":
    sys.exit(main())
