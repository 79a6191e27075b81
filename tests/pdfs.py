"""Small PDFs written byte by byte, for tests of what the reader does with odd and hostile files.

Each page is a content stream (PDF operators); text is set in Helvetica. The
writer is deliberately minimal: one font, no compression unless asked, a
correct cross-reference table.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence


def text_page(*lines: str, size: float = 12, top: float = 720, left: float = 72) -> bytes:
    """A content stream that sets each line of text below the previous one."""
    ops = [f"BT /F1 {size:g} Tf {size * 1.4:g} TL {left:g} {top:g} Td".encode()]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*".encode("latin-1"))
    ops.append(b"ET")
    return b"\n".join(ops)


def build_pdf(
    pages: Sequence[bytes],
    size: tuple[float, float] = (612, 792),
    compressed: Sequence[bool] | None = None,
    raw_streams: dict[int, bytes] | None = None,
    catalog: bytes = b"",
    info: bytes | None = None,
    rotate: int = 0,
    bodies: dict[int, bytes] | None = None,
) -> bytes:
    """A PDF of ``pages`` (content streams) of ``size`` points.

    ``compressed[i]`` stores page i's stream with FlateDecode; ``raw_streams[i]``
    replaces page i's stored (already encoded) bytes, e.g. a prepared bomb.
    ``catalog`` adds entries to the document catalog (an XFA form), ``info`` is the
    trailer's document information dictionary, ``rotate`` every page's /Rotate.
    ``bodies[n]`` replaces object n's body (objects are numbered from 1: the catalog,
    the page tree, the font, then each page and its content stream), e.g. ``b"5 0 R"``.
    """
    n = len(pages)
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    width, height = size
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:g} {height:g}] /Rotate {rotate} "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        deflate = bool(compressed and compressed[i])
        data = (raw_streams or {}).get(i)
        if data is None:
            data = zlib.compress(content) if deflate else content
        filters = b" /Filter /FlateDecode" if deflate or (raw_streams and i in raw_streams) else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(data), filters) + data + b"\nendstream")
    for number, body in (bodies or {}).items():
        objects[number - 1] = body
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer_info = b" /Info " + info if info is not None else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_info, xref)
    return bytes(out)


def deflate_bomb(inflated_bytes: int, chunk: int = 1 << 24) -> bytes:
    """A FlateDecode stream of ``inflated_bytes`` spaces: about 1/1000 of that size on disk."""
    packer = zlib.compressobj(9)
    block = b" " * chunk
    parts = [packer.compress(block) for _ in range(inflated_bytes // chunk)]
    return b"".join([*parts, packer.flush()])


def many_glyphs_page(glyphs: int) -> bytes:
    """A page of ``glyphs`` single-character text operations: legal, and very slow to lay out."""
    body = b"BT /F1 1 Tf " + b"0.01 0 Td (x) Tj " * glyphs + b"ET"
    return body


def tiny_glyphs_page(glyphs: int, per_line: int = 400) -> bytes:
    """A page of ``glyphs`` characters in 1-point type, ``per_line`` to a line: a page no one can read,
    which reads as garbled, so its glyphs are checked for doubles (once quadratic in their number)."""
    line = ("ab" * (per_line // 2)).encode()
    return b"BT /F1 1 Tf 1.2 TL 10 780 Td\n" + b"(%s) Tj T*\n" % line * (glyphs // per_line) + b"ET"
