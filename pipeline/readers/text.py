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
BINARY_WINDOW = 65536


# a code point no text can hold (half of a UTF-16 pair, alone): spaCy and DuckDB refuse it
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
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
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        detail = f"the file is {utf16.upper()} text without a byte-order mark; it was read as {utf16.upper()}"
        return raw.decode(utf16, errors="replace"), [SourceIssue("encoding", "warning", detail)]
    for at in range(0, max(len(raw), 1), BINARY_WINDOW):  # anywhere in the file, not only at its start
        # the last window is a whole one ending at the file's end, so a short tail is judged on as much text
        start = at if at == 0 else max(0, min(at, len(raw) - BINARY_WINDOW))
        window = raw[start : start + BINARY_WINDOW]
        controls = len(window) - len(window.translate(None, _BINARY_BYTES))  # one pass: the bytes deleted
        if b"\x00" in window or controls > BINARY_SHARE * len(window):
            where = f" (from byte {start:,})" if start else ""
            raise UnreadableSource(f"the file holds NUL or control bytes{where}: it is binary data, not text")
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


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes are UTF-16 text with no byte-order mark, else None.

    Text in UTF-16 has a NUL beside most Latin characters, all on the same side of
    each pair; binary data has NULs anywhere, and other text has none.

    >>> [_utf16_without_bom(raw) for raw in ("Cluster plan".encode("utf-16-le"), b"plan", bytes(64))]
    ['utf-16-le', None, None]
    """
    head = raw[:BINARY_WINDOW]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    for nuls, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= 0.6 * pairs and other <= 0.02 * pairs:
            try:
                head.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


# invisible characters a number or word can hold without a reader seeing them: zero-width space, joiners,
# word joiner, soft hyphen, invisible operators. Dropped, so "£1\u200b5m" is £15m and not £1 and 5m.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060-\u2064\u180e]+")


def drop_invisible(text: str) -> tuple[str, list[SourceIssue]]:
    """``text`` without the characters no reader sees; an ``invisible_characters`` issue says how many went.

    >>> text, issues = drop_invisible("£1\u200b5m for co\u00adoperation")
    >>> text, [(i.kind, i.detail[:35]) for i in issues]
    ('£15m for cooperation', [('invisible_characters', '2 invisible character(s) (zero-widt')])
    """
    count = sum(len(m.group()) for m in INVISIBLE.finditer(text))
    if not count:
        return text, []
    detail = (
        f"{count:,} invisible character(s) (zero-width spaces and joiners, soft hyphens) were removed: "
        "they would have split numbers and words"
    )
    return INVISIBLE.sub("", text), [SourceIssue("invisible_characters", "info", detail)]


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


_HTML_TABLE_OPEN = re.compile(r"<table\b", re.I)
_HTML_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_HTML_ROW = re.compile(r"<tr\b[^<>]*>(.*?)(?=<tr\b|</tr\s*>|</table)", re.I | re.S)
_HTML_CELL = re.compile(r"<t[hd]\b[^<>]*>(.*?)(?=<t[hd]\b|</t[hd]\s*>|$)", re.I | re.S)
_PIPE_ROW = re.compile(r"^ {0,3}\|?(?:[^|\n]*\|)+[^|\n]*$")
_PIPE_RULE_CELL = re.compile(r":?-+:?")


def markdown_tables_to_tabs(raw: str) -> str:
    r"""Markdown's tables as the tab-separated rows every table reader here reads: pipe tables (the rule
    under the header dropped) and HTML ``<table>`` elements, one line per row.

    >>> markdown_tables_to_tabs("| Year | Jobs |\n|---|---:|\n| 2024 | 5,000 |")
    'Year\tJobs\n2024\t5,000'
    >>> markdown_tables_to_tabs("<table><tr><th>Year<th>Jobs</tr><tr><td>2024</td><td>5,000</td></tr></table>")
    '\nYear\tJobs\n2024\t5,000\n'
    """
    raw = _html_tables_to_tabs(raw)
    lines = raw.split("\n")
    out: list[str] = []
    in_table = False
    for i, line in enumerate(lines):
        header = _PIPE_ROW.match(line) and i + 1 < len(lines) and _pipe_rule(lines[i + 1])
        if header or (in_table and _PIPE_ROW.match(line) and not _pipe_rule(line)):
            in_table = True
            out.append("\t".join(cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))))
        elif in_table and _pipe_rule(line) and out and "\t" in out[-1]:
            continue  # the rule under the header
        else:
            in_table = False
            out.append(line)
    return "\n".join(out)


def _pipe_rule(line: str) -> bool:
    """Whether ``line`` is the rule under a pipe table's header (``|---|:--:|``), cell by cell (no backtracking)."""
    cells = line.strip().strip("|").split("|")
    return "-" in line and all(_PIPE_RULE_CELL.fullmatch(cell.strip()) for cell in cells)


def _html_tables_to_tabs(raw: str) -> str:
    """Each ``<table>...</table>`` element as tab-separated rows; an element never closed is left as it is.
    Each opening and closing tag is looked for once, so the time is linear in the text."""
    out: list[str] = []
    at = 0
    while (opening := _HTML_TABLE_OPEN.search(raw, at)) is not None:
        closing = _HTML_TABLE_CLOSE.search(raw, opening.end())
        if closing is None:
            break
        out.append(raw[at : opening.start()])
        out.append(_html_table_to_tabs(raw[opening.start() : closing.end()]))
        at = closing.end()
    out.append(raw[at:])
    return "".join(out)


def _html_table_to_tabs(table: str) -> str:
    rows = []
    for row in _HTML_ROW.finditer(table):
        cells = [" ".join(patterns.inline_html_tag().sub(" ", c).split()) for c in _HTML_CELL.findall(row.group(1))]
        if cells:
            rows.append("\t".join(cells))
    return "\n" + "\n".join(rows) + "\n"


def str_to_lines(raw: str, media_type: MediaType) -> tuple[str, list[Line]]:
    """Normalise a text or Markdown source into the document text and its lines."""
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if media_type is MediaType.MARKDOWN:
        raw = markdown_tables_to_tabs(raw)
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
