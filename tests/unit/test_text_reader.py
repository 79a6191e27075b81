"""The plain-text and Markdown readers, on the seeds and on small examples."""

from __future__ import annotations

import pytest
from support import AWM, HE, WMCA

from pipeline.document import ParsedDocument
from pipeline.models import MediaType
from pipeline.readers.text import UnreadableSource, bytes_to_str, str_to_lines


def test_lines_cover_the_text_exactly() -> None:
    text, lines = str_to_lines("a\r\n**b**\n\n  • c\n", MediaType.TEXT)
    assert text == "a\nb\n\n• c\n"
    assert [text[ln.char_start : ln.char_end] for ln in lines] == ["a", "b", "", "• c", ""]
    assert lines[3].indent == 2


def test_markdown_heading_marks_become_levels() -> None:
    text, lines = str_to_lines("# Title\n\n## **2. Background**\ntext", MediaType.MARKDOWN)
    assert text == "Title\n\n2. Background\ntext"
    assert [ln.md_level for ln in lines] == [1, None, 2, None]


def test_plain_text_keeps_hashes() -> None:
    text, lines = str_to_lines("# not a heading", MediaType.TEXT)
    assert text == "# not a heading" and lines[0].md_level is None


def test_tabs_survive_for_tables() -> None:
    text, _ = str_to_lines("£\t2005-06\t2006-07\nCapital\t5.5\t\t", MediaType.TEXT)
    assert text.split("\n")[1] == "Capital\t5.5\t\t"


def test_windows_1252_is_read_with_a_warning() -> None:
    text, issues = bytes_to_str("costs £51M – a lot".encode("cp1252"))
    assert text == "costs £51M – a lot"
    assert [i.kind for i in issues] == ["encoding"]


def test_binary_is_refused_in_words() -> None:
    with pytest.raises(UnreadableSource, match="binary"):
        bytes_to_str(b"\x00\x01\x02PK")


def test_seed_texts_keep_every_word(seed_docs: dict[str, ParsedDocument]) -> None:
    awm = seed_docs[AWM].text
    assert "These plans will collectively cost £51M of AWM funding in 2005-08 (£38M revenue and £13 M capital)." in awm
    assert "Do iθaanAdva0.5(b)n-5.(ta0.5(b)giθa)eers" in awm  # garbled text is kept, for issue 3 to flag
    assert "Revenue\t8.0\t14.5\t15.5\t38.0" in awm
    he = seed_docs[HE].text
    assert "Cluster policy in peripheral regions – the experience of the West Midlands, UK" in he
    assert "<b>" not in he and "<sup>" not in he and "**" not in he
    assert "\u00a0" not in seed_docs[WMCA].text


def test_media_types_come_from_the_manifest(seed_docs: dict[str, ParsedDocument]) -> None:
    assert seed_docs[HE].source.media_type is MediaType.MARKDOWN
    assert seed_docs[AWM].source.media_type is MediaType.TEXT
    assert seed_docs[AWM].title == "Business Clusters Plans 2005-08: Executive Summary"
