"""Stage 6, entities: the offline spaCy pipeline with the gazetteer and learned acronyms (``ner``), and the
rules for names no list can hold (``names``)."""

from pathlib import Path

# the spaCy pipeline's configuration: named here, without importing spaCy, for what only fingerprints it
NER_CONFIG_PATH = Path(__file__).resolve().parents[2] / "configs" / "ner.cfg"
