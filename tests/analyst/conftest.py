"""The warehouse the analyst-facing tests query: the seeds, one small PDF, and a re-run.

The seeds are all text, so they have no pages or boxes; the PDF (written by the
test, two pages) gives the page examples and the report's page view something to
show. A second run after one seed changed gives the re-run example an answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pdfs import build_pdf, text_page
from support import BLOG, copy_sources, prefect_harness

BRIEF = "aerospace-brief-2024"
BRIEF_PAGES = (
    text_page(
        "Aerospace Cluster Brief 2024",
        "",
        "1. Aerospace",
        "The aerospace cluster employs 25,000 people in 310 businesses across the region.",
        "Our vision is for the West Midlands to lead the world in low-carbon flight.",
    ),
    text_page(
        "2. Funding",
        "Funding of £12 million is committed for 2024-25 to the aerospace cluster.",
        "Output is forecast to grow by 4% per annum.",
    ),
)
BRIEF_MANIFEST = f"""
  - file: {BRIEF}.pdf
    title: "Aerospace Cluster Brief 2024"
    publisher: policyfacts tests
    date: "2024-03"
    origin: "Written by tests/analyst/conftest.py"
    media_type: application/pdf
"""
RERUN_SENTENCE = "\nThe innovation cluster employs 45,000 people.\n"


@pytest.fixture(scope="session")
def analyst_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("analyst")
    sources = copy_sources(root / "sources")
    (sources / f"{BRIEF}.pdf").write_bytes(build_pdf(BRIEF_PAGES))
    with (sources / "manifest.yml").open("a", encoding="utf-8") as manifest:
        manifest.write(BRIEF_MANIFEST)
    warehouse = root / "policy.duckdb"
    with prefect_harness():
        first = ingest(sources=str(sources), warehouse=str(warehouse))
        assert first.changes == {"added": 6}
        blog = sources / f"{BLOG}.txt"
        blog.write_text(blog.read_text(encoding="utf-8") + RERUN_SENTENCE, encoding="utf-8")
        second = ingest(sources=str(sources), warehouse=str(warehouse))
        assert second.changes == {"changed": 1, "unchanged": 5}
    yield warehouse
