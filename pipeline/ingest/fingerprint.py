"""What a document's rows depend on besides its bytes: the pipeline's fingerprint.

An incremental run re-extracts a document when its file, its manifest entry or
the fingerprint of the pipeline that reads its kind of file changed. The
fingerprint covers the pipeline's version, every registered extractor's versioned name (:mod:`pipeline.registry`),
the data the rules read (cluster catalogue, gazetteer, names, NER config),
the libraries whose output lands in rows (spaCy, wordfreq; pdfplumber and
Tesseract for PDFs). A change that only touches PDFs (the PDF table finder,
OCR) leaves text sources alone.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from pipeline import PIPELINE_VERSION, registry
from pipeline.catalogue import DATA
from pipeline.entities import NER_CONFIG_PATH
from pipeline.models import MediaType
from pipeline.readers import ocr

DATA_FILES = (*sorted(DATA.glob("*")), NER_CONFIG_PATH)
SHARED_LIBRARIES = ("spacy", "wordfreq")
PDF_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "absent"


@cache
def pipeline_inputs(media_type: MediaType) -> dict[str, Any]:
    """Everything the rows of a ``media_type`` document depend on, besides the document."""
    pdf = media_type is MediaType.PDF
    return {
        "pipeline_version": PIPELINE_VERSION,
        "extractors": registry.fingerprinted(pdf),
        "data": {p.name: _file_digest(p) for p in DATA_FILES},
        "libraries": {p: _version(p) for p in SHARED_LIBRARIES + (PDF_LIBRARIES if pdf else ())},
        "ocr": (ocr.tesseract_version() or "unavailable") if pdf else None,
    }


@cache
def fingerprint(media_type: MediaType) -> str:
    """A short hash of :func:`pipeline_inputs`: equal fingerprints give equal rows from equal bytes."""
    blob = json.dumps(pipeline_inputs(media_type), sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]
