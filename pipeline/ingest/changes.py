"""What a run must do with each source, given what the warehouse already holds.

A document's rows are a function of its bytes, its manifest entry and the
pipeline that read it; :func:`input_key` hashes the three. A run parses only
the sources whose key differs from the one stored with their rows, withdraws
the documents whose file has gone, and recognises a file that was renamed
(same bytes under a new name) or copied (the same bytes twice).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pipeline.ingest.fingerprint import fingerprint
from pipeline.models import SourceSpec


class Change(StrEnum):
    ADDED = "added"  # a document the warehouse did not hold
    CHANGED = "changed"  # its file's bytes changed: the previous version goes to history
    REEXTRACTED = "re-extracted"  # same bytes, but the pipeline or the manifest entry changed
    RETURNED = "returned"  # a withdrawn document's file is back
    RENAMED = "renamed"  # the bytes of a withdrawn document, under a new name
    WITHDRAWN = "withdrawn"  # its file is no longer in the sources folder
    REFUSED = "refused"  # not read at all (see SourceSpec.refusal)
    DUPLICATE = "duplicate"  # the same bytes as another source: loaded once
    FAILED = "failed"  # read, but could not be parsed (recorded by the flow)
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Stored:
    """What the warehouse holds for a document."""

    document_id: str
    sha256: str | None
    input_key: str | None
    version: int
    withdrawn: bool
    status: str = "ok"  # ok, partial or failed: whether the rows held are a reading of the document

    @property
    def read(self) -> bool:
        """Whether the warehouse holds a reading of the document (not only the record of a failure)."""
        return self.sha256 is not None and not self.withdrawn and self.status != "failed"


@dataclass(frozen=True, slots=True)
class Step:
    """One document's part in a run. ``spec`` is None for a withdrawal."""

    document_id: str
    change: Change
    spec: SourceSpec | None
    input_key: str | None
    previous: Stored | None = None
    detail: str | None = None

    @property
    def parse(self) -> bool:
        return self.change in (Change.ADDED, Change.CHANGED, Change.REEXTRACTED, Change.RETURNED, Change.RENAMED)


def input_key(spec: SourceSpec) -> str:
    """The hash of everything a document's rows are computed from."""
    if spec.refusal is not None:
        parts = ["refused", spec.refusal, spec.sha256 or "", spec.metadata_key()]
    else:
        parts = [spec.sha256 or "", spec.metadata_key(), fingerprint(spec.media_type)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def _kept(before: Stored | None, key: str, full: bool) -> bool:
    """Whether the warehouse already holds what this run would write for the document."""
    return before is not None and before.input_key == key and not full


def plan(specs: Sequence[SourceSpec], stored: Mapping[str, Stored], full: bool = False) -> list[Step]:
    """One step per source and per stored document whose file has gone; ``full`` re-reads every source."""
    steps: list[Step] = []
    # a manifest entry whose file has gone withdraws a loaded document like a file removed without one
    missing = {
        s.document_id
        for s in specs
        if s.refusal_kind == "missing_file" and s.document_id in stored and stored[s.document_id].sha256
    }
    specs = [s for s in specs if s.document_id not in missing]
    present = {s.document_id for s in specs}
    gone = {d: s for d, s in stored.items() if d not in present and not s.withdrawn}
    gone_by_sha = {s.sha256: s for s in gone.values() if s.sha256}
    first_with_sha: dict[str, str] = {}
    # a document already loaded keeps its bytes' claim over a copy that appears beside it
    for spec in sorted(specs, key=lambda s: (s.document_id not in stored, not s.in_manifest, s.document_id)):
        key = input_key(spec)
        before = stored.get(spec.document_id)
        if spec.refusal is None and spec.sha256 and spec.size_bytes:  # empty files are all alike, not copies
            original = first_with_sha.setdefault(spec.sha256, spec.document_id)
            if original != spec.document_id:
                detail = f"the same bytes as {original} (sha256 {spec.sha256[:12]}…): loaded once, as {original}"
                change = Change.UNCHANGED if _kept(before, f"duplicate:{key}", full) else Change.DUPLICATE
                steps.append(Step(spec.document_id, change, spec, f"duplicate:{key}", before, detail))
                continue
        if spec.refusal is not None:
            change = Change.UNCHANGED if _kept(before, key, full) else Change.REFUSED
        elif before is None and spec.sha256 in gone_by_sha:
            renamed = gone_by_sha.pop(spec.sha256)
            steps.append(
                Step(spec.document_id, Change.RENAMED, spec, key, renamed, f"renamed from {renamed.document_id}")
            )
            gone.pop(renamed.document_id)
            steps.append(
                Step(renamed.document_id, Change.WITHDRAWN, None, None, renamed, f"renamed to {spec.document_id}")
            )
            continue
        elif before is None or before.sha256 is None:  # new, or only ever refused before reading
            change = Change.ADDED
        elif before.withdrawn:
            change = Change.RETURNED
        elif _kept(before, key, full):
            change = Change.UNCHANGED
        elif before.sha256 != spec.sha256:
            change = Change.CHANGED
        else:
            change = Change.REEXTRACTED
        steps.append(Step(spec.document_id, change, spec, key, before, spec.refusal))
    for document_id, before in sorted(gone.items()):
        steps.append(
            Step(document_id, Change.WITHDRAWN, None, None, before, "the file is no longer in the sources folder")
        )
    return steps
