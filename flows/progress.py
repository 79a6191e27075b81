"""Progress of an ingest on the terminal: documents, PDF pages and text done, rate, time left.

A PDF's size is its page count (read from its page tree before parsing), a text
or Markdown source's its bytes. The line counts each in its own unit.

Time left: every finished document says how long it took to read (measured in
its worker), which gives a cost per PDF page and per byte of text, each with a
fixed cost per document when the sizes seen allow telling the two apart. The
documents left are costed the same way, and the wall-clock time the finished
documents' cost took so far scales that to time left (so however many workers
read at once is taken into account). Until both kinds have finished documents,
a text page of ``TEXT_PAGE_BYTES`` costs what a PDF page costs.

A document still being read is reported by a heartbeat when nothing has finished
for a while (15 s by default), so a long document never looks like a hang.

The same sizes set the order the documents are handed to the workers: the
largest first (:func:`largest_first`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest.changes import Step
from pipeline.models import MediaType, SourceSpec

TEXT_PAGE_BYTES = 3000  # about a printed page of plain text


@dataclass(frozen=True, slots=True)
class Size:
    """How big a source is: ``pdf`` pages, or ``text`` bytes."""

    kind: str  # pdf | text
    units: int

    @property
    def pages(self) -> float:
        """In pages of either kind, for when only one kind has been costed."""
        return self.units if self.kind == "pdf" else self.units / TEXT_PAGE_BYTES


def source_size(spec: SourceSpec) -> Size:
    """A source's size, before it is read."""
    if spec.media_type is MediaType.PDF:
        from pipeline.readers.pdf import page_count

        return Size("pdf", page_count(Path(spec.path)) or 1)
    return Size("text", spec.size_bytes or 0)


def largest_first(steps: Sequence[Step], work: Mapping[str, Size]) -> list[Step]:
    """The documents to read, the largest first: a long document started last would keep one worker
    busy while the others stand idle at the end of the run (longest-processing-time-first scheduling)."""
    return sorted(steps, key=lambda step: work[step.document_id].pages, reverse=True)


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _kilobytes(units: float) -> str:
    return f"{units / 1000:,.0f} KB" if units >= 10_000 else f"{units / 1000:,.1f} KB"


@dataclass(frozen=True, slots=True)
class Cost:
    """Seconds to read a document of ``units``: ``fixed + per_unit × units``."""

    fixed: float
    per_unit: float

    def __call__(self, units: float) -> float:
        return self.fixed + self.per_unit * units


def fit_cost(samples: Sequence[tuple[int, float]]) -> Cost | None:
    """A least-squares line through (units, seconds), kept only when both parts are positive.

    With too few or too alike sizes to tell a fixed cost from a cost per unit, all of it is per unit.

    >>> fit_cost([(10, 3.0), (20, 5.0), (40, 9.0)])
    Cost(fixed=1.0, per_unit=0.2)
    >>> fit_cost([(10, 3.0), (10, 5.0)])
    Cost(fixed=0.0, per_unit=0.4)
    >>> fit_cost([])
    """
    units = sum(u for u, _ in samples)
    if not samples or units <= 0:
        return None
    seconds = sum(s for _, s in samples)
    n = len(samples)
    mean_u, mean_s = units / n, seconds / n
    spread = sum((u - mean_u) ** 2 for u, _ in samples)
    if n >= 3 and spread > 0:
        slope = sum((u - mean_u) * (s - mean_s) for u, s in samples) / spread
        fixed = mean_s - slope * mean_u
        if slope > 0 and fixed >= 0:
            return Cost(round(fixed, 9), round(slope, 9))
    return Cost(0.0, seconds / units)


def _overlap(intervals: Sequence[tuple[float, float]]) -> int:
    """The most intervals open at once: how many documents were read at the same time.

    >>> _overlap([(0, 4), (1, 3), (2, 6), (5, 7)])
    3
    """
    edges = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    most = running = 0
    for _, step in edges:
        running += step
        most = max(most, running)
    return most


@dataclass
class Progress:
    """Counts what is done; ``line()`` says it in one line. Thread-safe."""

    sizes: list[Size]
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    documents_done: int = 0
    _left: list[Size] = field(default_factory=list, repr=False)
    _timed: dict[str, list[tuple[int, float]]] = field(default_factory=dict, repr=False)
    _done_units: dict[str, int] = field(default_factory=dict, repr=False)
    _intervals: list[tuple[float, float]] = field(default_factory=list, repr=False)
    _last_done: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.started = self.started or self.clock()
        self._left = list(self.sizes)

    @property
    def documents(self) -> int:
        return len(self.sizes)

    def done(self, size: Size, seconds: float | None = None) -> None:
        """One document finished; ``seconds`` is how long it took to read (None when it failed unmeasured)."""
        with self._lock:
            self.documents_done += 1
            self._left.remove(size)
            self._done_units[size.kind] = self._done_units.get(size.kind, 0) + size.units
            self._last_done = self.clock()
            if seconds is not None:
                self._timed.setdefault(size.kind, []).append((size.units, seconds))
                self._intervals.append((self._last_done - seconds, self._last_done))

    def seconds_left(self) -> float | None:
        """The estimate of time left, once two documents have been timed (one is mostly warm-up)."""
        with self._lock:
            return self._seconds_left()

    def _seconds_left(self) -> float | None:
        timed = [s for samples in self._timed.values() for s in samples]
        if len(timed) < 2 or not self._left:
            return None
        costs = {kind: fit_cost(samples) for kind, samples in self._timed.items()}
        per_page = sum(s for _, s in timed) / sum(
            Size(kind, units).pages for kind, samples in self._timed.items() for units, _ in samples
        )

        def cost(size: Size) -> float:
            fitted = costs.get(size.kind)
            return fitted(size.units) if fitted else per_page * size.pages

        done = sum(cost(Size(kind, units)) for kind, samples in self._timed.items() for units, _ in samples)
        left = [cost(size) for size in self._left]
        # When a document finishes, the others being read beside it are on average half read: their half
        # is part of the work the wall-clock time so far paid for.
        beside = min(_overlap(self._intervals) - 1, len(left))
        reading = beside * 0.5 * sum(left) / len(left)
        wall = self._last_done - self.started
        if done <= 0 or wall <= 0:
            return None
        scale = wall / (done + reading)  # wall-clock seconds per second of one document's reading
        # At the end, the readers that finish first wait for the last: on average half a document each.
        tail = beside * 0.5 * max(left) / (beside + 1)
        since = self.clock() - self._last_done
        return max(0.0, (sum(left) - reading) * scale + tail - since)

    def line(self) -> str:
        """``3/12 documents, 140/400 PDF pages, 12 KB of 30 KB of text, in 23 s, 6.1 pages/s, about 42 s left``."""
        with self._lock:
            elapsed = self.clock() - self.started
            parts = [f"{self.documents_done}/{self.documents} documents"]
            total = {kind: sum(s.units for s in self.sizes if s.kind == kind) for kind in ("pdf", "text")}
            done = {kind: self._done_units.get(kind, 0) for kind in total}
            if any(s.kind == "pdf" for s in self.sizes):
                parts.append(f"{done['pdf']:,}/{total['pdf']:,} PDF pages")
            if any(s.kind == "text" for s in self.sizes):
                parts.append(f"{_kilobytes(done['text'])} of {_kilobytes(total['text'])} of text")
            parts.append(f"in {_duration(elapsed)}")
            if elapsed > 0 and done["pdf"]:
                parts.append(f"{done['pdf'] / elapsed:.1f} pages/s")
            elif elapsed > 0 and done["text"]:
                parts.append(f"{_kilobytes(done['text'] / elapsed)}/s")
            left = self._seconds_left()
            if left is not None:
                parts.append(f"about {_duration(left)} left")
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
