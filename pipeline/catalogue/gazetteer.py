"""The gazetteer (``data/gazetteer.yml``): organisations and places, each with its aliases.

The entity ruler finds them in running text; cluster names lose a leading place
name (``West Midlands automotive`` is the automotive cluster).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.catalogue import GAZETTEER_PATH


def load_gazetteer(path: Path = GAZETTEER_PATH) -> list[dict[str, Any]]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    for e in entries:
        if e.get("label") not in ("ORG", "GPE") or not e.get("name"):
            raise ValueError(f"gazetteer entry needs a name and an ORG or GPE label: {e}")
    return list(entries)


@cache
def place_names(path: Path = GAZETTEER_PATH) -> tuple[str, ...]:
    """Every place (GPE) name and alias of the gazetteer, lower case, longest first."""
    names = {n.lower() for e in load_gazetteer(path) if e["label"] == "GPE" for n in (e["name"], *e.get("aliases", []))}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def places(path: Path = GAZETTEER_PATH) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern finding any place (GPE) of the gazetteer as written (case kept: ``US``, not ``us``), longest
    first, and each name's or alias's canonical name (``UK`` → ``United Kingdom``)."""
    canonical = {
        n: e["name"] for e in load_gazetteer(path) if e["label"] == "GPE" for n in (e["name"], *e.get("aliases", []))
    }
    names = sorted(canonical, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w&])")
    return pattern, canonical
