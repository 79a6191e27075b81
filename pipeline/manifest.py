"""The sources folder: its manifest, and every file in it as a :class:`SourceSpec`.

The manifest (``sources/manifest.yml``) describes the bundled documents; any
other file dropped into the folder is still ingested, with its metadata
inferred from its name and bytes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline.models import MediaType, SourceSpec

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


def sources_to_specs(folder: Path) -> list[SourceSpec]:
    """Every ingestible file in ``folder``, manifest entries first, then the rest by name.

    Raises :class:`ManifestError` when the manifest exists but cannot be read.
    """
    manifest_path = folder / MANIFEST_NAME
    manifest = yaml_to_manifest(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else Manifest()
    by_file = {entry.file: entry for entry in manifest.documents}
    files = sorted(p for p in folder.iterdir() if p.is_file() and suffix_to_media_type(p) is not None)
    specs = [_spec(path, by_file.get(path.name)) for path in files]
    seen: set[str] = set()
    for spec in specs:
        if spec.document_id in seen:
            raise ManifestError(f"two sources share the document id {spec.document_id!r}")
        seen.add(spec.document_id)
    return sorted(specs, key=lambda s: (not s.in_manifest, s.document_id))


def _spec(path: Path, entry: ManifestEntry | None) -> SourceSpec:
    media = (entry.media_type if entry else None) or suffix_to_media_type(path)
    assert media is not None  # files were filtered on their suffix
    return SourceSpec(
        document_id=(entry.id if entry and entry.id else name_to_document_id(path.name)),
        path=str(path),
        media_type=media,
        sha256=file_sha256(path),
        size_bytes=path.stat().st_size,
        title=entry.title if entry else None,
        publisher=entry.publisher if entry else None,
        date=entry.date if entry else None,
        origin=entry.origin if entry else None,
        in_manifest=entry is not None,
        expected_sha256=entry.sha256 if entry else None,
    )
