"""OCR with Tesseract (Debian's ``tesseract-ocr``), for PDF pages whose text layer is broken.

The page image comes in as PNG bytes and goes to ``tesseract stdin stdout tsv``
on a pipe: no temporary files. Words come back with boxes in PDF points (top-left
origin, like pdfplumber) and Tesseract's confidence. When Tesseract is not
installed, :func:`available` says so and the caller records that OCR was
unavailable; nothing fails.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from pipeline.registry import extractor

DEFAULT_DPI = 300
DEFAULT_LANGUAGES = "eng"
DEFAULT_TIMEOUT_SECONDS = 120
POINTS_PER_INCH = 72.0
OCR_EXTRACTOR = extractor("ocr/tesseract")


class OcrError(RuntimeError):
    """Tesseract ran but could not read the image; the message says why."""


@dataclass(frozen=True, slots=True)
class OcrSettings:
    dpi: int = DEFAULT_DPI
    languages: str = DEFAULT_LANGUAGES
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    def __post_init__(self) -> None:
        if not 72 <= self.dpi <= 600:
            raise ValueError("dpi must be between 72 and 600")


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # 0 to 1
    line_key: tuple[int, int, int]  # Tesseract's (block, paragraph, line)


@cache
def tesseract_version() -> str | None:
    """Tesseract's version, or None when it is not installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    result = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    first = (result.stdout or result.stderr).splitlines()
    return first[0].strip() if first else "tesseract"


def available() -> bool:
    return tesseract_version() is not None


PAGE = "3"  # Tesseract's page segmentation for a whole page: find its blocks and columns
BLOCK = "6"  # for a few lines cut from a page: one block of text, sparse headers and figures kept


def png_to_words(png: bytes, settings: OcrSettings = OcrSettings(), segmentation: str = PAGE) -> list[OcrWord]:
    """Read a page image (PNG bytes rendered at ``settings.dpi``) into words with boxes in points;
    ``segmentation`` is Tesseract's page segmentation mode (:data:`PAGE` or :data:`BLOCK`)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page; parallelism belongs to the task runner
    try:
        result = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", settings.languages, "--psm", segmentation, "tsv"],
            input=png,
            capture_output=True,
            timeout=settings.timeout_seconds,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"Tesseract took longer than {settings.timeout_seconds:.0f} s") from exc
    if result.returncode != 0:
        raise OcrError(f"Tesseract failed: {result.stderr.decode('utf-8', 'replace').strip()[:300]}")
    return tsv_to_words(result.stdout.decode("utf-8", "replace"), settings.dpi)


def tsv_to_words(tsv: str, dpi: int) -> list[OcrWord]:
    """Tesseract's TSV (level 5 rows are words) → words in PDF points."""
    scale = POINTS_PER_INCH / dpi
    words: list[OcrWord] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top, width, height = (float(row[k]) for k in ("left", "top", "width", "height"))
        words.append(
            OcrWord(
                text=text,
                x0=left * scale,
                top=top * scale,
                x1=(left + width) * scale,
                bottom=(top + height) * scale,
                confidence=max(0.0, min(1.0, float(row["conf"]) / 100)),
                line_key=(int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
            )
        )
    return words
