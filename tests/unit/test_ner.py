"""Named entities (issue 6): the configured pipeline, its tokenizer, acronyms, normalised names, quarantine,
and the path that combines a pretrained pipeline (a small one the test builds)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from support import AWM, HE, ICT

from pipeline.document import ParsedDocument
from pipeline.entities import NER_CONFIG_PATH
from pipeline.entities.ner import document_to_entities, ner_pipeline
from pipeline.ingest.manifest import sources_to_specs
from pipeline.models import Block, BlockKind
from pipeline.parse import source_to_document
from pipeline.spans import Quarantine


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("£1.2bn and £850m-£950m of output", [("£1.2bn", "MONEY"), ("£850m-£950m", "MONEY")]),
        ("a £3-4m opportunity", [("£3-4m", "MONEY")]),
        ("c40% of the cost in 2005/06", [("c40%", "PERCENT"), ("2005/06", "DATE")]),
        ("£13 M capital", [("£13 M", "MONEY")]),
        ("11,200 to 12,400 jobs by 2030", [("11,200 to 12,400 jobs", "QUANTITY"), ("2030", "DATE")]),
        ("on 5th July 2018 with 14 per cent", [("5th July 2018", "DATE"), ("14 per cent", "PERCENT")]),
        ("Advantage West Midlands (AWM) in Birmingham", [("Advantage West Midlands", "ORG"), ("AWM", "ORG"), ("Birmingham", "GPE")]),
        ("the West Midlands and the Black Country", [("West Midlands", "GPE"), ("Black Country", "GPE")]),
        ("will total £1m. Deliver £1bn+ transport", [("£1m", "MONEY"), ("£1bn+", "MONEY")]),
        ("185,010 more people and 1,468 new businesses", [("185,010 more people", "QUANTITY"), ("1,468 new businesses", "QUANTITY")]),
        ("half a million manufacturing jobs", [("half a million manufacturing jobs", "QUANTITY")]),
        ("1.2 trillion transactions a year", [("1.2 trillion transactions", "QUANTITY")]),
        ("the six cities and 42 passengers over 14 miles", [("six cities", "QUANTITY"), ("42 passengers", "QUANTITY"), ("14 miles", "QUANTITY")]),
        ("Section 3 discusses three sectors over 5 years", []),
        ("in 2019 cities grew; the second prosperous town", [("2019", "DATE")]),
        ("the regional zero carbon homes route map", []),
        ("from 12.1% in 1992 to 5.7%", [("12.1%", "PERCENT"), ("1992", "DATE"), ("5.7%", "PERCENT")]),
        ("on Monday 23rd July; 3-4 December, 2009", [("Monday 23rd July", "DATE"), ("3-4 December, 2009", "DATE")]),
        ("launched in March; they may come in Spring 2021", [("March", "DATE"), ("Spring 2021", "DATE")]),
        ("the early 1960s, the mid-1990s and the 20th century", [("early 1960s", "DATE"), ("mid-1990s", "DATE"), ("20th century", "DATE")]),
    ],
)  # fmt: skip
def test_the_configured_pipeline_finds(text: str, entities: list[tuple[str, str]]) -> None:
    nlp, _ = ner_pipeline()
    assert [(e.text, e.label_) for e in nlp(text).ents] == entities


def test_the_pipeline_comes_from_the_config_file() -> None:
    nlp, model = ner_pipeline()
    assert NER_CONFIG_PATH.name == "ner.cfg" and nlp.pipe_names == ["entity_ruler"] and model is None
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "policyfacts.tokenizer.v1"


def test_awm_joins_across_the_plan_the_ict_page_and_the_he_paper(seed_docs: dict[str, ParsedDocument]) -> None:
    for doc_id in (AWM, ICT, HE):
        names = {e.normalised for e in seed_docs[doc_id].entities if e.label == "ORG"}
        assert "Advantage West Midlands" in names, doc_id
    spellings = {
        e.text for d in (AWM, ICT, HE) for e in seed_docs[d].entities if e.normalised == "Advantage West Midlands"
    }
    assert spellings == {"AWM", "Advantage West Midlands"}


def test_acronyms_a_document_defines_are_learned(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text(
        "# Plan\n\nThe Regional Skills Partnership Board (RSPB) met twice. Later the RSPB agreed the plan, "
        "and the Gross Value Added (GVA) rose.\n",
        encoding="utf-8",
    )
    (spec,) = sources_to_specs(tmp_path)
    doc = source_to_document(spec)
    learned = [(e.text, e.normalised, e.source) for e in doc.entities if e.source == "acronym"]
    assert learned == [
        ("Regional Skills Partnership Board", "Regional Skills Partnership Board", "acronym"),
        ("RSPB", "Regional Skills Partnership Board", "acronym"),
        ("RSPB", "Regional Skills Partnership Board", "acronym"),
    ]  # GVA is a measure, not an organisation: not learned


def test_nothing_is_taken_from_garbled_text(seed_docs: dict[str, ParsedDocument]) -> None:
    for doc in seed_docs.values():
        quarantine = doc.quarantine
        assert all(quarantine.allows(e.char_start, e.char_end) for e in doc.entities), doc.document_id
        assert all(doc.text[e.char_start : e.char_end] == e.text for e in doc.entities)


def test_a_pretrained_pipeline_adds_its_entities_where_ours_have_none(
    tmp_path: Path, seed_docs: dict[str, ParsedDocument]
) -> None:
    import spacy

    model = spacy.blank("en")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "EVENT", "pattern": "Second World War"},  # a label ours does not have
        {"label": "ORG", "pattern": "Advantage West Midlands"},  # ours already has it: ours win
    ])  # fmt: skip
    model.to_disk(tmp_path / "tiny_model")
    doc = seed_docs[HE]
    entities = document_to_entities(doc, doc.quarantine, pretrained=str(tmp_path / "tiny_model"))
    from_model = {(e.text, e.label) for e in entities if e.source == "model"}
    assert from_model == {("Second World War", "EVENT")}
    assert all(e.source != "model" for e in entities if e.normalised == "Advantage West Midlands")


def test_issue_6_an_acronym_defined_across_a_line_break() -> None:
    """A PDF line break inside the long form broke the offset lookup (ValueError: substring not found)."""
    from pipeline.entities.ner import _learn_acronyms
    from pipeline.models import Block, BlockKind

    text = "The members of the Regional Skills\nPartnership Board (RSPB) met. The RSPB agreed."
    learned = _learn_acronyms(text, [Block(BlockKind.PARAGRAPH, 0, len(text))], [])
    assert [(e.text, e.normalised) for e in learned] == [
        ("Regional Skills\nPartnership Board", "Regional Skills Partnership Board"),
        ("RSPB", "Regional Skills Partnership Board"),
        ("RSPB", "Regional Skills Partnership Board"),
    ]


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Business leadership from Birmingham Health Partners and the Centre for Translational Medicine.",
         [("Birmingham Health Partners", "ORG"), ("Centre for Translational Medicine", "ORG")]),
        ("the West Midlands Academic Health Science Network", [("West Midlands Academic Health Science Network", "ORG")]),
        ("the Department for Work and Pensions and the Report of the Global Travel Taskforce",
         [("Department for Work and Pensions", "ORG"), ("Global Travel Taskforce", "ORG")]),
        ("the Birmingham Health Innovation Campus and Rosalind Franklin Laboratory in Leamington",
         [("Birmingham", "GPE"), ("Rosalind Franklin Laboratory", "ORG"), ("Leamington", "GPE")]),
        ("a new Apprenticeship and Technical Education Taskforce", [("Apprenticeship and Technical Education Taskforce", "ORG")]),
        ("1. Cluster Policy - Executive Summary", []),
        ("Careers Leaders in Schools and Colleges", []),
        ("(Smith and Collinge, 2001; Spencer et al 1986; ONS, 2004)",
         [("Smith", "PERSON"), ("Collinge", "PERSON"), ("2001", "DATE"), ("Spencer", "PERSON"), ("1986", "DATE"),
          ("ONS", "ORG"), ("2004", "DATE")]),
        ("as Porter (1990) argued", [("Porter", "PERSON"), ("1990", "DATE")]),
        ("published by the Government (2019)", [("2019", "DATE")]),
        ("The Rt Hon Oliver Dowden CBE MP", [("Oliver Dowden", "PERSON")]),
        ("with Patrick White’s presentation and a review led by Nick de Bois",
         [("Patrick White", "PERSON"), ("Nick de Bois", "PERSON")]),
        ("Will Birmingham grow?", [("Birmingham", "GPE")]),
        ("2 Percy, C & Mann, A. (2013) Employer engagement", [("Percy", "PERSON"), ("Mann", "PERSON"), ("2013", "DATE")]),
        ("1 Smith, D, et al (2005) A review", [("Smith", "PERSON"), ("2005", "DATE")]),
        # a person a title, a citation or a given name inside a sentence names is a person, whatever town shares it
        ("Dr Tom Preston met Baroness Jordan and then Sarah Kent in Preston.",
         [("Tom Preston", "PERSON"), ("Jordan", "PERSON"), ("Sarah Kent", "PERSON"), ("Preston", "GPE")]),
        # a region of a place the gazetteer knows, named by a compass word or a word hyphenated to it; two places
        # hyphenated, or a region's name over a town in a list, stay apart
        ("the Western Netherlands, Noord-Holland and the North of England, not Bristol-Bath",
         [("Western Netherlands", "GPE"), ("Noord-Holland", "GPE"), ("North of England", "GPE"), ("Bristol", "GPE"),
          ("Bath", "GPE")]),
        ("North East Newcastle; West East Midlands", [("North East", "GPE"), ("Newcastle", "GPE"), ("East Midlands", "GPE")]),
        ("the Ministry of Economic Affairs’ top sectors, as Raines' (2002) review put it",
         [("Ministry of Economic Affairs", "ORG"), ("Raines", "PERSON"), ("2002", "DATE")]),
        ("Jordan, M. & Bolton, P. (2015) Places", [("Jordan", "PERSON"), ("Bolton", "PERSON"), ("2015", "DATE")]),
        ("Glasgow City Region's (GCR) plan: the GCR and the Scottish Government",
         [("Glasgow City Region", "GPE"), ("GCR", "GPE"), ("GCR", "GPE"), ("Scottish Government", "ORG")]),
        # an author's degree ends the line over the body they work for: no word of its name
        ("Mary Jean Brown, ScD\nNational Center for Environmental Health",
         [("Mary Jean Brown", "PERSON"), ("National Center for Environmental Health", "ORG")]),
    ],
)  # fmt: skip
def test_the_name_rules_find(text: str, entities: list[tuple[str, str]]) -> None:
    """Organisations by their head word, people by title, given name or citation (pipeline.entities.names)."""
    doc = SimpleNamespace(text=text, blocks=[Block(BlockKind.PARAGRAPH, 0, len(text))])  # all that is read
    found = document_to_entities(doc, Quarantine.of([]))  # type: ignore[arg-type]
    assert [(e.text, e.label) for e in found] == entities


def test_the_gated_ruler_finds_what_spacys_ruler_finds(seed_docs: dict[str, ParsedDocument]) -> None:
    """Issue 18: the token patterns tried only near a number, a digit, a month or "half" (NumberGatedRuler) give
    the entities spaCy's own ruler gives with the same patterns, on every block of the seeds and on texts
    whose only trigger is a word, a superscript digit, or far from another."""
    from spacy import util

    nlp, _ = ner_pipeline()
    config = util.load_config(NER_CONFIG_PATH, interpolate=False)
    config["components"]["entity_ruler"]["factory"] = "entity_ruler"
    plain = util.load_model_from_config(config, auto_fill=True)
    plain.initialize()
    texts = [
        "twenty per cent of the first jobs", "launched in March", "half a million manufacturing jobs", "m² of space",
        "the 1990s and FY2011", "no number here at all", "£ five million", ("word " * 40 + "in 2019 ") * 3,
        "one hundred new businesses", "Seventy percent", "SEPTEMBER",
    ]  # fmt: skip
    for doc in seed_docs.values():
        texts.extend(doc.text[b.char_start : b.char_end].replace("\n", " ") for b in doc.blocks)
    found = [[(e.start, e.end, e.label_, e.ent_id_) for e in d.ents] for d in nlp.pipe(texts)]
    expected = [[(e.start, e.end, e.label_, e.ent_id_) for e in d.ents] for d in plain.pipe(texts)]
    assert found == expected
    assert sum(map(len, found)) > 500  # the seeds hold hundreds: the comparison compares something
    assert [len(x) for x in found[:6]] == [2, 1, 1, 0, 2, 0]  # "twenty per cent", "first jobs"; "m²" is no entity
