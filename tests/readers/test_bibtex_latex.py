"""LaTeX → Unicode (reading BibTeX) and back (writing it): exact strings."""

from __future__ import annotations

import pytest

from citefmt.latex import latex_to_unicode, unicode_to_latex


@pytest.mark.parametrize(("latex", "expected"), [
    (r'M{\"u}ller', "Müller"),
    (r"{\`e}l\`eve", "élève".replace("é", "è")),
    (r"caf\'e na\"{\i}ve", "café naïve"),
    (r"Stra\ss e {\o} \aa", "Straße ø å"),
    (r"\c{c}a \v{s} \H{o} \u{a} \k{a}", "ça š ő ă ą"),
    (r"1--10 and a---b", "1–10 and a—b"),
    (r"``quoted''", "“quoted”"),
    (r"E.~coli", "E.\u00a0coli"),
    (r"R\&D 50\% a\_b \#1", "R&D 50% a_b #1"),
    (r"$x^2$ and $\alpha$-helix", "x² and α-helix"),  # exact Unicode (#13)
    (r"$\frac{1}{2}$", r"$\frac{1}{2}$"),  # no exact Unicode: kept as written
    (r"{\CYRI}{\cyrv}{\cyra}\cyrchar\cyrn", "Иван"),
    (r"Иванов  И.\,И.", "Иванов И.\u2009И."),
    (r"\unknowncommand{x}", r"\unknowncommand{x}"),
])
def test_plain_decoding(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


@pytest.mark.parametrize(("latex", "expected"), [
    (r"The {DNA} of \emph{E.~coli}",
     'The <span class="nocase">DNA</span> of <i>E.\u00a0coli</i>'),
    (r"{Whole Title}", '<span class="nocase">Whole Title</span>'),
    (r"{\"O}sterreich", "Österreich"),
    (r"{{\CYRD}{\CYRN}{\CYRK}} repair", '<span class="nocase">ДНК</span> repair'),
    (r"{\em italic words} after", "<i>italic words</i> after"),
    (r"H\textsubscript{2}O and \textsuperscript{3}H \textbf{bold} \textsc{Sc}",
     'H<sub>2</sub>O and <sup>3</sup>H <b>bold</b> '
     '<span style="font-variant:small-caps;">Sc</span>'),
])
def test_title_decoding_keeps_case_protection_and_markup(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex, rich=True) == expected


def test_plain_fields_drop_markup_and_braces() -> None:
    assert latex_to_unicode(r"The {DNA} of \emph{E. coli}") == "The DNA of E. coli"


def test_unicode_is_kept_by_default_and_specials_escaped() -> None:
    assert unicode_to_latex("Иванов & Müller 50% a_b") == r"Иванов \& Müller 50\% a\_b"


def test_rich_text_becomes_latex() -> None:
    text = 'The <span class="nocase">DNA</span> of <i>E.\u00a0coli</i>'
    assert unicode_to_latex(text, rich=True) == r"The {DNA} of \textit{E.~coli}"


def test_ascii_escapes_accents_and_cyrillic_reversibly() -> None:
    text = "Müller école Straße Ørsted í ő Иван — “q”"
    latex = unicode_to_latex(text, ascii=True)
    assert latex == (r'M{\"u}ller {\'e}cole Stra{\ss}e {\O}rsted {\'{\i}} {\H{o}} '
                     r"{\CYRI}{\cyrv}{\cyra}{\cyrn} --- ``q''")
    assert latex.isascii()
    assert latex_to_unicode(latex) == text


def test_math_is_left_alone_both_ways() -> None:
    assert unicode_to_latex("$x^2$ costs 5$") == r"\$x\textasciicircum{}2\$ costs 5\$"
    assert unicode_to_latex("$x^2$ and $y$") == "$x^2$ and $y$"
