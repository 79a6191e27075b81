"""Readers for plain text and Markdown: bytes → normalised text and lines.

The normalised text is what every span in the warehouse points into, so it
is built once, here: line endings unified, Unicode composed, inline markup
(``**bold**``, ``<b>``, links) dropped, Markdown heading marks turned into a
heading level on the line. Tabs are kept: they carry table structure.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

from pipeline.language import patterns
from pipeline.models import Line, MediaType, SourceIssue

_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": ""})


class UnreadableSource(ValueError):
    """The source's bytes cannot be read as a document; the message says why, for a person."""


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
# control characters that do not occur in text (tab, newlines, form feed and escape aside)
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
BINARY_SHARE = 0.05


_STRAY = re.compile("[\udc80-\udcff]+")  # bytes UTF-8 could not decode, as surrogateescape keeps them
_CP1252_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))


def _stray_to_cp1252(match: re.Match[str]) -> str:
    """Stray bytes read as Windows-1252; the five bytes it leaves undefined as Latin-1."""
    raw = bytes(ord(c) - 0xDC00 for c in match.group())
    return "".join(chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in raw)


def bytes_to_str(raw: bytes) -> tuple[str, list[SourceIssue]]:
    """Decode a text source: by its byte-order mark, else UTF-8, reading bytes that are not UTF-8 as Windows-1252.

    A file that mixes encodings keeps its UTF-8 characters and has only its stray
    bytes read as Windows-1252, with a warning that says how many.

    >>> bytes_to_str("£51M".encode("cp1252"))[0]
    '£51M'
    >>> bytes_to_str("£51M and ".encode("utf-8") + "£3M".encode("cp1252"))[0]
    '£51M and £3M'
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), []
            except UnicodeDecodeError as exc:
                raise UnreadableSource(f"the file starts with a {codec} byte-order mark but is not {codec}") from exc
    head = raw[:65536]
    if b"\x00" in head or sum(head.count(b) for b in _BINARY_BYTES) > BINARY_SHARE * len(head):
        raise UnreadableSource("the file holds NUL or control bytes: it is binary data, not text")
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first = exc.start
    escaped = raw.decode("utf-8", errors="surrogateescape")
    stray = sum(len(m.group()) for m in _STRAY.finditer(escaped))
    mixed = any(0x7F < ord(c) < 0xDC80 or ord(c) > 0xDCFF for c in escaped)
    what = "mixes UTF-8 with another encoding" if mixed else "is not UTF-8"
    detail = (
        f"the file {what}: {stray:,} byte(s) that are not UTF-8 (the first at offset {first:,}) "
        "were read as Windows-1252"
    )
    return _STRAY.sub(_stray_to_cp1252, escaped), [SourceIssue("encoding", "warning", detail)]


def strip_inline_markup(line: str) -> str:
    """Drop emphasis marks, inline HTML tags and link targets; decode entities.

    >>> strip_inline_markup("catalyse and **grow the digital content industries**")
    'catalyse and grow the digital content industries'
    >>> strip_inline_markup("the 20<sup>th</sup> century &amp; [mail](mailto:x@y.uk)")
    'the 20th century & mail'
    """
    line = patterns.inline_html_tag().sub("", line)
    line = patterns.markdown_link().sub(lambda m: m.group("text") or m.group("url") or "", line)
    previous = None
    while previous != line:  # nested emphasis: ***x*** → x
        previous = line
        line = patterns.markdown_emphasis().sub(lambda m: m.group("inner"), line)
    # emphasis opened on one line and closed on another (``***Business Clusters``)
    line = patterns.dangling_emphasis().sub("", line)
    return html.unescape(line)


def str_to_lines(raw: str, media_type: MediaType) -> tuple[str, list[Line]]:
    """Normalise a text or Markdown source into the document text and its lines."""
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    heading = patterns.markdown_heading()
    out: list[str] = []
    lines: list[Line] = []
    offset = 0
    for source_line in raw.split("\n"):
        source_line = source_line.translate(_SPACES).rstrip(" ")  # tabs kept: empty trailing cells
        md_level = None
        if media_type is MediaType.MARKDOWN and (m := heading.match(source_line)):
            md_level = len(m.group("hashes"))
            source_line = m.group("title")
        stripped = source_line.lstrip(" ")
        indent = len(source_line) - len(stripped)
        text = strip_inline_markup(stripped).strip(" ") if stripped.strip() else ""
        if md_level is not None and not text:
            md_level = None
        out.append(text)
        lines.append(Line(char_start=offset, char_end=offset + len(text), md_level=md_level, indent=indent))
        offset += len(text) + 1
    return "\n".join(out), lines


def first_title(text: str, lines: list[Line]) -> str | None:
    """A title for a text source without one: its first Markdown h1, else its first short line."""
    for line in lines:
        if line.md_level == 1:
            return text[line.char_start : line.char_end]
    for line in lines:
        candidate = text[line.char_start : line.char_end].strip()
        if candidate and len(candidate) <= 120:
            return candidate
    return None
