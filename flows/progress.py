"""Progress of an ingest on the terminal: documents and pages done, rate, time left.

Work is measured in pages: a PDF's page count (read from its page tree before
parsing), and for a text source one page per ``TEXT_PAGE_BYTES`` of the file.
The rate is pages done over time so far; time left is the pages still to do at
that rate. A document still being read is reported by a heartbeat when nothing
has finished for a while (15 s by default), so a long document never looks like a hang.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.models import MediaType, SourceSpec

TEXT_PAGE_BYTES = 3000  # about a printed page of plain text


def estimated_pages(spec: SourceSpec) -> int:
    """How many pages of work a source is, for the estimate of time left."""
    if spec.media_type is MediaType.PDF:
        from pipeline.readers.pdf import page_count

        return page_count(Path(spec.path)) or 1
    return max(1, round((spec.size_bytes or 0) / TEXT_PAGE_BYTES))


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


@dataclass
class Progress:
    """Counts what is done; ``line()`` says it in one line. Thread-safe."""

    documents: int
    pages: int
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    documents_done: int = 0
    pages_done: int = 0
    pdf_pages_done: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.started = self.started or self.clock()

    def done(self, estimated: int, pdf_pages: int = 0) -> None:
        """One document finished: ``estimated`` pages of work, ``pdf_pages`` of them real PDF pages."""
        with self._lock:
            self.documents_done += 1
            self.pages_done += estimated
            self.pdf_pages_done += pdf_pages

    def line(self) -> str:
        """``3/12 documents, 140 PDF pages (35% of the work) in 23 s, 6.1 pages/s, about 42 s left``."""
        with self._lock:
            elapsed = self.clock() - self.started
            share = self.pages_done / self.pages if self.pages else 1.0
            parts = [f"{self.documents_done}/{self.documents} documents"]
            parts.append(f"{self.pdf_pages_done:,} PDF pages ({share:.0%} of the work) in {_duration(elapsed)}")
            if self.pages_done and elapsed > 0:
                rate = self.pages_done / elapsed
                parts.append(f"{rate:.1f} pages/s")
                if 2 <= self.documents_done < self.documents:  # one document's rate is mostly warm-up
                    parts.append(f"about {_duration((self.pages - self.pages_done) / rate)} left")
            return ", ".join(parts)


class Heartbeat:
    """Calls ``say(progress.line())`` at the end of every ``seconds`` in which no document finished, until stopped."""

    def __init__(self, progress: Progress, say: Callable[[str], None], seconds: float = 15.0) -> None:
        self._progress, self._say, self._seconds = progress, say, seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ingest-progress", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        seen = self._progress.documents_done
        while not self._stop.wait(self._seconds):
            done = self._progress.documents_done
            if done == seen:  # a finished document was reported with the line already
                self._say("still reading: " + self._progress.line())
            seen = done
