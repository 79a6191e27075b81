"""Hostile input, piece by piece: the manifest, odd bytes and numbers, the report's data, the warehouse's faults.

Each case says what a source folder (or the disk) can hold and asserts what the
pipeline makes of it: a per-entry or per-document error in words, never a
traceback, never unbounded work, never a secret copied out. The flow-level
cases (the whole run beside them) are in tests/flows/test_hostile_inputs.py.
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from pdfs import build_pdf, text_page

from pipeline.extract.figures import sentence_to_figures
from pipeline.ingest.manifest import MAX_MANIFEST_BYTES, ManifestError, scan_sources, sources_to_specs
from pipeline.language.numbers import MAX_VALUE, text_to_quantities
from pipeline.readers.text import UnreadableSource, bytes_to_str, drop_invisible, markdown_tables_to_tabs
from warehouse import publish
from warehouse.report.render import embedded_json

SECRET = "DB_PASSWORD=hunter2-do-not-copy"
ENTRY_TEXT = "documents:\n  - file: plan.txt\n"
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)  # nine to the ninth power: 387 million values from a file of 300 bytes


def plan_folder(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "plan.txt").write_text("Growth Plan\n\nThe cluster employs 5,000 people.\n", encoding="utf-8")
    return folder


def manifest_text(text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / "manifest.yml").write_text(text, encoding="utf-8")


def manifest_link_to_secret(folder: Path) -> None:
    secret = folder.parent / "secret.env"
    secret.write_text(SECRET + "\n")
    (folder / "manifest.yml").symlink_to(secret)


# how the manifest is made → words the warning on every document says (the whole manifest set aside)
UNREADABLE_MANIFESTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "nested 5,000 deep in flow style": (manifest_text("documents: " + "[" * 5000 + "]" * 5000), "nests deeper"),
    "nested 600 deep in block style": (
        manifest_text("".join("  " * i + f"k{i}:\n" for i in range(600))),
        "nests deeper",
    ),
    "a billion laughs": (manifest_text(LAUGHS + "documents: []\n"), "expands to more than"),
    "an alias of itself": (manifest_text("documents: &a [*a]\n"), "expands to more than"),
    "a folder": (lambda folder: (folder / "manifest.yml").mkdir(), "is a folder"),
    "a named pipe": (lambda folder: os.mkfifo(folder / "manifest.yml"), "is a named pipe"),
    "a link to a secret outside": (manifest_link_to_secret, "outside the sources folder"),
    "over 1 MB": (manifest_text("# padding\n" * (MAX_MANIFEST_BYTES // 10 + 1)), "larger than 1 MB"),
    "not UTF-8": (lambda folder: (folder / "manifest.yml").write_bytes(b"documents: [\xff\xfe]"), "not UTF-8"),
    "not YAML, a secret on its line": (manifest_text(f"documents: [{SECRET}\n"), "not valid YAML"),
    "a list at the top": (manifest_text("- file: plan.txt\n"), "expected fields"),
    "documents not a list": (manifest_text("documents: plan.txt\n"), "documents must be a list"),
    "two documents lists": (manifest_text(ENTRY_TEXT + ENTRY_TEXT), "gives documents more than once"),
}


@pytest.mark.parametrize("case", list(UNREADABLE_MANIFESTS))
def test_a_manifest_that_cannot_be_read_is_a_warning_in_words_and_the_files_still_load(
    case: str, tmp_path: Path
) -> None:
    make, words = UNREADABLE_MANIFESTS[case]
    folder = plan_folder(tmp_path / "sources")
    make(folder)
    grown = _peak_growth_mb(lambda: scan_sources(folder))
    (spec,) = scan_sources(folder)
    assert spec.document_id == "plan" and spec.refusal is None and spec.sha256
    (warning,) = spec.warnings
    assert warning.kind == "manifest_unreadable" and words in warning.detail, warning.detail
    assert SECRET not in warning.detail and "Traceback" not in warning.detail
    assert grown < 64  # bounded: a few MB at most, however the manifest expands
    with pytest.raises(ManifestError, match=words.split()[0]):
        sources_to_specs(folder)  # the strict form, for tools, raises the same words


def _peak_growth_mb(work: Callable[[], object]) -> float:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    work()
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024


ENTRY = ENTRY_TEXT


def test_merge_keys_fill_what_an_entry_leaves_unset(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path / "sources")
    (folder / "other.txt").write_text("Other\n\nText.", encoding="utf-8")
    manifest_text("documents:\n  - &d {file: plan.txt, publisher: A Combined Authority, date: '2024'}\n"
                  "  - {<<: *d, file: other.txt, date: '2023'}\n")(folder)  # fmt: skip
    specs = {s.document_id: (s.publisher, s.date) for s in sources_to_specs(folder)}
    assert specs == {"plan": ("A Combined Authority", "2024"), "other": ("A Combined Authority", "2023")}


def test_scalars_are_read_as_written_so_an_unquoted_date_a_number_or_yes_keeps_the_entry(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path / "sources")
    manifest_text(ENTRY + "    id: 2024\n    date: 2024-05-01\n    title: Yes\n    publisher: null\n")(folder)
    (spec,) = scan_sources(folder)
    assert (spec.document_id, spec.date, spec.title, spec.publisher, spec.warnings) == (
        "2024", "2024-05-01", "Yes", None, ()
    )  # fmt: skip


# one entry → (document_id of the file it concerns, words of its warning or refusal)
INVALID_ENTRIES: dict[str, tuple[str, str, str]] = {
    "a key given twice": (ENTRY + "    title: One\n    title: Two\n", "plan", "gives title more than once"),
    "an unknown field": (ENTRY + "    colour: blue\n", "plan", "colour: Extra inputs are not permitted"),
    "a scalar's YAML tag": (ENTRY + "    title: !!binary aGk=\n", "plan", "title: a YAML tag"),
    "an escape that is no character": (ENTRY + '    publisher: "\\uD800"\n', "plan", "publisher: a value holds"),
    "a YAML tag that would run code": (
        ENTRY + "    title: !!python/object/apply:os.system ['echo pwned']\n",
        "plan",
        "title: a YAML tag",
    ),
    "the same file twice": (ENTRY + "    title: One\n  - file: plan.txt\n    title: Two\n", "plan", "already lists"),
    "no file": ("documents:\n  - title: An entry naming no file\n", "manifest-entry-1", "file: Field required"),
    "a scalar, not a mapping": ("documents:\n  - just words\n", "manifest-entry-1", "an entry is a mapping"),
}


@pytest.mark.parametrize("case", list(INVALID_ENTRIES))
def test_an_invalid_entry_is_set_aside_alone(case: str, tmp_path: Path) -> None:
    text, document_id, words = INVALID_ENTRIES[case]
    folder = plan_folder(tmp_path / "sources")
    (folder / "other.txt").write_text("Other plan\n\nText.", encoding="utf-8")
    manifest_text(text + "  - file: other.txt\n    title: The other plan\n")(folder)
    specs = {s.document_id: s for s in scan_sources(folder)}
    assert specs["other"].title == "The other plan" and specs["other"].warnings == ()  # the rest is used
    concerned = specs[document_id]
    said = " ".join([concerned.refusal or "", *(w.detail for w in concerned.warnings)])
    assert words in said, said
    assert "pwned" not in said and "Traceback" not in said
    if document_id == "plan":
        assert concerned.refusal is None and concerned.warnings[0].kind == "manifest_entry_invalid"
        # read, with the first of two entries' metadata, else inferred from the file
        assert concerned.title == ("One" if case == "the same file twice" else None)
    else:
        assert concerned.refusal_kind == "manifest_entry_invalid"  # a failed document of its own
    with pytest.raises(ManifestError, match="expected fields"):
        sources_to_specs(folder)


def test_a_file_name_that_is_not_utf8_is_refused_by_name_not_by_a_crash(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path / "sources")
    (folder / os.fsdecode(b"plan-\xff\xfe-2024.txt")).write_text("A plan\n\nText.", encoding="utf-8")
    specs = {s.document_id: s for s in scan_sources(folder)}
    odd = specs["plan-2024"]
    assert odd.refusal_kind == "bad_file_name" and "not valid UTF-8" in (odd.refusal or "")
    assert odd.path.encode("utf-8")  # storable: the undecodable bytes are shown as U+FFFD
    assert specs["plan"].refusal is None


def test_utf16_without_a_byte_order_mark_is_read_as_utf16() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        text, issues = bytes_to_str("Cluster plan\n\nThe cluster employs 1,200 people.".encode(codec))
        assert text.startswith("Cluster plan") and issues[0].kind == "encoding" and codec.upper() in issues[0].detail


def test_binary_anywhere_in_a_text_file_is_refused() -> None:
    prose = b"The cluster employs 5,000 people in the region.\n" * 4000  # 196 KB of text first
    for tail in (bytes(range(256)) * 4, b"\x00"):
        with pytest.raises(UnreadableSource, match=r"binary data, not text") as raised:
            bytes_to_str(prose + tail + prose)
        assert "from byte" in str(raised.value)


def test_invisible_characters_inside_numbers_join_them_and_are_reported() -> None:
    text, issues = drop_invisible("Funding of £1\u200b5m and 2\u00ad,000 jobs for co\u2060operation")
    assert text == "Funding of £15m and 2,000 jobs for cooperation"
    assert [i.kind for i in issues] == ["invisible_characters"] and "3 invisible" in issues[0].detail
    assert [q.value for q in text_to_quantities(text)] == [15_000_000.0, 2000.0]


def test_a_number_too_large_to_be_a_figure_is_a_quality_issue_not_a_row() -> None:
    text = "The fund is £" + "9" * 340 + "bn, and the cluster employs 5,000 people."
    assert [f.value for f in sentence_to_figures(text, 0, len(text), None)] == [5000.0]
    (implausible,) = [q for q in text_to_quantities(text) if q.implausible]
    assert implausible.value == 0.0 and text[implausible.start : implausible.end].startswith("£999")
    assert MAX_VALUE == 10**15


def test_the_figures_extractor_reports_the_number_it_will_not_store(tmp_path: Path) -> None:
    from pipeline.ingest.manifest import file_to_spec
    from pipeline.parse import source_to_rows

    path = tmp_path / "plan.txt"
    path.write_text("Growth Plan\n\nThe fund is £" + "9" * 40 + "bn. The cluster employs 5,000 people.\n")
    rows = source_to_rows(file_to_spec(path), "test-run").rows
    assert [f["value"] for f in rows["figures"]] == [5000.0]
    (issue,) = [q for q in rows["quality_issues"] if q["kind"] == "implausible_number"]
    assert "too large to be a figure" in issue["detail"] and issue["char_start"] is not None


def test_markdown_pipe_and_html_tables_are_read_as_tables(tmp_path: Path) -> None:
    from pipeline.ingest.manifest import file_to_spec
    from pipeline.parse import source_to_rows

    assert markdown_tables_to_tabs("a | b\n---|---\n1 | 2") == "a\tb\n1\t2"
    assert markdown_tables_to_tabs("| not | a table |\nno rule under it") == "| not | a table |\nno rule under it"
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\nJobs by cluster:\n\n| Cluster | 2020 | 2024 |\n|---|--:|--:|\n| Automotive | 4,000 | 5,000 |\n\n"
        "Funding:\n\n<table><tr><th>Programme</th><th>2023/24</th><th>2024/25</th></tr>\n"
        "<tr><td>Skills (£m)</td><td>12</td><td>14</td></tr></table>\n",
        encoding="utf-8",
    )
    rows = source_to_rows(file_to_spec(path), "test-run").rows
    cells = {(c["table_id"], c["row"], c["col"]): c["text"] for c in rows["table_cells"]}
    assert len(rows["tables"]) == 2
    assert {"Automotive", "5,000", "Skills (£m)", "2024/25"} <= set(cells.values())
    assert "|" not in "".join(cells.values()) and "<td>" not in rows["document_text"][0]["text"]


def test_glyphs_drawn_twice_are_removed_as_pdfplumber_would_in_n_log_n(tmp_path: Path) -> None:
    """The repair keeps exactly the chars pdfplumber's own dedupe_chars keeps, in the same order."""
    import pdfplumber

    from pipeline.readers.pdf_page import _dedupe_plumber_chars

    doubled = text_page("Growth plan", "Employs 5,000") + b"\n" + text_page("Growth plan", "Employs 5,000", left=72.4)
    path = tmp_path / "doubled.pdf"
    path.write_bytes(build_pdf([doubled]))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        ours = [(c["text"], c["x0"], c["top"]) for c in _dedupe_plumber_chars(page).chars]
        theirs = [(c["text"], c["x0"], c["top"]) for c in page.dedupe_chars().chars]
    assert ours == theirs and len(ours) == len(page.chars) // 2


@pytest.mark.parametrize(
    ("bodies", "named"),
    [
        ({5: b"5 0 R"}, "5 0 R"),  # page 1's content stream is a reference to itself
        ({5: b"9 0 R", 9: b"5 0 R"}, "5 0 R"),  # pages 1 and 3's content streams refer to each other
    ],
)
def test_an_object_that_refers_to_itself_is_read_as_empty_not_followed_forever(
    tmp_path: Path, bodies: dict[int, bytes], named: str
) -> None:
    """pdfminer follows a chain of references that comes back on itself without end (the run stopped only at its
    time limit); the guard reads it as null, as pdfium does, and the reader says so."""
    from pipeline.readers.pdf import read_pdf
    from pipeline.readers.pdf_page import PdfSettings

    pages = [text_page("A page whose content loops."), text_page("The cluster employs 600 people."), text_page("x")]
    path = tmp_path / "loop.pdf"
    path.write_bytes(build_pdf(pages, bodies=bodies))
    reading = read_pdf(path, PdfSettings(image_dpi=0))
    assert reading.text.split("\f")[:2] == ["", "The cluster employs 600 people."]
    (broken,) = [i for i in reading.issues if i.kind == "broken_reference"]
    assert broken.severity == "warning" and named in broken.detail and "read as empty" in broken.detail


def test_the_reports_data_cannot_end_or_comment_out_its_script_block() -> None:
    hostile = {"title": "</script><!--<script>alert(1)//", "value": "a & b > c"}
    text = embedded_json(hostile)
    assert "<" not in text and ">" not in text and "&" not in text
    import json

    assert json.loads(text) == hostile
    with pytest.raises(ValueError, match="not JSON compliant"):
        embedded_json({"value": float("inf")})


# -- the warehouse's faults -------------------------------------------------------------------------------------


def seeded_warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE documents (document_id TEXT); INSERT INTO documents VALUES ('plan')")
    con.close()
    return path


def analyst_session(path: Path, then: str) -> subprocess.Popen[str]:
    """Another process with the warehouse open read-write, which commits one write and then ``then``s."""
    code = (
        "import duckdb, os, sys, time\n"
        f"con = duckdb.connect({str(path)!r})\n"
        "con.execute(\"CREATE TABLE analyst_notes AS SELECT 'mine' AS note\")\n"
        "print('written', flush=True)\n" + ("os._exit(9)\n" if then == "dies" else "time.sleep(60)\n")
    )
    session = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert session.stdout is not None and session.stdout.readline().strip() == "written"
    return session


def test_a_wal_left_by_a_killed_analyst_session_is_checkpointed_before_the_copy(tmp_path: Path) -> None:
    published = seeded_warehouse(tmp_path / "policy.duckdb")
    analyst_session(published, "dies").wait()
    assert publish.wal_path(published).exists()
    with publish.building(published) as work:
        con = duckdb.connect(str(work))
        assert con.execute("SELECT note FROM analyst_notes").fetchall() == [("mine",)]
        con.close()
    assert not publish.wal_path(published).exists()
    con = duckdb.connect(str(published), read_only=True)
    assert con.execute("SELECT note FROM analyst_notes").fetchall() == [("mine",)]  # what it committed is kept
    con.close()


def test_a_warehouse_held_open_read_write_is_not_published_over(tmp_path: Path) -> None:
    published = seeded_warehouse(tmp_path / "policy.duckdb")
    session = analyst_session(published, "waits")
    try:
        before = published.read_bytes()
        with pytest.raises(publish.WarehouseInUse, match="open read-write"):
            publish.check_can_publish(published)
        with pytest.raises(publish.WarehouseInUse, match="open read-write"), publish.building(published):
            raise AssertionError("the block must not run")
        assert published.read_bytes() == before and not any(p.exists() for p in publish.generation_paths(published))
    finally:
        session.kill()
        session.wait()


def test_readers_do_not_stop_a_publish(tmp_path: Path) -> None:
    published = seeded_warehouse(tmp_path / "policy.duckdb")
    code = f"import duckdb, time; con = duckdb.connect({str(published)!r}, read_only=True); print('open', flush=True)"
    reader = subprocess.Popen([sys.executable, "-c", code + "; time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "open"
        publish.check_can_publish(published)  # an analyst reading, in a process of their own, does not block it
        with publish.building(published) as work:
            assert work.exists()
    finally:
        reader.kill()
        reader.wait()


def test_a_corrupt_warehouse_is_named_and_left_as_it_is(tmp_path: Path) -> None:
    published = tmp_path / "policy.duckdb"
    published.write_bytes(os.urandom(50_000))
    before = published.read_bytes()
    with pytest.raises(publish.WarehouseFault, match=r"policy.duckdb cannot be opened as a DuckDB database") as raised:
        publish.check_can_publish(published)
    assert ".building" not in str(raised.value) and published.read_bytes() == before


def test_a_full_disk_is_refused_before_and_during_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from warehouse.session import ingest_run

    published = seeded_warehouse(tmp_path / "policy.duckdb")
    before = published.read_bytes()
    usage = publish.shutil.disk_usage(tmp_path)
    monkeypatch.setattr(publish.shutil, "disk_usage", lambda _: usage._replace(free=10 * 2**20))
    with pytest.raises(publish.WarehouseFault, match="not enough free disk space"):
        publish.check_can_publish(published)
    monkeypatch.undo()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(publish.shutil, "copyfile", full)  # the disk fills while the copy is written
    with pytest.raises(publish.WarehouseFault, match="No space left on device"), ingest_run(published, "sources"):
        raise AssertionError("the block must not run")
    assert published.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # nothing partial: no generation was left half written
        ".policy.duckdb.generations", "policy.duckdb", "policy.duckdb.lock"
    ]  # fmt: skip


def test_a_disk_that_fills_while_the_run_writes_ends_it_in_one_sentence(tmp_path: Path) -> None:
    from warehouse.session import ingest_run

    published = tmp_path / "policy.duckdb"
    with ingest_run(published, "sources"):
        pass  # a first run publishes an empty warehouse
    before = published.read_bytes()
    faulty = pytest.raises(publish.WarehouseFault, match=r"could not be written beside .*policy.duckdb")
    with faulty as raised, ingest_run(published, "sources") as writer:
        writer.con.execute("CREATE TABLE filling AS SELECT 1 AS n")
        raise duckdb.IOException('Could not write file "x.building.wal": No space left on device')
    assert "No space left on device" in str(raised.value) and "Traceback" not in str(raised.value)
    assert published.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # nothing partial: only the published generation
        ".policy.duckdb.gen-a", ".policy.duckdb.generations", "policy.duckdb", "policy.duckdb.lock"
    ]  # fmt: skip


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders; the injected case below holds it")
def test_a_read_only_warehouse_folder_is_refused_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "warehouse"
    published = seeded_warehouse(folder.mkdir() or folder / "policy.duckdb")
    folder.chmod(0o555)
    try:
        with pytest.raises(publish.WarehouseFault, match="read-only"):
            publish.check_can_publish(published)
    finally:
        folder.chmod(0o755)


def test_a_read_only_folder_injected_is_refused_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    published = seeded_warehouse(tmp_path / "policy.duckdb")
    monkeypatch.setattr(publish.os, "access", lambda path, mode: not (mode & os.W_OK))
    with pytest.raises(publish.WarehouseFault, match=r"cannot write in .*: the folder is read-only"):
        publish.check_can_publish(published)


def test_a_broken_prefect_home_is_refused_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.settings import PREFECT_HOME, temporary_settings

    from flows.ingest import PrefectHomeFault, check_prefect_home

    home = tmp_path / "prefect-home"
    home.mkdir()
    (home / "prefect.db").write_bytes(os.urandom(8192))
    with temporary_settings(updates={PREFECT_HOME: home}):
        with pytest.raises(PrefectHomeFault, match=r"prefect.db cannot be read \(file is not a database\)"):
            check_prefect_home()
        (home / "prefect.db").unlink()
        check_prefect_home()  # an empty home is fine: the server creates its database
        monkeypatch.setattr("flows.ingest.os.access", lambda path, mode: False)
        with pytest.raises(PrefectHomeFault, match="is read-only"):
            check_prefect_home()
