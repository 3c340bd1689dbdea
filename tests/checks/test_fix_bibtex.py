"""`--fix` on .bib files: tidied through citefmt's BibTeX writer, or left alone when unsafe."""

from __future__ import annotations

from citefmt.checks import fix_text
from citefmt.config import Settings

MESSY = """@article{moretti2022,
author={Moretti, L. and Stalfort, J.},
  title = {The interplay of fibroblasts},
journal = {J Biol Chem}, year = 2022, volume={298}, pages={101530}}
"""
TIDY = """@article{moretti2022,
  author = {Moretti, L. and Stalfort, J.},
  title = {The interplay of fibroblasts},
  journal = {J Biol Chem},
  year = {2022},
  volume = {298},
  pages = {101530}
}
"""


def test_messy_bib_is_tidied_and_tidy_bib_stays() -> None:
    assert fix_text(MESSY, Settings(), source="refs.bib") == TIDY
    assert fix_text(TIDY, Settings(), source="refs.bib") == TIDY


def test_bib_with_comments_or_strings_is_left_alone() -> None:
    for extra in ("% citefmt: ignore CF200\n", "@string{jbc = {J Biol Chem}}\n"):
        assert fix_text(extra + MESSY, Settings(), source="refs.bib") == extra + MESSY
