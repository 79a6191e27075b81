"""The ingest's progress line: documents and pages done, rate, time left."""

from __future__ import annotations

import threading
from pathlib import Path

from pdfs import build_pdf, text_page

from flows.progress import TEXT_PAGE_BYTES, Heartbeat, Progress, estimated_pages
from pipeline.ingest.manifest import file_to_spec


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_line_gives_documents_pages_rate_and_time_left() -> None:
    clock = Clock()
    progress = Progress(documents=4, pages=100, clock=clock)
    assert progress.line() == "0/4 documents, 0 PDF pages (0% of the work) in 0 s"
    clock.now += 10
    progress.done(20, pdf_pages=20)
    # one document's rate is mostly warm-up: no estimate yet
    assert progress.line() == "1/4 documents, 20 PDF pages (20% of the work) in 10 s, 2.0 pages/s"
    clock.now += 10
    progress.done(30)  # a text source: 30 pages of work, no PDF pages
    assert progress.line() == ("2/4 documents, 20 PDF pages (50% of the work) in 20 s, 2.5 pages/s, about 20 s left")
    clock.now += 100
    progress.done(50, pdf_pages=50)
    progress.done(0)
    assert progress.line() == "4/4 documents, 70 PDF pages (100% of the work) in 2 min 00 s, 0.8 pages/s"


def test_work_is_counted_in_pdf_pages_and_text_by_size(tmp_path: Path) -> None:
    pdf = tmp_path / "three.pdf"
    pdf.write_bytes(build_pdf([text_page(f"Page {n}") for n in range(3)]))
    text = tmp_path / "notes.txt"
    text.write_text("x" * (TEXT_PAGE_BYTES * 5 + 10))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    assert estimated_pages(file_to_spec(pdf)) == 3
    assert estimated_pages(file_to_spec(text)) == 5
    assert estimated_pages(file_to_spec(broken)) == 1  # the parse will say what is wrong with it


def test_the_heartbeat_speaks_only_while_nothing_finishes() -> None:
    said: list[str] = []
    spoke = threading.Event()

    def say(line: str) -> None:
        said.append(line)
        spoke.set()

    progress = Progress(documents=2, pages=2)
    with Heartbeat(progress, say, seconds=0.05):
        assert spoke.wait(5)
    assert said[0].startswith("still reading: 0/2 documents")
