"""biblatex-gost's theses, patents and standards read from BibLaTeX and rendered in both GOST
styles (issue #12, "types" and "data hygiene": type keys such as `docautoref` and `countryru`
were printed as text).

Sources of the expected strings:
- theses: GOST R 7.0.5-2008 example (rules file §1, "Белозеров И. В. … : дис. … канд. ист.
  наук. М., 2002. 215 с."); GOST 7.1-2003's example of a dissertation with its specialty code
  and the dissertant's full name after "/" ("Вишняков И. В. Модели и методы оценки
  коммерческих банков в условиях неопределенности : дис. … канд. экон. наук : 08.00.13 …
  / Вишняков Илья Владимирович. М., 2002. 234 с."), without the defence dates and notes the
  data below does not give; the doctor's degree "д-ра физ.-мат. наук" as the issue quotes it;
  7.0.100-2018's punctuation (". – ", heading "Фамилия, И. О.", places in full, "Текст :
  непосредственный", rules file §2);
- patents: GOST R 7.0.5-2008's form quoted by the issue ("Приемопередающее устройство : пат.
  2187888 Рос. Федерация : МПК7 H 04 B 1/38 / В. И. Чугаева ; заявитель и патентообладатель …
  № 2000131736/09 ; заявл. 18.12.2000 ; опубл. 20.08.2002, Бюл. № 23. 2 с. : ил."); GOST R
  7.0.100-2018's example (rules file §2, "Патент № 2637215 Российская Федерация, МПК … .
  Вибрационная мельница : № 2017105030 : заявл. 15.02.2017 : опубл. 01.12.2017 / Артеменко К. И.
  … ; заявитель БГТУ. – 4 с. : ил. – Текст : непосредственный.");
- a patent whose data gives biblatex-gost's `heading`: biblatex-gost's own output (the oracle
  of bench/gost_oracle.py, entry `patent1h`, without its optional "[Текст]");
- standards: GOST R 7.0.5-2008 example (rules file §1, "ГОСТ Р 7.0.53-2007. Издания. …
  М., 2007. 5 с."), and `specdata` after the title as biblatex-gost prints it (`standard2h`).
"""

from __future__ import annotations

import pytest

from citefmt.engine import render_bibliography
from citefmt.readers import bibtex as bib_reader
from citefmt.writers import bibtex as bib_writer

NBSP = "\u00a0"
G2008, G2018 = "gost-r-7.0.5-2008", "gost-r-7.0.100-2018"


def _render(text: str, style: str) -> str:
    result = bib_reader.read(text)
    assert not [d for d in result.diagnostics if d.severity != "info"]
    return render_bibliography(result.items, style).entries[0].text


VISHNYAKOV = r"""@thesis{vishnyakov,
  author = {Вишняков, Илья Владимирович},
  title = {Модели и методы оценки коммерческих банков в условиях неопределенности},
  type = {phdthesis}, science = {экон. наук}, specialitycode = {08.00.13},
  location = {Москва}, date = 2002, pagetotal = 234, langid = {russian}}"""

BELOZEROV = r"""@thesis{belozerov,
  author = {Белозеров, И. В.},
  title = {Религиозная политика Золотой Орды на Руси в XIII--XIV вв.},
  type = {phdthesis}, science = {ист. наук}, location = {М.}, date = 2002,
  pagetotal = 215, langid = {russian}}"""

SKVORTSOV = r"""@thesis{skvortsov,
  author = {Скворцов, Михаил Андреевич},
  title = {Флуктуационные и интерференционные эффекты в мезоскопических системах},
  type = {docautoref}, major = {физ.-мат. наук}, majorcode = {01.04.02},
  location = {Черноголовка}, year = 2008, pagetotal = 24, langid = {russian}}"""

PATENT = r"""@patent{patent,
  author = {Чугаева, В. И.}, title = {Приемопередающее устройство},
  type = {patent}, number = 2187888, location = {countryru},
  ipc = {МПК\ensuremath{^7} H 04 B 1/38},
  holder = {{заявитель и патентообладатель Воронеж. науч.-исслед. ин-т связи}},
  reqnumber = {2000131736/09}, date = {2000-12-18}, publdate = {2002-08-20},
  publication = {Бюл. № 23\midsentence}, pagetotal = {2 с. : ил.}, langid = {russian}}"""

PATENT_HEADED = r"""@patent{patent1h,
  heading = {Пат. 2187888 Рос. федерация, МПК\ensuremath{^7} H 04 B 1/38, H 04 J},
  author = {Чугаева, В. И.}, title = {Приемопередающее устройство},
  holder = {{заявитель и патентообладатель Воронеж. науч.-исслед. ин-т связи}},
  reqnumber = {2000131736/09}, date = {2000-12-18},
  publication = {Бюл. № 23 (II ч.)\midsentence}, publdate = {2002-08-20},
  pagetotal = {2 с. : ил.}, langid = {russian}}"""

INVENTORS_CERTIFICATE = r"""@patent{patent3,
  author = {В. С. Ваулин and В. Г. Кемайкин},
  title = {Устройство для захвата неориентированных деталей типа валов},
  type = {invcert}, number = 1007970, location = {countryussr},
  ipc = {МКИ\ensuremath{^3} В 25.1 15/00}, reqnumber = {3360585/25-08},
  date = {1981-11-23}, publication = {Бюл. № 12}, publdate = {1983-03-30},
  pagetotal = {2 с. : ил.}, langid = {russian}}"""

STANDARD = r"""@reference{gost70053,
  heading = {ГОСТ Р 7.0.53-2007},
  title = {Издания. Международный стандартный книжный номер. Использование и издательское
           оформление},
  location = {М.}, year = 2007, pagetotal = 5, langid = {russian}}"""

STANDARD_SPECDATA = r"""@reference{standard2h,
  heading = {ГОСТ 733---2001},
  title = {Издания. Международная стандартная нумерация книг},
  specdata = {Взамен ГОСТ 7.53---86 ; введ. 2002---07---01},
  location = {Минск : Межгос. совет по стандартизации, метрологии и сертификации ;
              М. : Изд-во стандартов},
  year = {cop. 2002}, pagetotal = 3,
  series = {Система стандартов по информации, библиотечному и издательскому делу},
  langid = {russian}}"""

VISHNYAKOV_DEFENDED = VISHNYAKOV.replace(
    "type = {phdthesis}", r"titleaddon = {защищена 12.02.02~: утв. 24.06.02}, type = {phdthesis}")

JASPERS = r"""@mvbook{jaspers:f, author = {Карл Ясперс}, title = {Философия}, year = 2012,
  publisher = {«Канон+» РООИ «Реабилитация»}, location = {М.}, books = 3,
  origlanguage = {german}, langid = {russian}}"""

JASPERS_BOOK = r"""@book{jaspers:f1, author = {Карл Ясперс}, maintitle = {Философия},
  book = {Книга первая}, title = {Философское ориентирование в мире}, year = 2012,
  publisher = {«Канон+» РООИ «Реабилитация»}, location = {М.}, books = 3, pagetotal = 384,
  origlanguage = {german}, langid = {russian}}"""

PATENT_REQUEST = r"""@patent{patent2, author = {Тернер, Э. В.}, authortype = {США},
  title = {Одноразовая ракета-носитель}, type = {patreq}, number = 1095735,
  location = {countryru}, ipc = {МПК\ensuremath{^7} B 64 G 1/00},
  holder = {{заявитель Спейс Системз/Лорал, инк.}},
  credits = {патент. поверенный Егорова Г. Б.}, reqnumber = {2000108705/28},
  date = {2000-04-07}, publdate = {2001-03-10}, publication = {Бюл. № 7 (I ч.)\midsentence},
  prioritydate = {1999-04-09}, prioritynumber = {09/289, 037}, prioritycountry = {countryus},
  pagetotal = {5 с. : ил.}, langid = {russian}}"""

EXAMPLES = {
    # a patent application with the inventors' country and the priority (the elements of GOST
    # 7.1-2003's example of this application, in the order and wording biblatex-gost prints
    # them, entry `patent2`; the standard's text was not at hand)
    "patent application, inventors' country, priority": (
        PATENT_REQUEST, G2008,
        "1. Одноразовая ракета-носитель : заявка 1095735 Рос. Федерация : МПК⁷ B 64 G 1/00 / "
        "Э. В. Тернер (США) ; заявитель Спейс Системз/Лорал, инк. ; патент. поверенный Егорова "
        "Г. Б. № 2000108705/28 ; заявл. 07.04.2000 ; опубл. 10.03.2001, Бюл. № 7 (I ч.) ; "
        "приоритет 09.04.1999, 09/289, 037 (США). 5 с. : ил."),
    # biblatex-gost's `books` / `parts` / `book`: the multi-part statement of GOST 7.1-2003's
    # example "Сочинения : в 2 т. Т. 1 : Стихотворения" with the unit "кн." (GOST R 7.0.12
    # abbreviation; biblatex-gost prints the same, entry `jaspers:f`), the book designated as
    # the source designates it; 7.0.100-2018 in full ("в 2 томах" → "в 3 книгах")
    "books of a multi-part work": (
        JASPERS, G2008,
        "1. Ясперс К. Философия : в 3 кн. : пер. с нем. М. : «Канон+» РООИ «Реабилитация», 2012."),
    "books of a multi-part work, 7.0.100": (
        JASPERS, G2018,
        "1. Ясперс, К. Философия : в 3 книгах : перевод с немецкого / К. Ясперс. – М. : "
        "«Канон+» РООИ «Реабилитация», 2012. – Текст : непосредственный."),
    "one book of a multi-part work": (
        JASPERS_BOOK, G2008,
        "1. Ясперс К. Философия : в 3 кн. Книга первая : Философское ориентирование в мире : "
        f"пер. с нем. М. : «Канон+» РООИ «Реабилитация», 2012. 384{NBSP}с."),
    "thesis, other title information after the specialty code": (
        VISHNYAKOV_DEFENDED, G2008,
        "1. Вишняков И. В. Модели и методы оценки коммерческих банков в условиях "
        f"неопределенности : дис. … канд. экон. наук : 08.00.13 : защищена 12.02.02{NBSP}: утв. "
        f"24.06.02 / Вишняков Илья Владимирович. М., 2002. 234{NBSP}с."),
    "thesis, specialty code, full name": (
        VISHNYAKOV, G2008,
        "1. Вишняков И. В. Модели и методы оценки коммерческих банков в условиях "
        "неопределенности : дис. … канд. экон. наук : 08.00.13 / Вишняков Илья Владимирович. "
        f"М., 2002. 234{NBSP}с."),
    "thesis, 7.0.100": (
        VISHNYAKOV, G2018,
        "1. Вишняков, И. В. Модели и методы оценки коммерческих банков в условиях "
        "неопределенности : дис. … канд. экон. наук : 08.00.13 / Вишняков Илья Владимирович. "
        f"– Москва, 2002. – 234{NBSP}с. – Текст : непосредственный."),
    "thesis, initials only": (
        BELOZEROV, G2008,
        "1. Белозеров И. В. Религиозная политика Золотой Орды на Руси в XIII–XIV вв. : "
        f"дис. … канд. ист. наук. М., 2002. 215{NBSP}с."),
    "doctor's autoreferat": (
        SKVORTSOV, G2008,
        "1. Скворцов М. А. Флуктуационные и интерференционные эффекты в мезоскопических "
        "системах : автореф. дис. … д-ра физ.-мат. наук : 01.04.02 / Скворцов Михаил "
        f"Андреевич. Черноголовка, 2008. 24{NBSP}с."),
    "patent": (
        PATENT, G2008,
        "1. Приемопередающее устройство : пат. 2187888 Рос. Федерация : МПК⁷ H 04 B 1/38 / "
        "В. И. Чугаева ; заявитель и патентообладатель Воронеж. науч.-исслед. ин-т связи. "
        "№ 2000131736/09 ; заявл. 18.12.2000 ; опубл. 20.08.2002, Бюл. № 23. 2 с. : ил."),
    "patent application, 7.0.100": (
        PATENT_REQUEST, G2018,
        "1. Заявка № 1095735 Российская Федерация, МПК⁷ B 64 G 1/00. Одноразовая "
        "ракета-носитель : № 2000108705/28 : заявл. 07.04.2000 : опубл. 10.03.2001 / Тернер "
        "Э. В. (США) ; заявитель Спейс Системз/Лорал, инк. ; патент. поверенный Егорова Г. Б. "
        "– 5 с. : ил. – Текст : непосредственный."),
    "patent, 7.0.100": (
        PATENT, G2018,
        "1. Патент № 2187888 Российская Федерация, МПК⁷ H 04 B 1/38. Приемопередающее "
        "устройство : № 2000131736/09 : заявл. 18.12.2000 : опубл. 20.08.2002 / Чугаева В. И. "
        "; заявитель и патентообладатель Воронеж. науч.-исслед. ин-т связи. – 2 с. : ил. – "
        "Текст : непосредственный."),
    "patent with a heading": (
        PATENT_HEADED, G2008,
        "1. Пат. 2187888 Рос. федерация, МПК⁷ H 04 B 1/38, H 04 J. Приемопередающее устройство "
        "/ В. И. Чугаева ; заявитель и патентообладатель Воронеж. науч.-исслед. ин-т связи. "
        "№ 2000131736/09 ; заявл. 18.12.2000 ; опубл. 20.08.2002, Бюл. № 23 (II ч.). "
        "2 с. : ил."),
    "inventor's certificate": (
        INVENTORS_CERTIFICATE, G2008,
        "1. Устройство для захвата неориентированных деталей типа валов : а. с. 1007970 СССР "
        ": МКИ³ В 25.1 15/00 / В. С. Ваулин, В. Г. Кемайкин. № 3360585/25-08 ; заявл. "
        "23.11.1981 ; опубл. 30.03.1983, Бюл. № 12. 2 с. : ил."),
    "standard with its heading": (
        STANDARD, G2008,
        "1. ГОСТ Р 7.0.53-2007. Издания. Международный стандартный книжный номер. "
        f"Использование и издательское оформление. М., 2007. 5{NBSP}с."),
    "standard with specdata": (
        STANDARD_SPECDATA, G2008,
        "1. ГОСТ 733—2001. Издания. Международная стандартная нумерация книг. Взамен ГОСТ "
        "7.53—86 ; введ. 2002—07—01. Минск : Межгос. совет по стандартизации, метрологии и "
        f"сертификации ; М. : Изд-во стандартов, cop. 2002. 3{NBSP}с. (Система стандартов по "
        "информации, библиотечному и издательскому делу)."),
    "standard with specdata, 7.0.100": (
        STANDARD_SPECDATA, G2018,
        "1. ГОСТ 733—2001. Издания. Международная стандартная нумерация книг. – Взамен ГОСТ "
        "7.53—86 ; введ. 2002—07—01. – Минск : Межгос. совет по стандартизации, метрологии и "
        f"сертификации ; М. : Изд-во стандартов, cop. 2002. – 3{NBSP}с. – (Система стандартов "
        "по информации, библиотечному и издательскому делу). – Текст : непосредственный."),
}


@pytest.mark.parametrize("text, style, expected", EXAMPLES.values(), ids=EXAMPLES.keys())
def test_biblatex_gost_types(text: str, style: str, expected: str) -> None:
    assert _render(text, style) == expected


def test_type_keys_become_csl_variables() -> None:
    thesis = bib_reader.read(SKVORTSOV).items[0]
    assert (thesis["genre"], thesis["number"]) == ("автореф. дис. … д-ра физ.-мат. наук",
                                                   "01.04.02")
    patent = bib_reader.read(PATENT).items[0]
    assert patent["publisher-place"] == "Российская Федерация"
    assert patent["publisher-place-short"] == "Рос. Федерация"
    assert (patent["genre"], patent["genre-short"], patent["call-number"],
            patent["application-number"]) == ("патент", "пат.", "МПК⁷ H 04 B 1/38",
                                               "2000131736/09")
    assert patent["submitted"] == {"date-parts": [[2000, 12, 18]]}
    assert patent["issued"] == {"date-parts": [[2002, 8, 20]]}


def test_an_english_thesis_does_not_repeat_its_author() -> None:
    # the dissertant's full name after "/" is the Russian title page's (фамилия, имя,
    # отчество); a foreign thesis names its university (GOST 7.1-2003 practice)
    item = {"id": "b", "type": "thesis", "language": "en",
            "author": [{"family": "Borkowski", "given": "Mary M."}],
            "title": "Infant sleep and feeding", "genre": "PhD thesis",
            "publisher": "Central Michigan University", "publisher-place": "Mount Pleasant",
            "issued": {"date-parts": [[2002]]}}
    assert render_bibliography([item], G2008).entries[0].text == (
        "1. Borkowski M. M. Infant sleep and feeding : PhD thesis. Mount Pleasant : Central "
        "Michigan University, 2002.")


def test_an_english_thesis_keeps_biblatex_english_term() -> None:
    # biblatex's english.lbx: phdthesis "PhD thesis"; GOST's Russian degree words are for a
    # Russian description only
    item = bib_reader.read(r"""@thesis{b, author = {Borkowski, Mary M.}, title = {Infant sleep},
      type = {phdthesis}, institution = {Central Michigan University},
      location = {Mount Pleasant}, year = 2002, langid = {english}}""").items[0]
    assert item["genre"] == "PhD thesis"
    assert item["publisher"] == "Central Michigan University"


@pytest.mark.parametrize("text", [SKVORTSOV, PATENT, PATENT_HEADED, STANDARD_SPECDATA,
                                  PATENT_REQUEST, VISHNYAKOV_DEFENDED, JASPERS, JASPERS_BOOK])
def test_fields_come_back_unchanged(text: str) -> None:
    written = bib_reader._parse(bib_writer.write(bib_reader.read(text).items)).entries[0]
    original = bib_reader._parse(text).entries[0]
    fields = {f.key.lower(): str(f.value) for f in written.fields}
    patent_dates = any(f.key.lower() == "publdate" for f in original.fields)
    for field in original.fields:
        name = field.key.lower()
        if name == "date" and not patent_dates:
            continue  # an ordinary date is written from CSL `issued`
        if name in ("type", "science", "major", "specialitycode", "majorcode", "ipc", "holder",
                    "publication", "reqnumber", "publdate", "heading", "specdata", "date",
                    "books", "parts", "book", "authortype", "prioritydate",
                    "prioritynumber", "prioritycountry") or (
                        name == "location" and str(field.value).startswith("country")):
            assert fields[name].strip("{}") == str(field.value).strip("{}"), name
    again = bib_reader.read(bib_writer.write(bib_reader.read(text).items)).items[0]
    first = bib_reader.read(text).items[0]
    for variable in ("genre", "number", "publisher-place-short", "issued",
                     "submitted", "call-number", "publisher", "issue", "application-number",
                     "heading", "specdata", "number-of-books", "volume", "title-addon"):
        assert again.get(variable) == first.get(variable), variable
    if first["type"] == "patent":
        assert again.get("publisher-place") == first.get("publisher-place")
