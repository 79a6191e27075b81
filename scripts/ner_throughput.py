"""Entities per second of the configured spaCy pipeline with ``nlp.pipe`` (``make ner-throughput``).

Reads the clean blocks (paragraphs, list items, headings, table rows) of a warehouse
that `make ingest` built, runs the NER pipeline over them with ``nlp.pipe``, and
prints blocks, characters and entities per second (the median of three runs); then
the same for the whole entity stage per document (the spaCy pipeline, acronyms the
document defines and the name rules of pipeline/entities/names.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.entities.ner import document_to_entities, ner_pipeline  # noqa: E402
from pipeline.models import Block, BlockKind  # noqa: E402
from pipeline.spans import Quarantine  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    con = duckdb.connect(str(args.warehouse), read_only=True)
    query = (
        "SELECT document_id, char_start, char_end, source_text FROM blocks"
        " WHERE quality = 'ok' AND kind IN ('paragraph', 'list_item', 'heading', 'table_row')"
        " ORDER BY document_id, char_start"
    )
    rows = con.execute(query).fetchall()
    texts = [r[3] for r in rows]
    documents = con.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()
    con.close()
    nlp, _ = ner_pipeline()
    chars = sum(len(t) for t in texts)
    timings, counts = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        counts.append(sum(len(d.ents) for d in nlp.pipe(texts, batch_size=256)))
        timings.append(time.perf_counter() - started)
    seconds = statistics.median(timings)
    n_documents = documents[0] if documents else 0
    print(f"{n_documents} documents, {len(texts)} blocks, {chars:,} characters, {counts[0]} entities")
    print(
        f"median of {args.runs} runs: {seconds:.2f} s = {len(texts) / seconds:,.0f} blocks/s, "
        f"{chars / seconds:,.0f} chars/s, {counts[0] / seconds:,.0f} entities/s"
    )
    documents_ = rows_to_documents(rows)
    timings, counts = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        counts.append(sum(len(document_to_entities(d, Quarantine.of([]))) for d in documents_))  # type: ignore[arg-type]
        timings.append(time.perf_counter() - started)
    seconds = statistics.median(timings)
    print(
        f"whole entity stage (pipeline, acronyms, name rules), median of {args.runs} runs: {seconds:.2f} s = "
        f"{counts[0]} entities, {counts[0] / seconds:,.0f} entities/s, {chars / seconds:,.0f} chars/s"
    )
    return 0


def rows_to_documents(rows: list[tuple[str, int, int, str]]) -> list[SimpleNamespace]:
    """Each document's clean blocks at their offsets (what the entity stage reads of a ParsedDocument)."""
    by_document: dict[str, list[tuple[int, int, str]]] = {}
    for document_id, start, end, text in rows:
        by_document.setdefault(document_id, []).append((start, end, text))
    documents = []
    for blocks in by_document.values():
        chars = [" "] * max(end for _, end, _ in blocks)
        for start, end, text in blocks:
            chars[start:end] = text
        documents.append(
            SimpleNamespace(text="".join(chars), blocks=[Block(BlockKind.PARAGRAPH, s, e) for s, e, _ in blocks])
        )
    return documents


if __name__ == "__main__":
    raise SystemExit(main())
