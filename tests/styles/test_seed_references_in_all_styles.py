"""References 1, 2, 7 and 17 of the first user's article page (../shared/seed), written out as the
CSL-JSON the plain-text parser should produce, rendered in all three bundled styles.

Reference 17 lists three authors and "et al." in the source; CSL-JSON cannot mark a truncated
author list, so only the three known authors are given (the full list is in PubMed 37915335).
"""

from __future__ import annotations

import pytest

NBSP = "\u00a0"


def person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


REF_1_STATPEARLS = {
    "id": "ref1", "type": "chapter",
    "author": [person("Wallace", "H A"), person("Basehore", "B M"), person("Zito", "P M")],
    "title": "Wound Healing Phases", "container-title": "StatPearls",
    "publisher-place": "Treasure Island (FL)", "publisher": "StatPearls Publishing",
    "URL": "https://www.ncbi.nlm.nih.gov/books/NBK470443/", "PMID": "29262065"}

REF_2 = {
    "id": "ref2", "type": "article-journal",
    "author": [person("Moretti", "L"), person("Stalfort", "J"), person("Barker", "T H"),
               person("Abebayehu", "D")],
    "title": "The interplay of fibroblasts, the extracellular matrix, and inflammation in scar formation",
    "container-title": "J Biol Chem", "issued": {"date-parts": [[2022]]}, "volume": "298", "issue": "2",
    "page": "101530", "PMID": "34953859", "PMCID": "PMC8784641", "DOI": "10.1016/j.jbc.2021.101530"}

REF_7 = {
    "id": "ref7", "type": "article-journal", "author": [person("Rayat Pisheh", "H"), person("Sani", "M")],
    "title": "Mesenchymal stem cells derived exosomes: a new era in cardiac regeneration",
    "container-title": "Stem Cell Res Ther", "issued": {"date-parts": [[2025]]}, "volume": "16",
    "issue": "1", "page": "16", "PMID": "39849585", "PMCID": "PMC11756228",
    "DOI": "10.1186/s13287-024-04123-2"}

REF_17 = {
    "id": "ref17", "type": "article-journal",
    "author": [person("Kaufman-Janette", "J"), person("Cazzaniga", "A"), person("Jacobson", "A")],
    "title": "Effect of Topical Platelet Extract Daily Serum as a Cosmetic Product to Reduce Facial Redness",
    "container-title": "J Clin Aesthet Dermatol", "issued": {"date-parts": [[2023]]}, "volume": "16",
    "issue": "10", "page": "48-51", "PMID": "37915335", "PMCID": "PMC10617900"}

CASES = {
    "vancouver, ref 1 (StatPearls)": ("vancouver", REF_1_STATPEARLS,
        "1. Wallace HA, Basehore BM, Zito PM. Wound Healing Phases. In: StatPearls [Internet]. Treasure "
        "Island (FL): StatPearls Publishing. Available from: https://www.ncbi.nlm.nih.gov/books/NBK470443/. "
        "PubMed PMID: 29262065."),
    "vancouver, ref 2": ("vancouver", REF_2,
        "1. Moretti L, Stalfort J, Barker TH, Abebayehu D. The interplay of fibroblasts, the extracellular "
        "matrix, and inflammation in scar formation. J Biol Chem. 2022;298(2):101530. "
        "doi: 10.1016/j.jbc.2021.101530. PubMed PMID: 34953859; PubMed Central PMCID: PMC8784641."),
    "vancouver, ref 7": ("vancouver", REF_7,
        "1. Rayat Pisheh H, Sani M. Mesenchymal stem cells derived exosomes: a new era in cardiac "
        "regeneration. Stem Cell Res Ther. 2025;16(1):16. doi: 10.1186/s13287-024-04123-2. "
        "PubMed PMID: 39849585; PubMed Central PMCID: PMC11756228."),
    "vancouver, ref 17": ("vancouver", REF_17,
        "1. Kaufman-Janette J, Cazzaniga A, Jacobson A. Effect of Topical Platelet Extract Daily Serum as a "
        "Cosmetic Product to Reduce Facial Redness. J Clin Aesthet Dermatol. 2023;16(10):48-51. "
        "PubMed PMID: 37915335; PubMed Central PMCID: PMC10617900."),
    "gost 2008, ref 1 (StatPearls)": pytest.param("gost-r-7.0.5-2008", REF_1_STATPEARLS,
        "1. Wallace H. A., Basehore B. M., Zito P. M. Wound Healing Phases // StatPearls. Treasure Island "
        "(FL) : StatPearls Publishing. URL: https://www.ncbi.nlm.nih.gov/books/NBK470443/."),
    "gost 2008, ref 2": pytest.param("gost-r-7.0.5-2008", REF_2,
        "1. The interplay of fibroblasts, the extracellular matrix, and inflammation in scar formation / "
        f"L. Moretti [et al.] // J Biol Chem. 2022. Vol.{NBSP}298, No.{NBSP}2. P.{NBSP}101530. "
        "DOI: 10.1016/j.jbc.2021.101530."),
    "gost 2008, ref 7": pytest.param("gost-r-7.0.5-2008", REF_7,
        "1. Rayat Pisheh H., Sani M. Mesenchymal stem cells derived exosomes: a new era in cardiac "
        f"regeneration // Stem Cell Res Ther. 2025. Vol.{NBSP}16, No.{NBSP}1. P.{NBSP}16. "
        "DOI: 10.1186/s13287-024-04123-2."),
    "gost 2008, ref 17": pytest.param("gost-r-7.0.5-2008", REF_17,
        "1. Kaufman-Janette J., Cazzaniga A., Jacobson A. Effect of Topical Platelet Extract Daily Serum as "
        "a Cosmetic Product to Reduce Facial Redness // J Clin Aesthet Dermatol. 2023. "
        f"Vol.{NBSP}16, No.{NBSP}10. P.{NBSP}48–51."),
    "gost 2018, ref 1 (StatPearls)": ("gost-r-7.0.100-2018", REF_1_STATPEARLS,
        "1. Wallace, H. A. Wound Healing Phases / H. A. Wallace, B. M. Basehore, P. M. Zito. – Текст : "
        "электронный // StatPearls. – Treasure Island (FL) : StatPearls Publishing. – "
        "URL: https://www.ncbi.nlm.nih.gov/books/NBK470443/."),
    "gost 2018, ref 2": pytest.param("gost-r-7.0.100-2018", REF_2,
        "1. The interplay of fibroblasts, the extracellular matrix, and inflammation in scar formation / "
        "L. Moretti, J. Stalfort, T. H. Barker [et al.]. – Текст : непосредственный // J Biol Chem. – "
        f"2022. – Vol.{NBSP}298, No.{NBSP}2. – P.{NBSP}101530. – DOI: 10.1016/j.jbc.2021.101530."),
    "gost 2018, ref 7": ("gost-r-7.0.100-2018", REF_7,
        "1. Rayat Pisheh, H. Mesenchymal stem cells derived exosomes: a new era in cardiac regeneration / "
        "H. Rayat Pisheh, M. Sani. – Текст : непосредственный // Stem Cell Res Ther. – 2025. – "
        f"Vol.{NBSP}16, No.{NBSP}1. – P.{NBSP}16. – DOI: 10.1186/s13287-024-04123-2."),
    "gost 2018, ref 17": ("gost-r-7.0.100-2018", REF_17,
        "1. Kaufman-Janette, J. Effect of Topical Platelet Extract Daily Serum as a Cosmetic Product to "
        "Reduce Facial Redness / J. Kaufman-Janette, A. Cazzaniga, A. Jacobson. – Текст : "
        f"непосредственный // J Clin Aesthet Dermatol. – 2023. – Vol.{NBSP}16, No.{NBSP}10. – "
        f"P.{NBSP}48–51."),
}


@pytest.mark.parametrize("style, item, expected", CASES.values(), ids=CASES.keys())
def test_seed_reference_renders_in_style(render_one, style, item, expected):
    assert render_one(style, item) == expected


def test_seed_page_carries_the_references_written_out_here(seed_page):
    """The hand-written items above are the page's references 1, 2, 7 and 17."""
    for number, item in (("1", REF_1_STATPEARLS), ("2", REF_2), ("7", REF_7), ("17", REF_17)):
        line = next(line for line in seed_page.splitlines() if line.startswith(f"{number}. "))
        assert item["title"] in line
        assert item["PMID"] in line
