"""The layout gold (issue 19) is whole and well formed: annotated by looking at rendered policy pages,
a development part and a held-out part that no rule may be tuned on (see the conventions at the top of each file)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from layout_eval import DEVELOPMENT, GOLD, HELD_OUT, HELD_OUT_PAGES

KINDS = {"heading", "paragraph", "list", "aside", "chart", "table", "caption", "contents"}


def _pages(names: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for name in names:
        path = GOLD / name
        if not path.exists():
            continue
        for document in yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]:
            out += [(document["file"], page) for page in document["pages"]]
    return out


def test_the_sets_are_as_large_as_the_issue_asks_and_do_not_share_a_document() -> None:
    development, held_out = _pages(DEVELOPMENT), _pages(HELD_OUT)
    assert len(development) >= 60 and len({f for f, _ in development}) >= 12
    assert len(held_out) >= 15 and len({f for f, _ in held_out}) >= 3
    assert not {f for f, _ in development} & {f for f, _ in held_out}


def test_held_out_pages_are_pages_no_other_set_holds() -> None:
    others = {(f, page["page"]) for f, page in _pages(DEVELOPMENT + HELD_OUT)}
    pages = [(f, page["page"]) for f, page in _pages(HELD_OUT_PAGES)]
    assert len(pages) >= 15 and not set(pages) & others


@pytest.mark.parametrize("name", DEVELOPMENT + HELD_OUT + HELD_OUT_PAGES)
def test_every_page_is_annotated_in_the_format_the_conventions_give(name: str) -> None:
    if not (GOLD / name).exists():
        pytest.skip(f"{name} is not annotated yet")
    text = (GOLD / name).read_text(encoding="utf-8")
    header = text.split("documents:")[0]
    assert text.startswith("#") and re.search(r"Annotated \d{4}-\d{2}-\d{2}", header)  # conventions and date on top
    for file, page in _pages((name,)):
        where = f"{file} p{page['page']}"
        assert isinstance(page["page"], int) and page["page"] >= 1, where
        assert isinstance(page["spread"], bool), where
        assert all(isinstance(label, str) for label in page["labels"]), where
        assert len(page["labels"]) <= (2 if page["spread"] else 1), where
        assert page["blocks"], where
        for block in page["blocks"]:
            assert block["kind"] in KINDS, (where, block)
            assert isinstance(block["first"], str), (where, block)
            if block["kind"] == "list":
                items = block["items"]
                assert items and all(isinstance(i, (str, dict)) for i in items), (where, block)
        for repair in page.get("repairs") or []:
            assert repair["layer"] != repair["reads"], (where, repair)
