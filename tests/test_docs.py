"""The guides stay true to the code."""
from __future__ import annotations

from game.authoring import codedocs
from game.content.analyzer_codes import ANALYZE_CODES
from game.content.codes import CODES


def test_the_error_code_reference_in_the_guide_is_up_to_date():
    assert codedocs.GUIDE.read_text(encoding="utf-8") == codedocs.rewrite(), (
        "docs/AUTHORING.md is out of date: run `python -m game.authoring.codedocs`")


def test_the_guide_explains_every_code():
    text = codedocs.GUIDE.read_text(encoding="utf-8")
    missing = [c for c in (*CODES, *ANALYZE_CODES) if f"### {c}:" not in text]
    assert not missing


# ---------------------------------------------------------------- docs/FACTS.md

DOCS = codedocs.GUIDE.parent
#: The rows of the project's fact check (shared/research/fact-check.md, outside the game's
#: files): section 3.2's table (rows 1-22), and section 4's two tables in their order.
FACT_CHECK_ROWS = (
    [f"3.2-{n}" for n in range(1, 23)]
    + [f"4-over-{n}" for n in range(1, 10)] + [f"4-under-{n}" for n in range(1, 9)])
#: The scenes section 4's rows are about, in the fact check's order.
SECTION_4_SCENES = {
    "4-over-1": "wake_up", "4-over-2": "crossing", "4-over-3": "hotel_desk",
    "4-over-4": "petition", "4-over-5": "corner_shop", "4-over-6": "credit_hall",
    "4-over-7": "school", "4-over-8": "late_gaming", "4-over-9": "wristband",
    "4-under-1": "visa", "4-under-2": "willow_lane", "4-under-3": "station",
    "4-under-4": "clean_up", "4-under-5": "red_light", "4-under-6": "notice_board",
    "4-under-7": "leaving", "4-under-8": "late_bill"}


def facts_rows() -> dict[str, list[str]]:
    """docs/FACTS.md's table rows by their first cell: {row id: the other cells}."""
    rows: dict[str, list[str]] = {}
    for line in (DOCS / "FACTS.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| ") and not line.startswith("| Row"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            rows.setdefault(cells[0], cells[1:])
    return rows


def test_facts_answers_every_row_of_the_fact_check_once_and_in_order():
    rows = facts_rows()
    ids = [r for r in rows if r in FACT_CHECK_ROWS]
    assert ids == FACT_CHECK_ROWS, [r for r in FACT_CHECK_ROWS if r not in rows]


def test_every_facts_row_says_something_or_pending():
    """A row is answered (what the game says, with a source) or says plainly it is pending."""
    for rid in FACT_CHECK_ROWS:
        what, says, source = facts_rows()[rid][-3:]
        assert what and says and source, rid
        assert "pending" in says or "http" in source, rid


def test_section_4_rows_name_their_scenes():
    rows = facts_rows()
    for rid, scene in SECTION_4_SCENES.items():
        assert f"`{scene}`" in rows[rid][0], (rid, scene)


def test_the_teachers_guide_links_facts_and_since():
    guide = (DOCS / "TEACHERS.md").read_text(encoding="utf-8")
    assert "(FACTS.md)" in guide and "(SINCE.md)" in guide
    assert "outside mainland China" in guide
    since = (DOCS / "SINCE.md").read_text(encoding="utf-8")
    for event in ("Guiding Opinions", "2021", "2024", "Draft Social Credit System Construction Law",
                  "21 March 2025", "1 April 2026", "Article 5(1)(c)", "2 February 2025",
                  "C-634/21", "outside mainland China"):
        assert event in since, event
