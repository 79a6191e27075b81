"""The sources folder: its manifest, and every file in it as a :class:`SourceSpec`.

The manifest (``sources/manifest.yml``) describes the bundled documents; any
other file dropped into the folder is still ingested, with its metadata
inferred from its name and bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline.models import MediaType, SourceIssue, SourceSpec

MANIFEST_NAME = "manifest.yml"
_SUFFIX_MEDIA = {
    ".txt": MediaType.TEXT,
    ".text": MediaType.TEXT,
    ".md": MediaType.MARKDOWN,
    ".markdown": MediaType.MARKDOWN,
    ".pdf": MediaType.PDF,
}
_HASH_CHUNK = 1 << 20


class ManifestError(ValueError):
    """The manifest cannot be read; the message says where and why."""


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    origin: str | None = None
    media_type: MediaType | None = None
    sha256: str | None = None
    notes: str | None = None


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[ManifestEntry] = []


def yaml_to_manifest(raw: str) -> Manifest:
    """Parse manifest YAML; an empty file is an empty manifest."""
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ManifestError(f"{MANIFEST_NAME} is not valid YAML: {exc}") from exc
    if data is None:
        return Manifest()
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        raise ManifestError(f"{MANIFEST_NAME} does not have the expected fields: {exc}") from exc


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def name_to_document_id(name: str) -> str:
    """A stable, readable id from a file name.

    >>> name_to_document_id("AWM Cluster Plans (2005).PDF")
    'awm-cluster-plans-2005'
    """
    stem = Path(name).stem.lower()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "document"


def suffix_to_media_type(path: Path) -> MediaType | None:
    return _SUFFIX_MEDIA.get(path.suffix.lower())


DEFAULT_MAX_BYTES = 256 * 1024 * 1024
READ_SUFFIXES = ", ".join(sorted(_SUFFIX_MEDIA))


def is_ignored(name: str) -> bool:
    """Hidden files, editors' temporary files and the manifest itself are not sources."""
    return name == MANIFEST_NAME or name.startswith((".", "~$")) or name.endswith(("~", ".swp", ".tmp"))


def sources_to_specs(folder: Path) -> list[SourceSpec]:
    """The readable sources of ``folder``; raises :class:`ManifestError` when the manifest cannot be read.

    The strict form, for tools and tests; the ingest flow uses :func:`scan_sources`.
    """
    return [s for s in scan_sources(folder, strict=True) if s.refusal is None]


def scan_sources(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False) -> list[SourceSpec]:
    """Every file in ``folder`` as a spec, manifest entries first, then the rest by id.

    Nothing here stops a run: a file that must not be read becomes a spec with a
    ``refusal`` (recorded as a failed document), and a manifest that cannot be read
    becomes a warning on every document, whose metadata is then inferred
    (unless ``strict``, when it raises :class:`ManifestError`).
    """
    manifest_path = folder / MANIFEST_NAME
    manifest, warnings = Manifest(), tuple[SourceIssue, ...]()
    if manifest_path.exists():
        try:
            manifest = yaml_to_manifest(manifest_path.read_bytes().decode("utf-8", errors="replace"))
        except ManifestError as exc:
            if strict:
                raise
            warnings = (
                SourceIssue(
                    "manifest_unreadable", "warning",
                    f"{exc}; the document's title, publisher and date are inferred from the file instead",
                ),
            )  # fmt: skip
    by_file = {entry.file: entry for entry in manifest.documents}
    root = folder.resolve()
    specs = [
        _spec(path, root, by_file.pop(path.name, None), warnings, max_bytes)
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if not is_ignored(path.name) and (suffix_to_media_type(path) is not None or not path.is_dir())
    ]
    specs += [_missing(folder, entry) for entry in by_file.values()]  # listed, but no such file
    return sorted(_unique_ids(specs), key=lambda s: (not s.in_manifest, s.document_id))


def file_to_spec(path: Path) -> SourceSpec:
    """One file as a spec with metadata inferred from it (no manifest), for tools and tests."""
    return _spec(path, Path(os.path.realpath(path)).parent, None, (), DEFAULT_MAX_BYTES)


def _unique_ids(specs: list[SourceSpec]) -> list[SourceSpec]:
    """Two files whose names give the same id: the second keeps a suffix from its name, with a warning."""
    seen: set[str] = set()
    out = []
    for spec in sorted(specs, key=lambda s: (not s.in_manifest, Path(s.path).name)):
        if spec.document_id in seen:
            unique = f"{spec.document_id}-{hashlib.sha1(Path(spec.path).name.encode()).hexdigest()[:6]}"
            issue = SourceIssue(
                "duplicate_document_id", "warning",
                f"another source already has the id {spec.document_id!r}; this file is {unique!r}",
            )  # fmt: skip
            spec = replace(spec, document_id=unique, warnings=(*spec.warnings, issue))
        seen.add(spec.document_id)
        out.append(spec)
    return out


def _spec(
    path: Path, root: Path, entry: ManifestEntry | None, warnings: tuple[SourceIssue, ...], max_bytes: int
) -> SourceSpec:
    spec = _unread_spec(path, entry, entry.id if entry and entry.id else name_to_document_id(path.name), warnings)
    refusal = _refusal(path, root, spec.media_type, max_bytes)
    if refusal is not None:
        kind, why = refusal
        size = path.stat().st_size if kind == "too_large" else None
        return replace(spec, refusal=why, refusal_kind=kind, size_bytes=size)
    try:
        return replace(spec, sha256=file_sha256(path), size_bytes=path.stat().st_size)
    except OSError as exc:
        return replace(spec, refusal=f"the file cannot be read: {exc.strerror or exc}", refusal_kind="unreadable_file")


def _refusal(path: Path, root: Path, media_type: MediaType, max_bytes: int) -> tuple[str, str] | None:
    """(kind, reason) when the file must not be read at all; None when it may."""
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.exists():
            return "broken_link", f"the file is a link to {os.readlink(path)}, which does not exist"
        if not target.is_relative_to(root):
            return "outside_sources", f"the file is a link to {target}, outside the sources folder: it is not read"
    try:
        info = path.stat()
    except OSError as exc:
        return "unreadable_file", f"the file cannot be read: {exc.strerror or exc}"
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else "not a regular file"
        return "not_a_file", f"{path.name} is {what}, not a document file"
    if media_type is MediaType.OTHER:
        return "unsupported_type", (
            f"not a kind of file policyfacts reads ({path.suffix or 'no extension'}); it reads {READ_SUFFIXES}"
        )
    size = info.st_size
    if size > max_bytes:
        return "too_large", (
            f"the file is {size / 2**20:,.0f} MB, more than the limit of {max_bytes / 2**20:,.0f} MB per document "
            "(limits.max_file_mb in configs/ingest.yml)"
        )
    if not os.access(path, os.R_OK):
        return "unreadable_file", "the file cannot be read: permission denied"
    return None


def _unread_spec(
    path: Path, entry: ManifestEntry | None, document_id: str, warnings: tuple[SourceIssue, ...] = ()
) -> SourceSpec:
    """The spec of ``path`` with its manifest ``entry``'s metadata, before its bytes are hashed."""
    return SourceSpec(
        document_id=document_id,
        path=str(path),
        media_type=(entry.media_type if entry else None) or suffix_to_media_type(path) or MediaType.OTHER,
        sha256=None,
        size_bytes=None,
        title=entry.title if entry else None,
        publisher=entry.publisher if entry else None,
        date=entry.date if entry else None,
        origin=entry.origin if entry else None,
        in_manifest=entry is not None,
        expected_sha256=entry.sha256 if entry else None,
        warnings=warnings,
    )


def _missing(folder: Path, entry: ManifestEntry) -> SourceSpec:
    outside = Path(entry.file).is_absolute() or ".." in Path(entry.file).parts or "/" in entry.file
    return replace(
        _unread_spec(folder / entry.file, entry, entry.id or name_to_document_id(entry.file)),
        refusal=(
            f"{MANIFEST_NAME} names {entry.file!r}, outside the sources folder: manifest entries name files in it"
            if outside
            else f"{MANIFEST_NAME} lists {entry.file!r} but there is no such file in the sources folder"
        ),
        refusal_kind="outside_sources" if outside else "missing_file",
    )
