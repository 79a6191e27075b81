"""Meaning that generalises (issue 20): each pattern of the meaning gold's conventions on the smallest text that
shows it — objectives a heading or an actor frames, visions framed inside a sentence and whose they are, the
sectors a plan presents and how prominently, figures that say what they count, changes and shared scales."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfs import build_pdf, text_page

from pipeline.document import ParsedDocument
from pipeline.extract.figures import _row_of_figures, sentence_to_figures
from pipeline.extract.objectives import sentence_to_lead_in
from pipeline.ingest.manifest import sources_to_specs
from pipeline.language.numbers import text_to_quantities
from pipeline.models import BlockKind
from pipeline.parse import source_to_document


def parse_text(tmp_path: Path, body: str, name: str = "plan.md") -> ParsedDocument:
    (tmp_path / name).write_text(body, encoding="utf-8")
    (spec,) = sources_to_specs(tmp_path)
    return source_to_document(spec)


def figures_of(sentence: str) -> dict[str, tuple[object, ...]]:
    return {
        sentence[f.char_start : f.char_end]: (f.unit, f.value, f.value_low, f.value_high, f.value_before, f.measure)
        for f in sentence_to_figures(sentence, 0, len(sentence), None)
    }


# ---------------------------------------------------------------------------------------------------- objectives

SECTOR_DEAL = """# Robotics Sector Deal

## Key commitments

### Government action to support robotics

#### Support innovation to raise productivity

- Invest up to £20m in the application of robotics in services.
- Work with academia to integrate robotics into industrial challenges.

### Industry action to support robotics

#### Invest in research and development

- Provide match funding for robotics solutions across key sectors.
- Commit £69m of industry funding to robots in extreme environments.

## Investments in the UK

The sector has attracted investment from many firms over the last decade, across every region of the country.
"""


def test_lists_under_a_commitments_heading_are_commitments_of_the_actor_the_heading_names(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, SECTOR_DEAL)
    got = [(o.list_kind, o.actor, o.text[:20]) for o in doc.objectives]
    assert got == [
        ("commitment", "government", "Invest up to £20m in"),
        ("commitment", "government", "Work with academia t"),
        ("commitment", "industry", "Provide match fundin"),
        ("commitment", "industry", "Commit £69m of indus"),
    ]
    assert {o.cluster_id for o in doc.objectives} == {"robotics"}  # the title's sector: the document's subject


def test_a_lead_in_saying_who_will_act_frames_commitments_but_this_will_include_frames_examples(
    tmp_path: Path,
) -> None:
    doc = parse_text(
        tmp_path,
        "# A strategy\n\nThe policy function will:\n\n- work across departments on emerging technologies\n"
        "- develop forward-thinking technology policies\n\nMany things happen every year in this area of work.\n\n"
        "This will include:\n\n- a review of regulation\n- new trading partnerships\n",
    )
    assert [(o.list_kind, o.text[:12]) for o in doc.objectives] == [
        ("commitment", "work across "), ("commitment", "develop forw"),
    ]  # fmt: skip


def test_labelled_headings_are_objectives_without_their_labels(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A space strategy\n\n## Goal 1: Grow and level up our space economy\n\nText about growth.\n\n"
        "## Goal 2: Promote the values of Global Britain\n\nText about values.\n\n"
        "## Goal 3: Lead pioneering scientific discovery\n\nText about science.\n",
    )
    assert [(o.list_kind, o.text) for o in doc.objectives] == [
        ("goal", "Grow and level up our space economy"),
        ("goal", "Promote the values of Global Britain"),
        ("goal", "Lead pioneering scientific discovery"),
    ]


def test_items_a_sentence_counts_off_after_a_lead_in_are_objectives(tmp_path: Path) -> None:
    """ "... four strategic priorities. These are i) ..., ii) ... and iv) ...": each item without its marker or
    its "and"; markers counting off things no lead-in frames (a list of sources) give nothing."""
    doc = parse_text(
        tmp_path,
        "# A tourism plan\n\nWorking with employers, there are currently four industry led strategic priorities. "
        "These are i) great jobs and careers, ii) tackling long term unemployment, iii) vocational training and iv) "
        "diversity and inclusion.\n\nThe data come from (a) the survey, (b) the census and (c) tax records.\n",
    )
    assert [(o.list_kind, o.list_style, o.text) for o in doc.objectives] == [
        ("priority", "inline", "great jobs and careers"),
        ("priority", "inline", "tackling long term unemployment"),
        ("priority", "inline", "vocational training"),
        ("priority", "inline", "diversity and inclusion"),
    ]


def test_the_one_aim_a_paragraph_opens_by_stating_for_the_plan_is_an_objective(tmp_path: Path) -> None:
    """ "19. The strategic goal of the Programme is to ...": the aim from its "to"; the same words about a report's
    purpose, or about a programme the paragraph has just named (a third party's), give nothing."""
    doc = parse_text(
        tmp_path,
        "# A research programme\n\n19. The strategic goal of the Programme is to increase the impact of "
        "knowledge-intensive activities on the economy. It has three parts.\n\nThe aim of this report is to "
        "describe the region's economy.\n\nThe Creative Europe Programme is larger than before. The main goal of the "
        "programme is to support European culture.\n",
    )
    assert [(o.list_kind, o.list_style, o.text) for o in doc.objectives] == [
        ("goal", "stated", "to increase the impact of knowledge-intensive activities on the economy"),
    ]


def test_short_phrases_under_a_heading_framing_them_are_its_items(tmp_path: Path) -> None:
    """A row of goals set one phrase per block under ``Our goals`` (each under its icon) gives the goals; the same
    phrases under a heading framing nothing, or sentences under it, give none."""
    goals = "Grow our space economy\n\nPromote the values of Global Britain\n\nLead pioneering scientific discovery\n"
    doc = parse_text(tmp_path, f"# A space strategy\n\n## Our goals\n\n{goals}")
    assert [(o.list_kind, o.text) for o in doc.objectives] == [
        ("goal", "Grow our space economy"),
        ("goal", "Promote the values of Global Britain"),
        ("goal", "Lead pioneering scientific discovery"),
    ]
    (tmp_path / "other").mkdir()
    assert parse_text(tmp_path / "other", f"# A space strategy\n\n## Space in the UK\n\n{goals}").objectives == []
    (tmp_path / "prose").mkdir()
    sentences = goals.replace("\n\n", ".\n\n").rstrip() + ".\n"
    assert parse_text(tmp_path / "prose", f"# A space strategy\n\n## Our goals\n\n{sentences}").objectives == []


def test_a_recurring_heading_frames_its_lists_as_its_first_lead_in_does(tmp_path: Path) -> None:
    """Chapter after chapter, one heading heads a list, and only the first list's lead-in says what they are: the
    lists under the heading's other occurrences are of that kind too; without such a lead-in, none are."""
    chapters = (
        "## 4.1 Start-ups\n\n### Strategic entities\n\n{lead}- Permanent services for start-ups\n"
        "- Commodified innovation services\n\n## 4.2 Exports\n\n### Strategic entities\n\n"
        "- Connections to national export services\n- Reinforcement of investment attraction\n"
    )
    lead = "From this strategy's perspective, the following strategic development goals have been set:\n\n"
    doc = parse_text(tmp_path, "# A strategy\n\n" + chapters.format(lead=lead))
    assert [(o.list_kind, o.lead_in, o.text) for o in doc.objectives][1:] == [
        ("goal", lead.strip(), "Commodified innovation services"),
        ("goal", "Strategic entities", "Connections to national export services"),
        ("goal", "Strategic entities", "Reinforcement of investment attraction"),
    ]
    (tmp_path / "unframed").mkdir()
    assert parse_text(tmp_path / "unframed", "# A strategy\n\n" + chapters.format(lead="")).objectives == []


def test_headings_phrased_as_measures_in_a_section_of_recommendations_are_its_recommendations(tmp_path: Path) -> None:
    """Under ``Policy orientations`` (or a section whose opening says it presents recommendations), the headings
    phrased as measures are the recommendations, at any depth; a heading naming a topic is not one, and the same
    headings under a heading on how goals will be achieved are means, not items."""
    measures = (
        "### 3.1 Positioning cooperatives as alternative models\n\nCooperatives can be promoted by local "
        "authorities.\n\n### 3.2 Strengthening cooperatives as viable businesses\n\nThey need capital.\n\n"
        "#### Access to finance\n\nLenders rarely know them.\n\n#### Building digital capacity in cooperatives\n\n"
        "Skills are scarce.\n\n## 4 Conclusions\n\n### 4.1 Improving the survey\n\nIt could be larger.\n"
    )
    doc = parse_text(tmp_path, f"# A report\n\n## 3 Policy orientations\n\n{measures}")
    assert [(o.list_kind, o.list_style, o.text) for o in doc.objectives] == [
        ("recommendation", "headings", "Positioning cooperatives as alternative models"),
        ("recommendation", "headings", "Strengthening cooperatives as viable businesses"),
        ("recommendation", "headings", "Building digital capacity in cooperatives"),
    ]
    (tmp_path / "said").mkdir()
    opening = "The recommendations presented in this section draw on the survey's findings.\n\n"
    said = parse_text(tmp_path / "said", f"# A report\n\n## 3 What next?\n\n{opening}{measures}")
    assert [o.text for o in said.objectives] == [o.text for o in doc.objectives]
    assert {o.lead_in for o in said.objectives} == {opening.strip()}  # the sentence that says so
    (tmp_path / "means").mkdir()
    means = parse_text(tmp_path / "means", f"# A strategy\n\n## 3 How we will achieve our goals\n\n{measures}")
    assert means.objectives == []


# ---------------------------------------------------------------------------------------------------- visions


def test_visions_framed_inside_a_sentence_are_the_plans_or_their_owners(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# An economic plan\n\nWe want every young person to understand the full range of opportunities open to "
        "them.\n\nThis will support our ambition of leading the world in clean growth by 2030.\n\nOfcom has also set "
        "the goal of promoting investment in full fibre networks across the country.\n\nOne interviewee said "
        "‘there is an aspiration that the region could secure a competitive position in medical technologies’.\n",
    )
    got = [(v.frame, v.owner, v.text[:24]) for v in doc.visions]
    assert got == [
        ("ambition", "plan", "We want every young pers"),
        ("ambition", "plan", "our ambition of leading "),
        ("goal", "Ofcom", "Ofcom has also set the g"),
        ("aspiration", "third party", "an aspiration that the r"),
    ]


def test_a_frame_that_states_nothing_is_not_a_vision(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\nWe will develop a vision for the sector with our partners next year.\n\nThe aim of this "
        "report is to inform the partnership's decisions.\n\nThe Vision is supported by nine objectives and "
        "eleven principles.\n\nIf this ambition is to be realised, better connections between our firms will be "
        "needed.\n\nI wanted to let you know that the programme has helped so many of our students.\n",
    )
    assert doc.visions == []


def test_the_items_under_a_lead_in_that_is_the_plans_wanting_are_its_ambitions(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A careers strategy\n\n4. We want:\n\n- all young people to understand the range of opportunities "
        "open to them;\n- everyone to get support tailored to their circumstances at any time.\n5. We will "
        "publish new statutory guidance for schools in January.\n\nThe next "
        "paragraph explains how the parts of the system fit together.\n\nOur ambition is to:\n\n- publish the "
        "new guidance for every school this year;\n- fund twenty new hubs across the country.\n",
    )
    assert [(v.frame, v.owner, v.text[:24]) for v in doc.visions] == [
        ("ambition", "plan", "all young people to unde"),
        ("ambition", "plan", "everyone to get support "),
    ]  # the numbered paragraph after the items is not one of them; "Our ambition is to:" announces things to do


# ---------------------------------------------------------------------------------------------------- clusters


def test_a_sentence_enumerating_the_places_strengths_presents_each_sector(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A regional plan\n\nThrough its businesses, the county has strengths in: energy; creative industries; "
        "food and farming; future mobility (connected and autonomous vehicles, automotive production and "
        "motorsport); robotics; and quantum.\n",
    )
    presented = {m.cluster_id for m in doc.cluster_mentions if m.salience == "presented"}
    assert {"creative-industries", "food-and-drink", "connected-and-autonomous-vehicles", "motorsport", "robotics",
            "quantum", "future-mobility"} <= presented  # fmt: skip
    assert {m.origin for m in doc.cluster_mentions if m.cluster_id == "automotive-production"} == {"discovered"}


def presented_in(tmp_path: Path, sentence: str) -> set[str]:
    """The sector names a regional strategy of one sentence presents, as written."""
    doc = parse_text(tmp_path, f"# A regional strategy\n\n{sentence}\n")
    return {m.name_as_written for m in doc.cluster_mentions if m.salience == "presented"}


def test_after_a_serial_comma_and_the_last_part_keeps_its_own_and(tmp_path: Path) -> None:
    presented = presented_in(
        tmp_path,
        "The top sectors are: water, life sciences and health, logistics, chemicals, and horticulture and "
        "propagation materials.",
    )
    assert "horticulture and propagation materials" in presented and "propagation materials" not in presented


THEMATIC = """# A regional strategy

The goal of the strategy is to renew business life in selected sectors. The thematic {noun} are the following:

- Sustainable food systems and new solutions for the bioeconomy
  The region wants to be involved in solutions for the food sector.
- Smart and energy efficient systems
  The region is committed to the renewal of industry and construction.
- Regeneration of service and experience production
  The region uses the growth in service and experience production.
"""


def test_a_list_its_lead_in_calls_the_sectors_names_one_by_each_title(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, THEMATIC.format(noun="business sectors"))
    assert [(m.name_as_written, m.origin) for m in doc.cluster_mentions if m.rule == "sector_list"] == [
        ("Sustainable food systems and new solutions for the bioeconomy", "discovered"),
        ("Smart and energy efficient systems", "discovered"),
        ("Regeneration of service and experience production", "discovered"),
    ]  # the title line over each item's sentences, none of them in the catalogue
    (tmp_path / "areas").mkdir()
    areas = parse_text(tmp_path / "areas", THEMATIC.format(noun="development areas"))
    assert not [m for m in areas.cluster_mentions if m.rule == "sector_list"]  # areas may be anything


def test_in_a_sector_document_other_sectors_are_named_in_passing(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# Aerospace Sector Deal\n\nThe UK has strengths in sectors such as automotive, rail and nuclear, "
        "which share suppliers with aerospace.\n",
    )
    salience = {m.cluster_id: m.salience for m in doc.cluster_mentions}
    assert salience["aerospace"] == "subject"
    assert {salience[c] for c in ("automotive", "rail", "nuclear")} == {"passing"}


def test_lists_under_headings_naming_a_time_horizon_are_targets(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# Delivering the strategy\n\nWe will measure our progress against these milestones.\n\n"
        "## In the short term\n\n- Publication of an implementation plan;\n- a revitalised futures programme.\n\n"
        "## Within two years\n\n- A framework for monitoring implemented;\n- a clear focus on the next capabilities.\n",
    )
    assert [(o.list_kind, o.lead_in, o.text[:22]) for o in doc.objectives] == [
        ("target", "In the short term", "Publication of an impl"),
        ("target", "In the short term", "a revitalised futures "),
        ("target", "Within two years", "A framework for monito"),
        ("target", "Within two years", "a clear focus on the n"),
    ]


def test_a_long_lead_in_ending_in_the_purpose_its_items_complete_frames_commitments() -> None:
    lead = sentence_to_lead_in(
        "Across Defence we will work together to enhance and more effectively govern the exploitation ecosystem "
        "in order to:"
    )
    assert lead is not None and lead.kind == "commitment"
    assert sentence_to_lead_in("The fund will provide grants, loans and equity to businesses that are able to:") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The review will assess:",
        "The Business Bank will also monitor:",
        "We will develop a detailed implementation plan, including how we will monitor and evaluate:",
        "The institutes will set out:",
    ],
)
def test_what_someone_will_assess_or_set_out_is_topics_not_commitments(sentence: str) -> None:
    assert sentence_to_lead_in(sentence) is None


def test_what_someone_will_set_out_that_they_will_do_is_commitments() -> None:
    lead = sentence_to_lead_in("We will develop proposals which will set out how we will:")
    assert lead is not None and lead.kind == "commitment"


# ---------------------------------------------------------------------------------------------------- figures


def test_a_change_keeps_where_it_started_and_a_range_is_not_a_change() -> None:
    assert figures_of("Unemployment was reduced from 20% to 5% in the county.")["20% to 5%"][:5] == (
        "percent", 5.0, None, None, 20.0,
    )  # fmt: skip
    assert figures_of("Exports rose to £5bn, up from £3bn.")["£5bn"][:5] == ("GBP", 5e9, None, None, 3e9)
    assert figures_of("Loans from £10,000 to £250,000 are available.")["£10,000 to £250,000"][:5] == (
        "GBP", None, 10_000.0, 250_000.0, None,
    )  # fmt: skip
    # falling from one to the other, whatever the words before say so: a range runs low to high
    assert figures_of("A cut in VAT for the tourism and hospitality sectors from 20% to 5% applies.")["20% to 5%"][
        :5
    ] == ("percent", 5.0, None, None, 20.0)
    # with no word of change, a range printed high to low stays a range, flagged
    assert figures_of("Targets range from 90% to 60% depending on the region.")["90% to 60%"][:5] == (
        "percent", None, 90.0, 60.0, None,
    )  # fmt: skip


def test_a_number_whose_second_part_prints_fewer_digits_is_no_reversed_range() -> None:
    """``737–9`` (a model) or ``1995–9`` (the last digits of a span) run no range backwards."""
    got = figures_of("The order prohibits Boeing Model 737–8 and 737–9 airplanes from flying.")
    assert not [text for text in got if "–" in text]


def test_a_change_reaches_past_the_words_and_years_of_where_it_started() -> None:
    got = figures_of("Exports climbed from 12% of output in 2001 to 19% in 2015.")
    assert got["12% of output in 2001 to 19%"][:5] == ("percent", 19.0, None, None, 12.0)
    got = figures_of("Sales increased threefold from EUR 2 billion to around EUR 6 billion.")
    assert got["EUR 2 billion to around EUR 6 billion"][:5] == ("EUR", 6e9, None, None, 2e9)
    # a count printed like a year is still where a change ends; a year is never where one starts
    assert figures_of("The number of jobs rose from 1500 to 2000 jobs.")["1500 to 2000"][1:5] == (
        2000,
        None,
        None,
        1500,
    )
    assert figures_of("Employment rose from 2010 to 2015 to 45,000 jobs.")["45,000"][1:5] == (45000, None, None, None)
    # a period between two figures of different kinds is no change: the years date the growth
    assert figures_of("Employment rose from 2010 to 2015 by 5%.")["5%"][1:5] == (5.0, None, None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The employment rate rose from 70% in 2010, compared to 75% nationally.",
        "Productivity increased from 80% of the UK average similar to 82% in Wales.",
        "Unemployment fell from 8% in 2012, while inflation rose to 3%.",
        "Funding was reduced from £10m due to £2m of savings.",
        "Unemployment is down from 7% last year, and the claimant count is expected to fall to 4%.",
    ],
)
def test_a_second_figure_that_only_follows_a_to_is_no_end_of_the_change(sentence: str) -> None:
    assert all(before is None for *_, before, _ in figures_of(sentence).values())


def test_by_how_much_then_to_what_level_is_two_figures_not_a_range() -> None:
    got = figures_of("We will grow the visitor economy by £40m to £900m a year.")
    assert (got["£40m"][1], got["£40m"][5], got["£900m"][1]) == (40e6, "change", 900e6)
    got = figures_of("Unemployment will be reduced by 2 percentage points to 5%.")
    assert (got["2 percentage points"][5], got["5%"][1]) == ("change", 5.0)
    # a range of changes: money of like size, percentages that are not points, or "by" naming who pays
    assert figures_of("Costs will fall by £2m to £5m.")["£2m to £5m"][2:4] == (2e6, 5e6)
    assert figures_of("Output is expected to grow by 2% to 20% a year.")["2% to 20%"][2:4] == (2.0, 20.0)
    assert figures_of("Projects are financed by £10,000 to £50,000 of grants.")["£10,000 to £50,000"][2:4] == (
        10_000.0, 50_000.0,
    )  # fmt: skip


def test_a_range_shares_its_scale_and_its_currency_sign() -> None:
    assert figures_of("The market is worth £7–£10 billion.")["£7–£10 billion"][2:4] == (7e9, 10e9)
    assert figures_of("Loans of £10,000-£250,000 are offered.")["£10,000-£250,000"][2:4] == (10_000.0, 250_000.0)
    assert figures_of("Business R&D was EUR 24.1 per capita.")["EUR 24.1"][:2] == ("EUR", 24.1)
    # the high end set close after a dash without its currency or scale is the same money
    got = figures_of("The estimated return on every £1 of investment is £8-14 by 2025 and £20-34 by 2030.")
    assert (got["£8-14"][0], got["£8-14"][2:4], got["£20-34"][2:4]) == ("GBP", (8.0, 14.0), (20.0, 34.0))
    assert figures_of("Grants of £1-2 each.")["£1-2"][2:4] == (1.0, 2.0)
    assert figures_of("Over £350m³ has been invested.")["£350m"][:2] == ("GBP", 350e6)  # a note mark touches it
    assert figures_of("The state will spend ₹5 crore on roads.")["₹5 crore"][:2] == ("INR", 5e7)  # not a count


def test_a_year_is_not_a_count_of_the_noun_after_it_unless_the_noun_follows_it() -> None:
    assert figures_of("Their review, published in October 2017, engaged widely with businesses.") == {}
    assert figures_of("It led to an average spend of £2 billion a year from 2013 to 2020 with SMEs.").keys() == {
        "£2 billion"
    }
    assert figures_of("There were 1950 businesses in the city.")["1950"][:2] == ("businesses", 1950.0)


def test_percentages_in_words_percentage_points_and_a_hyphened_range() -> None:
    assert figures_of("Foreign travellers have been on average four percent of visitors.")["four percent"][:2] == (
        "percent", 4.0,
    )  # fmt: skip
    assert figures_of("The share of exporters rose by 5 percentage points.")["5 percentage points"][:2] == (
        "percent",
        5.0,
    )
    assert figures_of("The share of exporters rose by 5 percentage points.")["5 percentage points"][5] == "change"
    assert figures_of("The top 20's share rose by 4.2% points.")["4.2%"][5] == "change"  # points written short
    assert figures_of("Theatres operated at 20-50% occupancy.")["20-50%"][:4] == ("percent", None, 20.0, 50.0)
    assert figures_of("The 2019-20 budget was agreed.") == {}  # a fiscal year is no range of percentages


def test_counts_of_any_plural_noun_from_ten_and_what_a_figure_counts() -> None:
    got = figures_of("The area boasts 20 universities, 22 science parks and the 3 partners met for 5 days.")
    assert {k: v[:2] for k, v in got.items()} == {"20": ("universities", 20.0), "22": ("parks", 22.0)}
    (figure,) = sentence_to_figures(
        s := "Around 23% of smaller businesses expect finance to be easier.", 0, len(s), None
    )
    assert figure.subject is not None and figure.subject.startswith("smaller businesses")
    assert figures_of("The fund gives £5 million to regenerate a high street.")["£5 million"][5] == "funding"


def test_a_number_labelling_a_part_a_level_or_a_model_or_ending_an_identifier_counts_nothing() -> None:
    assert figures_of("The authority citation for part 39 continues to read as follows.") == {}
    assert figures_of("Funding for Level 3 apprenticeships and Phase 12 schools is agreed.") == {}
    assert figures_of("The directive AD 2018–23–51 applies to Model 737–9 airplanes.") == {}
    assert figures_of("The region has 30 apprenticeships and 3,000 businesses.").keys() == {"30", "3,000"}


def test_a_confidence_level_and_an_age_are_no_figures() -> None:
    assert figures_of("Differences significant at the 95% confidence interval are shown; Rate (90 percent CI).") == {}
    assert figures_of("They are statistically significant at the 5% probability level.") == {}
    assert figures_of("The gap is significant at the 10% level.") == {}
    assert figures_of("At 10.8 percent, adults aged 15 to 64 with severe disabilities were poorer.").keys() == {
        "10.8 percent"
    }
    assert figures_of("Volunteers pair with young people, aged 14-24 students, in 20 centres.").keys() == {"20"}


def test_a_part_of_a_span_of_time_is_no_share_and_a_count_does_not_reach_over_a_preposition() -> None:
    assert figures_of("Prices fell in the first three quarters of 2009 and the second half of 2018.") == {}
    assert figures_of("Over half of firms export.").keys() == {"half"}
    assert figures_of("Local sources (under 50 km from receptors) matter.") == {}
    assert figures_of("The area boasts 22 science parks.").keys() == {"22"}


def test_a_year_before_the_currency_it_prices_in_and_school_grades_are_no_figures() -> None:
    assert figures_of("Incomes are shown in 2005 U.S. dollars.") == {}
    assert figures_of("It cost 2005 million dollars.")["2005 million dollars"][1] == 2_005_000_000
    assert figures_of("Enrollment in grades 9–12 in public schools rose.") == {}


def test_the_rows_of_a_table_column_headed_recommendations_are_objectives(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A sector review\n\nThe review made these recommendations.\n\n"
        "Recommendations\tCurrent position\tLead\n"
        "Government should launch a new cluster programme\tAgreed in the deal\tDCMS\n"
        "Industry should fund new skills places\tUnder way since 2019\tIndustry\n\n"
        "The end of the review comes here with some closing words.\n",
        name="review.txt",
    )
    assert [(o.list_kind, o.list_style, o.text, o.actor) for o in doc.objectives] == [
        ("recommendation", "table", "Government should launch a new cluster programme", "DCMS"),  # the Lead column
        ("recommendation", "table", "Industry should fund new skills places", "industry"),
    ]


def test_a_table_titled_over_its_column_headings_gives_its_actions_and_who_leads_them(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A transport plan\n\nThe plan sets out its actions by axis.\n\n"
        "Axis 1 – Resources\t\t\n"
        "Actions\tTimetable\tResponsible and partners\n"
        "Set up an annual budget for cycling paths\t2022-2026\tTown council\n"
        "Hire a coordinator for active transport\t2023\tTown council, region\n\n"
        "The plan ends here with some closing words for its readers.\n",
        name="plan.txt",
    )
    assert [(o.list_kind, o.text, o.actor) for o in doc.objectives] == [
        ("action", "Set up an annual budget for cycling paths", "Town council"),
        ("action", "Hire a coordinator for active transport", "Town council, region"),
    ]


def test_a_table_items_dot_leaders_are_no_part_of_it(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A transport plan\n\nThe plan sets out its actions.\n\n"
        "Actions\tTimetable\tResponsible and partners\n"
        "Set up an annual budget for cycling paths .........\t2022-2026\tTown council\n"
        "Hire a coordinator for active transport . . . . . .\t2023\tTown council, region\n\n"
        "The plan ends here with some closing words for its readers.\n",
        name="plan.txt",
    )
    assert [(o.text, doc.text[o.char_start : o.char_end]) for o in doc.objectives] == [
        ("Set up an annual budget for cycling paths", "Set up an annual budget for cycling paths"),
        ("Hire a coordinator for active transport", "Hire a coordinator for active transport"),
    ]


def test_a_table_item_with_no_lead_column_is_acted_on_by_the_body_it_names_after_its_title(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# An education strategy\n\nThe strategy sets out its actions.\n\n"
        "Actions\tTimetable\tStatus\n"
        "EdTech The Department for International Trade will promote the sector abroad\t2021\tUnder way\n"
        "visa offer The UK government will keep the visa system under review\t2022\tAgreed\n"
        "market data Better figures on the sector will be gathered with partners\t2023\tPlanned\n\n"
        "The strategy ends here with some closing words for its readers.\n",
        name="strategy.txt",
    )
    assert [o.actor for o in doc.objectives] == ["Department for International Trade", "government", None]


# ---------------------------------------------------------------------------------------------------- second round


def test_a_label_alone_on_its_line_numbers_the_text_under_it(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# An education strategy\n\nSome context about the sector comes first in this part of the plan.\n\n"
        "Action 1 (2021)\n\nThe Department for Education will promote education in future trade agreements.\n\n"
        "More context about the market follows here, in a paragraph of its own.\n\n"
        "Action 2 (2021)\n\nUK Export Finance (UKEF) will tailor its marketing for the whole sector.\n",
    )
    assert [(o.list_kind, o.text[:24], o.actor) for o in doc.objectives] == [
        ("action", "The Department for Educa", "Department for Education"),
        ("action", "UK Export Finance (UKEF)", "UK Export Finance"),
    ]  # the body an action says will act is its actor


def test_a_paragraph_opening_with_a_label_and_a_colon_is_an_item_of_that_kind(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A careers strategy\n\n## 1. Encounters with employers\n\nOur aim: We want all young people to learn "
        "from employers about work.\n\nEmployers are integral to great careers advice in every part of the "
        "country.\n\n## 2. Advice in schools\n\nOur aim: We want every school to offer a programme of advice."
        "\n\nOur aims in this chapter are modest, and the chapter explains them.\n\nPriority: High. Lead: the "
        "department for education.\n\nAction: Lead partner: the Council will convene the employers.\n",
    )
    assert [(o.list_kind, o.list_number, o.text[:22]) for o in doc.objectives] == [
        ("aim", 1, "We want all young peop"),
        ("aim", 1, "We want every school t"),
    ]  # one list of the document's aims; a sentence about aims, with no colon, labels nothing, nor do fields


def test_a_label_over_a_word_or_two_is_a_diagrams_labels_not_an_item(tmp_path: Path) -> None:
    lines = ("The figure extends the model of use with the determinants of its ease.", "", "Objective", "Usability")
    (tmp_path / "review.pdf").write_bytes(build_pdf([text_page(*lines, "", "The model explains how people use it.")]))
    doc = source_to_document(next(iter(sources_to_specs(tmp_path))))
    assert "Objective\nUsability" in [doc.text[b.char_start : b.char_end] for b in doc.blocks]
    assert doc.objectives == []  # "Usability" under "Objective": a diagram's two labels, not the document's aim


def test_a_label_among_a_forms_fields_in_capitals_is_a_field_not_an_item(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# Airworthiness Directives\n\nAGENCY : Federal Aviation Administration (FAA), Department of Transportation."
        "\n\nACTION : Notice of proposed rulemaking for the airplanes of one maker.\n\nSUMMARY : The agency "
        "proposes to adopt a new directive for these airplanes.\n",
    )
    assert doc.objectives == []


def test_lead_ins_that_say_how_or_what_next_and_nouns_set_aside_in_dashes(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\nThe plan signals an intention to lead emerging markets. It will do this by:\n\n"
        "- boosting innovation through joint investment\n- supporting SMEs in the supply chain\n\n"
        "Context comes next, in a paragraph that says nothing about lists at all.\n\n"
        "In the short term, we will take the following next steps:\n\n- confirm a capital settlement\n"
        "- publish guidance on the new regime\n\nMore context comes next, in a paragraph of its own here.\n\n"
        "Key areas for action – most of which will be led by local authority partners – include:\n\n"
        "- building local supply chains\n- unlocking the circular economy\n",
    )
    assert [(o.list_kind, o.text[:14]) for o in doc.objectives] == [
        ("commitment", "boosting innov"), ("commitment", "supporting SME"),
        ("action", "confirm a capi"), ("action", "publish guidan"),
        ("action", "building local"), ("action", "unlocking the "),
    ]  # fmt: skip


def test_a_short_we_will_sentence_over_clauses_in_lower_case_frames_commitments(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A strategy\n\nWe will work with partners to maintain critical capabilities\n\n"
        "- investigate how to sustain the resilience of capabilities\n"
        "- examine novel ways to reduce the cost of sustaining them\n\n"
        "Context comes next, in a paragraph that says nothing about lists at all.\n\n"
        "We will invest in these areas\n\n- energetics;\n- novel materials;\n",
    )
    assert [(o.list_kind, o.text[:12]) for o in doc.objectives] == [
        ("commitment", "investigate "), ("commitment", "examine nove"),
    ]  # fmt: skip


def test_this_will_include_after_a_we_will_sentence_frames_the_clauses_under_it_as_commitments(
    tmp_path: Path,
) -> None:
    doc = parse_text(
        tmp_path,
        "# A strategy\n\nWe will take action to unlock growth in the space sector, using government to unleash the "
        "potential of our industry, entrepreneurs and innovators. This will include:\n\n"
        "- ensuring innovative businesses can access private finance through venture capital\n"
        "- leading the world in modern regulation and building new trading partnerships\n\n"
        "Many things happen every year in this area of work.\n\nThis will include:\n\n"
        "- a review of regulation\n- new trading partnerships\n",
    )
    assert [(o.list_kind, o.text[:12]) for o in doc.objectives] == [
        ("commitment", "ensuring inn"), ("commitment", "leading the "),
    ]  # fmt: skip


def test_the_plan_acting_after_a_noun_or_announcing_the_following_frames_commitments(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\nTo use these milestones to connect the world with our destinations the government will deliver:"
        "\n\n- a programme to run alongside the games\n- an additional bank holiday in June\n\n"
        "A paragraph of context comes next, and says nothing about lists.\n\n"
        "The government will implement the following to further stimulate domestic leisure demand:\n\n"
        "- a domestic marketing campaign\n- a consumer promotion\n\nMore context comes here, in a paragraph.\n\n"
        "The government will therefore take the following steps:\n\n- restart international travel\n"
        "- promote the country overseas\n\nAnd more context comes here, in a paragraph.\n\n"
        "At the early stages of a project, all proposals will therefore need to demonstrate, in headline terms:\n\n"
        "- how the project will contribute to these outcomes\n- what measures will be taken\n",
    )
    assert [(o.list_kind, o.text[:12]) for o in doc.objectives] == [
        ("commitment", "a programme "), ("commitment", "an additiona"),
        ("commitment", "a domestic m"), ("commitment", "a consumer p"),
        ("action", "restart inte"), ("action", "promote the "),
    ]  # fmt: skip


def test_a_long_title_names_its_sector_before_the_kind_of_document_and_a_department_is_no_subject(
    tmp_path: Path,
) -> None:
    doc = parse_text(
        tmp_path, "# Next Generation Mobile Technologies: An update to the 5G strategy for the UK\n\nText.\n"
    )
    assert {(m.cluster_id, m.salience) for m in doc.cluster_mentions} == {("telecommunications", "subject")}
    doc = parse_text(tmp_path, "# Department for Education\n\n## Annual report on supplier spend\n\nText.\n")
    assert not [m for m in doc.cluster_mentions if m.salience == "subject"]


def test_a_long_title_names_its_sector_last_and_a_subtitle_does_not(tmp_path: Path) -> None:
    """A title too long to be a sector's name alone is about the sector it ends on, or that ends its main part
    before the colon of its subtitle; a sector named in passing inside it is not the document's subject."""
    for title, subjects in (
        ("Policy strategies to build a more inclusive economy with cooperatives", {"cooperatives"}),
        (
            "Empowering communities with platform cooperatives: A catalyst for local development",
            {"platform-cooperatives"},
        ),
        ("Making the most of everyone's talents: a new strategy for the creative industries", {"creative-industries"}),
        ("Culture counts in every town: why the creative industries matter to the places we live", set()),
        ("A review of the funding of the creative industries and of its effects on our towns", set()),
    ):
        (tmp_path / "title").mkdir(exist_ok=True)
        doc = parse_text(tmp_path / "title", f"# {title}\n\nText.\n")
        assert {m.cluster_id for m in doc.cluster_mentions if m.salience == "subject"} == subjects, title


def test_an_enumeration_mostly_of_known_sectors_presents_all_its_parts(tmp_path: Path) -> None:
    presented = presented_in(
        tmp_path,
        "The national top sectors are Water, Life sciences, Creative industry, Logistics, Chemicals, Energy and "
        "Horticulture.",
    )
    assert {"Water", "Chemicals", "Horticulture", "Logistics"} <= presented


def test_headings_in_one_type_after_a_paragraph_presenting_sectors_below_each_name_one(tmp_path: Path) -> None:
    body = (
        "## Policies that affect members\n\nPolicies can include cooperatives. We present a few business sectors as "
        "examples below.\n\n### BANKING\n\nText on banks.\n\n### CHILD CARE\n\nText on care.\n\n### FOOD SECURITY"
        "\n\nText on food.\n\n## Eligibility and regulation\n\nText on law.\n"
    )
    wanted = {("BANKING", "presented"), ("CHILD CARE", "presented"), ("FOOD SECURITY", "presented")}
    doc = parse_text(tmp_path, "# Policy strategies\n\n" + body)
    assert {(m.name_as_written, m.salience) for m in doc.cluster_mentions if m.rule == "sector_list"} == wanted
    # in a document about one sector (its title ends on it), sectors with headings of their own are still presented
    (tmp_path / "about").mkdir()
    doc = parse_text(
        tmp_path / "about", "# Policy strategies to build a more inclusive economy with cooperatives\n\n" + body
    )
    assert {(m.name_as_written, m.salience) for m in doc.cluster_mentions if m.rule == "sector_list"} == wanted
    assert [m.cluster_id for m in doc.cluster_mentions if m.salience == "subject"] == ["cooperatives"]


def test_sectors_sharing_one_head_noun_in_a_title_are_presented_and_in_a_sentence_passing(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# The Tourism Recovery Plan\n\n## Tourism as a catalyst for the UK’s film, heritage, sports and music "
        "sectors\n\nVisitors come for the country’s stories. The retail, hospitality and leisure sectors were hit "
        "hard last year.\n",
    )
    presented = {m.name_as_written for m in doc.cluster_mentions if m.salience == "presented"}
    assert {"film", "heritage", "sports", "music"} <= presented
    assert not presented & {"retail", "hospitality", "leisure"}


def test_a_statement_the_plan_sets_out_begins_at_its_sentence_and_a_trade_mission_is_no_vision(
    tmp_path: Path,
) -> None:
    doc = parse_text(
        tmp_path,
        "# A sector deal\n\nIn the Industrial Strategy, the government set out its vision to create good jobs for all.\n\n"
        "These activities will support the government’s ambition to increase R&D spend to 2.4 per cent of GDP.\n\n"
        "A trade mission to Kazakhstan took place in October, meeting over 50 investors.\n\n"
        "A key ambition of the strategy is for the UK to be a global centre for AI.\n",
    )
    assert [v.text[:24] for v in doc.visions] == [
        "In the Industrial Strate", "the government’s ambitio", "A key ambition of the st",
    ]  # fmt: skip


def test_a_relative_clause_or_a_to_opening_no_infinitive_frames_no_vision(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A space strategy\n\nIf we fail to act, think of the ambitions that would be let slip and the jobs lost.\n\n"
        "The agency leads on the national ambition for space, providing strategic direction to the sector.\n\n"
        "The government has published a strategy which sets out a five-year vision for boosting resilience to "
        "severe space weather.\n",
    )
    assert [v.text[:24] for v in doc.visions] == ["vision for boosting resi"]


def test_the_place_a_document_is_about_speaks_with_the_plans_voice(tmp_path: Path) -> None:
    body = " ".join(["Northshire has many firms and Northshire has many people."] * 12)
    doc = parse_text(
        tmp_path,
        f"# A regional strategy\n\n{body}\n\nNorthshire wants to be a leader in sustainable food systems by 2030.\n\n"
        "Acme Foods wants to be the largest maker of oat milk in the whole country.\n",
    )
    assert [(v.text[:16], v.owner) for v in doc.visions] == [
        ("Northshire wants", "plan"), ("Acme Foods wants", "Acme Foods"),
    ]  # fmt: skip


def test_a_share_of_a_whole_is_a_share_whatever_moves_it_and_money_takes_its_clauses_measure() -> None:
    assert figures_of("Spending should rise to 2.5% of GDP in 2020.")["2.5%"][5] == "share"
    assert (
        figures_of("Export earnings for the UK reached, according to the survey, £1.4 billion.")["£1.4 billion"][5]
        == "exports"
    )


def test_label_boxes_ordinal_paragraphs_and_lead_ins_that_point_back(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A report\n\nRecommendation 1: Support new collaborative research.\n\nThe pandemic changed the sector.\n\n"
        "Action\nNew funding calls devised with the research councils.\n\n"
        "Recommendation 2: Reach new global audiences.\n\nDigital reach is growing fast in every region.\n\n"
        "Action\nA joint piece of research on global audiences.\n\n"
        "## Delivering the plan\n\nWe envisage four routes to delivering the plan over the next decade.\n\n"
        "First, we will work collaboratively with partners.\n\nCollaboration helps capacity in many ways.\n\n"
        "Second, we will seek to attract private investment.\n\nThe county has done well at this.\n\n"
        "## Key areas\n\nA wide range of Areas for Action have been identified. These include:\n\n"
        "- supporting SMEs to reach net zero\n- learning about remote working\n",
    )
    got = [(o.list_kind, o.text[:16]) for o in doc.objectives]
    assert got == [
        ("recommendation", "Support new coll"), ("action", "New funding call"),
        ("recommendation", "Reach new global"), ("action", "A joint piece of"),
        ("commitment", "we will work col"), ("commitment", "we will seek to "),
        ("action", "supporting SMEs "), ("action", "learning about r"),
    ]  # fmt: skip


def test_a_list_of_what_has_been_delivered_is_progress_not_objectives(tmp_path: Path) -> None:
    """Achievements so far (``priorities have been delivered, including:``) are no objectives; the same items
    announced as what will have been delivered by a date are."""
    items = "- the appointment of an international education champion\n- a new graduate route for students\n"
    done = parse_text(tmp_path, f"# An update\n\nA number of priorities have been delivered, including:\n\n{items}")
    assert done.objectives == []
    (tmp_path / "due").mkdir()
    due = parse_text(
        tmp_path / "due", f"# A plan\n\nBy 2025 the following priorities will have been delivered:\n\n{items}"
    )
    assert [o.list_kind for o in due.objectives] == ["priority", "priority"]


def test_a_list_is_of_what_its_lead_in_counts_last_before_the_colon(tmp_path: Path) -> None:
    """``Twelve strands of work are set out in four parts:`` over four items: the items are the parts, groups of
    the strands, not the twelve strands; ``The plan sets out four strands of work:`` over them they are."""
    items = (
        "- Implementing a flexible regulatory framework;\n- Supporting industry and local leaders;\n"
        "- Ensuring decision-making is robust; and\n- Continuing established programmes.\n"
    )
    parts = parse_text(tmp_path, f"# Next steps\n\nTwelve strands of work are set out in four parts:\n\n{items}")
    assert parts.objectives == []
    (tmp_path / "strands").mkdir()
    strands = parse_text(tmp_path / "strands", f"# Next steps\n\nThe plan sets out four strands of work:\n\n{items}")
    assert [o.list_kind for o in strands.objectives] == ["strand"] * 4


def test_a_label_in_the_plural_alone_over_a_block_heads_a_column_not_one_item(tmp_path: Path) -> None:
    """``Action`` alone over its text labels one action; ``Actions`` alone (a column's header over ``Action 7
    (2019): regional prioritisation`` and the rest) labels no one block as an action."""
    body = "The Department for International Trade will prioritise resources to support partners.\n"
    single = parse_text(tmp_path, f"# A progress report\n\nAction\n\n{body}")
    assert [(o.list_kind, o.text[:14]) for o in single.objectives] == [("action", "The Department")]
    (tmp_path / "plural").mkdir()
    assert parse_text(tmp_path / "plural", f"# A progress report\n\nActions\n\n{body}").objectives == []


def test_outcomes_under_an_actions_heading_are_not_actions(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\n## Our Planned Actions\n\nThe new model will be delivered. This will result in:\n\n"
        "- increased capacity to deliver\n- greater engagement with markets\n\n"
        "Our approach will be reviewed, with emphasis on:\n\n- Policy – raising the profile of the agenda\n"
        "- Delivery – improving process and guidance\n",
    )
    assert [(o.list_kind, o.text[:8]) for o in doc.objectives] == [("action", "Policy –"), ("action", "Delivery")]


@pytest.mark.parametrize(
    ("body", "visions"),
    [
        (  # how a plan wants to work is no vision, the future it wants is
            "The government also wants to work with city region mayors on this.\n\n"
            "Our intention is to continue to engage with investors in this manner.\n\n"
            "We want every school and college to have an excellent careers programme by 2025.\n",
            ["We want every "],
        ),
        (  # ambitions nobody is said to hold are no vision; counted ones are the sentence's
            "The Bank will monitor changes in businesses’ ambitions to both start up and scale up.\n\n"
            "There are ambitions to make tourism in the county more sustainable.\n\n"
            "This strategy set out 2 key ambitions to achieve by 2030: to increase education exports.\n",
            ["This strategy s"],
        ),
        (  # an intention or a resolve is a vision when a state of the place is resolved, not an act
            "It is our intention to legislate to put the plans on a statutory footing.\n\n"
            "We are determined to ensure the UK has the infrastructure it needs for decades.\n\n"
            "The government is determined that charities should be fully confident in their right to speak.\n\n"
            "Our intention is to be the best place to start and grow a business in the world.\n\n"
            "We are determined that the UK should be a world leader in 5G so that we benefit early.\n",
            ["Our intention is to", "We are determined t"],
        ),
    ],
)
def test_which_wants_and_ambitions_are_visions(tmp_path: Path, body: str, visions: list[str]) -> None:
    doc = parse_text(tmp_path, f"# A strategy\n\n{body}")
    assert [v.text[: len(visions[0])] for v in doc.visions] == visions


def test_the_growth_areas_a_paragraph_announces_are_the_items_of_the_numbered_list_under_it(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A smart specialisation analysis\n\nThree global trends were selected as the growth areas.\n\n"
        "1. Information and communications technology. The sector is growing.\n\nSub-areas:\n\n"
        "a) software\nb) games\n\n2. Healthcare technology and services. Demand is growing.\n\n"
        "3. More efficient use of resources. Resources are scarce.\n",
    )
    presented = {m.name_as_written for m in doc.cluster_mentions if m.salience == "presented"}
    assert {"Information and communications technology", "More efficient use of resources"} <= presented


def test_a_counted_lead_in_in_the_plans_voice_counts_only_when_the_count_is_met(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\nOverall, we will need three key things to make our hospitals fit for the future:\n\n"
        "- a rolling programme of investment\n- a reformed capital system\n- backing for the wider sectors\n\n"
        "Context comes next, in a paragraph that says nothing about lists at all.\n\n"
        "We found two things in the survey:\n\n- firms are small\n- firms are young\n- firms are rural\n",
    )
    assert [o.text[:9] for o in doc.objectives] == ["a rolling", "a reforme", "backing f"]


def test_a_figure_is_about_the_place_its_sentence_names_else_the_place_its_document_is_about(tmp_path: Path) -> None:
    body = "Oxfordshire is a county of towns and villages. " * 4
    doc = parse_text(
        tmp_path,
        f"# A county plan\n\n{body}\n\nOxfordshire employs 350,000 people.\n\n"
        "Across the county there are 30,000 firms.\n\nIn the UK as a whole, 5.5 million firms trade.\n",
    )
    assert [(doc.text[f.char_start : f.char_end], f.place) for f in doc.figures] == [
        ("350,000", "Oxfordshire"), ("30,000", "Oxfordshire"), ("5.5 million", "United Kingdom"),
    ]  # fmt: skip


def test_a_paragraph_printing_its_figures_in_words_only_gives_them(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\nThe development of technology produced around one-third of the growth.\n\n"
        "Developing a drug costs approximately one billion US dollars.\n",
    )
    assert [(doc.text[f.char_start : f.char_end], f.unit, f.value) for f in doc.figures] == [
        ("one-third", "percent", 33.3), ("one billion US dollars", "USD", 1e9),
    ]  # fmt: skip


def test_the_date_of_an_announcement_is_not_a_figures_period() -> None:
    s = "In January 2019, the NHS published its plan with £2.1bn more for hospitals."
    (figure,) = sentence_to_figures(s, 0, len(s), None)
    assert figure.period is None
    s = "Exports reached £5bn in 2019."
    (figure,) = sentence_to_figures(s, 0, len(s), None)
    assert figure.period is not None and "2019" in figure.period


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Most of it is public (2011: 54% of gross domestic expenditure on R&D).", "2011"),
        ("In the 2019 to 2020 academic year, the UK hosted around 560,000 international students.", "2019-20"),
        ("Spending with small firms came to £0.8 billion from 2013 to 2020.", "2013-20"),
        ("In early 2019, the 32 proposals received were down-selected.", "early 2019"),
        ("Visits will return in 2022 to 2019 levels of 40 million visitors.", "2022"),  # no span runs backwards
        ("Exports reached £5bn in mid2020.", None),  # a season run into its year is no phrase
    ],
)
def test_a_figures_period_from_a_year_labelling_it_or_a_span_of_years_in_words(
    sentence: str, period: str | None
) -> None:
    (figure,) = sentence_to_figures(sentence, 0, len(sentence), None)
    assert figure.period == period


@pytest.mark.parametrize("joint", [", and ", ",\n        and\n   "])  # however wide the space a line break leaves
def test_a_clause_of_its_own_after_a_comma_and_dates_its_figures_apart(joint: str) -> None:
    s = (
        f"In 2017, education exports were above £20 billion for the first time, reaching £21.4 billion{joint}"
        "increased again in 2018 to £23.3 billion."
    )
    assert [(s[f.char_start : f.char_end], f.period, f.measure) for f in sentence_to_figures(s, 0, len(s), None)] == [
        ("£20 billion", "2017", "exports"), ("£21.4 billion", "2017", "exports"), ("£23.3 billion", "2018", "exports"),
    ]  # fmt: skip


def test_figures_joined_by_and_nearly_share_the_period_after_them() -> None:
    s = "The projects would have secured annual sales of £2.9 billion and nearly 12,000 jobs by 2030."
    assert [f.period for f in sentence_to_figures(s, 0, len(s), None)] == ["by 2030", "by 2030"]


AGREEMENT = (
    "# A skills agreement\n\n1. The Authority will lead a review of the region's long-term skills challenges.\n\n"
    "2. The Government will publish the package of measures set out here.\n\n## Apprenticeships\n\n"
    "3. The Authority will establish a regional taskforce with employers.\n\n"
    "4. The Government commits to supporting the Authority with its work on apprenticeships.\n\n"
    "5. For young people who need extra support:\n\n"
    "- The Department commits to piloting an expansion of the support programme.\n"
    "- Careers advice in the region is offered by many providers.\n\n"
    "6. As part of this, we will develop a joint employer engagement plan.\n\n## Digital skills\n\n"
    "7. With three bids moving to the second stage, Government welcomes the priority the region puts on skills.\n\n"
    "8. The Government announced a new hub in the north of the region. We will build on this with a partnership.\n\n"
    "9. The Taskforce will also oversee a strategic approach to investment.\n\n"
    "10. This package will inform the region's industrial strategy.\n\n"
    "11. Subject to approval, the Government will provide funding for a regional careers hub.\n"
)


def test_an_agreements_numbered_paragraphs_committing_a_party_are_its_commitments(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, AGREEMENT)
    assert [(o.list_kind, o.actor, o.text[:24]) for o in doc.objectives] == [
        ("commitment", "Authority", "The Authority will lead "),
        ("commitment", "government", "The Government will publ"),
        ("commitment", "Authority", "The Authority will estab"),
        ("commitment", "government", "The Government commits t"),
        ("commitment", "Department", "The Department commits t"),
        ("commitment", None, "As part of this, we will"),
        ("commitment", None, "The Government announced"),  # "We will build on this": the plan's own voice
        ("commitment", "Taskforce", "The Taskforce will also "),
        ("commitment", "government", "Subject to approval, the"),
    ]  # fmt: skip
    # a white paper: most paragraphs say what "we will" do, but only in a later sentence; fewer than half open so
    half = AGREEMENT.replace("1. The Authority will lead", "1. Skills matter. The Authority will lead").replace(
        "2. The Government will publish", "2. Much is known. The Government will publish"
    )
    (tmp_path / "half").mkdir()
    assert parse_text(tmp_path / "half", half).objectives == []


def test_numbered_paragraphs_mostly_of_context_are_no_commitments(tmp_path: Path) -> None:
    context = "\n\n".join(
        f"{n}. The region's economy grew in year {n} and its firms employed more people than before."
        for n in range(1, 9)
    )
    doc = parse_text(tmp_path, f"# A report\n\n{context}\n\n9. The Government will publish a review.\n")
    assert doc.objectives == []


def test_thousands_set_apart_by_spaces_and_us_dollars() -> None:
    figures = figures_of(
        "Smart formally employed 20 031 independent workers among its 34 163 members. "
        "Corporate donations reached almost US$3 billion in 2019."
    )
    assert figures["20 031"][:2] == ("people", 20031)
    assert figures["34 163"][:2] == ("members", 34163)
    assert figures["US$3 billion"][:2] == ("USD", 3_000_000_000)
    row = figures_of("Staff numbers 108 26 134 134 executive board members. Total responses 242 100 % of them.")
    assert not [text for text in row if re.search(r"\d \d", text)]  # a table row's cells, not one number


def test_examples_templates_guidance_and_resources_are_no_objectives(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A manual\n\n## Agreeing objectives\n\nLocal partnerships choose a small set of aims.\n\n"
        "- X% increase in footfall to the high street by [20XX]\n- Attract [£ amount] in non-public funding\n"
        "- Increase by [X%] the number of visitors\n\n## Evidence\n\nExamples of good objectives might include:\n\n"
        "- more people in skilled work\n- more firms exporting goods\n\nIn developing objectives, you should consider:\n\n"
        "- the evidence base of the area\n- the views of local people\n\nThe following resources will help:\n\n"
        "- employer skills survey\n- online vacancy data\n\n## Our work\n\nOur three objectives are:\n\n"
        "- raise productivity in every town\n- widen access to skilled work\n- cut carbon emissions by half\n",
    )
    assert [o.text[:12] for o in doc.objectives] == ["raise produc", "widen access", "cut carbon e"]


def test_a_lead_in_over_titled_groups_of_items_frames_every_group(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A strategy\n\nIn 2019, our priorities for the programme are as follows:\n\n"
        "Implementing a flexible framework\n\nInitiating four new areas of focus for our review:\n\n"
        "- Micromobility vehicles\n- Transport data\n\nThese are in addition to existing programmes for:\n\n"
        "- Zero emission vehicles\n- Maritime autonomy\n\nSupporting industry and local leaders\n\n"
        "- Fostering experimentation and trialling, through new zones\n"
        "- Building local capability, through support to local areas\n\nProjects delivered in 2018\n\n"
        "- A new bridge over the river\n- A new library in the town centre\n\n"
        "Continuing established technology programmes\n\n- Zero emission vehicles\n- Drones and future flight\n",
    )
    assert [o.text[:12] for o in doc.objectives] == [
        "Micromobilit", "Transport da", "Fostering ex", "Building loc", "Zero emissio", "Drones and f",
    ]  # fmt: skip
    assert {o.list_kind for o in doc.objectives} == {"priority"}


def test_policy_orientations_are_recommendations(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A paper\n\nPolicy action can build on what exists. Policy orientations can:\n\n"
        "- Promote cooperatives as alternative models by raising awareness\n"
        "- Strengthen their business models through fair access to finance\n",
    )
    assert [(o.list_kind, o.text[:12]) for o in doc.objectives] == [
        ("recommendation", "Promote coop"), ("recommendation", "Strengthen t"),
    ]  # fmt: skip


def test_what_we_want_set_out_as_an_object_or_a_purpose_of_telling_is_no_vision(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A strategy\n\nThis strategy sets out what we want mobility innovation to deliver for people in towns. "
        "It sets out the benefits we want new services to bring to every city in the country. "
        "We also want to provide information on the funding streams available for local partners. "
        "As new mobility modes and services are introduced, we want to ensure that they reduce congestion in cities.\n",
    )
    assert [v.text[:30] for v in doc.visions] == ["As new mobility modes and serv"]


def test_an_enumeration_given_as_examples_presents_no_sectors(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A paper on cooperatives\n\nCooperatives in many sectors serve local communities with the services they "
        "need (e.g. in housing, education, health and culture industries).\n",
    )
    assert not [m for m in doc.cluster_mentions if m.salience == "presented"]


def test_contents_entries_set_in_under_an_entry_naming_sectors_are_sectors(tmp_path: Path) -> None:
    def at(x: float, y: float, text: str) -> str:
        return f"BT /F1 11 Tf {x:g} {y:g} Td ({text}) Tj ET"

    entries = [
        (72, "Contents", ""), (72, "Part 1. Process: how to build a strategy", "4"), (90, "About strategies", "5"),
        (72, "Part 2. Policy: sector-specific guidance", "15"), (90, "Arts and Culture", "16"),
        (90, "Creative Industries", "20"), (90, "Civil Society", "24"), (90, "Tourism", "28"),
        (72, "Appendix 1: evidence and resources", "40"),
    ]  # fmt: skip
    ops = []
    for k, (x, title, page) in enumerate(entries):
        ops.append(at(x, 720 - 22 * k, title + (" " + "." * 40 if page else "")))
        if page:
            ops.append(at(520, 720 - 22 * k, page))
    body = [
        at(72, 720 - 22 * k, f"Paragraph {k} of the manual sets out how partnerships plan their work.")
        for k in range(8)
    ]
    (tmp_path / "manual.pdf").write_bytes(build_pdf(["\n".join(ops).encode(), "\n".join(body).encode()]))
    (spec,) = sources_to_specs(tmp_path)
    doc = source_to_document(spec)
    presented = {m.cluster_id for m in doc.cluster_mentions if m.salience == "presented"}
    assert {"culture", "creative-industries", "tourism-and-leisure"} <= presented


def test_a_template_with_blanks_and_a_count_over_a_list_of_one_give_no_objectives(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A manual\n\nOur objectives for the high street are:\n\n- X% increase in footfall by [20XX]\n"
        "- Attract [£ amount] in non-public funding\n- Increase by [X%] the number of visitors\n\n"
        "Many things happen every year in this area of work.\n\nTwelve strands of work are set out in four parts:\n\n"
        "- Implementing a flexible regulatory framework\n\nThe rest of the chapter describes each of them.\n",
    )
    assert doc.objectives == []


def test_an_adverbial_before_we_want_keeps_the_vision_and_decimals_keep_their_thousands(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\nIn the future we want Leeds to be the best city in the country for health and wellbeing.\n",
    )
    assert [v.text[:20] for v in doc.visions] == ["In the future we wan"]
    assert figures_of("The fund holds EUR 1 234.5 million.")["EUR 1 234.5 million"][:2] == ("EUR", 1_234_500_000)


def test_a_cover_title_set_as_a_paragraph_names_the_subject_when_the_properties_give_it(tmp_path: Path) -> None:
    cover = b"BT /F1 11 Tf 72 700 Td (Robotics: Urban Strategy) Tj ET"
    body = "\n".join(
        f"BT /F1 11 Tf 72 {720 - 22 * k} Td (Paragraph {k} says how towns will plan transport with their partners.) Tj ET"
        for k in range(8)
    ).encode()
    for given, subjects in (("Robotics: Urban Strategy", {"robotics"}), ("Annual Report 2019", set())):
        folder = tmp_path / given.split(":")[0].replace(" ", "-")
        folder.mkdir()
        (folder / "plan.pdf").write_bytes(build_pdf([cover, body], info=f"<< /Title ({given}) >>".encode()))
        (spec,) = sources_to_specs(folder)
        doc = source_to_document(spec)
        assert doc.blocks[0].kind is BlockKind.PARAGRAPH  # a cover's title set as a paragraph, not a heading
        assert {m.cluster_id for m in doc.cluster_mentions if m.salience == "subject"} == subjects, given


def test_numbered_priority_areas_are_named_by_their_run_in_titles_across_pages(tmp_path: Path) -> None:
    def page(paragraphs: list[list[str]], top: int) -> bytes:
        ops, y = [], top
        for lines in paragraphs:
            for line in lines:
                ops.append(f"BT /F1 11 Tf 72 {y} Td ({line}) Tj ET")
                y -= 14
            y -= 14
        return "\n".join(ops).encode()

    def numbered(n: int) -> list[str]:  # the document numbers its paragraphs: "15.1." is a sub-point of one
        return [
            f"{n}. The programme sets out in paragraph {n} how the country chose what to support,",
            "with the evidence the experts gathered, the views of businesses and researchers",
            "and the lessons of the programmes that came before it, over the years",
            "since the country first set out to prioritise its research and innovation.",
        ]

    pages = [
        [numbered(10), numbered(11), numbered(12)],
        [numbered(13), numbered(14), ["15. Six priority areas have been identified:"],
         ["15.1. Energy and sustainable environment. The selection of this area answers",
          "future challenges such as the growing use of energy in the economy."],
         ["Energy use in the country is high, and transport is the main source of pollution."],
         ["15.2. Health technologies and biotechnologies. The area was selected because",
          "the population of the country ages and needs new treatments."]],
        [["15.3. Transport, logistics and information and communication technologies. It is",
          "projected that freight through the country will grow."],
         ["15.4. Inclusive and creative society. The area answers the social challenges",
          "that the country faces in the coming decades."], numbered(16), numbered(17)],
    ]  # fmt: skip
    (tmp_path / "programme.pdf").write_bytes(build_pdf([page(p, 740 - 30 * k) for k, p in enumerate(pages)]))
    (spec,) = sources_to_specs(tmp_path)
    doc = source_to_document(spec)
    presented = {m.name_as_written for m in doc.cluster_mentions if m.rule == "sector_list"}
    assert presented == {
        "Energy and sustainable environment", "Health technologies and biotechnologies",
        "Transport, logistics and information and communication technologies", "Inclusive and creative society",
    }  # fmt: skip  # none is in the catalogue; most hold a sector's name it knows (energy, biotechnology, logistics)


def test_sectors_named_to_qualify_something_else_or_beside_the_public_sector_are_not_presented(
    tmp_path: Path,
) -> None:
    for sentence in (
        "The demand for STEM skills is growing, particularly for sectors such as engineering, construction and "
        "manufacturing.",
        "Interviews were held with managers of companies from different sectors, including technology, health "
        "and services.",
        "Donations from the corporate sector went to projects focusing on social care, food and education.",
        "Technologies can be applied horizontally through sectors, such as ICT, biotechnology and "
        "nanotechnology.",  # examples of sectors, no place's or plan's
    ):
        assert presented_in(tmp_path, sentence) == set(), sentence
    assert presented_in(
        tmp_path, "The region has clusters of advanced manufacturing in sectors such as aerospace, nuclear and "
        "pharmaceuticals."
    ) == {"aerospace", "nuclear", "pharmaceuticals"}  # fmt: skip


def test_a_bracket_inside_a_name_stays_in_it_and_a_part_that_is_no_name_ends_an_enumeration(tmp_path: Path) -> None:
    presented = presented_in(
        tmp_path,
        "The county has strengths in: energy; space; connected and autonomous (self-driving) vehicles; robotics.",
    )
    assert "connected and autonomous (self-driving) vehicles" in presented and "connected and autonomous" not in (
        presented
    )
    presented = presented_in(
        tmp_path,
        "Among the cluster strategies of the region, Harwell Campus, for example, has developed strategies "
        "relating to energy, space, quantum computing, and health.",
    )
    assert presented == {"energy", "space", "quantum computing", "health"}  # not the campus the example names


def test_a_part_that_is_no_sector_ends_an_enumeration_in_a_sentence_and_places_are_no_sectors(
    tmp_path: Path,
) -> None:
    presented = presented_in(
        tmp_path,
        "The region has clusters of advanced manufacturing in sectors such as automotive, aerospace, nuclear and "
        "engineering to digital creative and media businesses in Manchester, Liverpool, Leeds and Sheffield.",
    )
    assert {"automotive", "aerospace", "nuclear"} <= presented  # "engineering to digital ..." is no name
    assert not presented & {"Manchester", "Liverpool", "Leeds", "Sheffield"}
    # a place among the sectors is left out, and the sectors after it stay
    presented = presented_in(tmp_path, "Key sectors include digital, manufacturing, Manchester and finance.")
    assert presented == {"digital", "manufacturing", "finance"}
    presented = presented_in(
        tmp_path,
        "Colleges train people in those sectors that are important to national growth (i.e. High Speed Rail, "
        "Nuclear, Digital, Creative & Cultural).",
    )
    assert not {"important to national growth", "i.e. High Speed Rail"} & presented


def test_a_case_studys_sectors_glossary_terms_and_a_departments_name_are_not_the_documents(tmp_path: Path) -> None:
    def at(x: float, y: float, text: str, size: int = 11) -> str:
        return f"BT /F1 {size} Tf {x:g} {y:g} Td ({text}) Tj ET"

    body = [at(72, 720 - 16 * k, f"Paragraph {k} of the strategy says how partners plan their work together.")
            for k in range(6)]  # fmt: skip
    box = [
        "0.9 g 300 300 250 160 re f 0 g",
        at(310, 440, "Case study: a city region", 12),
        at(310, 420, "The city has growth sectors such as advanced"),
        at(310, 406, "manufacturing, life sciences and logistics."),
    ]
    (tmp_path / "plan.pdf").write_bytes(build_pdf(["\n".join(body + box).encode()]))
    (spec,) = sources_to_specs(tmp_path)
    assert not [m for m in source_to_document(spec).cluster_mentions if m.salience == "presented"]
    (tmp_path / "plan.pdf").unlink()
    doc = parse_text(
        tmp_path,
        "# Department for Digital, Culture, Media & Sport\n\n# Future Telecoms Infrastructure Review\n\nText.\n\n"
        "## 5 Glossary of Terms\n\n### 5.1 Artificial Intelligence\n\nMachines that learn.\n\n### 5.2 Broadband\n\n"
        "Fast lines.\n",
        name="review.md",
    )
    assert {(m.cluster_id, m.salience) for m in doc.cluster_mentions} == {("telecommunications", "subject")}
    doc = parse_text(tmp_path, "# Ministry of Defence Space Strategy\n\nText.\n", name="review.md")
    assert {(m.cluster_id, m.salience) for m in doc.cluster_mentions} == {("space", "subject")}


def test_we_are_over_what_is_being_done_gives_actions_and_over_what_we_are_gives_none(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A defence industrial policy\n\nWe have begun this work already. We are:\n\n"
        "- Operating a new portal that signposts procurement opportunities\n"
        "- Revising internal guidance on engaging potential suppliers\n\n"
        "The rest of the chapter says more about each of them and what comes next.\n\n"
        "## Our values\n\nOur people hold to four values. We are:\n\n- Supportive and inclusive\n- Open and honest\n"
        "- Expert and professional\n\n## Our culture\n\nIn all we do, we are:\n\n- Caring\n- Inspiring\n- Daring\n",
    )
    assert [(o.list_kind, o.text[:9]) for o in doc.objectives] == [("action", "Operating"), ("action", "Revising ")]


def test_a_summary_of_decisions_frames_its_lists_and_labelled_headings_run_on_over_chapters(tmp_path: Path) -> None:
    chapter = "The chapter explains at length what the mission means for people and places. " * 3
    body = "# A civil society strategy\n\n## Summary of decisions\n\nThis paper sets out planned reforms.\n\n"
    body += "Putting employers at the heart of skills:\n\n- Give employers a central role in planning courses\n"
    body += "- Pilot local skills plans in trailblazer areas across England\n\n"
    for n, title in enumerate(("a connected society", "people in charge", "opportunities for young people"), 1):
        body += f"## Mission {n}: {title}\n\n" + "\n\n".join([chapter] * 45) + "\n\n"
    doc = parse_text(tmp_path, body)
    assert [(o.list_kind, o.text[:12]) for o in doc.objectives] == [
        ("commitment", "Give employe"), ("commitment", "Pilot local "),
        ("mission", "a connected "), ("mission", "people in ch"), ("mission", "opportunitie"),
    ]  # fmt: skip


def test_in_a_crown_copyright_publication_we_are_the_government_unless_we_ask_others_to_act(tmp_path: Path) -> None:
    body = (
        "# A national strategy\n\nIn the short term, we will take the following next steps:\n\n"
        "- Publish guidance for local areas on planning their transport\n- Fund up to four new trial zones\n\n"
        "We expect providers to meet the following commitments:\n\n- Publish their careers programmes\n"
        "- Meet the eight benchmarks\n\n"
        "{imprint}\n"
    )
    (tmp_path / "crown").mkdir()
    crown = parse_text(tmp_path / "crown", body.format(imprint="© Crown copyright 2019"))
    assert [(o.text[:12], o.actor) for o in crown.objectives] == [
        ("Publish guid", "government"), ("Fund up to f", "government"),
        ("Publish thei", None), ("Meet the eig", None),
    ]  # fmt: skip
    (tmp_path / "map").mkdir()
    mapped = parse_text(tmp_path / "map", body.format(imprint="© Crown copyright and database rights, Ordnance Survey"))
    assert {o.actor for o in mapped.objectives} == {None}  # a map's credit: not the publisher's imprint


def test_labelled_items_go_on_after_the_ones_a_framing_heading_took(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A review\n\n## Further detail on our recommendations\n\n"
        "- Recommendation 1: Support new collaborative research.\n- Recommendation 2: Reach new global audiences.\n\n"
        "Research funding at the interface of arts and data science needs to grow, and many companies exist "
        "outside the capital.\n\nRecommendation 3: Increase data sharing.\n\nIt is imperative to open up access to "
        "data about audiences.\n\nRecommendation 4: Support future live performance.\n\nPerformances between "
        "lockdowns were a triumph.\n",
    )
    assert [(o.list_kind, o.text) for o in doc.objectives] == [
        ("recommendation", "Support new collaborative research."),
        ("recommendation", "Reach new global audiences."),
        ("recommendation", "Increase data sharing."),
        ("recommendation", "Support future live performance."),
    ]  # the heading's frame ends at the prose; the labels' rising numbers carry the run on


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("The creative industries account for £92bn of GVA and two million jobs.", "employment"),
        ("They will be worth £150bn and create 600,000 new jobs.", "jobs"),
    ],
)
def test_jobs_a_sector_holds_are_employment_and_jobs_it_creates_are_jobs(sentence: str, measure: str) -> None:
    assert [f.measure for f in sentence_to_figures(sentence, 0, len(sentence), None) if f.unit == "jobs"] == [measure]


def test_a_list_of_ambitions_gives_visions_of_whoever_the_lead_in_says(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A strategy\n\nThis strategy set out 2 key ambitions to achieve by 2030:\n\n"
        "- to increase education exports to £35 billion per year\n"
        "- to increase the numbers of international students studying in the UK to 600,000\n\n"
        "The teams are responsible for mapping the problems of their sector, with the aim of realising the "
        "following ambitions:\n\n- To have the Netherlands ranked in the top 5 knowledge economies\n"
        "- To have R&D expenditure rise to 2.5% of GDP\n",
    )
    assert [(v.text[:22], v.frame, v.owner) for v in doc.visions] == [
        ("to increase education ", "ambition", "plan"), ("to increase the number", "ambition", "plan"),
        ("To have the Netherland", "ambition", "teams"), ("To have R&D expenditur", "ambition", "teams"),
    ]  # fmt: skip
    assert not [o for o in doc.objectives if o.list_kind == "ambition"]


def test_a_heading_numbered_as_the_framing_headings_sibling_ends_its_frame(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A review\n\n## 1.1 Our priorities\n\n- Deliver full fibre to every home\n- Extend 5G coverage\n\n"
        "## 1.2 The benefits of connectivity\n\n- Work commissioned by the commission estimated net benefits\n"
        "- A recent study finds that investment in broadband has had large effects\n",
    )
    assert [o.text[:14] for o in doc.objectives] == ["Deliver full f", "Extend 5G cove"]


def test_a_projects_or_a_centres_own_aims_and_focus_are_not_the_plans(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path,
        "# A plan\n\nOur three objectives are:\n\n- grow the economy of the region\n- build skills for all\n"
        "- connect every town\n\nThe Fellowships will focus on three key areas of skill and expertise:\n\n"
        "- Creative (actor, performer, designer)\n- Narrator (writer, dramaturg)\n- Technical producer\n\n"
        "DARTeC will initially focus on five primary research challenges:\n\n- Connected systems\n"
        "- Unmanned traffic management\n- Seamless passenger experience\n",
    )
    assert [o.text for o in doc.objectives] == [
        "grow the economy of the region", "build skills for all", "connect every town",
    ]  # fmt: skip


@pytest.mark.parametrize(("mentions", "actor"), [(12, "Defence"), (2, None)])
def test_a_body_the_document_names_throughout_is_the_actor_of_the_lead_in_it_is_the_subject_of(
    tmp_path: Path, mentions: int, actor: str | None
) -> None:
    """ "Defence will achieve this through:" in a defence strategy (which names Defence on every page) makes
    Defence the actor of the commitments; a body named now and then is not taken for a party by its name alone."""
    context = " ".join(["Science and technology keep Defence ahead."] * (mentions - 1))
    body = (
        f"# Our approach\n\n{context}\n\nDefence will achieve this through:\n\n"
        "- aligning research with the new data strategy\n- building partnerships with universities\n"
    )
    doc = parse_text(tmp_path, body)
    assert [(o.list_kind, o.actor) for o in doc.objectives] == [("commitment", actor), ("commitment", actor)]


@pytest.mark.parametrize(
    "sentence",
    [
        "10 https://www.gov.uk/government/publications/5g-strategy",  # a footnote's number before its address
        "Figure 10 shows the value of deals by year.",  # what a numbered figure does
        "Around 40% of 16 to 24 year olds volunteered.",  # an age, not a count
        "Over 10 quarters lending grew.",  # a span of time
    ],
)
def test_a_word_after_a_number_that_is_no_noun_it_counts_makes_no_count(sentence: str) -> None:
    assert all(
        f.unit != "count" and f.measure != "count" for f in sentence_to_figures(sentence, 0, len(sentence), None)
    )


def test_an_adjective_ending_in_s_is_stepped_over_to_the_noun_counted() -> None:
    s = "The service took down 22,000 malicious URLs last year."
    assert [(f.value, f.unit) for f in sentence_to_figures(s, 0, len(s), None)] == [(22000.0, "urls")]


def test_a_line_of_figures_with_fewer_words_than_figures_is_a_row_not_prose(tmp_path: Path) -> None:
    """A table's or a chart's row the layout read as a paragraph gives no figures; prose with as many figures
    does, and so does a sentence whose start a chart's ticks ran into."""
    body = (
        "# Exports\n\nEast Midlands 27 6.8% 7.0% £7.5m\n\n"
        "Exports rose by 5% in 2018 and by 7% in 2019.\n\n"
        "0 1 2 3 4\n5.2% in Q3 2012, the share of the sector.\n"
    )
    doc = parse_text(tmp_path, body)
    assert [doc.text[f.char_start : f.char_end] for f in doc.figures] == ["5%", "7%", "5.2%"]


def test_a_multiple_is_no_count_of_what_it_multiplies() -> None:
    s = "London has 1.7 times as many businesses per head as the North."
    assert sentence_to_figures(s, 0, len(s), None) == []


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("3.7 UK companies are at the forefront of this field.", []),  # a numbered paragraph's number
        ("There were almost 2.7 million businesses registered for VAT.", [2_700_000.0]),  # a scale: a count
    ],
)
def test_a_fraction_of_a_thing_is_no_count(sentence: str, counts: list[float]) -> None:
    assert [f.value for f in sentence_to_figures(sentence, 0, len(sentence), None)] == counts


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        ("2-10 employees 154 38.7% 20.5%\nRegion\n11-50 employees 114 28.6% 4.1%", True),  # rows run together
        ("0 1 2 3 4\n5.2% in Q3 2012, the share of the sector", False),  # chart ticks before a sentence
        ("Exports rose to £5.2bn,\n12% of\nthe total, in 2019", False),  # prose wrapped short
        # a table's columns read across, most lines rows with no more words than figures
        (
            "Germany 233 Germany 119 Spain 85 21%\nUnited Kingdom 139 United Kingdom\nItaly 92 Italy 82 France 46 6%",
            True,
        ),
        ("Output reached £5.2bn, 12%, 9% and\n4% in three years\nwhile the sector employs 20,000 people.", False),
        ("Number of companies\nFTSE Eurotop\n0 reclassifications 52 52% 14 64%\n1 reclassification 28 28% 4 18%", True),
        # a survey table's rows, their labels long, their figures side by side; prose puts commas between them
        (
            "Never Sometimes Often\nLeft out of things 27.9% 52.2% 19.9%\nOverwhelmed by all you had to do 6.2% 27.7% 66.1%",
            True,
        ),
        ("Shares were 27.9%, 52.2% and 19.9%\nin the three years, while the sector grew\nby 4%.", False),
        # a table of a label and its amount per line, and prose whose lines end in amounts
        ("Program Budget\nContact Center Services $8.6M\nWeb Management (USA.gov) $6.1M\nPerformance.gov $1.1M", True),
        (
            "The budget grew to $8.6M\nin 2019, while spending on outreach reached $3.9M\nand staff costs fell to $6.1M",
            False,
        ),
    ],
)
def test_rows_run_together_over_lines_are_told_from_prose_wrapped_short(sentence: str, rows: bool) -> None:
    quantities = text_to_quantities(sentence)
    assert _row_of_figures(sentence, 0, len(sentence), quantities) is rows
