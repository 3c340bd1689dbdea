"""CF306: entries that differ from their rendering in the chosen style (only with a style)."""

from __future__ import annotations

from check_helpers import manuscript

from citefmt.checks import check_text
from citefmt.config import Settings

TEXT = manuscript("out-of-order.md")


def rendering_findings(text: str, style: str | None) -> list[str]:
    return [d.format() for d in check_text(text, Settings(style=style), source="paper.md")
            if d.code == "CF306"]


def test_entry_in_the_style_is_clean() -> None:
    assert rendering_findings(TEXT, "vancouver") == []


def test_entry_off_style_is_reported_with_the_rendering() -> None:
    text = TEXT.replace("Biomolecules. 2023;13(6):945.",
                        "Biomolecules. 2023;13(6):945. https://doi.org/10.3390/biom13060945")
    assert rendering_findings(text, "vancouver") == [
        "paper.md:10: CF306 reference 3 differs from its vancouver rendering: 3. Roman J. "
        "Fibroblasts-Warriors at the Intersection of Wound Healing and Disrepair. Biomolecules. "
        "2023;13(6):945. doi: 10.3390/biom13060945."]


def test_no_style_no_rendering_check() -> None:
    text = TEXT.replace("Biomolecules. 2023;13(6):945.",
                        "Biomolecules. 2023;13(6):945. https://doi.org/10.3390/biom13060945")
    assert rendering_findings(text, None) == []
