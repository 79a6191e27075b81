"""The sources folder: its manifest, and every file in it as a :class:`SourceSpec`.

The manifest (``sources/manifest.yml``) describes the bundled documents; any
other file dropped into the folder is still ingested, with its metadata
inferred from its name and bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline.models import MediaType, SourceIssue, SourceSpec
from pipeline.readers.text import LONE_SURROGATE

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


class SourcesUnreadable(OSError):
    """The sources folder, or a folder in it, cannot be listed: the run stops before it changes anything,
    since every document not listed would otherwise be withdrawn."""


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


MAX_MANIFEST_BYTES = 1 << 20
MAX_MANIFEST_DEPTH = 32
MAX_MANIFEST_VALUES = 100_000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True, slots=True)
class EntryProblem:
    """A manifest entry that cannot be used: the rest of the manifest still is.

    ``file`` is the file the entry names, when it names one (its document then gets
    ``why`` as a warning and inferred metadata); ``number`` counts entries from 1.
    """

    number: int
    file: str | None
    why: str


class _Composer(yaml.SafeLoader):
    """PyYAML's safe composer with a nesting limit (its recursion would otherwise end in RecursionError)."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_MANIFEST_DEPTH:
                raise ManifestError(f"{MANIFEST_NAME} nests deeper than {MAX_MANIFEST_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)  # what a plain scalar, list or mapping resolves to; an explicit tag such as !!python/object or !!binary is not one
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True, slots=True)
class Refused:
    """A value the manifest gives that is not data (a tagged node, an escape that is not a character):
    the entry holding it is set aside with ``why``."""

    why: str


class _Mapping(dict[str, object]):
    """A YAML mapping, with the keys it gives more than once."""

    def __init__(self) -> None:
        super().__init__()
        self.repeated: list[str] = []


def _plain(node: yaml.Node, depth: int, budget: list[int]) -> object:
    """A composed node as plain data: every scalar a string (``2024-05-01``, ``123`` and ``Yes`` stay
    as written), a plain null None. Aliases are followed, but a manifest expanding to more than
    MAX_MANIFEST_VALUES values (a "billion laughs") or nesting deeper than allowed is refused."""
    budget[0] += 1
    if budget[0] > MAX_MANIFEST_VALUES or depth > MAX_MANIFEST_DEPTH:
        raise ManifestError(
            f"{MANIFEST_NAME} expands to more than {MAX_MANIFEST_VALUES:,} values or nests deeper than "
            f"{MAX_MANIFEST_DEPTH} levels (YAML aliases repeated); it is not read"
        )
    if node.tag not in _PLAIN_TAGS:
        return Refused(f"a YAML tag ({node.tag}) is not a value a manifest gives")
    if isinstance(node, yaml.ScalarNode):
        if LONE_SURROGATE.search(node.value):
            return Refused("a value holds an escape (\\uD800-\\uDFFF) that is not a character")
        return None if node.style is None and node.value in _NULLS else str(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, depth + 1, budget) for item in node.value]
    mapping = _Mapping()
    merged: list[object] = []  # YAML merge keys (<<: *defaults): their fields fill what the mapping leaves unset
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            value = _plain(value_node, depth + 1, budget)
            merged.extend(value if isinstance(value, list) else [value])
            continue
        key = _plain(key_node, depth + 1, budget)
        key = key if isinstance(key, str) else repr(key)
        if key in mapping:
            mapping.repeated.append(key)
        mapping[key] = _plain(value_node, depth + 1, budget)
    for defaults in merged:
        if isinstance(defaults, dict):
            for key, value in defaults.items():
                mapping.setdefault(key, value)
    return mapping


def _compose(raw: str) -> object:
    loader = _Composer(raw)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:  # its text quotes the manifest: only the problem and the place are said
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ManifestError(f"{MANIFEST_NAME} is not valid YAML: {exc.problem or exc.context}{where}") from None
    except yaml.YAMLError:
        raise ManifestError(f"{MANIFEST_NAME} is not valid YAML") from None
    finally:
        loader.dispose()
    return None if node is None else _plain(node, 0, [0])


def _errors_in_words(exc: ValidationError) -> str:
    """A validation error without the values it was given (a manifest's text must not be copied out)."""
    return "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or 'the entry'}: {error['msg']}" for error in exc.errors()
    )


def yaml_to_manifest(raw: str) -> tuple[Manifest, list[EntryProblem]]:
    """Parse manifest YAML into the usable entries and the problems of the others; an empty file is empty.

    Every scalar is read as text, so an unquoted date, a numeric id or ``title: Yes``
    are the strings they look like. An entry that is still invalid (an unknown field,
    a key given twice, a file listed twice) is set aside with an :class:`EntryProblem`;
    only a manifest whose whole shape is wrong raises :class:`ManifestError`.

    >>> manifest, problems = yaml_to_manifest("documents: [{file: a.txt, date: 2024-05-01, title: Yes}]")
    >>> manifest.documents[0].date, manifest.documents[0].title, problems
    ('2024-05-01', 'Yes', [])
    """
    data = _compose(raw)
    if data is None:
        return Manifest(), []
    if not isinstance(data, dict) or set(data) - {"documents"}:
        fields = ", ".join(sorted(map(str, data))) if isinstance(data, dict) else "not a mapping"
        raise ManifestError(
            f"{MANIFEST_NAME} does not have the expected fields: it holds one field, documents (a list); found {fields}"
        )
    if isinstance(data, _Mapping) and data.repeated:
        raise ManifestError(f"{MANIFEST_NAME} gives documents more than once: which list holds is not clear")
    entries = data.get("documents") or []
    if not isinstance(entries, list):
        raise ManifestError(f"{MANIFEST_NAME} does not have the expected fields: documents must be a list")
    usable: list[ManifestEntry] = []
    problems: list[EntryProblem] = []
    listed: set[str] = set()
    for number, raw_entry in enumerate(entries, 1):
        file = raw_entry.get("file") if isinstance(raw_entry, dict) else None
        file = file if isinstance(file, str) and file else None
        try:
            if not isinstance(raw_entry, _Mapping):
                raise ValueError("an entry is a mapping of fields (file, id, title, ...)")
            if raw_entry.repeated:
                raise ValueError(f"it gives {', '.join(sorted(set(raw_entry.repeated)))} more than once")
            refused = [f"{key}: {value.why}" for key, value in raw_entry.items() if isinstance(value, Refused)]
            if refused:
                raise ValueError("; ".join(refused))
            if file in listed:
                raise ValueError(f"an earlier entry already lists {file!r}")
            entry = ManifestEntry.model_validate(dict(raw_entry))
        except ValidationError as exc:
            problems.append(EntryProblem(number, file, _errors_in_words(exc)))
        except ValueError as exc:
            problems.append(EntryProblem(number, file, str(exc)))
        else:
            usable.append(entry)
            listed.add(entry.file)
    return Manifest(documents=usable), problems


def read_manifest(folder: Path) -> str | None:
    """The manifest's text, or None when the folder has none.

    It is read only when it is a regular file inside the sources folder, of at most
    MAX_MANIFEST_BYTES, in UTF-8; otherwise :class:`ManifestError` says why in words and
    nothing of what it holds (a link out of the folder could point at a secret).
    """
    path = folder / MANIFEST_NAME
    if not os.path.lexists(path):
        return None
    target = Path(os.path.realpath(path))
    if path.is_symlink() and not target.is_relative_to(folder.resolve()):
        raise ManifestError(f"{MANIFEST_NAME} is a link to a file outside the sources folder; it is not read")
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise ManifestError(f"{MANIFEST_NAME} cannot be read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ManifestError(
                f"{MANIFEST_NAME} is {_special(mode) or 'not a file'}, not a regular file; it is not read"
            )
        data = b""
        while len(data) <= MAX_MANIFEST_BYTES and (chunk := os.read(fd, MAX_MANIFEST_BYTES + 1 - len(data))):
            data += chunk
    except OSError as exc:
        raise ManifestError(f"{MANIFEST_NAME} cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError(
            f"{MANIFEST_NAME} is larger than {MAX_MANIFEST_BYTES // 2**20} MB, more than any manifest needs; "
            "it is not read"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{MANIFEST_NAME} is not UTF-8 text (byte {exc.start}); it is not read") from None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


RACY_NS = 2_000_000_000  # a file changed this close before it was hashed may change again unseen: not trusted


@dataclass(slots=True)
class Hashes:
    """The sha256 of each source file as last hashed, with what its ``stat`` said then: a file whose size,
    inode, modification and change times are all as they were is not read again (as git's index does).

    An entry is trusted only when the file had not changed for ``RACY_NS`` before it was hashed: a write
    within the file system's timestamp granularity could otherwise leave the same stat over new bytes.
    Kept beside the warehouse (``.policy.duckdb.sources``); a missing or unreadable file is no cache.
    """

    path: Path | None = None
    entries: dict[str, list[int | str]] = field(default_factory=dict)
    used: dict[str, list[int | str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Hashes:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        return cls(path, data if isinstance(data, dict) else {})

    def sha256(self, path: Path, info: os.stat_result) -> str:
        """``path``'s sha256: from the cache when its stat is as recorded, else read (and recorded)."""
        key = os.fsdecode(path)
        signature = [info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns]
        entry = self.entries.get(key)
        if isinstance(entry, list) and len(entry) == 6 and entry[:4] == signature:
            hashed_at, digest = entry[4], entry[5]
            if isinstance(hashed_at, int) and isinstance(digest, str) and info.st_ctime_ns < hashed_at - RACY_NS:
                self.used[key] = entry
                return digest
        hashed_at = time.time_ns()
        digest = file_sha256(path)
        self.used[key] = [*signature, hashed_at, digest]
        return digest

    def save(self) -> None:
        """Keep the entries of the files seen this run (written whole or not at all)."""
        if self.path is None:
            return
        temporary = self.path.with_name(self.path.name + ".new")
        try:
            temporary.write_text(json.dumps(self.used), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)  # a cache: the next run hashes again


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


def scan_sources(
    folder: Path, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False, hashes: Hashes | None = None
) -> list[SourceSpec]:
    """Every file under ``folder`` (:func:`source_files`) as a spec, manifest entries first, then the rest by id.

    A manifest entry's ``file`` is the path relative to ``folder`` (``2024/plan.pdf``).
    ``hashes`` spares reading again the files that have not changed since they were last hashed.

    Nothing here stops a run: a file that must not be read becomes a spec with a
    ``refusal`` (recorded as a failed document), and a manifest that cannot be read
    becomes a warning on every document, whose metadata is then inferred
    (unless ``strict``, when it raises :class:`ManifestError`).
    """
    manifest, problems, warnings = Manifest(), list[EntryProblem](), tuple[SourceIssue, ...]()
    try:
        raw = read_manifest(folder)
        if raw is not None:
            manifest, problems = yaml_to_manifest(raw)
    except ManifestError as exc:
        if strict:
            raise
        warnings = (
            SourceIssue(
                "manifest_unreadable", "warning",
                f"{exc}; the document's title, publisher and date are inferred from the file instead",
            ),
        )  # fmt: skip
    if strict and problems:
        raise ManifestError(
            f"{MANIFEST_NAME} does not have the expected fields: "
            + "; ".join(f"entry {p.number}: {p.why}" for p in problems)
        )
    by_file = {_entry_path(entry.file): entry for entry in manifest.documents}
    set_aside: dict[str, tuple[SourceIssue, ...]] = {}
    for problem in problems:
        if problem.file is not None:
            key = _entry_path(problem.file)
            set_aside[key] = (*set_aside.get(key, ()), _entry_warning(problem, by_file))
    root = folder.resolve()
    specs = []
    for path, relative in source_files(folder):
        key = relative.as_posix()
        entry, entry_warnings = by_file.pop(key, None), (*warnings, *set_aside.pop(key, ()))
        specs.append(_spec(path, relative, root, entry, entry_warnings, max_bytes, hashes))
    specs += [_invalid_entry(folder, p) for p in problems if p.file is None or _entry_path(p.file) in set_aside]
    specs += [_missing(folder, entry) for entry in by_file.values()]  # listed, but no such file
    return sorted(_unique_ids(folder, specs), key=lambda s: (not s.in_manifest, s.document_id))


def source_files(folder: Path) -> list[tuple[Path, PurePosixPath]]:
    """Every candidate source under ``folder``, in its subfolders too, with its path relative to ``folder``.

    Hidden folders and files, editors' temporary files and manifests are left out. Raises
    :class:`SourcesUnreadable` when ``folder`` or a folder in it cannot be listed.
    Links to folders are not followed (a loop would never end); they are listed,
    so that they are refused in words rather than passed over. A folder whose name
    has a source's suffix (``plans.pdf/``) is listed too, and refused.
    """
    if not folder.is_dir():
        raise SourcesUnreadable(f"the sources folder {folder} does not exist or is not a folder; nothing was changed")

    def unreadable(exc: OSError) -> None:  # a folder not listed would read as its documents all withdrawn
        where = exc.filename or folder
        raise SourcesUnreadable(
            f"the sources folder {where} cannot be listed ({exc.strerror or exc}); nothing was changed"
        ) from exc

    found: list[tuple[Path, PurePosixPath]] = []
    for top, folders, files in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(top)
        kept = []
        for name in folders:
            if is_ignored(name):
                continue
            if (here / name).is_symlink() or suffix_to_media_type(here / name) is not None:
                files.append(name)
            else:
                kept.append(name)
        folders[:] = sorted(kept)
        base = PurePosixPath(*here.relative_to(folder).parts)
        found += [(here / name, base / name) for name in files if not is_ignored(name)]
    return sorted(found, key=lambda item: item[1].parts)


def relative_to_document_id(relative: PurePosixPath) -> str:
    """A document's id from its path in the sources folder: the folders come first.

    >>> relative_to_document_id(PurePosixPath("West Midlands/2024/Plan.pdf"))
    'west-midlands-2024-plan'
    >>> relative_to_document_id(PurePosixPath("plan.pdf"))
    'plan'
    """
    return name_to_document_id("-".join((*relative.parent.parts, relative.name)))


def file_to_spec(path: Path) -> SourceSpec:
    """One file as a spec with metadata inferred from it (no manifest), for tools and tests."""
    return _spec(path, PurePosixPath(path.name), Path(os.path.realpath(path)).parent, None, (), DEFAULT_MAX_BYTES)


def _entry_path(file: str) -> str:
    """A manifest entry's ``file`` as a path in the sources folder: ``./2024/plan.pdf`` is ``2024/plan.pdf``.

    >>> _entry_path("./2024//plan.pdf"), _entry_path("plan.pdf")
    ('2024/plan.pdf', 'plan.pdf')
    """
    return PurePosixPath(file).as_posix()


def _entry_warning(problem: EntryProblem, by_file: dict[str, ManifestEntry]) -> SourceIssue:
    used = by_file.get(_entry_path(problem.file or ""))
    instead = (
        "the document's metadata comes from its other entry"
        if used is not None
        else "the document's title, publisher and date are inferred from the file instead"
    )
    return SourceIssue(
        "manifest_entry_invalid", "warning",
        f"{MANIFEST_NAME} entry {problem.number} is not used ({problem.why}); {instead}",
    )  # fmt: skip


def _invalid_entry(folder: Path, problem: EntryProblem) -> SourceSpec:
    """An invalid entry naming no file in the folder: a refused document of its own, so it is seen."""
    name = problem.file or f"manifest-entry-{problem.number}"
    spec = _unread_spec(folder / name, None, relative_to_document_id(PurePosixPath(name)))
    refusal = f"{MANIFEST_NAME} entry {problem.number} cannot be used: {problem.why}"
    return replace(spec, refusal=refusal, refusal_kind="manifest_entry_invalid")


def _unique_ids(folder: Path, specs: list[SourceSpec]) -> list[SourceSpec]:
    """Two files whose paths give the same id: the second keeps a suffix from its path, with a warning."""
    seen: set[str] = set()
    out = []
    for spec in sorted(specs, key=lambda s: (not s.in_manifest, os.path.relpath(s.path, folder))):
        if spec.document_id in seen:
            relative = Path(os.path.relpath(spec.path, folder)).as_posix()
            unique = f"{spec.document_id}-{hashlib.sha1(relative.encode(errors='replace')).hexdigest()[:6]}"
            issue = SourceIssue(
                "duplicate_document_id", "warning",
                f"another source already has the id {spec.document_id!r}; this file is {unique!r}",
            )  # fmt: skip
            spec = replace(spec, document_id=unique, warnings=(*spec.warnings, issue))
        seen.add(spec.document_id)
        out.append(spec)
    return out


def _spec(
    path: Path,
    relative: PurePosixPath,
    root: Path,
    entry: ManifestEntry | None,
    warnings: tuple[SourceIssue, ...],
    max_bytes: int,
    hashes: Hashes | None = None,
) -> SourceSpec:
    """The spec of the file at ``path`` (``relative`` to the sources folder ``root``), hashed unless refused."""
    shown = os.fsencode(str(relative)).decode("utf-8", errors="replace")
    if shown != str(relative):  # bytes that are not UTF-8, kept by Python as lone surrogates no database can store
        shown_path = Path(os.fsencode(path).decode("utf-8", errors="replace"))
        spec = _unread_spec(shown_path, entry, relative_to_document_id(PurePosixPath(shown)), warnings)
        why = f"the file name {shown!r} is not valid UTF-8 (\ufffd marks the bytes); rename the file to read it"
        return replace(spec, refusal=why, refusal_kind="bad_file_name")
    document_id = entry.id if entry and entry.id else relative_to_document_id(relative)
    spec = _unread_spec(path, entry, document_id, warnings)
    refusal = _refusal(path, root, spec.media_type, max_bytes)
    if refusal is not None:
        kind, why = refusal
        size = path.stat().st_size if kind == "too_large" else None
        return replace(spec, refusal=why, refusal_kind=kind, size_bytes=size)
    try:
        info = path.stat()
        digest = hashes.sha256(path, info) if hashes is not None else file_sha256(path)
        return replace(spec, sha256=digest, size_bytes=info.st_size)
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
        return "not_a_file", f"{path.name} is {_special(mode) or 'not a regular file'}, not a document file"
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


def _special(mode: int) -> str | None:
    """What a file that is not a regular one is, in words a person knows: a folder, a named pipe (else None)."""
    return "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else None


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
    outside = Path(entry.file).is_absolute() or ".." in Path(entry.file).parts
    return replace(
        _unread_spec(folder / entry.file, entry, entry.id or relative_to_document_id(PurePosixPath(entry.file))),
        refusal=(
            f"{MANIFEST_NAME} names {entry.file!r}, outside the sources folder: manifest entries name files in it"
            if outside
            else f"{MANIFEST_NAME} lists {entry.file!r} but there is no such file in the sources folder"
        ),
        refusal_kind="outside_sources" if outside else "missing_file",
    )
