"""The run report's first page: tables a reader scans, plots, links to the fact sheets, and the viewer.

Static parts (the run, documents, clusters, counts, the worst issues, plots) are HTML,
readable with scripts off. The provenance viewer is a small script (``report.js``)
that loads one document's values at a time from ``data/dN.js``, so the first page
stays small however many values the warehouse holds. Page images are written beside
the page (``pages/``) and referenced by relative path, so the folder can be moved or
zipped whole. The fact sheets are :mod:`warehouse.report.sheets`.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any
from urllib.parse import quote

from warehouse.report.data import DocumentSheet, ReportData, Row

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
SEVERITY_COLOURS = {"error": "#d62728", "warning": "#ff9f1c", "info": "#7f8c8d"}


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[tuple[str, float], ...]  # (series, value)


def file_stem(prefix: str, identifier: str) -> str:
    """A short file name for an id that may hold any character, the same in every report of any warehouse.

    >>> file_stem("d", "awm-ict-cluster-web-page")
    'd-ef5a899d7090'
    """
    return f"{prefix}-{hashlib.sha256(identifier.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


@dataclass(frozen=True)
class Files:
    """Where each document's and cluster's files are in the report folder: names from their ids' hashes, so a
    link to a fact sheet stays good from one report to the next."""

    documents: dict[str, str]  # document_id → stem, e.g. d-ef5a899d7090
    clusters: dict[str, str]  # cluster_id → stem, e.g. c-0f3e...

    @classmethod
    def of(cls, document_ids: Sequence[str], cluster_ids: Sequence[str]) -> Files:
        return cls({d: file_stem("d", d) for d in document_ids}, {c: file_stem("c", c) for c in cluster_ids})

    def sheet(self, document_id: str) -> str:
        return f"documents/{self.documents[document_id]}.html"

    def cluster_sheet(self, cluster_id: str) -> str:
        return f"clusters/{self.clusters[cluster_id]}.html"

    def data(self, document_id: str) -> str:
        return f"data/{self.documents[document_id]}.js"

    def image(self, document_id: str, page: int) -> str:
        return f"pages/{self.documents[document_id]}-p{page}.png"


def viewer_link(document_id: str, value_id: str | None = None, issue: int | None = None) -> str:
    """The first page's viewer opened on one value (or issue) of one document, from a page one folder down."""
    link = f"../index.html#document={quote(document_id, safe='')}"
    if value_id is not None:
        link += f"&value={quote(value_id, safe='')}"
    if issue is not None:
        link += f"&issue={issue}"
    return link


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _code_spans(text: str) -> str:
    """Escaped text whose `backticked` parts (the data dictionary's Markdown) become <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(text))


def _number(value: float | int | None, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.{digits}f}"


_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
_CURRENCIES = {"GBP": "£", "EUR": "€", "USD": "$"}


def human_number(value: float | int | None, unit: str | None = None) -> str:
    """A number as a reader writes it: money with its sign and scale, percentages with %, counts with commas.

    >>> human_number(101500000000.0, "GBP"), human_number(12_000_000, "GBP"), human_number(33800, "GBP")
    ('£101.5bn', '£12m', '£33,800')
    >>> human_number(4.0, "percent"), human_number(25000.0, "people"), human_number(0.25), human_number(None)
    ('4%', '25,000 people', '0.25', '')
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    sign = _CURRENCIES.get(unit or "")
    if unit == "percent":
        return f"{value:,.{0 if float(value).is_integer() else 1}f}%"
    if sign is not None:
        for scale, word in _SCALES:
            if abs(value) >= scale:
                short = value / scale
                return f"{sign}{short:,.{0 if float(short).is_integer() else 1}f}{word}"
        return f"{sign}{value:,.0f}" if float(value).is_integer() else f"{sign}{value:,.2f}"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}" if unit else text


def figure_text(row: Row) -> str:
    """A figure's value, or its range, in words a reader writes."""
    unit = row.get("unit")
    if row.get("value") is None and row.get("value_low") is not None:
        low, high = human_number(row["value_low"], unit), human_number(row.get("value_high"), unit)
        return f"{low} to {high}" if high and high != low else low
    return human_number(row.get("value"), unit)


def bars_to_svg(
    bars: Sequence[Bar],
    title: str,
    unit: str,
    colours: dict[str, str] | None = None,
    formatter: Callable[[float], str] | None = None,
) -> str:
    """A horizontal (stacked) bar chart as inline SVG, with a legend when there is more than one series.

    ``formatter`` writes a total and the axis's end (with its unit); by default, digits and ``unit``.
    """
    if not bars:
        return f'<p class="empty">{_e(title)}: nothing to plot.</p>'
    series = list(dict.fromkeys(name for bar in bars for name, _ in bar.segments))
    colours = colours or {}
    colour = {name: colours.get(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(series)}
    label_width, bar_width, row_height = 260, 420, 22
    top = 30
    legend_rows = len(series) if len(series) > 1 else 0
    height = top + row_height * len(bars) + 30 + 18 * legend_rows
    largest = max(sum(v for _, v in bar.segments) for bar in bars) or 1.0
    out = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" viewBox="0 0 {label_width + bar_width + 90} '
        f'{height}" width="{label_width + bar_width + 90}" height="{height}">',
        f'<text x="0" y="16" class="chart-title">{_e(title)}</text>',
    ]
    for i, bar in enumerate(bars):
        y = top + i * row_height
        label = bar.label if len(bar.label) <= 36 else bar.label[:35] + "…"
        out.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{_e(label)}</text>')
        x = float(label_width)
        total = 0.0
        for name, value in bar.segments:
            w = bar_width * value / largest
            tip = f"{_e(bar.label)} · {_e(name)}: {_number(value, 2 if value % 1 else 0)} {_e(unit)}"
            out.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_height - 6}" fill="{colour[name]}">'
                f"<title>{tip}</title></rect>"
            )
            x += w
            total += value
        shown = formatter(total) if formatter else _number(total, 1 if total % 1 else 0)
        out.append(f'<text x="{x + 4:.1f}" y="{y + 15}">{_e(shown)}</text>')
    axis_y = top + row_height * len(bars) + 14
    out.append(f'<text x="{label_width}" y="{axis_y}" class="axis">0</text>')
    out.append(
        f'<text x="{label_width + bar_width}" y="{axis_y}" text-anchor="end" class="axis">'
        f"{_e(formatter(largest)) if formatter else _number(largest, 1 if largest % 1 else 0) + ' ' + _e(unit)}</text>"
    )
    if len(series) > 1:
        for i, name in enumerate(series):
            lx, ly = label_width, axis_y + 8 + 18 * i
            out.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{colour[name]}"/>')
            out.append(f'<text x="{lx + 16}" y="{ly + 11}">{_e(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], cls: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _run_section(data: ReportData) -> str:
    run = data.run
    if run is None:
        return '<section id="run"><h2>Run</h2><p class="empty">The warehouse has no run yet.</p></section>'
    fields = [
        ("Run", run["run_id"]), ("Status", run["status"]), ("Started (UTC)", run["started_at"]),
        ("Seconds", _number(run["seconds"], 2)), ("Pipeline", run["pipeline_version"]),
        ("Sources", run["sources_path"]), ("Documents read", run["documents_total"]),
        ("Added", run["documents_added"]), ("Changed", run["documents_changed"]),
        ("Re-extracted", run["documents_reextracted"]), ("Unchanged", run["documents_unchanged"]),
        ("Withdrawn", run["documents_withdrawn"]), ("Partial", run.get("documents_partial")),
        ("Failed", run["documents_failed"]),
        ("PDF pages read", run["pages"]),
    ]  # fmt: skip
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in fields)
    changes = _table(
        ["Document", "What the run did", "Detail"],
        [[_e(c["document_id"]), _e(c["change"]), _e(c["detail"])] for c in data.changes],
    )
    run_rows = [
        [_e(r["run_id"]), _e(r["started_at"]), _e(r["status"]), _e(r["documents_total"]),
         _e(r["documents_unchanged"]), _number(r["seconds"], 2)]
        for r in data.runs
    ]  # fmt: skip
    earlier = _table(["Run", "Started (UTC)", "Status", "Read", "Unchanged", "Seconds"], run_rows)
    return (
        f'<section id="run"><h2>Run</h2><dl class="facts">{items}</dl>'
        f"<h3>What this run did to each document</h3>"
        + (changes if data.changes else '<p class="empty">Nothing: every document was unchanged.</p>')
        + f"<details><summary>All runs ({len(data.runs)})</summary>{earlier}</details></section>"
    )


def _documents_section(data: ReportData, files: Files) -> str:
    rows = []
    for d in data.documents:
        status = f'<span class="status status-{_e(d["status"])}">{_e(d["status"])}</span>'
        if d["withdrawn_at"] is not None:
            status += ' <span class="status status-withdrawn">withdrawn</span>'
        sheet = files.sheet(d["document_id"])
        rows.append(
            [
                f'<a class="sheet-link" href="{_e(sheet)}"><b>{_e(d["document_id"])}</b></a>'
                f"<br><small>{_e(d['title'])}</small>",
                _e(d["media_type"]), status + (f"<br><small>{_e(d['error'])}</small>" if d["error"] else ""),
                _e(d["page_count"] or ""), _number(d["parse_seconds"], 2), _number(d["pages_per_second"], 1),
                *(_number(d[f"n_{t}"]) for t in ("sections", "cluster_mentions", "visions", "objectives",
                                                 "figures", "funding", "entities")),
                f'{_number(d["n_errors"])} / {_number(d["n_warnings"])} / {_number(d["n_infos"])}',
            ]
        )  # fmt: skip
    headers = [
        "Document", "Type", "Status", "Pages", "Seconds", "Pages/s", "Sections", "Cluster mentions", "Visions",
        "Objectives", "Figures", "Funding lines", "Entities", "Issues (error / warning / info)",
    ]  # fmt: skip
    counts = _table(["Table", "Rows"], [[f"<code>{_e(t)}</code>", _number(n)] for t, n in data.table_counts])
    return (
        f'<section id="documents"><h2>Documents ({len(data.documents)})</h2>'
        "<p>Each document's name opens its fact sheet: its clusters, visions, objectives, headline figures, "
        "tables and quality issues, each linked to where it sits.</p>"
        f"{_table(headers, rows, 'documents')}<h3>Rows per table</h3>{counts}</section>"
    )


def _clusters_section(data: ReportData, files: Files) -> str:
    if not data.clusters:
        return '<section id="clusters"><h2>Clusters</h2><p class="empty">No document presents a cluster.</p></section>'
    rows = [
        [
            f'<a class="sheet-link" href="{_e(files.cluster_sheet(c["cluster_id"]))}">{_e(c["name"])}</a>',
            _number(c["documents"]), _number(c["visions"]), _number(c["figures"]),
        ]
        for c in data.clusters
    ]  # fmt: skip
    return (
        f'<section id="clusters"><h2>Clusters ({len(data.clusters)})</h2>'
        "<p>Each cluster opens its sheet: how the plans that present it compare on employment, businesses, "
        "output and funding, plan by plan and year by year.</p>"
        f"{_table(['Cluster', 'Documents', 'Visions', 'Figures'], rows, 'clusters')}</section>"
    )


MOST_BARS = 30  # bars a plot shows; with more documents, the ones that stand out


def _most(bars: list[Bar], what: str) -> tuple[list[Bar], str]:
    """The ``MOST_BARS`` largest bars, and a caption saying so when some were left out."""
    if len(bars) <= MOST_BARS:
        return bars, ""
    kept = sorted(bars, key=lambda b: -sum(v for _, v in b.segments))[:MOST_BARS]
    return kept, f"The {MOST_BARS} {what} of {len(bars):,} documents."


def _figure(svg: str, caption: str = "") -> str:
    return f"<figure>{svg}" + (f"<figcaption>{_e(caption)}</figcaption>" if caption else "") + "</figure>"


def _plots_section(data: ReportData) -> str:
    per_cluster: dict[str, list[tuple[str, float]]] = {}
    unattached = 0
    for row in data.figures_per_cluster:
        if row["cluster"] is None:
            unattached += row["figures"]
        else:
            per_cluster.setdefault(row["cluster"], []).append((row["document_id"], float(row["figures"])))
    by_document = len({d for segments in per_cluster.values() for d, _ in segments}) <= len(PALETTE)
    cluster_bars = sorted(
        (
            Bar(name, tuple(segments) if by_document else (("figures", sum(v for _, v in segments)),))
            for name, segments in per_cluster.items()
        ),
        key=lambda b: (-sum(v for _, v in b.segments), b.label),
    )[:MOST_BARS]
    speed_bars, speed_note = _most(
        [Bar(d["document_id"], (("pages per second", d["pages_per_second"]),)) for d in data.documents
         if d["pages_per_second"]],
        "fastest",
    )  # fmt: skip
    second_bars, second_note = _most(
        [Bar(d["document_id"], (("seconds", float(d["parse_seconds"])),)) for d in data.documents
         if d["parse_seconds"]],
        "slowest",
    )  # fmt: skip
    issue_bars = []
    for d in data.documents:
        segments = tuple(
            (severity, float(d[f"n_{key}"]))
            for severity, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos"))
            if d[f"n_{key}"]
        )
        if segments:
            issue_bars.append(Bar(d["document_id"], segments))
    issue_bars, issue_note = _most(issue_bars, "with the most issues")
    speed = (
        bars_to_svg(speed_bars, "Pages per second, per PDF", "pages/s")
        if speed_bars
        else '<p class="empty">No PDF in the warehouse: pages per second applies to PDFs only.</p>'
    )
    title = "Figures per cluster (by document)" if by_document else "Figures per cluster"
    return (
        '<section id="plots"><h2>Plots</h2><div class="plots">'
        + _figure(bars_to_svg(cluster_bars, title, "figures"), f"{unattached:,} more figures belong to no cluster.")
        + _figure(speed, speed_note)
        + _figure(bars_to_svg(second_bars, "Seconds to read each document (last load)", "s"), second_note)
        + _figure(bars_to_svg(issue_bars, "Quality issues per document", "issues", SEVERITY_COLOURS), issue_note)
        + "</div></section>"
    )


def _issues_section(data: ReportData, files: Files) -> str:
    rows = [
        [
            f'<span class="sev sev-{_e(i["severity"])}">{_e(i["severity"])}</span>', _e(i["kind"]),
            f'<a href="{_e(files.sheet(i["document_id"]))}#issues">{_e(i["document_id"])}</a>',
            _e(i["page"] or ""), _e(i["section_number"] or ""), _e(i["detail"]),
            (f'<button class="show-issue" data-document="{_e(i["document_id"])}" data-kind="{_e(i["kind"])}" '
             f'data-start="{i["char_start"]}">show</button>' if i["char_start"] is not None else ""),
        ]
        for i in data.issues
    ]  # fmt: skip
    table = _table(["Severity", "Kind", "Document", "Page", "Section", "Detail", "Where"], rows, "issues")
    listed = (
        f"<p>The {len(data.issues):,} worst of {data.issue_total:,} (errors, then warnings); every document's fact "
        "sheet lists all of its own.</p>"
    )
    return f'<section id="issues"><h2>Quality issues ({data.issue_total:,})</h2>{listed}{table}</section>'


def _data_tests_section(data: ReportData) -> str:
    tests = data.data_tests
    failed = [r for r in tests if not r.passed]
    heading = f"Data tests ({len(tests) - len(failed)} of {len(tests)} pass)"
    scope = (
        "run against this warehouse when the report was drawn"
        if data.data_tests_documents is None
        else "as the run checked them before publishing: the warehouse-wide tests, and the per-document tests on "
        f"the {data.data_tests_documents:,} document(s) it changed (the other documents' rows did not change; "
        "a failure found on them by an earlier run stands as their quality issue); "
        "<code>make report</code> runs every test on every document"
    )
    intro = (
        "<p>Each data test of <code>warehouse/schema.yml</code> is SQL that returns the rows breaking a rule "
        f"(keys, references, provenance, funding totals); {scope}. A failure about a "
        "document is also a <code>data_test_failed</code> quality issue.</p>"
    )
    failures = _table(
        ["Test", "What it checks", "Offending rows", "First of them"],
        [
            [
                f"<code>{_e(r.test.name)}</code>", _code_spans(r.test.description),
                _e("could not run") if r.error else _number(len(r.rows)),
                _e(r.error) if r.error else "<br>".join(_e(line) for line in r.sample(limit=5)),
            ]
            for r in failed
        ],
        "data-test-failures",
    )  # fmt: skip
    every = _table(
        ["Test", "What it checks", "Result"],
        [
            [
                f"<code>{_e(r.test.name)}</code>", _code_spans(r.test.description),
                '<span class="status status-ok">pass</span>' if r.passed
                else '<span class="status status-failed">fail</span>',
            ]
            for r in tests
        ],
    )  # fmt: skip
    body = failures if failed else '<p class="empty">Every data test passes.</p>'
    return (
        f'<section id="data-tests"><h2>{_e(heading)}</h2>{intro}{body}'
        f"<details><summary>Every data test ({len(tests)})</summary>{every}</details></section>"
    )


def _viewer_section(data: ReportData, files: Files) -> str:
    documents = "".join(
        f'<option value="{_e(d["document_id"])}">{_e(d["document_id"])}</option>' for d in data.documents
    )
    headers = "".join(
        f'<th data-sort="{key}" title="sort by {_e(name.lower())}">{_e(name)}</th>'
        for key, name in (("value_kind", "Kind"), ("label", "Measure / label"), ("number", "Value"),
                          ("period", "Period"), ("cluster_name", "Cluster"), ("confidence", "Confidence"),
                          ("document_id", "Document"), ("page", "Page"))
    )  # fmt: skip
    return f"""
<section id="provenance"><h2>Provenance viewer</h2>
<p>Pick a document, then a value, to see where it came from: its box on the page image (PDFs) or its passage
highlighted (text). Click a column's heading to sort by it. A document's values load when it is picked.</p>
<div class="viewer">
  <div class="picker">
    <div class="filters">
      <select id="filter-document"><option value="">every document (loads them all)</option>{documents}</select>
      <select id="filter-kind"><option value="">every kind</option></select>
      <input id="filter-text" type="search" placeholder="search values">
    </div>
    <div class="pager"><button id="page-prev" type="button">‹ previous</button>
      <span id="value-count"></span><button id="page-next" type="button">next ›</button></div>
    <table id="value-list"><thead><tr>{headers}</tr></thead><tbody></tbody></table>
  </div>
  <div id="provenance-panel"><p class="empty">No value picked yet.</p></div>
</div>
</section>"""


def _payload(data: ReportData, files: Files) -> str:
    payload: dict[str, Any] = {
        "documents": [
            {"id": d["document_id"], "data": files.data(d["document_id"]), "values": d["n_values"]}
            for d in data.documents
        ],
        "titles": {d["document_id"]: d["title"] for d in data.documents},
    }
    return embedded_json(payload)


def document_payload(sheet: DocumentSheet, files: Files) -> str:
    """A document's data file for the viewer: a script that hands its values, issues, text and pages over."""
    doc = sheet.document["document_id"]
    payload = {
        "values": [_plain(v) for v in sheet.values],
        "issues": [_plain(i) for i in sheet.issues],
        "text": sheet.text,
        "pages": {
            str(page): {"src": files.image(doc, page), "width": width, "height": height}
            for page, (width, height) in sheet.pages.items()
        },
        "labels": {str(page): list(label) for page, label in sheet.labels.items()},
    }
    return f"window.policyfactsLoaded({embedded_json(doc)}, {embedded_json(payload)});\n"


def embedded_json(payload: object) -> str:
    r"""JSON that no text can end, or comment out, the script element it is embedded in.

    Every ``<``, ``>`` and ``&`` is written as its JSON escape (``</script>`` and ``<!--`` are then
    impossible), and a value that is not a finite number is refused (``JSON.parse`` rejects
    ``NaN`` and ``Infinity``: callers pass them as null).

    >>> embedded_json({"title": "<!--<script>a & b</script>"})
    '{"title":"\\u003c!--\\u003cscript\\u003ea \\u0026 b\\u003c/script\\u003e"}'
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _plain(row: Row) -> Row:
    """A row for the page's data: numbers that are not finite (NaN, infinity) become null."""
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in row.items()}


def report_to_html(data: ReportData, files: Files, generated_at: datetime) -> str:
    """The first page; its style and script are the folder's ``report.css`` and ``report.js``."""
    title = f"policyfacts run report · {data.run['run_id']}" if data.run else "policyfacts run report"
    nav = "".join(
        f'<a href="#{a}">{t}</a>'
        for a, t in (("run", "Run"), ("documents", "Documents"), ("clusters", "Clusters"), ("plots", "Plots"),
                     ("issues", "Quality issues"), ("data-tests", "Data tests"), ("provenance", "Provenance viewer"))
    )  # fmt: skip
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><link rel="stylesheet" href="report.css"></head>
<body>
<header><h1>{_e(title)}</h1>
<p>Rendered from <code>{_e(data.warehouse)}</code> at {_e(generated_at.strftime("%Y-%m-%d %H:%M:%S UTC"))},
from the warehouse and its page images alone. <nav>{nav}</nav></p></header>
<main>
{_run_section(data)}
{_documents_section(data, files)}
{_clusters_section(data, files)}
{_plots_section(data)}
{_issues_section(data, files)}
{_data_tests_section(data)}
{_viewer_section(data, files)}
</main>
<script type="application/json" id="report-data">{_payload(data, files)}</script>
<script src="report.js"></script>
</body></html>
"""


def asset(name: str) -> str:
    """One of the report's static files (``report.css``, ``report.js``)."""
    return (resources.files("warehouse.report") / "assets" / name).read_text(encoding="utf-8")
