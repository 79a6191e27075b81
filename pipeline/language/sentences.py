"""Sentence boundaries inside layout blocks, from spaCy.

The layout tree already splits the text into blocks (headings, paragraphs,
list items); sentences are found only inside a block, never across one, by
spaCy's rule-based ``sentencizer`` on top of its English tokenizer (both ship
with spaCy: no model download). A pretrained pipeline with a parser gives
better boundaries; :func:`sentence_nlp` uses one when it is installed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pipeline.spans import trim_span

PRETRAINED = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")


@cache
def sentence_nlp() -> Any:
    """The spaCy pipeline that finds sentences: a pretrained English one if installed, else blank + sentencizer."""
    import spacy

    for name in PRETRAINED:
        try:
            return spacy.load(name, exclude=["ner", "lemmatizer", "textcat"])
        except OSError:
            continue
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def spans_to_sentences(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """For each (start, end) span of ``text``, its sentences as absolute (start, end) offsets.

    Leading and trailing whitespace is kept out of each sentence.

    >>> t = "Intro. The vision is to lead. Next."
    >>> next(spans_to_sentences(t, [(0, len(t))]))
    [(0, 6), (7, 29), (30, 35)]
    """
    spans = list(spans)
    nlp = sentence_nlp()
    for (start, _), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        out: list[tuple[int, int]] = []
        for sent in doc.sents:  # the block's own text, not doc.text: spaCy joins its tokens again on every ask
            s, e = trim_span(text, start + sent.start_char, start + sent.end_char)
            if e > s:
                out.append((s, e))
        yield out
