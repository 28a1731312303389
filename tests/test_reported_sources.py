"""`reported` means documented by a reliable source cited with a URL or DOI: `validate` warns
(W309, with the line of the `basis`) about a scene or ending marked `reported` that cites no
source a reader can follow, and every bundled level passes."""
from __future__ import annotations

import pytest
from test_diagnostics import changed, position

from game.content import bundled_levels, load_level, load_text
from game.content.checks import has_link
from game.content.codes import explain

UNLINKED = changed('souchet: {title: Made in China, url: "https://example.org/made-in-china"}',
                   "souchet: {title: Made in China}")
LINKED = UNLINKED.replace("souchet: {title: Made in China}",
                          "souchet: {title: Made in China, url: 'https://doi.org/10.15779/Z38SS13'}")


def w309(text: str) -> list:
    loaded = load_text(text, "level.yaml")
    assert loaded.ok, loaded.format()
    return [d for d in loaded.warnings if d.code == "W309"]


def test_a_reported_scene_whose_sources_have_no_url_is_warned_at_its_basis():
    [found] = w309(UNLINKED)
    assert (found.line, found.column) == position(UNLINKED, "basis: |reported")
    assert "`street` is marked `reported`" in found.message and "`souchet`" in found.message
    assert "extrapolated" in found.hint and "https://doi.org/" in found.hint


def test_one_source_with_a_web_address_or_doi_is_enough():
    assert w309(LINKED) == []
    plain = LINKED.replace("https://doi.org/10.15779/Z38SS13", "http://www.example.org/a")
    assert w309(plain) == []


@pytest.mark.parametrize("url", ["", "doi:10.15779/Z38SS13", "www.example.org", "https://",
                                 "ftp://example.org/a"])
def test_an_address_no_reader_can_follow_does_not_count(url):
    text = LINKED.replace("'https://doi.org/10.15779/Z38SS13'", repr(url))
    assert len(w309(text)) == 1
    assert not has_link(url)


def test_a_reported_scene_citing_nothing_is_warned():
    text = UNLINKED.replace("    basis: reported\n    sources: [souchet]\n",
                            "    basis: reported\n")
    assert text != UNLINKED
    [found] = w309(text)
    assert "cites no source" in found.message


def test_extrapolated_and_fiction_need_no_address():
    assert w309(UNLINKED.replace("basis: reported", "basis: extrapolated")) == []


def test_a_reported_ending_is_checked_too():
    text = LINKED.replace("  listed:\n    title: Listed\n",
                          "  listed:\n    title: Listed\n    basis: reported\n")
    assert text != LINKED
    [found] = w309(text)
    assert "`listed`" in found.message


def test_the_code_is_explained():
    words = explain("W309")
    assert "W309 (warning)" in words and "url" in words and "https://doi.org/" in words


@pytest.mark.parametrize("path", bundled_levels(), ids=lambda p: p.stem)
def test_every_reported_scene_of_every_bundled_level_cites_a_url_or_doi(path):
    loaded = load_level(path)
    assert loaded.ok, loaded.format()
    found = [f"{d.line}: {d.message}" for d in loaded.warnings if d.code == "W309"]
    assert not found, "\n".join(found)
