"""Named, documented text patterns. Each is tested in ``tests/unit/test_patterns.py``.

Every pattern is built once by a function whose docstring gives what it
matches and what it must not; extractors import the compiled pattern.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def numbered_heading() -> re.Pattern[str]:
    r"""A printed section number and its title at the start of a line.

    Matches ``1.5 Background: The Regional Economic Strategy``,
    ``2. Cluster Plans – Executive Summary``, ``2.10 Manufacturing``.
    Not ``2005-08 plans`` (no space after the number), ``1)`` items or ``3.5m``.
    Groups: ``number`` (``1.5``; a trailing dot is dropped), ``title``.
    """
    return re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+(?P<title>\S.*?)\s*$")


@cache
def contents_entry() -> re.Pattern[str]:
    r"""A contents line: a title, then a tab, dot leaders or a wide gap, then a page number.

    Matches ``1.1 Introduction\t3`` and ``Design .......... 4``.
    Not ``Revenue\t8.0\t14.5`` (a table row) or ``In 2001 there were 124``.
    Groups: ``title``, ``page``.
    """
    return re.compile(r"^(?P<title>\S.*?\S)(?:\t+|\s*(?:\.\s?){3,}\s*| {2,})(?P<page>\d{1,4})\s*$")


@cache
def contents_entry_loose() -> re.Pattern[str]:
    r"""A contents line whose page number follows a single space, as PDF text gives it.

    Only trusted inside a region that a ``Contents`` heading opens.
    Matches ``1.1 Introduction 3``. Groups: ``title``, ``page``.
    """
    return re.compile(r"^(?P<title>\S.*?[^\s\d.,])\s+(?P<page>\d{1,4})\s*$")


@cache
def contents_heading() -> re.Pattern[str]:
    """The heading of a contents page: ``Contents``, ``Table of Contents`` (a page number may follow)."""
    return re.compile(r"^\s*(?:table\s+of\s+)?contents(?:\s+page)?\s*(?:\t+\d{1,4}|\s+\d{1,4})?\s*$", re.I)


@cache
def list_marker() -> re.Pattern[str]:
    r"""The marker that opens a list item.

    Bullets: ``- ``, ``• ``, ``* ``, ``‣``, ``◦``, ``▪``; ordinals: ``1. ``, ``1) ``,
    ``(a) ``, ``a) ``, ``iv. ``; and ``- 1) `` (a bullet carrying an ordinal).
    Not ``-5%`` or ``1.5 Background`` (a dotted section number).
    Groups: ``marker`` (the whole marker without trailing space), ``ordinal``.
    """
    return re.compile(
        r"^(?P<marker>[-•*‣◦▪●■–](?:[ \t]+(?P<inner>\d{1,2}[.)]))?"
        r"|(?P<ordinal>\d{1,2})[.)]"
        r"|\(?(?P<letter>[a-z])\)"
        r"|(?P<roman>(?:i{1,3}|iv|v|vi{1,3}|ix|x))[.)])[ \t]+(?=\S)"
    )


@cache
def cluster_label() -> re.Pattern[str]:
    """A ``Cluster: name`` label that opens a cluster's part of a page.

    Matches ``Cluster: Health-tech and med-tech``. Group ``name``.
    """
    return re.compile(r"^\s*Cluster\s*:\s*(?P<name>\S.{0,150}?)\s*$")


@cache
def markdown_heading() -> re.Pattern[str]:
    """An ATX Markdown heading: ``## 1. Introduction``. Groups ``hashes``, ``title``."""
    return re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t#]*$")


@cache
def markdown_emphasis() -> re.Pattern[str]:
    """Paired ``*``/``**``/``***`` (or underscore) emphasis around text: ``**grow**`` → ``grow``.

    Not a lone ``*`` or a bullet ``* item``. Group ``inner``.
    """
    return re.compile(r"(?P<mark>\*{1,3}|_{2,3})(?=[^\s*])(?P<inner>.+?)(?<=[^\s*])(?P=mark)")


@cache
def dangling_emphasis() -> re.Pattern[str]:
    """Emphasis marks opened on one line and closed on another: ``***Business Clusters``."""
    return re.compile(r"^\*{2,}(?=\S)|(?<=\S)\*{2,}$")


@cache
def inline_html_tag() -> re.Pattern[str]:
    """An inline HTML tag kept out of the text: ``<b>``, ``</i>``, ``<sup>``, ``<br/>``."""
    return re.compile(r"</?(?:b|i|em|strong|u|sup|sub|span|small|br)\b[^>]*>", re.I)


@cache
def markdown_link() -> re.Pattern[str]:
    """A Markdown link or autolink: ``[text](url)`` → ``text``; ``<http://x>`` → ``http://x``."""
    return re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)|<(?P<url>(?:https?|mailto):[^>\s]+)>")


@cache
def back_matter_title() -> re.Pattern[str]:
    """Titles that stand at the top level whatever precedes them: references, appendices, abstract."""
    return re.compile(
        r"^(?:abstract|summary|executive summary|references?|bibliography|appendix|appendices|annex"
        r"|acknowledge?ments?|glossary|notes|endnotes|foreword|preface)\b",
        re.I,
    )


@cache
def benign_bracket_suffix() -> re.Pattern[str]:
    """A short bracketed suffix that clean text glues to words: ``organisation(s)``, ``2021-22(£m)``.

    Not ``0.5(b)n`` (letters follow it) or ``(2005)`` (digits inside).
    """
    return re.compile(r"\([^()\s\d]{1,4}\)(?!\w)")


@cache
def address_like() -> re.Pattern[str]:
    """URLs, e-mail addresses and paths: ``https://…``, ``www.gov.uk``, ``a@b.org``, ``docs/file.pdf``, ``%20``."""
    return re.compile(r"://|^www\.|\w@\w|\w/\w|%[0-9A-Fa-f]{2}|\.(?:pdf|html?|aspx?|php|docx?|xlsx?)\b|[?&]\w+=", re.I)
