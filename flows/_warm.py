"""Imported by the parsing forkserver (flows.sandbox): load what every document needs once, before forking."""

import warnings

from pipeline.parse import warm_up

# A child re-runs the program's main module, which the forkserver has imported already (on purpose: its
# imports are then shared). runpy warns about exactly that.
warnings.filterwarnings("ignore", message=r".*found in sys\.modules after import of package", category=RuntimeWarning)

warm_up()
