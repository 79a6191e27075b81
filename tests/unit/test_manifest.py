"""The sources folder and its manifest."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from support import SHARED, SOURCES

from pipeline.ingest import manifest
from pipeline.ingest.manifest import Hashes, ManifestError, scan_sources, sources_to_specs
from pipeline.models import MediaType

SEED_SHA256 = {
    "awm-business-clusters-plans-2005-08-executive-summary": "d589ec9246a6eb977b90f0328d3e3fc6eea4b29cac3abb53cbc3d3c2846bcafa",
    "awm-ict-cluster-web-page": "326fd7307a5781a633e8e4490f0a498aee819c0bf2bd93c71939c1c91f11d177",
    "he-2009-cluster-policy-in-peripheral-regions": "88e05eff342e3c92a5b0a43a42d6bb8efd4aff063a96532288e3e8089bc08543",
    "innovation-alliance-local-industrial-strategy-blog-2018": "831a5e76e7286136b66f478e3ac7dc06a6f55267c05f06a4451e9d83228da85b",
    "wmca-plan-for-growth-cluster-growth-profiles": "65c333781cc3c5b3f4522e5d955decfa5754e5acca5f057da71cfc67256d58fd",
}


def test_bundled_sources_are_the_seeds_byte_for_byte() -> None:
    specs = {s.document_id: s for s in sources_to_specs(SOURCES)}
    assert {k: s.sha256 for k, s in specs.items()} == SEED_SHA256
    assert all(s.in_manifest and s.expected_sha256 == s.sha256 for s in specs.values())
    seeds = SHARED / "seeds"
    if seeds.exists():
        for spec in specs.values():
            original = seeds / Path(spec.path).name
            assert hashlib.sha256(original.read_bytes()).hexdigest() == spec.sha256


def test_files_outside_the_manifest_are_ingested_with_inferred_metadata(tmp_path: Path) -> None:
    (tmp_path / "manifest.yml").write_text("documents:\n  - file: a.txt\n    title: A\n")
    (tmp_path / "a.txt").write_text("alpha")
    (tmp_path / "New Plan (2024).md").write_text("# New plan")
    (tmp_path / "notes.docx").write_bytes(b"ignored: not a type we read")
    specs = sources_to_specs(tmp_path)
    assert [(s.document_id, s.in_manifest, s.media_type) for s in specs] == [
        ("a", True, MediaType.TEXT),
        ("new-plan-2024", False, MediaType.MARKDOWN),
    ]


def test_sources_in_subfolders_are_found_and_named_by_their_path(tmp_path: Path) -> None:
    (tmp_path / "manifest.yml").write_text("documents:\n  - file: 2024/plan.md\n    title: The 2024 plan\n")
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "plan.md").write_text("# 2024")
    (tmp_path / "West Midlands" / "Growth").mkdir(parents=True)
    (tmp_path / "West Midlands" / "Growth" / "Plan.txt").write_text("growth")
    (tmp_path / "plan.txt").write_text("top")
    (tmp_path / "2024" / "manifest.yml").write_text("documents: []\n")  # only the top one is read
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("hidden folder")
    (tmp_path / "2024" / ".cache").mkdir()
    (tmp_path / "2024" / ".cache" / "old.txt").write_text("hidden folder")
    (tmp_path / "2024" / "~$draft.txt").write_text("editor's lock file")
    specs = scan_sources(tmp_path)
    assert [(s.document_id, s.title, Path(s.path).relative_to(tmp_path).as_posix()) for s in specs] == [
        ("2024-plan", "The 2024 plan", "2024/plan.md"),
        ("plan", None, "plan.txt"),
        ("west-midlands-growth-plan", None, "West Midlands/Growth/Plan.txt"),
    ]
    assert all(s.refusal is None for s in specs)


def test_manifest_entries_name_files_in_subfolders_by_their_path(tmp_path: Path) -> None:
    (tmp_path / "manifest.yml").write_text(
        "documents:\n  - file: ./2024/plan.md\n    title: Found\n  - file: 2023/plan.pdf\n    title: Gone\n"
    )
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "plan.md").write_text("# 2024")
    (tmp_path / "plan.txt").write_text("top")
    specs = {s.document_id: s for s in scan_sources(tmp_path)}
    assert specs["2024-plan"].title == "Found" and specs["2024-plan"].refusal is None
    assert specs["2023-plan"].refusal_kind == "missing_file"  # not "plan": that id is the top file's
    assert specs["plan"].refusal is None and specs["plan"].warnings == ()


def test_a_sources_folder_that_cannot_be_listed_is_an_error_not_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(manifest.SourcesUnreadable, match="does not exist"):
        scan_sources(tmp_path / "unmounted")


def test_a_link_to_a_folder_is_refused_not_followed(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    (sources / "plans").mkdir(parents=True)
    (sources / "plans" / "a.txt").write_text("a")
    (sources / "loop").symlink_to(sources, target_is_directory=True)  # followed, it would never end
    (sources / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    specs = {s.document_id: s for s in scan_sources(sources)}
    assert specs["plans-a"].refusal is None
    assert specs["loop"].refusal_kind == "not_a_file" and "a folder" in (specs["loop"].refusal or "")
    assert specs["elsewhere"].refusal_kind == "outside_sources"
    assert len(specs) == 3


def test_paths_that_give_one_id_keep_apart(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a-b").mkdir()
    (tmp_path / "a" / "b" / "plan.txt").write_text("one")
    (tmp_path / "a-b" / "plan.txt").write_text("two")
    first, second = scan_sources(tmp_path)
    assert first.document_id == "a-b-plan" and second.document_id.startswith("a-b-plan-")
    assert [w.kind for w in second.warnings] == ["duplicate_document_id"]


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("documents: [\n", "not valid YAML"),
        ("documents:\n  - title: no file\n", "expected fields"),
        ("wrong: 1\n", "expected fields"),
    ],
)
def test_malformed_manifest_is_a_clear_error(tmp_path: Path, manifest: str, message: str) -> None:
    (tmp_path / "manifest.yml").write_text(manifest)
    with pytest.raises(ManifestError, match=message):
        sources_to_specs(tmp_path)


def test_a_file_unchanged_since_it_was_hashed_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    plan = sources / "plan.txt"
    plan.write_text("The plan.\n")
    cache = tmp_path / "hashes.json"
    first = Hashes.load(cache)  # no such file: no cache
    [spec] = scan_sources(sources, hashes=first)
    assert spec.sha256 == hashlib.sha256(b"The plan.\n").hexdigest()
    first.save()
    read = []
    monkeypatch.setattr(manifest, "file_sha256", lambda path: read.append(path) or "x")
    scan_sources(sources, hashes=Hashes.load(cache))
    assert read == [plan], "changed just before it was hashed: not trusted, read again"
    # a file last changed well before it was hashed is trusted while its stat is as it was
    entries = Hashes.load(cache)
    key = str(plan)
    entries.used = {}
    entries.entries[key][4] = int(entries.entries[key][4]) + 10 * manifest.RACY_NS  # hashed long after the change
    read.clear()
    [again] = scan_sources(sources, hashes=entries)
    assert read == [] and again.sha256 == spec.sha256
    plan.write_text("The plan, changed.\n")  # a new size, mtime and ctime: read again
    [changed] = scan_sources(sources, hashes=entries)
    assert read == [plan] and changed.sha256 == "x"
