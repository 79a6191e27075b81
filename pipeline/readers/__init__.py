"""Stage 1, reading: a file's bytes → a :class:`~pipeline.document.Reading` (text, pages, words, lines).

``text`` reads plain text and Markdown; ``pdf`` reads a PDF page by page (``pdf_page``), putting each
page in reading order (``reading_order``), finding ruled and gutter tables (``table_finder``), and
reading a garbled or empty page again by OCR (``ocr``).
"""
