"""Table-driven tests for every named pattern in pipeline/language/patterns.py."""

from __future__ import annotations

import pytest

from pipeline.language import patterns


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("1.5 Background: The Regional Economic Strategy and Clusters", "1.5", "Background: The Regional Economic Strategy and Clusters"),
        ("2. Cluster Plans – Executive Summary", "2", "Cluster Plans – Executive Summary"),
        ("2.10 Manufacturing", "2.10", "Manufacturing"),
        ("6.1 highly political process of policy making", "6.1", "highly political process of policy making"),
    ],
)  # fmt: skip
def test_numbered_heading_matches(line: str, number: str, title: str) -> None:
    m = patterns.numbered_heading().match(line)
    assert m is not None
    assert (m.group("number"), m.group("title")) == (number, title)


@pytest.mark.parametrize("line", ["2005-08 plans", "3.5m jobs", "1) the brief market situation", "12345 Main Street"])
def test_numbered_heading_rejects(line: str) -> None:
    assert patterns.numbered_heading().match(line) is None


@pytest.mark.parametrize(
    ("line", "title", "page"),
    [
        ("1.1 Introduction\t3", "1.1 Introduction", "3"),
        ("Design .......... 4", "Design", "4"),
        ("2.5 Transport Technologies – Aerospace\t12", "2.5 Transport Technologies – Aerospace", "12"),
        ("Annex B  41", "Annex B", "41"),
    ],
)  # fmt: skip
def test_contents_entry_matches(line: str, title: str, page: str) -> None:
    m = patterns.contents_entry().match(line)
    assert m is not None
    assert (m.group("title"), m.group("page")) == (title, page)


@pytest.mark.parametrize("line", ["In 2001 there were 124", "Revenue 8.0", "employs some 48,400"])
def test_contents_entry_rejects(line: str) -> None:
    assert patterns.contents_entry().match(line) is None


@pytest.mark.parametrize(
    ("line", "title", "page"),
    [
        ("1.1 Introduction 3", "1.1 Introduction", "3"),
        ("Grants 2.0 111", "Grants 2.0", "111"),  # a title ending in a number
        ("3.2 Towards 2030 15", "3.2 Towards 2030", "15"),
    ],
)  # fmt: skip
def test_a_loose_contents_entry_may_end_its_title_in_a_number(line: str, title: str, page: str) -> None:
    m = patterns.contents_entry_loose().match(line)
    assert m is not None
    assert (m.group("title"), m.group("page")) == (title, page)


@pytest.mark.parametrize("line", ["12 3", "1.4 12", "Revenue 8.0 14.5", "Employment 2019 2020"])
def test_a_loose_contents_entry_needs_a_word_and_no_year_after_a_number(line: str) -> None:
    assert patterns.contents_entry_loose().match(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Contents", True), ("Contents\t2", True), ("Table of Contents", True), ("CONTENTS 3", True),
     ("Contents of the plan", False), ("The contents are", False)],
)  # fmt: skip
def test_contents_heading(line: str, expected: bool) -> None:
    assert bool(patterns.contents_heading().match(line)) is expected


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("- Functioning networks and partnerships;", "-"),
        ("• Sandwell", "•"),
        ("1. catalyse and grow the digital content industries", "1."),
        ("- 1) the brief market situation", "- 1)"),
        ("(a) first", "(a)"),
        ("b. Formalise the approach", "b."),
        ("o Understand and unlock", "o"),
        ("iv. fourth", "iv."),
        ("(cid:131) Enterprise is strong", "(cid:131)"),  # a bullet glyph without a Unicode mapping
    ],
)  # fmt: skip
def test_list_marker_matches(line: str, marker: str) -> None:
    m = patterns.list_marker().match(line)
    assert m is not None
    assert m.group("marker") == marker


@pytest.mark.parametrize(
    "line",
    ["-5% growth", "1.5 Background", "2005-06", "*Delivering Advantage*", "Design", "o and p", "c. 200 firms", "p. 23"],
)
def test_list_marker_rejects(line: str) -> None:
    assert patterns.list_marker().match(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [("Cluster: Health-tech and med-tech", "Health-tech and med-tech"), ("Cluster : Logistics", "Logistics")],
)
def test_cluster_label(line: str, name: str) -> None:
    m = patterns.cluster_label().match(line)
    assert m is not None and m.group("name") == name


def test_cluster_label_rejects_prose() -> None:
    assert patterns.cluster_label().match("The cluster: a definition") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("**grow**", "grow"), ("***x y***", "x y"), ("a *b* c", "a b c"), ("__strong__", "strong"), ("2 * 3 * 4", "2 * 3 * 4")],
)  # fmt: skip
def test_markdown_emphasis(text: str, expected: str) -> None:
    assert patterns.markdown_emphasis().sub(lambda m: m.group("inner"), text) == expected


@pytest.mark.parametrize(
    ("line", "expected"), [("References", True), ("Reference:", True), ("Appendix 2", True), ("Design", False)]
)
def test_back_matter_title(line: str, expected: bool) -> None:
    assert bool(patterns.back_matter_title().match(line)) is expected


@pytest.mark.parametrize(
    ("sentence", "frame", "subject"),
    [
        ("The vision for this cluster is for the Region to be an international leader.", "vision", "this cluster"),
        ("The vision is to support the West Midlands automotive industry in achieving global competitiveness.", "vision", None),
        ("Our ambition is that Oxfordshire will be a global leader in sustainable innovation.", "ambition", None),
        ("The ICT cluster's vision is to make the region the Digital Foundry of the World.", "vision", None),
        ("Our mission: to grow the creative industries across every region of the UK.", "mission", None),
        ("The ambition is for annual inbound visitor volume to return to 41 million by 2023.", "ambition", None),
    ],
)  # fmt: skip
def test_vision_statement_matches(sentence: str, frame: str, subject: str | None) -> None:
    m = patterns.vision_statement().match(sentence)
    assert m is not None
    assert (m.group("frame").lower(), m.group("subject")) == (frame, subject)


@pytest.mark.parametrize(
    "sentence",
    [
        "The development of an overall vision for cluster growth will require the consensus of a strategic body.",
        "In the absence of such a body, the current vision for AWM intervention within the sector is provisional.",
        "This vision will be delivered through the following objectives:",
        "In these plans the clusters advance a vision and a clear strategy.",
        "Marketing innovation – assisting companies to develop a vision for their future exploitation.",
    ],
)  # fmt: skip
def test_vision_statement_rejects(sentence: str) -> None:
    assert patterns.vision_statement().match(sentence) is None


@pytest.mark.parametrize(
    ("line", "matches"),
    [
        ("Our Vision", True), ("The UK vision", True), ("Vision statement", True),
        ("Our aim remains to champion good, sustainable growth that realises the following Ambition:", True),
        ("Delivering the Strategic Vision", False), ("2) cluster vision,", False),
        ("This vision will be delivered through the following objectives:", False),
    ],
)  # fmt: skip
def test_vision_heading(line: str, matches: bool) -> None:
    assert (patterns.vision_heading().search(line) is not None) is matches


@pytest.mark.parametrize(
    ("paragraph", "title"),
    [
        ("Holistic design – promoting design as a key business driver.", "Holistic design"),
        ("Business Growth – recognising and exploiting strengths and opportunities", "Business Growth"),
        ("net[∞] infinity Centre - established as a facility to co-ordinate", "net[∞] infinity Centre"),
    ],
)  # fmt: skip
def test_title_description_matches(paragraph: str, title: str) -> None:
    m = patterns.title_description().match(paragraph)
    assert m is not None and m.group("title") == title


@pytest.mark.parametrize("paragraph", ["The cluster employs 21,000 people.", "2005-08 plans were agreed", "Skills"])
def test_title_description_rejects(paragraph: str) -> None:
    assert patterns.title_description().match(paragraph) is None


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Aerospace Sector Deal", "Aerospace"), ("Creative Industries Sector Deal", "Creative Industries"),
        ("The Tourism Recovery Plan", "Tourism"), ("National Space Strategy", "Space"),
    ],
)  # fmt: skip
def test_sector_deal_title(title: str, name: str) -> None:
    m = patterns.sector_deal_title().match(title)
    assert m is not None and m.group("name") == name


@pytest.mark.parametrize(
    ("item", "noun", "number"),
    [
        ("Objective 1: A swift recovery back to 2019 levels", "Objective", "1"),
        ("Goal 3 – Lead pioneering discovery", "Goal", "3"),
    ],
)
def test_labelled_objective(item: str, noun: str, number: str) -> None:
    m = patterns.labelled_objective().match(item)
    assert m is not None and (m.group("noun"), m.group("number")) == (noun, number)


def test_names_in_text_treats_ampersand_as_and() -> None:
    pattern = patterns.names_in_text(("Food and Drink", "ICT"))
    assert [m.group("name") for m in pattern.finditer("The Food & Drink and the ICT cluster; ICTs")] == [
        "Food & Drink",
        "ICT",
    ]


def test_apprenticeship_ambition_is_a_topic_not_a_vision_frame() -> None:
    assert patterns.vision_heading().search("Apprenticeship Ambition") is None


def test_a_wish_in_the_past_is_not_a_vision_frame() -> None:
    """ "want" frames a future wanted; "wanted" tells of a wish in the past ("I wanted to let you know ...")."""
    frame = patterns.vision_frame()
    assert frame.search("We want every school and college to use them") is not None
    assert frame.search("The Government wants to see more spectrum") is not None
    assert frame.search("I wanted to let you know that the Benchmarks have helped") is None
    assert frame.search("We wanted to hear from employers") is None


def test_a_person_quoted_wanting_is_not_a_vision_frame() -> None:
    """A learner quoted in a careers strategy ("I want to choose one to go to that will get me a really good
    qualification") speaks for themself in the first person singular, never for the plan."""
    frame = patterns.vision_frame()
    assert frame.search("I want to choose one to go to that will get me a really good qualification") is None
    assert frame.search("Industry wants to see a skilled workforce in every region") is not None


def test_a_body_that_has_the_goal_of_something_frames_it_as_its_goal() -> None:
    """ "has the goal of", "have the common goal to": the subject owns the goal that follows."""
    frame = patterns.vision_frame()
    found = frame.search("Techlab also has the goal of intensifying and expanding research work.")
    assert found is not None and found.group("subject") == "Techlab" and found.group("verb") == "has the goal of"
    found = frame.search("We have the common goal to build an ecosystem of growth companies.")
    assert found is not None and found.group("vrest").split()[0] == "build"
    assert frame.search("The region has goals set out in its plan") is None
    found = frame.search("Section 4 has the goal of explaining the method.")  # a part of the document: no one's goal
    assert found is not None and found.group("subject") is None and found.group("owner") is None


def test_a_desired_state_stated_is_a_vision_frame_and_one_reached_is_not() -> None:
    frame = patterns.vision_frame()
    found = frame.search("The strategic desired state of the region is that its firms export more.")
    assert found is not None and found.group("frame") == "desired state"
    assert frame.search("the desired state of the valve was reached") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Case study: Museums improving local", True), ("CASE STUDIES", True), ("Box 1: Overview", True),
     ("Spotlight on skills", True), ("Case Study The University of Leeds", True), ("Case law shows", False),
     ("Boxing clubs", False), ("Box office", False), ("Case studies show that", False), ("Box 3 sets out", False),
     ("In focus groups, residents said", False)],
)  # fmt: skip
def test_aside_title(line: str, expected: bool) -> None:
    assert bool(patterns.aside_title().match(line)) is expected
