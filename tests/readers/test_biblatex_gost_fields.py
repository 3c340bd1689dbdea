"""BibLaTeX fields the GOST styles need, read by the BibTeX reader itself (issue #12: what
`bench/gost_oracle.py --bridge` added before the reader mapped them). Each mapping is checked
twice: the CSL variable the field becomes (its meaning from the biblatex manual, "Data
Fields", and biblatex-gost's manual for `credits` and its editor types), and the entry
rendered in GOST R 7.0.5-2008 against the standard's own example or rule (the same expected
strings as
tests/styles/test_elements_of_the_description.py, whose sources are cited there). The reader
stays lossless: every field comes back unchanged from `convert --to bibtex`."""

from __future__ import annotations

import pytest

from citefmt.engine import render_bibliography
from citefmt.readers import bibtex as bib_reader
from citefmt.writers import bibtex as bib_writer

NBSP = "\u00a0"
G2008 = "gost-r-7.0.5-2008"


def _item(text: str) -> dict[str, object]:
    result = bib_reader.read(text)
    assert not [d for d in result.diagnostics if d.severity != "info"]
    return result.items[0]


def _gost(text: str) -> str:
    items = bib_reader.read(text).items
    return render_bibliography(items, G2008).entries[0].text


def _written_fields(text: str) -> dict[str, str]:
    written = bib_writer.write(bib_reader.read(text).items)
    entry = bib_reader._parse(written).entries[0]
    return {f.key.lower(): str(f.value) for f in entry.fields}


LAKATOS = r"""@book{lakatos,
  author = {Лакатос, И.}, title = {Доказательства и опровержения},
  origlanguage = {english}, translator = {Веселовский, И. Н.},
  location = {Москва}, publisher = {Наука}, date = {1967}, pagetotal = {152},
  langid = {russian}}"""


def test_origlanguage_is_the_language_translated_from() -> None:
    # biblatex manual: origlanguage "the language of the original work" (of a translation)
    assert _item(LAKATOS)["original-language"] == "english"
    # GOST R 7.0.5-2008 annex A / GOST R 7.0.12-2011: "пер. с англ." + genitive
    assert _gost(LAKATOS) == ("1. Лакатос И. Доказательства и опровержения / пер. с англ. "
                              f"И. Н. Веселовского. М. : Наука, 1967. 152{NBSP}с.")


COMPILED = r"""@book{pfa,
  title = {Путь в философию}, editor = {Петров, В. Г.}, editortype = {compiler},
  editora = {Смирнова, Е. К.}, location = {Ленинград}, publisher = {Наука},
  date = {1989}, langid = {russian}}"""


def test_editortype_compiler_and_editora() -> None:
    # biblatex manual: editortype gives the role of `editor`; editora without editoratype is
    # an editor ("Similar to editor")
    item = _item(COMPILED)
    assert item["compiler"] == [{"family": "Петров", "given": "В. Г."}]
    assert item["editor"] == [{"family": "Смирнова", "given": "Е. К."}]
    # GOST R 7.0.12-2011 role words: "сост." nominative, "под ред." genitive
    assert _gost(COMPILED) == ("1. Путь в философию / сост. В. Г. Петров ; под ред. "
                               "Е. К. Смирновой. Л. : Наука, 1989.")


def test_editora_with_its_own_type_and_a_role_already_given() -> None:
    item = _item(r"""@book{x, title = {T}, editor = {Ann, A.}, editora = {Bob, B.},
      editoratype = {compiler}, editorb = {Cid, C.}}""")
    assert item["editor"] == [{"family": "Ann", "given": "A."}]
    assert item["compiler"] == [{"family": "Bob", "given": "B."}]
    # editorb is another editor list, and `editor` is already given: not merged into it, kept
    # as written for BibTeX output
    assert item["custom"]["bibtex"]["fields"]["editorb"] == "Cid, C."


PASSMORE = r"""@book{passmore,
  author = {Пассмор, Дж.}, title = {Сто лет философии},
  editor = {Грязнов, А. Ф.}, editortype = {geneditor},
  origlanguage = {english}, translator = {Борисов, И. В.},
  location = {Москва}, publisher = {Прогресс-Традиция}, date = {1998}, langid = {russian}}"""


def test_geneditor_is_the_general_editor() -> None:
    # biblatex-gost manual: editortype "geneditor" — general editor ("под общ. ред.")
    item = _item(PASSMORE)
    assert item["geneditor"] == [{"family": "Грязнов", "given": "А. Ф."}]
    assert "editor" not in item
    # GOST R 7.0.12-2011: общая редакция → "общ. ред."
    assert _gost(PASSMORE) == ("1. Пассмор Дж. Сто лет философии / под общ. ред. А. Ф. "
                               "Грязнова ; пер. с англ. И. В. Борисова. М. : "
                               "Прогресс-Традиция, 1998.")


def test_gecompiler_is_compiler_and_general_editor() -> None:
    # biblatex-gost manual: editortype "gecompiler" — compiler and general editor
    item = _item(r"""@book{g, title = {Т}, editor = {Косикова, Г. К.},
      editortype = {gecompiler}, langid = {russian}}""")
    assert item["compiler"] == item["geneditor"] == [{"family": "Косикова", "given": "Г. К."}]


BARTHES = r"""@book{barthes,
  author = {Барт, Р.}, title = {Мифологии}, origlanguage = {french},
  translator = {Зенкин, С. Н.}, commentator = {Зенкин, С. Н.},
  introduction = {Зенкин, С. Н.}, location = {Москва},
  publisher = {Изд-во им. Сабашниковых}, date = {1996}, pagetotal = {312}, langid = {russian}}"""


def test_commentator_and_introduction_are_their_own_roles() -> None:
    item = _item(BARTHES)
    zenkin = [{"family": "Зенкин", "given": "С. Н."}]
    assert item["commentator"] == item["introduction"] == zenkin
    # GOST 7.1-2003 practice: one person in several roles named once after the role words
    assert _gost(BARTHES) == ("1. Барт Р. Мифологии / пер. с фр., коммент. и вступ. ст. "
                              f"С. Н. Зенкина. М. : Изд-во им. Сабашниковых, 1996. 312{NBSP}с.")


def test_foreword_afterword_annotator() -> None:
    item = _item(r"""@book{b, title = {T}, foreword = {A, B.}, afterword = {C, D.},
      annotator = {E, F.}}""")
    assert (item["foreword"], item["afterword"], item["annotator"]) == (
        [{"family": "A", "given": "B."}], [{"family": "C", "given": "D."}],
        [{"family": "E", "given": "F."}])


CREDITS = r"""@book{pos,
  title = {Проблемы онтологии в современной буржуазной философии},
  credits = {отв. ред. Т. А. Кузьмина}, translator = {Иванов, И. И.},
  location = {Рига}, publisher = {Зинатне}, date = {1988}, pagetotal = {334},
  langid = {russian}}"""


def test_credits_is_a_statement_of_responsibility_as_worded() -> None:
    assert _item(CREDITS)["credits"] == "отв. ред. Т. А. Кузьмина"
    # GOST 7.1-2003 / R 7.0.100-2018: the statement of responsibility in the source's form
    assert _gost(CREDITS) == ("1. Проблемы онтологии в современной буржуазной философии / "
                              "отв. ред. Т. А. Кузьмина ; пер. И. И. Иванова. Рига : Зинатне, "
                              f"1988. 334{NBSP}с.")


TARASOVA = r"""@inbook{tarasova,
  author = {Тарасова, В. И.}, title = {Политическая история Латинской Америки},
  subtitle = {учеб. для вузов}, edition = {2}, location = {Москва}, publisher = {Проспект},
  date = {2006}, pages = {305--412}, langid = {russian}}"""


def test_subtitle_is_other_title_information() -> None:
    item = _item(TARASOVA)
    assert item["title"] == "Политическая история Латинской Америки: учеб. для вузов"
    assert (item["title-main"], item["title-sub"]) == (
        "Политическая история Латинской Америки", "учеб. для вузов")


def test_subtitle_rendered_as_the_standard_example() -> None:
    # the rules file's GOST R 7.0.5-2008 book example (std), as a whole book with its pages
    book = TARASOVA.replace("@inbook", "@book")
    assert _gost(book) == ("1. Тарасова В. И. Политическая история Латинской Америки : учеб. "
                           f"для вузов. 2-е изд. М. : Проспект, 2006. С.{NBSP}305–412.")


def test_booksubtitle_after_a_spaced_colon() -> None:
    text = r"""@incollection{k, author = {Кристева, Ю.}, title = {Слово, диалог и роман},
      booktitle = {Избранные труды}, booksubtitle = {Разрушение поэтики},
      location = {Москва}, publisher = {РОССПЭН}, date = {2004}, pages = {165--193},
      langid = {russian}}"""
    item = _item(text)
    assert (item["container-title-main"], item["container-title-sub"]) == (
        "Избранные труды", "Разрушение поэтики")
    assert _gost(text) == ("1. Кристева Ю. Слово, диалог и роман // Избранные труды : "
                           f"Разрушение поэтики. М. : РОССПЭН, 2004. С.{NBSP}165–193.")


def test_maintitle_moves_the_split_title_with_it() -> None:
    # biblatex: maintitle is the title of the multi-volume work, title the volume's
    item = _item(r"""@book{d, title = {Введение в науки о духе}, subtitle = {Опыт},
      maintitle = {Собрание сочинений}, volume = {1}, langid = {russian}}""")
    assert item["title"] == "Собрание сочинений"
    assert "title-main" not in item and "title-sub" not in item
    assert item["volume-title"] == "Введение в науки о духе: Опыт"


@pytest.mark.parametrize("date", ["1993/", "1993/.."])
def test_open_date_range(date: str) -> None:
    # biblatex manual 2.3.8: "1993/" is an open-ended range; GOST 7.1-2003 serial example
    # form "М. : Наука, 1993– ."
    text = ("@periodical{i, title = {Известия}, location = {Москва}, publisher = {Наука}, "
            f"date = {{{date}}}, langid = {{russian}}}}")
    assert _gost(text) == "1. Известия. М. : Наука, 1993– ."


def test_uncertain_year() -> None:
    # biblatex manual 2.3.8 (EDTF): "2000?" uncertain; GOST R 7.0.100-2018 / 7.1-2003: a
    # supposed year "[2000?]"
    text = (r"@book{y, title = {Я и Оно}, location = {Москва}, date = {2000?}, "
            r"langid = {russian}}")
    assert _gost(text) == "1. Я и Оно. М., [2000?]."


def test_crossref_child_keeps_its_own_year() -> None:
    # biblatex manual 3.13.6 / biber: a child's own fields are never overwritten by inherited
    # ones; biber splits `date` into its parts first, so a child's `year` keeps the parent's
    # open range "1991/" (the journal's years) out of the child
    items = bib_reader.read(r"""@article{a, crossref = {logos}, title = {Четыре тезиса},
      year = 2010, number = {3}, pages = {5--11}, langid = {russian}}
@periodical{logos, title = {Логос}, date = {1991/}, langid = {russian}}""").items
    assert items[0]["issued"] == {"date-parts": [[2010]]}
    assert items[1]["issued"]["date-parts"] == [[1991]]


@pytest.mark.parametrize("text", [LAKATOS, COMPILED, PASSMORE, BARTHES, CREDITS])
def test_fields_come_back_unchanged(text: str) -> None:
    written = _written_fields(text)
    original = {f.key.lower(): str(f.value)
                for f in bib_reader._parse(text).entries[0].fields}
    for name in ("origlanguage", "credits", "commentator", "introduction", "editortype",
                 "editora", "translator"):
        if name in original:
            assert written[name] == original[name], name
    if "editortype" in original:
        assert written["editor"] == original["editor"]


def test_a_parts_inherited_translation_is_the_hosts() -> None:
    # biblatex: a child inherits its crossref parent's fields; the parent's translator and
    # original language describe the host (biblatex-gost prints them after the host's title),
    # the part's own its own
    items = bib_reader.read(r"""@incollection{sdr, crossref = {it}, author = {Кристева, Ю.},
      title = {Слово, диалог и роман}, translator = {Косиков, Г. К.},
      origlanguage = {french}, pages = {165--193}, langid = {russian}}
@incollection{is, crossref = {it}, author = {Кристева, Ю.}, title = {Исследования},
      pages = {31--394}, langid = {russian}}
@collection{it, title = {Избранные труды}, translator = {Косиков, Г. К. and Нарумов, Б. Н.},
      origlanguage = {french}, location = {Москва}, publisher = {РОССПЭН}, date = {2004},
      langid = {russian}}""").items
    kosikov = [{"family": "Косиков", "given": "Г. К."}]
    both = [*kosikov, {"family": "Нарумов", "given": "Б. Н."}]
    assert (items[0]["translator"], items[0]["container-translator"]) == (kosikov, both)
    assert (items[0]["original-language"], items[0]["container-original-language"]) == (
        "french", "french")
    assert "translator" not in items[1] and "original-language" not in items[1]
    assert items[1]["container-translator"] == both
    # GOST R 7.0.5-2008: each description with its own statement of responsibility
    texts = [e.text for e in render_bibliography(items[:2], G2008).entries]
    assert texts == [
        "1. Кристева Ю. Слово, диалог и роман / пер. с фр. Г. К. Косикова // Избранные труды / "
        f"пер. с фр. Г. К. Косикова, Б. Н. Нарумова. М. : РОССПЭН, 2004. С.{NBSP}165–193.",
        "2. Кристева Ю. Исследования // Избранные труды / пер. с фр. Г. К. Косикова, "
        f"Б. Н. Нарумова. М. : РОССПЭН, 2004. С.{NBSP}31–394."]


@pytest.mark.parametrize("origlanguage, expected", [
    # GOST R 7.0.12-2011 abbreviations of the language adjectives, joined by "и"
    ("latin and french", "пер. с лат. и фр."),
    ("english and german and french", "пер. с англ., нем. и фр."),
    ("danish", "пер. с дат."),
])
def test_origlanguage_lists_and_babel_names(origlanguage: str, expected: str) -> None:
    text = (f"@book{{d, title = {{Сочинения}}, origlanguage = {{{origlanguage}}}, "
            "location = {Москва}, publisher = {Мысль}, date = {1989}, langid = {russian}}")
    assert _gost(text) == f"1. Сочинения : {expected} М. : Мысль, 1989."


def test_a_part_translated_with_its_host_names_the_translators_once() -> None:
    # biblatex-gost: a part whose translators are the host's is described without its own
    # statement ("Исследования по семанализу // Избранные труды / пер. с фр. Г. К. Косикова,
    # Б. Н. Нарумова"), and its own "пер. с фр." is not repeated when the host names them
    text = r"""@incollection{is, crossref = {it}, author = {Кристева, Ю.},
      title = {Исследования по семанализу}, translator = {Косиков, Г. К. and Нарумов, Б. Н.},
      origlanguage = {french}, pages = {31--394}, langid = {russian}}
@collection{it, title = {Избранные труды}, translator = {Косиков, Г. К. and Нарумов, Б. Н.},
      origlanguage = {french}, location = {Москва}, publisher = {РОССПЭН}, date = {2004},
      langid = {russian}}"""
    item = bib_reader.read(text).items[0]
    assert "translator" not in item
    assert _gost(text) == (
        "1. Кристева Ю. Исследования по семанализу // Избранные труды / пер. с фр. Г. К. "
        f"Косикова, Б. Н. Нарумова. М. : РОССПЭН, 2004. С.{NBSP}31–394.")


@pytest.mark.parametrize("latex, expected", [
    # biblatex manual, "Language-specific commands" / polyglossia: the text of the argument
    (r"\foreignlanguage{polish}{Przełęcki}", "Przełęcki"),
    (r"\textlang{german}{Sein} und Zeit", "Sein und Zeit"),
    # biblatex manual, "Punctuation": \isdot marks an abbreviation's period, \adddot adds one
    (r"XIII--XIV вв.\isdot", "XIII–XIV вв."),
    (r"698, [6] с\adddot", "698, [6] с."),
    # babel-russian shorthand "= (a hyphen), T2A ligatures << >> (guillemets)
    (r'Экономическо"=философские', "Экономическо-философские"),
    ("Случай <<Вагнер>>", "Случай «Вагнер»"),
])
def test_latex_of_biblatex_gost_data(latex: str, expected: str) -> None:
    from citefmt.latex import latex_to_unicode

    assert latex_to_unicode(latex) == expected


def test_titleaddon_is_other_title_information() -> None:
    # rules file, GOST R 7.0.5-2008 prescribed punctuation: " : " before other title
    # information; a part inherits its host's addon as `booktitleaddon` (biber's default
    # inheritance), not as its own
    items = bib_reader.read(r"""@inproceedings{a, crossref = {lc77}, author = {Aczel, P.},
      title = {The Type Theoretic Interpretation}, pages = {55--66}, langid = {english}}
@proceedings{lc77, title = {Logic Colloquium '77}, titleaddon = {Proceedings of the colloquium},
      location = {Amsterdam}, publisher = {North-Holland}, date = {1978}, langid = {english}}
""").items
    assert (items[1]["title-main"], items[1]["title-sub"]) == (
        "Logic Colloquium '77", "Proceedings of the colloquium")
    texts = [e.text for e in render_bibliography(items, G2008).entries]
    assert texts == [
        "1. Aczel P. The Type Theoretic Interpretation // Logic Colloquium '77 : Proceedings of "
        f"the colloquium. Amsterdam : North-Holland, 1978. P.{NBSP}55–66.",
        "2. Logic Colloquium '77 : Proceedings of the colloquium. Amsterdam : North-Holland, "
        "1978."]


def test_a_book_of_a_book_inherits_the_title_as_its_title() -> None:
    # biblatex manual, default inheritance: only parts (and mv parents) rename `title`
    item = bib_reader.read(r"""@book{se1, crossref = {se}, volume = 1, pagetotal = 467}
@book{se, title = {Sketches of an Elephant}, author = {Johnstone, Peter T.}, date = {2002}}
""").items[0]
    assert item["title"] == "Sketches of an Elephant" and "container-title" not in item


def test_part_of_a_volume() -> None:
    # biblatex manual: `part` "the number of a partial volume" → CSL 1.0.2 part-number; GOST
    # 7.1-2003 designates it "Ч." after the title (as "Т." a volume)
    text = (r"@book{w, author = {Витгенштейн, Л.}, title = {Философские работы}, part = {I}, "
            r"location = {Москва}, publisher = {Гнозис}, date = {1994}, langid = {russian}}")
    assert _item(text)["part-number"] == "I"
    assert _gost(text) == f"1. Витгенштейн Л. Философские работы. Ч.{NBSP}I. М. : Гнозис, 1994."
    assert _written_fields(text)["part"] == "{I}"


def test_credits_of_a_part_and_of_its_host() -> None:
    # GOST R 7.0.5-2008 component part: each description with its own statement of
    # responsibility, as the source words it (biblatex-gost `credits`); the host's inherited
    items = bib_reader.read(r"""@incollection{eg, crossref = {sb}, author = {Сартр, Ж.-П.},
      title = {Экзистенциализм это гуманизм}, pages = {319--344}, langid = {russian}}
@incollection{oi, crossref = {sb}, author = {Мур, Д. Э.}, title = {Опровержение идеализма},
      credits = {перевод И. В. Борисовой}, pages = {242--265}, langid = {russian}}
@collection{sb, title = {Сумерки богов}, credits = {сост. и общ. ред. А. А. Яковлева},
      location = {Москва}, publisher = {Политиздат}, date = {1990}, langid = {russian}}
""").items
    assert items[0]["container-credits"] == "сост. и общ. ред. А. А. Яковлева"
    assert "credits" not in items[0]
    texts = [e.text for e in render_bibliography(items[:2], G2008).entries]
    assert texts == [
        "1. Сартр Ж.-П. Экзистенциализм это гуманизм // Сумерки богов / сост. и общ. ред. "
        f"А. А. Яковлева. М. : Политиздат, 1990. С.{NBSP}319–344.",
        "2. Мур Д. Э. Опровержение идеализма / перевод И. В. Борисовой // Сумерки богов / "
        f"сост. и общ. ред. А. А. Яковлева. М. : Политиздат, 1990. С.{NBSP}242–265."]


def test_a_journal_issue_named_rather_than_numbered() -> None:
    # biblatex manual: `issue` "for journals whose individual issues are identified by a
    # designation such as 'Spring' or 'Summer' rather than the month or a number"; GOST 7.1-2003
    # / R 7.0.100-2018: a designation is given as the source gives it (as "Кн. 2" for a volume)
    text = (r"@article{c, author = {Copjec, J.}, title = {The Orthopsychic Subject}, "
            r"journaltitle = {October}, volume = 49, issue = {Summer}, date = 1989, "
            r"pages = {53--71}, langid = {english}}")
    assert _gost(text) == (f"1. Copjec J. The Orthopsychic Subject // October. 1989. Vol.{NBSP}49, "
                           f"Summer. P.{NBSP}53–71.")
    # beside a number it has no CSL variable: kept as written, not lost
    both = text.replace("issue = {Summer}", "issue = {Summer}, number = 4")
    assert _item(both)["issue"] == "4"
    assert _written_fields(both)["issue"] == "{Summer}"


def test_maintitleaddon_is_other_title_information_of_the_work() -> None:
    # a volume of a multi-volume work inherits the work's `titleaddon` as its
    # `maintitleaddon` (biber's default inheritance); GOST gives it after " : " (rules file §1,
    # other title information), before the volume (biblatex-gost prints the same, `dekart:s1`)
    items = bib_reader.read(r"""@book{s1, crossref = {soch}, year = 1989, volume = 1,
      pagetotal = 654, langid = {russian}}
@mvbook{soch, author = {Декарт, Рене}, title = {Сочинения в двух томах},
  titleaddon = {пер. с лат. и фр.}, date = {1989/1994}, publisher = {Мысль},
  location = {М.}, langid = {russian}}""").items
    assert (items[0]["title-main"], items[0]["title-sub"]) == ("Сочинения в двух томах",
                                                               "пер. с лат. и фр.")
    assert render_bibliography(items[:1], G2008).entries[0].text == (
        f"1. Декарт Р. Сочинения в двух томах : пер. с лат. и фр. Т.{NBSP}1. М. : Мысль, 1989. "
        f"654{NBSP}с.")


def test_a_part_of_a_multivolume_work_states_a_shared_translation_once() -> None:
    # the part and the work are translated from French and no translator is named: the
    # translation statement once, after the part's title (GOST R 7.0.5-2008: each element once;
    # biblatex-gost prints the same, `leibniz:monadology`), the multi-volume statement of
    # GOST 7.1-2003's example ("Сочинения : в 2 т. Т. 1")
    items = bib_reader.read(r"""@inbook{m, title = {Монадология}, year = 1989, volume = 1,
      pages = {413--429}, origlanguage = {french}, crossref = {soch}, langid = {russian}}
@mvbook{soch, author = {Лейбниц, Г. В.}, title = {Сочинения}, date = {1982/1989},
  publisher = {Мысль}, volumes = 4, origlanguage = {french}, location = {М.},
  langid = {russian}}""").items
    assert "container-original-language" not in items[0]
    assert render_bibliography(items[:1], G2008).entries[0].text == (
        f"1. Лейбниц Г. В. Монадология : пер. с фр. // Сочинения : в 4 т. Т.{NBSP}1. М. : Мысль, "
        f"1989. С.{NBSP}413–429.")


def test_a_volume_title_keeps_its_subtitle_apart() -> None:
    # GOST 7.1-2003's example "Сочинения : в 2 т. Т. 1 : Стихотворения", the volume's own title
    # with its other title information after " : " (rules file §1, prescribed punctuation)
    items = bib_reader.read(r"""@book{ss1, author = {Дильтей, В.},
      maintitle = {Собрание сочинений}, volumes = 6, volume = 1,
      title = {Введение в науки о духе}, subtitle = {Опыт полагания основ},
      location = {М.}, publisher = {Дом интеллектуальной книги}, date = 2000,
      langid = {russian}}""").items
    assert (items[0]["volume-title-main"], items[0]["volume-title-sub"]) == (
        "Введение в науки о духе", "Опыт полагания основ")
    assert items[0]["volume-title"] == "Введение в науки о духе: Опыт полагания основ"
    assert render_bibliography(items, G2008).entries[0].text == (
        f"1. Дильтей В. Собрание сочинений : в 6 т. Т.{NBSP}1 : Введение в науки о духе : Опыт "
        "полагания основ. М. : Дом интеллектуальной книги, 2000.")


def test_a_journal_issue_designation_beside_its_number() -> None:
    # BibLaTeX `issue` ("Summer") beside `number`: the issue's designation as the source gives
    # it, between the volume and the number (biblatex-gost prints the same, entry `nirenberg`,
    # with the English "No." of GOST R 7.0.100-2018's examples, rules file §2)
    text = r"""@article{n, author = {Nirenberg, R. L.}, title = {Badiou's Number},
      journaltitle = {Critical Inquiry}, year = 2011, volume = 37, number = 4,
      issue = {Summer}, pages = {583--614}, langid = {english}}"""
    assert _item(text)["issue-designation"] == "Summer"
    assert _gost(text) == (f"1. Nirenberg R. L. Badiou's Number // Critical Inquiry. 2011. "
                           f"Vol.{NBSP}37, Summer, No.{NBSP}4. P.{NBSP}583–614.")
    assert _written_fields(text)["issue"] == "{Summer}"


def test_a_crossref_parent_brings_its_xdata() -> None:
    # biber resolves a parent's `xdata` before the child inherits from it: the host's place
    # and publisher come from the @xdata entry (GOST R 7.0.5-2008 chapter pattern, rules file
    # §1: "// Host. М. : Publisher, 2020. С. 215–240")
    items = bib_reader.read(r"""@xdata{common, location = {М.}, publisher = {ИФРАН}}
@collection{if5, xdata = {common}, title = {История философии}, year = 2000,
  langid = {russian}}
@incollection{a, crossref = {if5}, author = {Айдукевич, К.}, title = {Проблема},
  pages = {154--171}, langid = {russian}}""").items
    part = next(item for item in items if item["id"] == "a")
    assert (part["publisher-place"], part["publisher"]) == ("М.", "ИФРАН")
    assert render_bibliography([part], G2008).entries[0].text == (
        f"1. Айдукевич К. Проблема // История философии. М. : ИФРАН, 2000. С.{NBSP}154–171.")


def test_a_thematic_issue_title_follows_the_issue_number() -> None:
    # BibLaTeX `issuetitle` (CSL volume-title) of a journal: other title information of the
    # issue, after its number and " : " (rules file §1 prescribed punctuation; GOST 7.1-2003's
    # "Т. 1 : Стихотворения" for a volume's own title)
    text = r"""@article{l, author = {Laplanche, J.}, title = {The Unconscious},
      journaltitle = {Yale French Studies}, issuetitle = {French Freud}, year = 1972,
      volume = 48, pages = {118--175}, langid = {english}}"""
    assert _gost(text) == (f"1. Laplanche J. The Unconscious // Yale French Studies. 1972. "
                           f"Vol.{NBSP}48 : French Freud. P.{NBSP}118–175.")
    items = bib_reader.read(text).items
    assert render_bibliography(items, "gost-r-7.0.100-2018").entries[0].text == (
        "1. Laplanche, J. The Unconscious / J. Laplanche. – Текст : непосредственный // Yale "
        f"French Studies. – 1972. – Vol.{NBSP}48 : French Freud. – P.{NBSP}118–175.")
