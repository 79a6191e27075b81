"""Stage 4, tables: tables and their cells from text and PDF sources (``build``), and funding lines with
their totals checked (``funding``)."""
