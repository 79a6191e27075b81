"""Which tokens are real words: word lists from the ``wordfreq`` package, shipped with it (no download).

The garble detector asks what share of a passage's letters sit in real words.
Policy documents are written in several languages (the corpus holds English,
French and Spanish), so the lexicon joins seven Latin-script languages that
wordfreq ships (:data:`DEFAULT_LANGUAGES`; with the 14 others it ships, the lexicon would hold
2.5 million words rather than 1.0 million and take 3.4 s to build rather than 1.6 s in every
process, measured 2026-12-05; a line in one of those, such as a Finnish reference under a
footnote, reads as garbled), keeping words at or above a Zipf frequency (Zipf is log10 of a
word's occurrences per billion words: the default 1.5 is about 32 per billion,
1.0 is 10 per billion), which drops the accidental strings a web crawl contains.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

DEFAULT_LANGUAGES = ("en", "fr", "es", "de", "pt", "it", "nl")
DEFAULT_MIN_ZIPF = 1.5


@dataclass(frozen=True, slots=True)
class LexiconSettings:
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    min_zipf: float = DEFAULT_MIN_ZIPF

    def __post_init__(self) -> None:
        if not self.languages:
            raise ValueError("a lexicon needs at least one language")


@cache
def lexicon(settings: LexiconSettings = LexiconSettings()) -> frozenset[str]:
    """Lower-cased real words of the configured languages (built once per process)."""
    from wordfreq import get_frequency_dict

    min_frequency = 10 ** (settings.min_zipf - 9)  # Zipf = log10(frequency per billion words)
    words: set[str] = set()
    for language in settings.languages:
        # "best" (the large list where a language has one, as all of DEFAULT_LANGUAGES do) is the list
        # wordfreq's zipf_frequency reads (pipeline.readers.repair): one decoding of each list a process, not two
        words.update(w for w, f in get_frequency_dict(language, wordlist="best").items() if f >= min_frequency)
    return frozenset(words)
