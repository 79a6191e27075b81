"""Entities per second of the configured spaCy pipeline with ``nlp.pipe`` (``make ner-throughput``).

Reads the clean blocks (paragraphs, list items, headings, table rows) of a warehouse
that `make ingest` built, runs the NER pipeline over them with ``nlp.pipe``, and
prints blocks, characters and entities per second (the median of three runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ner import ner_pipeline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    con = duckdb.connect(str(args.warehouse), read_only=True)
    query = (
        "SELECT source_text FROM blocks"
        " WHERE quality = 'ok' AND kind IN ('paragraph', 'list_item', 'heading', 'table_row')"
    )
    texts = [r[0] for r in con.execute(query).fetchall()]
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
    print(f"median of {args.runs} runs: {seconds:.2f} s = {len(texts) / seconds:,.0f} blocks/s, "
          f"{chars / seconds:,.0f} chars/s, {counts[0] / seconds:,.0f} entities/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
