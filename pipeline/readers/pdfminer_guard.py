"""A guard on pdfminer for PDF objects that refer to themselves.

An indirect object may hold nothing but a reference to another (``5 0 obj 6 0 R endobj``).
pdfminer follows such a chain without end when it comes back on itself
(``5 0 obj 5 0 R endobj`` as a page's /Contents): ``resolve1`` loops on
``PDFObjRef.resolve``, so opening the PDF's pages never returns and the document
is stopped only at its time limit. pdfium reads such an object as null, as the PDF
specification reads a reference to no object.

:func:`install` wraps ``PDFObjRef.resolve`` in every process that imports the PDF reader
(:mod:`pipeline.readers.pdf` installs it) so that it follows a
chain of references once, to its end, and gives a chain that comes back on itself
as the caller's default (null), noting the object in :data:`CYCLES` for the reader
to report against the document.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdftypes import PDFObjRef

CYCLES: set[int] = set()  # the objects met in this process whose chain of references comes back on itself
_resolve = PDFObjRef.resolve


def install() -> None:
    """Guard ``PDFObjRef.resolve`` against chains of references that come back on themselves (idempotent)."""
    PDFObjRef.resolve = _resolve_chain  # type: ignore[method-assign]


def _resolve_chain(self: PDFObjRef, default: object = None) -> Any:
    obj = _resolve(self, default)
    if not isinstance(obj, PDFObjRef):  # nearly always: resolve is called for every object a page uses
        return obj
    seen = {self.objid}
    while isinstance(obj, PDFObjRef):  # an object that is only a reference to another: follow the chain here
        if obj.objid in seen:
            CYCLES.add(obj.objid)  # the object the chain comes back to
            return default
        seen.add(obj.objid)
        obj = _resolve(obj, default)
    return obj
