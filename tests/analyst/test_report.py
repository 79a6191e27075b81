"""The run report: written by every ingest from the warehouse alone, and its provenance viewer in a real browser.

The browser is Debian's Chromium (``make setup`` installs it where it can), driven
headless by Playwright on the report's file. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from analyst.conftest import BRIEF
from support import AWM, ROOT, prefect_harness, query

from warehouse.pages import store_path
from warehouse.report import report_dir, write_report
from warehouse.report.render import Files

ARTIFACTS = Path(os.environ.get("POLICYFACTS_ARTIFACTS", ROOT / "tests" / "artifacts"))
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.slow


def chromium() -> str:
    """Debian's Chromium; skipped where it is absent, unless the run requires it (CI sets POLICYFACTS_REQUIRE_BROWSER)."""
    path = os.environ.get("POLICYFACTS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("POLICYFACTS_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required for this run but is not installed (make setup installs Debian's chromium)")
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium; make setup does it as root)")


@pytest.fixture(scope="module")
def report(analyst_warehouse: Path) -> Path:
    return report_dir(analyst_warehouse) / "index.html"


def embedded(report: Path) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', report.read_text(), re.S)
    assert match
    data: dict[str, object] = json.loads(match.group(1))
    return data


def test_every_ingest_writes_the_report_beside_the_warehouse(analyst_warehouse: Path, report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    latest = query(analyst_warehouse, "SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1")[0][0]
    assert latest in text
    for (document_id,) in query(analyst_warehouse, "SELECT document_id FROM documents"):
        assert document_id in text
    for table, count in query(analyst_warehouse, "SELECT 'figures', count(*) FROM figures"):
        assert f"<code>{table}</code></td><td>{count:,}</td>" in text
    # the data tests are the run's own (the second run changed one document), not run again for the report
    assert "as the run checked them before publishing" in text and "on the 1 document(s) it changed" in text


def document_data(report: Path) -> dict[str, dict[str, object]]:
    """Every document's data file for the viewer, by document id."""
    out = {}
    for path in sorted((report.parent / "data").glob("*.js")):
        match = re.fullmatch(r"window\.policyfactsLoaded\((.*?), (.*)\);\n", path.read_text(encoding="utf-8"), re.S)
        assert match, path
        out[json.loads(match.group(1))] = json.loads(match.group(2))
    return out


def test_the_report_holds_every_value_and_the_pages_they_sit_on(analyst_warehouse: Path, report: Path) -> None:
    data = document_data(report)
    assert set(data) == {d for (d,) in query(analyst_warehouse, "SELECT document_id FROM documents")}
    values = [v for doc in data.values() for v in doc["values"]]  # type: ignore[attr-defined]
    (expected,) = query(
        analyst_warehouse, "SELECT (SELECT count(*) FROM extracted_values) + (SELECT count(*) FROM tables)"
    )[0]
    assert len(values) == expected
    pages = data[BRIEF]["pages"]
    assert isinstance(pages, dict) and set(pages) == {"1", "2"}
    for page in pages.values():
        image = report.parent / page["src"]
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # the first page holds no value and no document's text: they load with the document picked
    index = embedded(report)
    assert set(index) == {"documents", "titles"}
    assert sorted(d["data"] for d in index["documents"]) == sorted(  # type: ignore[attr-defined]
        f"data/{p.name}" for p in (report.parent / "data").iterdir()
    )


def copy_warehouse(warehouse: Path, copy: Path) -> None:
    """A copy of the warehouse's file and of its page images (files beside it, named by their content)."""
    shutil.copy(warehouse, copy)
    shutil.copytree(store_path(warehouse), store_path(copy))


def test_a_document_whose_page_images_are_missing_is_drawn_again_once_they_are_there(
    analyst_warehouse: Path, tmp_path: Path
) -> None:
    copy, out = tmp_path / "copy.duckdb", tmp_path / "report"
    shutil.copy(analyst_warehouse, copy)  # without its page images
    write_report(copy, out)
    assert not list((out / "pages").iterdir())
    recorded = json.loads((out / ".sheets.json").read_text())["documents"]
    assert len(recorded) == 5, "the PDF's sheet is not recorded as whole: nothing keeps it"
    shutil.copytree(store_path(analyst_warehouse), store_path(copy))
    write_report(copy, out)
    assert json.loads((out / ".sheets.json").read_text())["drawn"] == 1
    assert len(list((out / "pages").iterdir())) == 2


def test_the_report_needs_nothing_but_the_warehouse_and_its_page_images(
    analyst_warehouse: Path, tmp_path: Path
) -> None:
    """Drawn again from a copy of the warehouse alone (no sources, no parse), it says the same things."""
    copy = tmp_path / "only.duckdb"
    copy_warehouse(analyst_warehouse, copy)
    index = write_report(copy, tmp_path / "out")
    assert document_data(index) == document_data(report_dir(analyst_warehouse) / "index.html")
    assert len(list((tmp_path / "out" / "pages").iterdir())) == 2
    assert len(list((tmp_path / "out" / "documents").iterdir())) == 6


@pytest.mark.parametrize("drawn_again", [1, 3])
def test_the_kept_page_images_join_the_new_report_whichever_way_is_fewer_file_operations(
    tmp_path: Path, drawn_again: int
) -> None:
    """One document of four drawn again: the previous folder of images is carried over with one rename, its stale
    images removed and the new ones moved in; three of four: the one kept is linked into the new folder."""
    from warehouse.report import _carry_pages

    ids = ["a", "b", "c", "d"]
    files = Files(documents={d: f"d-{d}" for d in ids}, clusters={})
    old, out = tmp_path / "old", tmp_path / "out"
    (old / "pages").mkdir(parents=True)
    (out / "pages").mkdir(parents=True)
    for d in ids:
        for page in (1, 2):
            (old / files.image(d, page)).write_text(f"old {d}{page}")
    redrawn, kept = ids[:drawn_again], ids[drawn_again:]
    for d in redrawn:
        for page in (1, 2):
            (out / files.image(d, page)).write_text(f"new {d}{page}")
    inodes = {d: (old / files.image(d, 1)).stat().st_ino for d in kept}
    _carry_pages(old, out, files, kept)
    pages = {p.name: p.read_text() for p in (out / "pages").iterdir()}
    assert pages == {
        **{f"d-{d}-p{n}.png": f"new {d}{n}" for d in redrawn for n in (1, 2)},
        **{f"d-{d}-p{n}.png": f"old {d}{n}" for d in kept for n in (1, 2)},
    }
    assert {d: (out / files.image(d, 1)).stat().st_ino for d in kept} == inodes  # moved or linked, not copied
    assert (old / "pages").exists() == (drawn_again == 3)  # carried over whole only when few were drawn again


def test_a_drawing_stopped_before_its_page_images_are_in_place_is_drawn_whole_next_time(
    analyst_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept documents' page images join a redrawn report after it is swapped in (one rename of their folder);
    a drawing stopped there records nothing to keep by, so the next one draws every document and every image."""
    import duckdb

    from warehouse import report

    copy, out = tmp_path / "copy.duckdb", tmp_path / "report"
    copy_warehouse(analyst_warehouse, copy)
    write_report(copy, out)
    images = sorted(p.name for p in (out / "pages").iterdir())
    con = duckdb.connect(str(copy))
    con.execute("UPDATE documents SET loaded_at = loaded_at + INTERVAL 1 SECOND WHERE document_id = ?", [BRIEF])
    con.close()

    def killed(*args: object) -> None:
        raise KeyboardInterrupt  # as a run stopped between the swap and the images' move

    monkeypatch.setattr(report, "_carry_pages", killed)
    with pytest.raises(KeyboardInterrupt):
        write_report(copy, out)
    assert not (out / ".sheets.json").exists() and not (out / ".drawn-from").exists()
    monkeypatch.undo()
    write_report(copy, out)
    sheets = json.loads((out / ".sheets.json").read_text())
    assert (sheets["drawn"], sheets["kept"]) == (6, 0)
    assert sorted(p.name for p in (out / "pages").iterdir()) == images
    assert not list(tmp_path.glob(".report.*"))  # nothing of the stopped drawing is left beside it


def test_a_report_drawn_again_draws_only_the_documents_that_changed(analyst_warehouse: Path, tmp_path: Path) -> None:
    import duckdb

    copy, out = tmp_path / "copy.duckdb", tmp_path / "report"
    copy_warehouse(analyst_warehouse, copy)

    def drawn() -> tuple[int, int]:
        sheets = json.loads((out / ".sheets.json").read_text())
        return sheets["drawn"], sheets["kept"]

    def inodes() -> dict[str, int]:
        return {str(p.relative_to(out)): p.stat().st_ino for p in out.rglob("*") if p.is_file()}

    write_report(copy, out)
    assert drawn() == (6, 0)
    first = inodes()
    write_report(copy, out)
    assert drawn() == (0, 6)  # nothing changed: every document's files kept, linked
    kept = inodes()
    assert {k: v for k, v in kept.items() if k.startswith(("data/", "documents/", "pages/"))} == {
        k: v for k, v in first.items() if k.startswith(("data/", "documents/", "pages/"))
    }
    con = duckdb.connect(str(copy))
    con.execute("UPDATE documents SET loaded_at = loaded_at + INTERVAL 1 SECOND WHERE document_id = ?", [BRIEF])
    con.close()
    index = write_report(copy, out)
    assert drawn() == (1, 5)
    again = inodes()
    brief = Files.of([BRIEF], []).documents[BRIEF]
    changed = {k for k in again if again[k] != kept.get(k) and k.startswith(("data/", "documents/", "pages/"))}
    assert changed == {f"data/{brief}.js", f"documents/{brief}.html"}  # its pages link the same stored images again
    store = {p.stat().st_ino for p in store_path(copy).rglob("*.png")}
    assert {again[f"pages/{brief}-p{n}.png"] for n in (1, 2)} <= store
    # what is kept is what drawing it all again would give
    fresh = write_report(copy, tmp_path / "fresh")
    assert document_data(index) == document_data(fresh)
    # a quality issue added to one document (as the cross-document checks do on any run) redraws it alone
    con = duckdb.connect(str(copy))
    con.execute(
        "INSERT INTO quality_issues (kind, severity, detail, document_id, extractor, confidence, run_id)"
        " SELECT 'test_issue', 'info', 'added by the test', document_id, 'tests', 1.0, run_id FROM documents"
        " WHERE document_id = ?",
        [AWM],
    )
    con.close()
    write_report(copy, out)
    assert drawn() == (1, 5)
    # a file of the previous report that went missing is drawn again, not linked
    (out / f"data/{brief}.js").unlink()
    write_report(copy, out)
    assert drawn() == (1, 5) and (out / f"data/{brief}.js").is_file()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def test_clicking_a_value_draws_its_box_on_the_page(browser, report: Path, analyst_warehouse: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())

    page.select_option("#filter-document", BRIEF)
    page.select_option("#filter-kind", "figure")
    row = page.locator("#value-list tbody tr", has_text="employment").first
    row.click()
    box = page.locator("#prov-box")
    box.wait_for(state="visible")
    image = page.locator("#page-image")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("#provenance").screenshot(path=str(ARTIFACTS / "report-pdf-value.png"))

    # the box is where the warehouse says the value is, scaled from points to the image on screen
    ((figure_id, x0, top, x1, bottom, width, height),) = query(
        analyst_warehouse,
        "SELECT f.figure_id, f.bbox_x0, f.bbox_top, f.bbox_x1, f.bbox_bottom, p.width, p.height FROM figures f"
        " JOIN pages p ON p.document_id = f.document_id AND p.page = f.page"
        " WHERE f.document_id = ? AND f.measure = 'employment'",
        [BRIEF],
    )
    drawn, shown = box.bounding_box(), image.bounding_box()
    assert drawn and shown and drawn["width"] > 0 and drawn["height"] > 0
    scale = shown["width"] / width
    assert drawn["x"] - shown["x"] == pytest.approx(x0 * scale, abs=2)
    assert drawn["y"] - shown["y"] == pytest.approx(top * scale, abs=2)
    assert drawn["width"] == pytest.approx((x1 - x0) * scale, abs=2)
    assert drawn["height"] == pytest.approx((bottom - top) * scale, abs=2)
    assert shown["height"] == pytest.approx(height * scale, abs=2)
    assert "25,000" in (page.text_content("#provenance-panel") or "")
    assert page.url.endswith(f"#document={BRIEF}&value={figure_id}")  # a link that opens this value again
    assert errors == []


def test_clicking_a_text_value_highlights_its_passage(browser, report: Path, analyst_warehouse: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(report.as_uri())
    page.select_option("#filter-document", AWM)
    page.select_option("#filter-kind", "vision")
    page.locator("#value-list tbody tr").first.click()
    mark = page.locator("#prov-mark")
    mark.wait_for(state="visible")
    first_vision = query(
        analyst_warehouse, "SELECT source_text FROM visions WHERE document_id = ? ORDER BY char_start LIMIT 1", [AWM]
    )[0][0]
    assert mark.text_content() == first_vision
    assert page.locator("#prov-box").count() == 0  # a text source has no page to draw on
    page.locator("#provenance").screenshot(path=str(ARTIFACTS / "report-text-value.png"))

    # a quality issue's "show" button opens its passage: the garbled section 1.5
    page.locator("tr", has_text="garbled_text").locator("button.show-issue").click()
    mark.wait_for(state="visible")
    garbled = query(
        analyst_warehouse,
        "SELECT source_text FROM quality_issues WHERE document_id = ? AND kind = 'garbled_text'",
        [AWM],
    )[0][0]
    assert mark.text_content() == garbled


def test_a_link_to_a_value_opens_it(browser, report: Path, analyst_warehouse: Path) -> None:  # type: ignore[no-untyped-def]
    figure_id, source_text = query(
        analyst_warehouse,
        "SELECT figure_id, source_text FROM figures WHERE document_id = ? AND measure = 'funding'",
        [BRIEF],
    )[0]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{report.as_uri()}#value={figure_id}")
    page.locator("#prov-box").wait_for(state="visible")
    assert source_text in (page.text_content("#provenance-panel") or "")


def _box_matches(page, figure: tuple[float, float, float, float, float]) -> None:  # type: ignore[no-untyped-def]
    """The drawn box is where the warehouse says the figure is, scaled from points to the image on screen."""
    x0, top, x1, bottom, width = figure
    box, image = page.locator("#prov-box"), page.locator("#page-image")
    box.wait_for(state="visible")
    page.wait_for_function("() => document.getElementById('page-image').complete")
    drawn, shown = box.bounding_box(), image.bounding_box()
    scale = shown["width"] / width
    assert drawn["x"] - shown["x"] == pytest.approx(x0 * scale, abs=2)
    assert drawn["y"] - shown["y"] == pytest.approx(top * scale, abs=2)
    assert drawn["width"] == pytest.approx((x1 - x0) * scale, abs=2)
    assert drawn["height"] == pytest.approx((bottom - top) * scale, abs=2)


def test_a_documents_fact_sheet_leads_to_a_figures_box_on_its_page(  # type: ignore[no-untyped-def]
    browser, report: Path, analyst_warehouse: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())
    page.locator("#documents a.sheet-link", has_text=BRIEF).click()
    page.wait_for_url("**/documents/*.html")
    assert page.locator("h1").text_content() == "Aerospace Cluster Brief 2024"
    sheet = page.text_content("main") or ""
    for heading in ("Clusters", "Visions", "Objectives", "Headline figures", "Tables", "Quality issues"):
        assert heading in sheet
    assert "Aerospace" in (page.text_content("#clusters") or "")
    vision = query(analyst_warehouse, "SELECT text FROM visions WHERE document_id = ?", [BRIEF])[0][0]
    assert vision in (page.text_content("#visions") or "")
    figures = page.locator("#figures tbody tr")
    assert figures.filter(has_text="employment").locator("a.prov").text_content() == "25,000 people"
    assert figures.filter(has_text="funding").first.locator("a.prov").text_content() == "£12m"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-document-sheet.png"), full_page=True)

    figures.filter(has_text="employment").locator("a.prov").click()
    page.wait_for_url("**/index.html#document=*")
    ((figure_id, *where),) = query(
        analyst_warehouse,
        "SELECT f.figure_id, f.bbox_x0, f.bbox_top, f.bbox_x1, f.bbox_bottom, p.width FROM figures f"
        " JOIN pages p USING (document_id, page) WHERE f.document_id = ? AND f.measure = 'employment'",
        [BRIEF],
    )
    _box_matches(page, tuple(where))
    linked = page.locator("#value-list tr.linked")
    assert linked.count() == 1 and linked.get_attribute("data-value") == figure_id  # highlighted in the list
    assert "25,000 people" in (linked.text_content() or "")
    page.locator("#provenance").screenshot(path=str(ARTIFACTS / "report-document-sheet-figure.png"))
    assert errors == []


def test_a_cluster_sheet_compares_two_plans_and_leads_to_each_figure(  # type: ignore[no-untyped-def]
    browser, report: Path, analyst_warehouse: Path
) -> None:
    plans = query(
        analyst_warehouse,
        "SELECT document_id, employment_low FROM cluster_profiles WHERE cluster_id = 'aerospace'"
        " AND employment_low IS NOT NULL ORDER BY document_id",
    )
    assert len(plans) == 2  # the 2005 plans and the 2024 brief
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report.as_uri())
    page.locator("#clusters a.sheet-link", has_text="Aerospace").click()
    page.wait_for_url("**/clusters/*.html")
    plot = page.locator("svg.chart", has=page.locator("text", has_text="Employment by plan"))
    assert plot.locator("rect").count() >= 2
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-cluster-sheet.png"), full_page=True)
    sheet = page.url
    for document_id, employment in plans:
        title = query(analyst_warehouse, "SELECT title FROM documents WHERE document_id = ?", [document_id])[0][0]
        row = page.locator("#plans tbody tr", has_text=title)
        link = row.locator("a.prov", has_text=f"{employment:,.0f}")
        link.click()
        page.wait_for_url("**/index.html#document=*")
        linked = page.locator("#value-list tr.linked")
        linked.wait_for()
        assert linked.get_attribute("data-document") == document_id
        panel = page.locator("#provenance-panel")
        assert f"{employment:,.0f}" in (panel.text_content() or "")
        page.locator("#prov-box, #prov-mark").first.wait_for(state="visible")
        page.locator("#provenance").screenshot(path=str(ARTIFACTS / f"report-cluster-sheet-{document_id}.png"))
        page.goto(sheet)
    assert errors == []


def test_the_list_sorts_and_pages_over_every_value(browser, report: Path, analyst_warehouse: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(report.as_uri())
    page.select_option("#filter-document", "")
    (total,) = query(
        analyst_warehouse, "SELECT (SELECT count(*) FROM extracted_values) + (SELECT count(*) FROM tables)"
    )[0]
    count = page.locator("#value-count")
    count.filter(has_text=f"of {total:,}").wait_for()
    assert total > 100 and count.text_content() == f"values 1–100 of {total:,}"
    page.click("#page-next")
    assert count.text_content() == f"values 101–{min(200, total)} of {total:,}"
    page.select_option("#filter-kind", "figure")
    page.click("#value-list th[data-sort=number]")
    page.click("#value-list th[data-sort=number]")  # again: the largest first
    top = page.locator("#value-list tbody tr").first
    (largest,) = query(analyst_warehouse, "SELECT max(coalesce(value, value_low)) FROM figures")[0]
    assert top.get_attribute("data-kind") == "figure"
    (figure_id,) = query(
        analyst_warehouse, "SELECT figure_id FROM figures WHERE coalesce(value, value_low) = ? LIMIT 1", [largest]
    )[0]
    ids = page.locator("#value-list tbody tr").evaluate_all("rows => rows.map(r => r.dataset.value)")
    assert figure_id in ids[:3]


HOSTILE_TITLE = "</script><!--<script>window.__pwned = 1//"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A warehouse whose titles and values try to end or comment out the report's data block, and a number
    too large to be a figure: the report drawn from it."""
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("hostile-report")
    sources = root / "sources"
    sources.mkdir()
    (sources / "manifest.yml").write_text(
        f"documents:\n  - file: plan.md\n    title: {json.dumps(HOSTILE_TITLE)}\n", encoding="utf-8"
    )
    (sources / "plan.md").write_text(
        "# <!--<script>alert(1)</script>\n\nThe cluster employs 5,000 people in 310 businesses.\n\n"
        "Funding of </script> £12 million is committed for 2024-25. The fund is £" + "9" * 340 + "bn.\n",
        encoding="utf-8",
    )
    (sources / "other.txt").write_text("Other plan\n\nThe cluster employs 700 people.\n", encoding="utf-8")
    warehouse = root / "policy.duckdb"
    with prefect_harness():
        assert ingest(sources=str(sources), warehouse=str(warehouse)).status == "ok"
    return warehouse, report_dir(warehouse) / "index.html"


def test_hostile_titles_and_values_cannot_empty_the_viewer(browser, hostile_report: tuple[Path, Path]) -> None:  # type: ignore[no-untyped-def]
    warehouse, report = hostile_report
    data = embedded(report)
    assert data["titles"] == {"plan": HOSTILE_TITLE, "other": "Other plan"}  # kept as written, escaped in the page
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(report.as_uri())
    page.select_option("#filter-document", "")  # every document
    expected = query(warehouse, "SELECT count(*) FROM extracted_values")[0][0]
    page.locator("#value-count", has_text=f"of {expected}").wait_for()
    rows = page.locator("#value-list tbody tr")
    assert 3 <= expected <= 100 and rows.count() == expected  # the viewer lists every value
    page.locator("#documents a.sheet-link", has_text="plan").click()  # its fact sheet
    page.wait_for_url("**/documents/*.html")
    assert page.locator("h1").text_content() == HOSTILE_TITLE
    assert errors == [] and dialogs == [] and page.evaluate("window.__pwned === undefined")
