"""Stage 6, entities: the offline spaCy pipeline with the gazetteer and learned acronyms (``ner``), and the
rules for names no list can hold (``names``)."""
