"""citefmt.manuscript: which in-text citations are found, and how renumbering rewrites them."""

from __future__ import annotations

import pytest

from citefmt.manuscript import expand_numbers, find_citations, first_citation_order, renumber


def forms(text: str, **kwargs: object) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(c.kind, c.text, c.numbers) for c in find_citations(text, **kwargs)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("healing [1] is slow", [("bracket", "[1]", (1,))], id="single"),
    pytest.param("see [1, 3]", [("bracket", "[1, 3]", (1, 3))], id="list"),
    pytest.param("see [1–4]", [("bracket", "[1–4]", (1, 2, 3, 4))], id="en-dash-range"),
    pytest.param("see [1-3,5]", [("bracket", "[1-3,5]", (1, 2, 3, 5))], id="hyphen-range-list"),
    pytest.param("cells^5,6^ grow", [("superscript", "^5,6^", (5, 6))], id="pandoc-superscript"),
    pytest.param("cells<sup>7</sup>", [("html-superscript", "<sup>7</sup>", (7,))], id="html-sup"),
    pytest.param("cells heal¹˒³", [("unicode-superscript", "¹˒³", (1, 3))], id="unicode-sup"),
    pytest.param("shown in rats (1, 2).", [("parenthesis", "(1, 2)", (1, 2))], id="parentheses"),
])
def test_finds_each_numeric_form(text: str, expected: list) -> None:
    assert forms(text, max_number=10) == expected


@pytest.mark.parametrize("text", [
    pytest.param("a [link][1] here", id="reference-style-link"),
    pytest.param("a [1](https://example.org) link", id="inline-link"),
    pytest.param("[1]: https://example.org", id="link-definition"),
    pytest.param("a footnote[^1]", id="footnote"),
    pytest.param("area 5 cm² and x²", id="units-and-powers"),
    pytest.param("Steps: (1) wash, (2) dry", id="enumeration"),
    pytest.param("(1) first item", id="list-item"),
    pytest.param("in the year (2019)", id="year-above-max"),
    pytest.param("in [2019] it was", id="year-in-brackets"),
    pytest.param("code `[1]` span", id="code-span"),
    pytest.param("```\n[1]\n```", id="fenced-code"),
    pytest.param("<!-- [1] -->", id="html-comment"),
])
def test_ignores_what_is_not_a_citation(text: str) -> None:
    assert forms(text, max_number=10) == []


def test_parentheses_are_not_citations_when_brackets_are_used() -> None:
    assert forms("cited [1] and shown (2)", max_number=5) == [("bracket", "[1]", (1,))]


def test_skipped_lines_hold_no_citations() -> None:
    text = "Body [1].\n\nReferences\n1. Smith [2] J.\n"
    assert [c.line for c in find_citations(text, skip_lines=range(3, 5))] == [1]


def test_line_and_column_are_one_based() -> None:
    (citation,) = find_citations("Intro\nas shown [2].\n", max_number=2)
    assert (citation.line, citation.col, citation.start, citation.end) == (2, 10, 15, 18)


def test_pandoc_keys_bracketed_and_bare() -> None:
    text = "As [@smith2020; @doe, p. 3] and @smith2020 say; mail a@b.org, [-@doe]; @nobody."
    found = [(c.kind, c.keys) for c in find_citations(text, known_keys={"smith2020"})]
    assert found == [("pandoc", ("smith2020", "doe")), ("pandoc-bare", ("smith2020",)),
                     ("pandoc", ("doe",))]


def test_expand_numbers() -> None:
    assert expand_numbers("1, 3–5; 9") == (1, 3, 4, 5, 9)
    assert expand_numbers("¹⁻³") == (1, 2, 3)
    assert expand_numbers("5-2") == (5, 2)


def test_first_citation_order() -> None:
    citations = find_citations("a [3] b [1, 3] c [2–4]", max_number=4)
    assert first_citation_order(citations) == [3, 1, 2, 4]


def test_renumber_keeps_each_form_and_collapses_runs() -> None:
    text = "a [3] b [1, 3] c [2–4] cells¹˒² e<sup>4</sup> f^2,3^ g [1-3]"
    citations = find_citations(text, max_number=4)
    mapping = {3: 1, 1: 2, 2: 3, 4: 4}
    assert renumber(text, citations, mapping) == (
        "a [1] b [1, 2] c [1, 3, 4] cells²˒³ e<sup>4</sup> f^1,3^ g [1-3]")


def test_renumber_is_identity_for_identity_mapping() -> None:
    text = "a [1], b [2, 3] and [4-6]."
    citations = find_citations(text, max_number=6)
    assert renumber(text, citations, {n: n for n in range(1, 7)}) == text
