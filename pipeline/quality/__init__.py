"""Stage 3, quality: garbled blocks quarantined (``quarantine``) and the structure checked against the
contents page (``structure``): missing, renumbered, retitled, doubled and truncated sections."""
