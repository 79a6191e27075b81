"""The canonical cluster list: the curated catalogue in ``pipeline/catalogue/data/clusters.yml`` and name matching.

A name as a document writes it (``Information & Communications Technology
(ICT)``, ``the Screen and New Media Cluster``) is reduced to a *key* by
:func:`name_to_key`; the catalogue maps keys of every canonical name and alias
to a cluster id. A name that matches nothing becomes a *discovered* cluster
whose id is the slug of its key, so the same new name in two documents joins.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, model_validator

from pipeline.catalogue import CATALOGUE_PATH
from pipeline.catalogue.gazetteer import place_names
from pipeline.language.patterns import names_in_text

Relation = Literal["succeeded_by", "overlaps"]


class RelatedCluster(BaseModel):
    id: str
    relation: Relation
    note: str | None = None


class CuratedCluster(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name: str
    kind: Literal["cluster", "group"] = "cluster"
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    related: list[RelatedCluster] = Field(default_factory=list)
    note: str | None = None


class CatalogueFile(BaseModel):
    clusters: list[CuratedCluster]

    @model_validator(mode="after")
    def _consistent(self) -> CatalogueFile:
        ids = [c.id for c in self.clusters]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"cluster ids listed twice: {sorted(duplicates)}")
        known = set(ids)
        for c in self.clusters:
            dangling = [r.id for r in c.related if r.id not in known] + (
                [c.parent] if c.parent not in known | {None} else []
            )
            if dangling:
                raise ValueError(f"cluster {c.id} refers to unknown clusters {dangling}")
        return self


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A name resolved to a cluster: ``origin`` is ``curated`` or ``discovered``."""

    cluster_id: str
    key: str
    origin: str


@dataclass(slots=True)
class Catalogue:
    """Curated clusters and the key → cluster id index of all their names."""

    clusters: list[CuratedCluster]
    by_key: dict[str, str] = field(default_factory=dict)
    by_id: dict[str, CuratedCluster] = field(default_factory=dict)
    _names: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        self.by_id = {c.id: c for c in self.clusters}
        for c in self.clusters:
            for name in (c.name, *c.aliases):
                key = name_to_key(name)
                owner = self.by_key.setdefault(key, c.id)
                if owner != c.id:
                    raise ValueError(f"the name {name!r} belongs to both {owner} and {c.id}")

    def lookup(self, name: str) -> str | None:
        """The curated cluster a name denotes, or None."""
        return self.by_key.get(name_to_key(name))

    def resolve(self, name: str) -> NameMatch:
        """The cluster a name denotes, curated or discovered (a new id from the name)."""
        key = name_to_key(name)
        curated = self.by_key.get(key)
        if curated is not None:
            return NameMatch(curated, key, "curated")
        return NameMatch(key_to_cluster_id(key), key, "discovered")

    def names_pattern(self) -> re.Pattern[str]:
        """A pattern finding any curated name or alias in running text (see :func:`patterns.names_in_text`)."""
        if self._names is None:
            self._names = names_in_text(tuple(n for c in self.clusters for n in (c.name, *c.aliases)))
        return self._names

    def parent_of(self, cluster_id: str) -> str | None:
        """The cluster a curated cluster is part of (``early-years`` → ``education``), or None."""
        c = self.by_id.get(cluster_id)
        return c.parent if c is not None else None

    def is_group(self, cluster_id: str) -> bool:
        c = self.by_id.get(cluster_id)
        return c is not None and c.kind == "group"


@cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    """The curated catalogue (validated; read once per process)."""
    parsed = CatalogueFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    return Catalogue(parsed.clusters)


_LEADING = re.compile(r"^(?:the|our|a|an|regional|region'?s|national)\s+")


@cache
def _leading_place() -> re.Pattern[str]:
    """A place name of the gazetteer (``West Midlands``, ``UK's``) at the start of a cluster's name."""
    return re.compile(r"^(?:" + "|".join(re.escape(n) for n in place_names()) + r")(?:'s)?\s+")


_TRAILING = re.compile(r"\s+(?:clusters?|sectors?|sector deal|cluster plan|cluster group|industries sector)$")
_PARENTHESES = re.compile(r"\s*\((?:including|incl\.?|inc\.?)?[^()]*\)\s*")


def name_to_key(name: str) -> str:
    """The matching key of a cluster name: lower case, ``&`` = ``and``, no punctuation or filler.

    >>> name_to_key("Information & Communications Technology (ICT)")
    'information and communications technology'
    >>> name_to_key("The Screen and New Media Cluster")
    'screen and new media'
    >>> name_to_key("net[∞] infinity")
    'net infinity'
    >>> name_to_key("Health-tech and med-tech")
    'health tech and med tech'
    >>> name_to_key("Aerospace (including manufacturing alternative fuels)")
    'aerospace'
    """
    text = unicodedata.normalize("NFKC", name).lower().replace("’", "'")
    text = _PARENTHESES.sub(" ", text)
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w' ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" '")
    for _ in range(2):
        text = _LEADING.sub("", text)
        text = _leading_place().sub("", text)
        text = _TRAILING.sub("", text)
    return text.strip()


def key_to_cluster_id(key: str) -> str:
    """A cluster id for a discovered name: the slug of its key.

    >>> key_to_cluster_id("logistics and distribution")
    'logistics-and-distribution'
    """
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-") or "unnamed"


def catalogue_to_rows(
    catalogue: Catalogue, observed: list[tuple[str, str, str]]
) -> dict[str, list[dict[str, str | None]]]:
    """Rows of ``clusters``, ``cluster_aliases`` and ``cluster_relations``.

    ``observed`` holds (cluster_id, name_as_written, origin) of every mention
    in the warehouse: discovered clusters are named after their most frequent
    spelling, and every spelling a document used is an alias (origin
    ``observed`` when the catalogue does not list it).
    """
    clusters: list[dict[str, str | None]] = [
        {"cluster_id": c.id, "name": c.name, "kind": c.kind, "origin": "curated", "parent_cluster_id": c.parent,
         "note": c.note}
        for c in catalogue.clusters
    ]  # fmt: skip
    aliases: dict[tuple[str, str], dict[str, str | None]] = {}
    for c in catalogue.clusters:
        for name in (c.name, *c.aliases):
            aliases[(c.id, name)] = {
                "cluster_id": c.id,
                "alias": name,
                "origin": "curated",
                "alias_key": name_to_key(name),
            }
    spellings: dict[str, Counter[str]] = {}
    for cluster_id, written, origin in observed:
        written = " ".join(written.split())
        if origin == "discovered" and cluster_id not in catalogue.by_id:
            spellings.setdefault(cluster_id, Counter())[written] += 1
        aliases.setdefault(
            (cluster_id, written),
            {"cluster_id": cluster_id, "alias": written, "origin": "observed", "alias_key": name_to_key(written)},
        )
    for cluster_id, counts in sorted(spellings.items()):
        name = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))[0]
        clusters.append({"cluster_id": cluster_id, "name": name, "kind": "cluster", "origin": "discovered",
                         "parent_cluster_id": None, "note": None})  # fmt: skip
    relations: list[dict[str, str | None]] = [
        {"cluster_id": c.id, "related_cluster_id": r.id, "relation": r.relation, "note": r.note}
        for c in catalogue.clusters
        for r in c.related
    ]
    relations += [
        {"cluster_id": c.id, "related_cluster_id": c.parent, "relation": "part_of", "note": None}
        for c in catalogue.clusters
        if c.parent
    ]
    return {
        "clusters": clusters,
        "cluster_aliases": sorted(aliases.values(), key=lambda r: (r["cluster_id"] or "", r["alias"] or "")),
        "cluster_relations": relations,
    }
