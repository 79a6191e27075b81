"""Fact sheets: what one plan says, and how one cluster compares across plans, each item linked to its source.

A document's sheet (``documents/dN.html``) gives its title, publisher, date and status,
the clusters it presents (with their salience), its visions, its objectives by kind,
its headline figures by measure (with period and page), its tables and its quality
issues. A cluster's sheet (``clusters/cN.html``) sets the plans that present it side
by side: their visions and their headline employment, businesses, turnover, output,
jobs and funding figures, with a plot per measure. Every item links to the viewer on
the first page, opened on that value (``index.html#document=…&value=…``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime

from warehouse.report.data import CLUSTER_MEASURES, ClusterSheet, DocumentSheet, Row
from warehouse.report.render import (
    Bar,
    Files,
    _e,
    _number,
    _table,
    bars_to_svg,
    figure_text,
    human_number,
    viewer_link,
)

_SALIENCE = {"subject": "the plan's subject", "presented": "presented", "passing": "mentioned in passing"}


def _page(sheet: DocumentSheet, row: Row) -> str:
    """The page as a reader cites it: ``16 (printed 14)``."""
    page = row.get("page")
    if page is None:
        return ""
    label = sheet.labels.get(page)
    if not label:
        return str(page)
    left, right, width = label
    x0 = row.get("bbox_x0")
    printed = right if right is not None and x0 is not None and x0 >= width / 2 else left
    return f"{page} (printed {printed})" if printed is not None else str(page)


def _source(document_id: str, row: Row, text: str) -> str:
    return f'<a class="prov" href="{_e(viewer_link(document_id, row["value_id"]))}">{_e(text)}</a>'


def _frame(title: str, body: str, generated_at: datetime, crumbs: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><link rel="stylesheet" href="../report.css"></head>
<body class="sheet">
<header><p class="crumbs"><a href="../index.html">Run report</a> › {crumbs}</p><h1>{_e(title)}</h1>
<p>Drawn from the warehouse at {_e(generated_at.strftime("%Y-%m-%d %H:%M UTC"))}. Every item links to where it
sits in its document.</p></header>
<main>{body}</main>
</body></html>
"""


def _section(anchor: str, heading: str, body: str, empty: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(heading)}</h2>{body or f"<p class=empty>{_e(empty)}</p>"}</section>'


def _objective(sheet: DocumentSheet, o: Row) -> str:
    about = [
        f"by {o['actor']}" if o["actor"] else "",
        o["cluster_name"] or "",
        f"page {_page(sheet, o)}" if o["page"] else "",
    ]
    item = _source(sheet.document["document_id"], o, o["text"])
    return f"<li>{item}<br><small>{_e(' · '.join(a for a in about if a))}</small></li>"


def document_sheet_to_html(sheet: DocumentSheet, files: Files, generated_at: datetime) -> str:
    d = sheet.document
    doc = d["document_id"]
    facts = [
        ("Document", doc), ("Publisher", d["publisher"] or "—"), ("Date", d["published_date"] or "—"),
        ("Status", d["status"] + (" (withdrawn)" if d["withdrawn_at"] is not None else "")),
        ("Type", d["media_type"]), ("Pages", d["page_count"] or "—"), ("File", d["source_path"]),
    ]  # fmt: skip
    head = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    if d["error"]:
        head += f"<dt>Error</dt><dd>{_e(d['error'])}</dd>"

    clusters = _table(
        ["Cluster", "How the plan treats it", "Vision", "Objectives", "Figures"],
        [
            [
                f'<a href="../{_e(files.cluster_sheet(c["cluster_id"]))}">{_e(c["cluster_name"])}</a>',
                _e(_SALIENCE.get(c["salience"], c["salience"] or "")),
                _source(doc, {"value_id": c["vision_id"]}, _shortened(c["vision"])) if c["vision_id"] else "—",
                _number(c["objectives"]), _number(c["figures"]),
            ]
            for c in sheet.clusters
        ],
        "sheet-clusters",
    ) if sheet.clusters else ""  # fmt: skip

    visions = "".join(
        f"<li>{_source(doc, v, v['text'])}<br><small>{_e(v['frame'] or 'vision')}"
        f"{' of ' + _e(v['cluster_name']) if v['cluster_name'] else ''}"
        f"{' · ' + _e(v['owner']) if v['owner'] and v['owner'] != 'plan' else ''}"
        f"{' · page ' + _e(_page(sheet, v)) if v['page'] else ''}</small></li>"
        for v in sheet.visions
    )

    by_kind: dict[str, list[Row]] = defaultdict(list)
    for o in sheet.objectives:
        by_kind[o["list_kind"]].append(o)
    objectives = "".join(
        f"<h3>{_e(kind.replace('_', ' ').capitalize())}s ({len(rows)})</h3><ol>"
        + "".join(_objective(sheet, o) for o in rows)
        + "</ol>"
        for kind, rows in by_kind.items()
    )

    by_measure: dict[str, list[Row]] = defaultdict(list)
    for f in sheet.figures:
        by_measure[f["measure"]].append(f)
    order = sorted(by_measure, key=lambda m: (m not in CLUSTER_MEASURES, -len(by_measure[m]), m))
    figures = _table(
        ["Measure", "Value", "What it counts", "Period", "Place", "Cluster", "Page", "As printed"],
        [
            [
                _e(f["measure"]), f"<b>{_source(doc, f, figure_text(f))}</b>"
                + (' <span class="flag">' + _e(f["quality"]) + "</span>" if f["quality"] != "ok" else ""),
                _e(f["subject"] or ""), _e(f["period"] or ""), _e(f["place"] or ""), _e(f["cluster_name"] or ""),
                _e(_page(sheet, f)),
                f"<small>{_e(f['source_text'])}</small>",
            ]
            for m in order
            for f in by_measure[m]
        ],
        "sheet-figures",
    ) if sheet.figures else ""  # fmt: skip

    tables = _table(
        ["Table", "Unit", "Periods", "Rows × columns", "Page", "Why it is a table"],
        [
            [
                _source(doc, t, t["title"] or "(no title)"), _e(t["unit"] or ""),
                _e(", ".join(t["periods"] or []) if isinstance(t["periods"], list) else t["periods"] or ""),
                f"{t['n_rows']} × {t['n_cols']}", _e(_page(sheet, t)), _e(t["kind"] or ""),
            ]
            for t in sheet.tables
        ],
        "sheet-tables",
    ) if sheet.tables else ""  # fmt: skip

    issues = _table(
        ["Severity", "Kind", "Page", "Section", "Detail"],
        [
            [
                f'<span class="sev sev-{_e(i["severity"])}">{_e(i["severity"])}</span>',
                (f'<a class="prov" href="{_e(viewer_link(doc, issue=n))}">{_e(i["kind"])}</a>'
                 if i["char_start"] is not None else _e(i["kind"])),
                _e(_page(sheet, i)), _e(i["section_number"] or ""), _e(i["detail"]),
            ]
            for n, i in enumerate(sheet.issues)
        ],
        "issues",
    ) if sheet.issues else ""  # fmt: skip

    body = (
        f'<section id="about"><dl class="facts">{head}</dl></section>'
        + _section("clusters", f"Clusters ({len(sheet.clusters)})", clusters, "It presents no cluster.")
        + _section("visions", f"Visions ({len(sheet.visions)})", f"<ul>{visions}</ul>" if visions else "",
                   "No vision was found in it.")
        + _section("objectives", f"Objectives ({len(sheet.objectives)})", objectives,
                   "No objectives were found in it.")
        + _section("figures", "Headline figures", figures, "No figures were found in it.")
        + _section("tables", f"Tables ({len(sheet.tables)})", tables, "No tables were found in it.")
        + _section("issues", f"Quality issues ({len(sheet.issues)})", issues, "No quality issues.")
    )  # fmt: skip
    return _frame(d["title"] or doc, body, generated_at, _e(doc))


def _measure_bars(sheet: ClusterSheet, measure: str) -> list[Bar]:
    bars = []
    for p in sheet.profiles:
        low, high = p.get(f"{measure}_low"), p.get(f"{measure}_high")
        if low is None:
            continue
        label = f"{p['document_title'] or p['document_id']} ({p['published_date'] or 'undated'})"
        segments: tuple[tuple[str, float], ...] = (("as stated", float(low)),)
        if high is not None and high > low:
            segments += (("top of the range", float(high) - float(low)),)
        bars.append(Bar(label, segments))
    return bars


def _counts_as(figure: Row, measure: str) -> bool:
    """Whether a figure is the profile's ``measure``: ``cluster_profiles`` counts GVA as output."""
    return figure["measure"] == measure or (measure == "output" and figure["measure"] == "gva")


def _headline(sheet: ClusterSheet, profile: Row, measure: str) -> str:
    for fid in profile["headline_figure_ids"] or []:
        figure = sheet.figures.get((profile["document_id"], fid))
        if figure and _counts_as(figure, measure):
            period = f" <small>({_e(figure['period'])})</small>" if figure["period"] else ""
            link = viewer_link(figure["document_id"], fid)
            return f'<a class="prov" href="{_e(link)}">{_e(figure_text(figure))}</a>{period}'
    return ""


def cluster_sheet_to_html(sheet: ClusterSheet, files: Files, generated_at: datetime) -> str:
    name = str(sheet.cluster.get("name") or sheet.cluster["cluster_id"])
    measures = [m for m in CLUSTER_MEASURES if any(p.get(f"{m}_low") is not None for p in sheet.profiles)]
    plans = _table(
        ["Plan", "Date", "How it treats the cluster", "Vision", *(m.capitalize() for m in measures)],
        [
            [
                f'<a href="../{_e(files.sheet(p["document_id"]))}">{_e(p["document_title"] or p["document_id"])}</a>',
                _e(p["published_date"] or ""), _e(_SALIENCE.get(p["salience"], p["salience"] or "")),
                (f'<a class="prov" href="{_e(viewer_link(p["document_id"], p["vision_id"]))}">'
                 f'{_e(_shortened(p["vision"]))}</a>' if p["vision_id"] else "—"),
                *(_headline(sheet, p, m) for m in measures),
            ]
            for p in sheet.profiles
        ],
        "sheet-plans",
    )  # fmt: skip
    plots = "".join(
        f"<figure>{_measure_plot(sheet, m, bars)}</figure>" for m in measures if (bars := _measure_bars(sheet, m))
    )
    about = " · ".join(
        _e(v) for v in (sheet.cluster.get("kind"), sheet.cluster.get("origin"), sheet.cluster.get("note")) if v
    )
    body = (
        f'<section id="about"><p>{about + ". " if about else ""}'
        f"{len(sheet.profiles)} document(s) name it, listed oldest first.</p></section>"
        + _section("plans", "The plans side by side", plans, "")
        + _section("compare", "How the figures compare", f'<div class="plots">{plots}</div>' if plots else "",
                   "None of the plans gives an employment, businesses, output or funding figure for it.")
    )  # fmt: skip
    return _frame(name, body, generated_at, "cluster")


def _measure_plot(sheet: ClusterSheet, measure: str, bars: list[Bar]) -> str:
    unit = _unit(sheet, measure)
    return bars_to_svg(bars, f"{measure.capitalize()} by plan (oldest first)", unit, formatter=_human(unit))


def _shortened(text: str | None, limit: int = 240) -> str:
    """A vision as the table shows it: the first one (the view joins them with ' / '), cut at a word."""
    first = (text or "").split(" / ")[0]
    more = " (and more)" if " / " in (text or "") else ""
    if len(first) <= limit:
        return first + more
    return first[:limit].rsplit(" ", 1)[0] + "…" + more


def _human(unit: str) -> Callable[[float], str]:
    return lambda value: human_number(value, unit or None)


def _unit(sheet: ClusterSheet, measure: str) -> str:
    units: Sequence[str] = [f["unit"] for f in sheet.figures.values() if _counts_as(f, measure) and f["unit"]]
    return units[0] if units else ""
