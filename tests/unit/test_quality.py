"""Quarantine of garbled text and structure problems, on the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from support import AWM, BLOG, HE, ICT, WMCA, corpus_path

from pipeline.document import ParsedDocument
from pipeline.ingest.manifest import sources_to_specs
from pipeline.parse import reading_to_layout, source_to_reading
from pipeline.quality.structure import contents_issues, contents_to_matches, title_similarity
from pipeline.rows import document_to_rows
from warehouse.load import replace_document


def issues(doc: ParsedDocument, kind: str) -> list[str]:
    return [i.detail for i in doc.issues if i.kind == kind]


def test_awm_section_1_5_is_garbled_and_quarantined(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    section = next(s for s in doc.sections if s.number == "1.5")
    assert section.quality == "garbled"
    quarantine = doc.quarantine
    garbled = [doc.text[s:e] for s, e in doc.quarantine]
    assert garbled == [
        "Do iθaanAdva0.5(b)n-5.(ta0.5(b)giθa)eers",
        "gy } g 0.(rv)a5.(x)lueθ(ec)f)θ) job(ts as).5.(t)θ(75.(t)se(The)-t(ts as)-out-5.5()5.(a)s5.(θ)a)θ(7b(ng fe",
    ]
    # the numbers a naive pipeline reads out of the noise are all inside the quarantine
    body = doc.text[section.char_start : section.char_end]
    for number in ("0.5", "5.5", "75"):
        for m in re.finditer(re.escape(number), body):
            start = section.char_start + m.start()
            assert not quarantine.allows(start, start + len(number)), number
    # the clean text after the noise, and the rest of the document, stay open to extractors
    clean = doc.text.index("The executive summary for each individual cluster plan")
    assert quarantine.allows(clean, clean + 20)
    assert quarantine.allows(0, doc.text.index("Do iθaan"))
    assert [s.number for s in doc.sections if s.quality == "garbled"] == ["1.5"]


def test_only_the_awm_noise_is_garbled_in_the_seeds(seed_docs: dict[str, ParsedDocument]) -> None:
    flagged = {doc_id: len(doc.quarantine) for doc_id, doc in seed_docs.items() if doc.quarantine}
    assert flagged == {AWM: 2}
    assert all(b.quality == "ok" for d in (HE, WMCA, BLOG, ICT) for b in seed_docs[d].blocks)


def test_awm_structure_problems_are_reported(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    assert sorted({i.kind for i in doc.issues}) == [
        "duplicate_number", "garbled_text", "heading_swallowed", "list_count_mismatch", "numbering_mismatch",
        "title_mismatch", "truncated_section",
    ]  # fmt: skip
    swallowed = issues(doc, "heading_swallowed")
    assert len(swallowed) == 2
    assert "1.6 Measuring Effectiveness" in swallowed[0] and "1.7 Navigating the Cluster Plans" in swallowed[1]
    renumbered = [
        re.search(r"numbered (\S+) in the body but (\S+) in the contents", d) for d in issues(doc, "numbering_mismatch")
    ]
    assert [(m.group(1), m.group(2)) for m in renumbered if m] == [
        ("2.4", "2.5"), ("2.5", "2.6"), ("2.6", "2.7"), ("2.7", "2.8"), ("2.8", "2.9"),
        ("2.9", "2.10"), ("2.10", "2.11"), ("2.11", "2.12"), ("2.12", "2.13"),
    ]  # fmt: skip
    assert issues(doc, "duplicate_number") == [
        "the body numbers 2 sections 2.4: 'Building Technologies' and 'Aerospace'"
    ]
    assert issues(doc, "title_mismatch") == [
        "section 1 is titled 'Cluster Plans - Executive Summary' in the body but 'Cluster Policy - Executive Summary' in the contents",
        "section 1.8 is titled 'Summary' in the body but 'Conclusion' in the contents",
    ]
    truncated = issues(doc, "truncated_section")
    assert len(truncated) == 1 and "2.9 Tourism and Leisure" in truncated[0] and "world-" in truncated[0]
    assert [s.number for s in doc.sections if s.quality == "truncated"] == ["2.9"]


def test_seeds_without_problems_report_none(seed_docs: dict[str, ParsedDocument]) -> None:
    for doc_id in (HE, BLOG, ICT):
        assert seed_docs[doc_id].issues == [], doc_id
    # the WMCA page's one problem is in its figures: "a further £320m to £220m of output"
    assert [i.kind for i in seed_docs[WMCA].issues] == ["reversed_range"]


def test_contents_alignment_keeps_order() -> None:
    assert title_similarity("Cluster Policy - Executive Summary", "Summary") == 0.9
    # ...yet the alignment does not pair them across the whole of part 1 (see the AWM test above)


def test_quality_issues_load_with_true_provenance(
    fresh_db: duckdb.DuckDBPyConnection, seed_docs: dict[str, ParsedDocument]
) -> None:
    doc = seed_docs[AWM]
    replace_document(fresh_db, doc.document_id, document_to_rows(doc, "run-1"))
    rows = fresh_db.execute(
        """SELECT q.kind, q.section_id, s.number,
                  q.source_text = substr(d.text, q.char_start + 1, q.char_end - q.char_start) AS true_span
           FROM quality_issues q JOIN document_text d USING (document_id)
           LEFT JOIN sections s ON s.section_id = q.section_id ORDER BY q.char_start"""
    ).fetchall()
    assert all(r[3] for r in rows)
    garbled = [r for r in rows if r[0] == "garbled_text"]
    assert [r[2] for r in garbled] == ["1.5"]
    assert fresh_db.execute("SELECT count(*) FROM blocks WHERE quality <> 'ok'").fetchone() == (2,)


def test_contents_to_matches_pairs_in_order(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    matches = contents_to_matches(doc.contents, doc.sections)
    unmatched = [m.entry.number for m in matches if m.section is None]
    assert unmatched == ["1.6", "1.7"]


@pytest.mark.corpus
def test_sections_listed_after_the_files_last_page_are_one_issue_not_each_missing() -> None:
    # a strategy's file that stops before the annexes its contents page lists (pages 61 to 117 of a file whose
    # last page prints 25): the file holds part of the document, which is one fact, not nine missing sections
    path = corpus_path("policy/nl_western_netherlands_ris3.pdf")
    spec = next(s for s in sources_to_specs(path.parent) if Path(s.path).resolve() == path.resolve())
    doc, _ = reading_to_layout(spec, source_to_reading(spec))
    found = contents_issues(doc)
    (past_end,) = [i for i in found if i.kind == "sections_past_end"]
    assert past_end.detail.startswith("the contents lists 9 sections on pages 61-117 ('Annexe II:")
    assert "after this file's last page (25)" in past_end.detail
    assert not [i for i in found if i.kind == "missing_section" and "(page 61)" in i.detail]


def test_a_contents_page_listing_itself_is_no_missing_section(tmp_path: Path) -> None:
    body = "\n\n".join(f"{n} {title}\n\nThe region will {title.lower()} over the next ten years." for n, title in
                       enumerate(["Introduction", "Grow skills", "Invest in transport", "Report on delivery"], 1))  # fmt: skip
    listed = "\n".join(f"{n} {t}\t{n + 2}" for n, t in enumerate(["Introduction", "Grow skills",
                                                                  "Invest in transport", "Report on delivery"], 1))  # fmt: skip
    (tmp_path / "plan.txt").write_text(f"Regional Plan\n\nContents\nContents\t2\n{listed}\n\n{body}\n", "utf-8")
    [spec] = sources_to_specs(tmp_path)
    doc, _ = reading_to_layout(spec, source_to_reading(spec))
    assert doc.contents[0].title == "Contents"
    assert contents_issues(doc) == []
