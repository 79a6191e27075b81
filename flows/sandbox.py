"""Each document is parsed in a child process of its own, under a time and a memory limit.

A hostile file (a decompression bomb, a page of millions of glyphs, a parser
bug that loops or crashes) must stop only its own document: the child gets an
address-space limit (``RLIMIT_AS``) and is killed when the time limit passes,
and the run records why against that document and goes on.

Children are forked from a ``forkserver`` that has already imported the
pipeline and loaded its word lists and spaCy pipelines (:func:`pipeline.parse.warm_up`),
so a child starts in milliseconds and shares that memory with its siblings.
How many documents are parsed at once is the Prefect task runner's business:
each task waits on its own child.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from multiprocessing.connection import Connection
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pipeline import timing
from pipeline.models import MediaType, SourceIssue, SourceSpec
from pipeline.readers.text import UnreadableSource
from pipeline.rows import DocumentRows
from warehouse.publish import one_line

_CONTEXT = multiprocessing.get_context("forkserver")
_START_LOCK = threading.Lock()


def _preload() -> list[str]:
    """What the forkserver imports before forking: the warm pipeline, and the program's main module.

    A child re-runs the main module (as ``__mp_main__``); with its imports already
    loaded in the forkserver that costs milliseconds rather than seconds.
    """
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return ["flows._warm", *([spec.name] if spec is not None and spec.name else [])]


class Limits(BaseModel):
    """Per-document limits (``limits`` in configs/ingest.yml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seconds_per_document: float = Field(default=600.0, gt=0, description="wall-clock seconds to parse one document")
    memory_mb_per_document: int = Field(default=4096, ge=256, description="address space of the parsing process, MB")
    max_pages: int = Field(default=2000, ge=1, description="a PDF with more pages is refused before reading")
    max_file_mb: int = Field(default=256, ge=1, description="a larger file is refused before reading")

    @property
    def max_bytes(self) -> int:
        return self.max_file_mb * 2**20


Parse = Callable[[SourceSpec, str, int], DocumentRows]
"""What a child runs: ``(spec, run_id, max_pages) → rows``. It is pickled by reference, so it must be
importable by name (a module-level function, or a ``functools.partial`` of one)."""


def read_source(spec: SourceSpec, run_id: str, max_pages: int, text_layer: str = "pdfium") -> DocumentRows:
    """The pipeline's parse: what every child runs, unless a test gives :func:`parse_isolated` another.

    ``text_layer`` says who reads a PDF's clean text layer: pdfium, or pdfplumber alone (see
    :class:`pipeline.readers.pdf_page.PdfSettings`).
    """
    from pipeline.parse import source_to_rows  # loaded in the forkserver already; the parent need not import it

    return source_to_rows(spec, run_id, max_pages=max_pages, text_layer=text_layer)


class LimitExceeded(UnreadableSource):
    """The document was stopped by a time or memory limit; the message says which."""


class ParserCrashed(RuntimeError):
    """The parsing process died or raised something other than :class:`UnreadableSource`.

    The message is one line of words; ``debug`` holds the child's traceback, for the debug log only.
    """

    def __init__(self, message: str, debug: str = "") -> None:
        super().__init__(message)
        self.debug = debug


class NativeCrash(ParserCrashed):
    """The parsing process died on a signal of its own (an abort or a segmentation fault in native code)."""


def parse_isolated(spec: SourceSpec, limits: Limits, run_id: str, parse: Parse = read_source) -> DocumentRows:
    """Parse ``spec`` and build its rows for run ``run_id`` in a child process under ``limits``.

    ``parse`` is what the child runs: the pipeline's :func:`read_source`, or in tests a stand-in
    whose behaviour is certain (one that never returns tests the time limit on any machine).

    pdfium is native code: a hostile PDF can make it abort the process (it aborts when an allocation
    fails under the memory limit, where pdfminer raises an error for the page). A PDF whose child dies
    that way is read once more by pdfplumber alone, with a ``reader_crashed`` warning against it.

    Raises :class:`UnreadableSource` (the file cannot be read), :class:`LimitExceeded`
    or :class:`ParserCrashed`.
    """
    try:
        return _parse_in_child(spec, limits, run_id, parse)
    except NativeCrash as exc:
        if parse is not read_source or spec.media_type is not MediaType.PDF:
            raise
        crashed = SourceIssue(
            "reader_crashed", "warning",
            f"{exc}; it was read again with pdfplumber reading every page, which took its place",
        )  # fmt: skip
        again = replace(spec, warnings=(*spec.warnings, crashed))
        return _parse_in_child(again, limits, run_id, partial(read_source, text_layer="pdfplumber"))


def _parse_in_child(spec: SourceSpec, limits: Limits, run_id: str, parse: Parse) -> DocumentRows:
    receive, send = _CONTEXT.Pipe(duplex=False)
    where = _CONTEXT.RawArray("c", WHERE_BYTES)  # where the child's reading is, for the time limit to say
    child = _CONTEXT.Process(
        target=_child, args=(spec, limits, run_id, parse, send, where), name=f"parse {spec.document_id}", daemon=True
    )
    with _START_LOCK:  # the forkserver is started by the first caller; threads must not race to start it
        _CONTEXT.set_forkserver_preload(_preload())
        child.start()
    send.close()
    try:
        if not receive.poll(limits.seconds_per_document):
            child.kill()
            child.join(5)
            raise LimitExceeded(
                f"stopped after {limits.seconds_per_document:,.0f} s: the time limit per document "
                f"(limits.seconds_per_document in configs/ingest.yml){_stopped(where)}"
            )
        try:
            outcome, payload = receive.recv()
        except EOFError:
            child.join(5)
            raise _died(child.exitcode, limits, where) from None
    finally:
        receive.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
    if outcome == "ok":
        parsed: DocumentRows = payload
        return parsed
    if outcome == "unreadable":
        raise UnreadableSource(payload)
    if outcome == "memory":
        raise LimitExceeded(_memory_message(limits) + _stopped(where))
    message, debug = payload
    raise ParserCrashed(message, debug)


def _place(where: Any) -> str:
    """Where the child last said its reading was: ``while reading page 3 of 12 (read/words)``, or ""."""
    return str(where.value.decode("utf-8", "replace"))


def _stopped(where: Any) -> str:
    """``; it was stopped while reading page 3 of 12 (read/words)``, or nothing when the child said nothing."""
    place = _place(where)
    return f"; it was stopped {place}" if place else ""


def _died(exitcode: int | None, limits: Limits, where: Any) -> Exception:
    if exitcode is not None and exitcode < 0:
        signal_number = -exitcode
        if signal_number == 9:  # the kernel's OOM killer, or a person
            return LimitExceeded(_memory_message(limits) + " (the parsing process was killed)" + _stopped(where))
        place = _place(where) or "while reading this document"
        return NativeCrash(f"the parsing process died on signal {signal_number} {place}")
    return ParserCrashed(f"the parsing process exited ({exitcode}) without a result{_stopped(where)}")


def _memory_message(limits: Limits) -> str:
    return (
        f"stopped: reading it needs more than {limits.memory_mb_per_document:,} MB, the memory limit per document "
        "(limits.memory_mb_per_document in configs/ingest.yml); "
        "a decompression bomb, an enormous page or a huge text does this"
    )


WHERE_BYTES = 120


class _Where:
    """What the child tells its parent of where its reading is (:func:`pipeline.timing.follow`), kept in memory
    both share: ``while reading page 3 of 12 (read/words)``, ``in stage layout``, ``after stage layout``."""

    def __init__(self, shared: Any) -> None:
        self.shared, self.page = shared, ""

    def __call__(self, stage: str | None, page: tuple[int, int] | None) -> None:
        name = (stage or "").removeprefix("after ")
        if page is not None:
            self.page = f"page {page[0]:,} of {page[1]:,}"
            text = f"while reading {self.page}"
        elif name.startswith("read/") and self.page:
            text = f"while reading {self.page} ({stage})"
        else:
            text = f"in stage {stage}" if stage == name else f"after stage {name}"
        self.shared.value = text.encode("utf-8")[: WHERE_BYTES - 1]


def _child(spec: SourceSpec, limits: Limits, run_id: str, parse: Parse, send: Connection, where: Any) -> None:
    cap = limits.memory_mb_per_document * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    timing.follow(_Where(where))
    result: tuple[str, Any]
    try:
        result = ("ok", parse(spec, run_id, limits.max_pages))
    except UnreadableSource as exc:
        result = ("unreadable", str(exc))
    except MemoryError:
        result = ("memory", None)
    except Exception as exc:  # the parent reports it against this document
        result = ("error", (one_line(f"{type(exc).__name__}: {exc}"), traceback.format_exc(limit=-3)))
    try:
        send.send(result)
    except MemoryError:
        send.send(("memory", None))
    finally:
        send.close()
