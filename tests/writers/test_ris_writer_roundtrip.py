"""RIS writer: exact output, and RIS → CSL-JSON → RIS → CSL-JSON gives equal items."""

from __future__ import annotations

import json
from pathlib import Path

from citefmt.readers.ris import read
from citefmt.writers.ris import write

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "ris"


def test_round_trip_through_csl_json_is_exact() -> None:
    text = (FIXTURES / "zotero_multilang.ris").read_text(encoding="utf-8")
    first = read(text).items
    # through the CSL-JSON text form, as `citefmt convert` would store it
    via_json = json.loads(json.dumps(first, ensure_ascii=False))
    second = read(write(via_json)).items
    assert second == first
    assert len(second) == 5


def test_written_record_is_exact() -> None:
    item = {
        "type": "article-journal", "id": "moretti2022",
        "author": [{"family": "Moretti", "given": "L"}, {"literal": "Wound Study Group"}],
        "title": "The interplay of fibroblasts\nand inflammation",
        "container-title": "Journal of Biological Chemistry",
        "container-title-short": "J Biol Chem",
        "issued": {"date-parts": [[2022, 2]]}, "volume": "298", "issue": "2", "page": "121–128",
        "DOI": "10.1016/j.jbc.2021.101530", "language": "en", "keyword": "scar, fibroblast",
    }
    assert write([item]) == (
        "TY  - JOUR\n"
        "ID  - moretti2022\n"
        "AU  - Moretti, L\n"
        "AU  - Wound Study Group\n"
        "TI  - The interplay of fibroblasts and inflammation\n"
        "T2  - Journal of Biological Chemistry\n"
        "J2  - J Biol Chem\n"
        "PY  - 2022\n"
        "DA  - 2022/02/\n"
        "SP  - 121\n"
        "EP  - 128\n"
        "VL  - 298\n"
        "IS  - 2\n"
        "DO  - 10.1016/j.jbc.2021.101530\n"
        "LA  - en\n"
        "KW  - scar\n"
        "KW  - fibroblast\n"
        "ER  - \n\n"
    )


def test_types_without_a_ris_code_become_generic_and_raw_dates_survive() -> None:
    items = [{"type": "interview", "id": "x", "title": "Беседа", "issued": {"raw": "в печати"}},
             {"type": "standard", "id": "gost", "title": "ГОСТ Р 7.0.100-2018",
              "accessed": {"date-parts": [[2024, 5, 1]]}, "page": "e1645"}]
    text = write(items)
    assert text.splitlines()[0] == "TY  - GEN"
    back = read(text).items
    assert back[0] == {"type": "document", "id": "x", "title": "Беседа",
                       "issued": {"raw": "в печати"}}
    assert back[1] == {"type": "standard", "id": "gost", "title": "ГОСТ Р 7.0.100-2018",
                       "accessed": {"date-parts": [[2024, 5, 1]]}, "page": "e1645"}
