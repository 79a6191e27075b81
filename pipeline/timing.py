"""Where a document's time goes: seconds per named stage, summed over calls (``make bench`` reports them), and
where its reading is at any moment (:func:`follow`: the parsing sandbox says where a document was stopped)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Follower = Callable[[str | None, tuple[int, int] | None], None]
_followers: list[Follower] = []


def follow(follower: Follower | None) -> None:
    """Have ``follower`` told, in this process, each stage a document's reading enters and leaves and each page
    it turns to (as ``("read/words", None)``, ``("after read/words", None)`` or ``(None, (page, pages))``); None
    stops telling."""
    _followers[:] = [follower] if follower is not None else []


def reached(stage: str | None = None, page: tuple[int, int] | None = None) -> None:
    """The reading enters ``stage``, or turns to ``page`` (its number, and the document's pages)."""
    for follower in _followers:
        follower(stage, page)


@dataclass(slots=True)
class Stopwatch:
    """Seconds spent per stage; a stage timed several times (once per page) adds up."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        reached(stage=name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
            reached(stage=f"after {name}")
