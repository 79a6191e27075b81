"""The curated cluster catalogue, name matching and the warehouse's cluster tables."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.catalogue.clusters import CatalogueFile, catalogue_to_rows, load_catalogue, name_to_key
from warehouse.catalogue import refresh_clusters
from warehouse.load import insert_rows


@pytest.mark.parametrize(
    ("written", "cluster_id"),
    [
        ("ICT", "ict"), ("Information & Communications Technology", "ict"),
        ("Information and Communications Technology (ICT)", "ict"), ("Screen Image & Sound", "screen-image-and-sound"),
        ("Screen and New Media", "screen-image-and-sound"), ("The Screen and New Media Cluster", "screen-image-and-sound"),
        ("net[∞] infinity", "high-value-added-consumer-products"), ("Transport Technologies – Aerospace", "aerospace"),
        ("Aerospace (including manufacturing alternative fuels)", "aerospace"),
        ("Health-tech and med-tech", "health-tech-and-med-tech"), ("Medical Technologies", "medical-technologies"),
    ],
)  # fmt: skip
def test_names_resolve_to_curated_clusters(written: str, cluster_id: str) -> None:
    assert load_catalogue().lookup(written) == cluster_id


def test_an_unknown_name_makes_a_discovered_cluster_that_joins_across_spellings() -> None:
    catalogue = load_catalogue()
    a, b = catalogue.resolve("Ceramics & Glass Cluster"), catalogue.resolve("the ceramics and glass sector")
    assert (a.cluster_id, a.origin) == ("ceramics-and-glass", "discovered")
    assert a == b


def test_then_and_now_clusters_are_related_not_aliased() -> None:
    catalogue = load_catalogue()
    assert catalogue.lookup("Health-tech and med-tech") != catalogue.lookup("Medical Technologies")
    relations = catalogue_to_rows(catalogue, [])["cluster_relations"]
    assert {
        "cluster_id": "medical-technologies", "related_cluster_id": "health-tech-and-med-tech",
        "relation": "succeeded_by", "note": "WMCA Plan for Growth cluster",
    } in relations  # fmt: skip
    assert {
        "cluster_id": "aerospace",
        "related_cluster_id": "transport-technologies",
        "relation": "part_of",
        "note": None,
    } in relations


def test_the_catalogue_refuses_a_name_given_to_two_clusters_and_dangling_relations() -> None:
    with pytest.raises(ValueError, match="unknown clusters"):
        CatalogueFile.model_validate(
            {"clusters": [{"id": "a", "name": "A", "related": [{"id": "b", "relation": "overlaps"}]}]}
        )
    from pipeline.catalogue.clusters import Catalogue

    with pytest.raises(ValueError, match="belongs to both"):
        Catalogue(
            CatalogueFile.model_validate(
                {"clusters": [{"id": "a", "name": "Rail"}, {"id": "b", "name": "The Rail Sector"}]}
            ).clusters
        )


def test_name_keys_ignore_case_punctuation_and_filler() -> None:
    assert name_to_key("The West Midlands Food & Drink Cluster") == name_to_key("food and drink") == "food and drink"


def _mention(cluster_id: str, written: str, origin: str, start: int) -> dict[str, object]:
    return {
        "cluster_id": cluster_id, "name_as_written": written, "origin": origin, "rule": "heading",
        "document_id": "d", "page": None, "char_start": start, "char_end": start + len(written),
        "source_text": written, "extractor": "clusters/heading@1", "confidence": 0.9, "run_id": "r",
    }  # fmt: skip


def test_refresh_builds_curated_discovered_and_observed_rows_idempotently(fresh_db: duckdb.DuckDBPyConnection) -> None:
    insert_rows(fresh_db, "cluster_mentions", [
        _mention("jewellery", "Jewellery", "discovered", 0),
        _mention("jewellery", "jewellery", "discovered", 20),
        _mention("jewellery", "Jewellery", "discovered", 40),
        _mention("ict", "ICT Cluster", "curated", 60),
    ])  # fmt: skip
    first = refresh_clusters(fresh_db)
    snapshot = fresh_db.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall()
    assert refresh_clusters(fresh_db) == first
    assert fresh_db.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall() == snapshot
    assert fresh_db.execute("SELECT name, origin FROM clusters WHERE cluster_id = 'jewellery'").fetchall() == [
        ("Jewellery", "discovered")
    ]
    observed = fresh_db.execute(
        "SELECT alias, origin FROM cluster_aliases WHERE cluster_id = 'ict' AND alias LIKE 'ICT%' ORDER BY alias"
    ).fetchall()
    assert observed == [("ICT", "curated"), ("ICT Cluster", "observed")]
    curated = fresh_db.execute("SELECT count(*) FROM clusters WHERE origin = 'curated'").fetchone()
    assert curated == (len(load_catalogue().clusters),)
