"""What to read: the sources folder and its manifest (``manifest``), the pipeline's fingerprint
(``fingerprint``) and the plan of what changed since the last run (``changes``)."""
