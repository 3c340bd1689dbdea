"""The first user's journal page: every real defect with its line and code, and nothing else."""

from __future__ import annotations

from citefmt.checks import check_text
from citefmt.config import Settings

#: the seed page has a reference list but no article body, so no citation findings (CF303)
EXPECTED = [
    "seed.txt:10: CF200 reference 1: chapter has no year",
    "seed.txt:12:114: CF101 missing space after a period inserted before 'PMID'",
    "seed.txt:22:13: CF101 author 'WonYJ' split into family 'Won' and initials 'YJ'",
    "seed.txt:23:54: CF101 'NonHealing' may be two words glued (capital inside a word); "
    "kept as printed",
    "seed.txt:26:188: CF104 page range repaired: '48- 51' → '48-51'",
    "seed.txt:33: CF300 reference 24 is a duplicate of reference 23 (line 32): same DOI",
    "seed.txt:38:50: CF102 stray space after a hyphen removed: 'miR- 1248' → 'miR-1248'",
    "seed.txt:41:50: CF101 'cellderived' may be a compound written without a hyphen "
    "(cell-derived?); kept as printed",
    "seed.txt:42: CF200 reference 33: journal article has no year and no volume or pages",
    "seed.txt:58:239: CF103 space removed from DOI: '10.1016/j. nantod.2022.101531' → "
    "'10.1016/j.nantod.2022.101531'",
    "seed.txt:73:46: CF101 'Exosomebased' may be a compound written without a hyphen "
    "(Exosome-based?); kept as printed",
]


def test_seed_page_reports_exactly_its_defects(seed_page: str) -> None:
    found = check_text(seed_page, Settings(), source="seed.txt")
    assert [d.format() for d in found if d.severity != "info"] == EXPECTED


def test_seed_page_notes_every_author_list_cut_short_by_et_al(seed_page: str) -> None:
    notes = [d for d in check_text(seed_page, Settings(), source="seed.txt")
             if d.severity == "info"]
    assert {d.code for d in notes} == {"CF107"}
    assert len(notes) == sum(line.count(", et al.") for line in seed_page.splitlines())


def test_seed_page_fix_is_idempotent_and_keeps_every_reference(seed_page: str) -> None:
    from citefmt.checks import fix_document

    settings = Settings(style="vancouver")
    once, applied = fix_document(seed_page, settings, source="seed.txt")
    assert once != seed_page and applied
    assert fix_document(once, settings, source="seed.txt") == (once, [])
    lines = once.splitlines()
    assert [line.split(".")[0] for line in lines[9:76]] == [str(n) for n in range(1, 68)]
    assert lines[:9] == seed_page.splitlines()[:9] and lines[76:] == seed_page.splitlines()[76:]
    # an author list the page cut short stays cut short, with the style's et-al term
    assert lines[16] == (
        "8. Jiao YR, Chen KX, Tang X, et al. Exosomes derived from mesenchymal stem cells in "
        "diabetes and diabetic complications. Cell Death Dis. 2024;15(4):271. "
        "doi: 10.1038/s41419-024-06659-w. PubMed PMID: 38632264; PubMed Central PMCID: "
        "PMC11024187.")
    assert lines[11] == (
        "3. Roman J. Fibroblasts-Warriors at the Intersection of Wound Healing and Disrepair. "
        "Biomolecules. 2023;13(6):945. doi: 10.3390/biom13060945. PubMed PMID: 37371525; "
        "PubMed Central PMCID: PMC10296409.")
