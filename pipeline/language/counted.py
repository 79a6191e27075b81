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

# Plural nouns that are units of time, of measure or of a text, not things counted.
NOT_COUNTED = frozenset({
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries", "quarters",
    "semesters", "times", "points",
    "percentage", "pages", "paragraphs", "sections", "chapters", "figures", "tables", "annexes", "items", "pence",
    "pounds", "euros", "dollars", "metres", "meters", "miles", "kilometres", "kilometers", "hectares", "acres",
    "tonnes", "tons", "litres", "degrees", "levels", "stages", "steps", "phases", "parts", "ways", "ones",
    "others", "terms", "cases", "lines", "words", "characters", "bits", "bytes",
    "olds", "year-olds",  # an age: "16 to 24 year olds"
    # the plan's own elements: counted by its lists (list-count checks), not facts about the economy
    "interventions", "actions", "projects", "objectives", "aims", "goals", "priorities", "themes", "pillars",
    "recommendations", "commitments", "measures", "activities", "initiatives", "programmes", "strands",
})  # fmt: skip
# Units of measure: a number of them is a quantity (a QUANTITY entity: "14 miles"), though not a count of things.
MEASURE_UNITS = frozenset({
    "metres", "meters", "miles", "kilometres", "kilometers", "hectares", "acres", "tonnes", "tons", "litres",
    "degrees",
})  # fmt: skip
# Plural words after a number that name no things counted, for the entity rules: the units above that are not
# measures, a plan's sectors and principles, and verbs ("the 5 includes").
# Words ending in "s" after a number that are no nouns it counts: what a numbered figure, table or section does
# ("Figure 10 shows ...", "Section 3 discusses ..."; "4 reviews" may be either), other verbs, and a web address's
# scheme after a footnote's number ("10 https://...").
NOT_NOUNS = frozenset({
    "includes", "means", "remains", "represents", "accounts", "comprises", "makes", "takes", "gives", "goes",
    "does", "seems", "shows", "says", "was", "has", "is", "this", "its", "us", "as", "plus", "less",
    "discusses", "reviews", "examines", "summarises", "summarizes", "presents", "describes", "outlines", "sets",
    "provides", "considers", "explores", "concludes", "introduces", "analyses", "analyzes", "focuses", "looks",
    "covers", "highlights", "compares", "contains", "lists", "details", "explains", "identifies", "assesses",
    "illustrates", "draws", "builds", "turns", "moves", "brings", "https",
})  # fmt: skip
# Words a number after them labels rather than counts: a part of a text, a thing in a numbered series, a model, a
# level ("part 39 continues", "Figure 10 shows", "Model 737-9 airplanes", "Level 3 apprenticeships"). Not words
# as often verbs before a count ("issue", "release", "map", "number").
LABEL_NOUNS = frozenset({
    "part", "section", "chapter", "article", "figure", "fig", "table", "paragraph", "para", "page", "annex",
    "appendix", "clause", "schedule", "box", "exhibit", "chart", "picture", "footnote", "note", "volume", "vol",
    "edition", "version", "model", "no", "item", "step", "phase", "stage", "round", "wave", "tier", "level",
    "grade", "grades", "class", "category", "type", "question", "recommendation", "regulation", "rule", "route", "room",
    "unit", "lot",
})  # fmt: skip
NOT_QUANTITIES = (NOT_COUNTED - MEASURE_UNITS) | NOT_NOUNS | frozenset({
    "sectors", "clusters", "principles", "bids", "areas", "challenges", "missions", "questions", "options",
    "elements", "components", "criteria", "industries",
    # parts of a text
    "definitions", "summaries", "examples", "appendices", "references", "notes", "footnotes", "boxes",
})  # fmt: skip
