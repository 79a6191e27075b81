"""What a count counts: the nouns after a number that say what it is a number of.

Reviewable data shared by the figures extractor (a figure's unit and measure) and
the entity rules (QUANTITY entities).
"""

from __future__ import annotations

MAX_ADJECTIVES = 3  # words allowed between a number and the noun it counts ("1500 dedicated automotive suppliers")

# What a count counts: noun → (unit, measure). Reviewable data: add nouns here.
COUNT_NOUNS: dict[str, tuple[str, str]] = {
    "people": ("people", "employment"), "persons": ("people", "employment"), "employees": ("people", "employment"),
    "staff": ("people", "employment"), "workers": ("people", "employment"), "jobs": ("jobs", "employment"),
    "individuals": ("people", "employment"), "employers": ("businesses", "businesses"),
    "roles": ("jobs", "employment"), "posts": ("jobs", "employment"),
    "businesses": ("businesses", "businesses"), "companies": ("businesses", "businesses"),
    "firms": ("firms", "businesses"), "enterprises": ("businesses", "businesses"), "smes": ("businesses", "businesses"),
    "establishments": ("establishments", "businesses"), "suppliers": ("businesses", "businesses"),
    "makers": ("businesses", "businesses"), "manufacturers": ("businesses", "businesses"),
    "start-ups": ("businesses", "businesses"), "startups": ("businesses", "businesses"),
    "visits": ("visits", "visits"), "visitors": ("visitors", "visits"), "trips": ("trips", "visits"),
    "tourists": ("visitors", "visits"), "graduates": ("graduates", "graduates"),
    "students": ("students", "students"),
    "learners": ("learners", "learners"), "apprenticeships": ("apprenticeships", "apprenticeships"),
    "apprentices": ("apprentices", "apprenticeships"), "pupils": ("pupils", "pupils"),
    "schools": ("schools", "schools"),
    "homes": ("homes", "housing"), "houses": ("homes", "housing"), "hours": ("hours", "time"),
}  # fmt: skip
