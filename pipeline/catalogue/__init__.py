"""Reviewable domain data and what reads it: the cluster catalogue, the gazetteer, given names.

``data/`` holds the files; :mod:`pipeline.catalogue.clusters` reads the cluster
catalogue and matches names against it. The files serve any document of their
kind: no rule here knows a particular document.
"""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
GAZETTEER_PATH = DATA / "gazetteer.yml"
GIVEN_NAMES_PATH = DATA / "given_names.txt"
CATALOGUE_PATH = DATA / "clusters.yml"
