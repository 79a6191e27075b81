"""Deterministic identifiers built from content, so that re-runs give the same ids."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """A short id from its parts: the same parts give the same id on every run.

    >>> stable_id("blk", "doc", 3, 10, 20)
    'blk-4e2e65982cfe85d8'
    """
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"
