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
