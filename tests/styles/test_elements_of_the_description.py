"""Elements of the description beyond the rules file's worked examples (issue #12), each
checked against the standard's own example or rule (cited per case), never against citefmt's
output. GOST R 7.0.5-2008 (short form, ". " between areas, GOST R 7.0.12 place
abbreviations), GOST R 7.0.100-2018 (". – ", full places and role words, content type) and
NLM *Citing Medicine* 2nd ed. / ICMJE "Samples of Formatted References" for Vancouver."""

from __future__ import annotations

import pytest

NBSP = "\u00a0"
G2008, G2018, VANC = "gost-r-7.0.5-2008", "gost-r-7.0.100-2018", "vancouver"


def person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


MULTIVOLUME = {
    # GOST 7.1-2003 / 7.0.100-2018 example "Гиппиус З. Н. Сочинения : в 2 т. Т. 1 …"
    "id": "gippius", "type": "book", "language": "ru", "author": [person("Гиппиус", "З. Н.")],
    "title": "Сочинения", "number-of-volumes": "2", "volume": "1",
    "publisher-place": "Москва", "publisher": "Лаком-книга", "issued": {"date-parts": [[2001]]},
    "number-of-pages": "367",
}
SERIES = {
    # series area "(Серия ; номер)": GOST R 7.0.5-2008 / GOST 7.1-2003 (clause numbers not verified)
    "id": "lotman", "type": "book", "language": "ru", "author": [person("Лотман", "Ю. М.")],
    "title": "Статьи по семиотике культуры и искусства", "publisher-place": "Санкт-Петербург",
    "publisher": "Академический проект", "issued": {"date-parts": [[2002]]},
    "number-of-pages": "544", "collection-title": "Мир искусств", "collection-number": "12",
}
TRANSLATION = {
    # "пер. с англ." + translator in the genitive (GOST R 7.0.5-2008 examples; 7.0.100 5.2.6)
    "id": "lakatos", "type": "book", "language": "ru", "author": [person("Лакатос", "И.")],
    "title": "Доказательства и опровержения", "original-language": "english",
    "translator": [person("Веселовский", "И. Н.")], "publisher-place": "Москва",
    "publisher": "Наука", "issued": {"date-parts": [[1967]]}, "number-of-pages": "152",
}
COMPILED = {
    # "сост." takes the nominative, "под ред." the genitive (GOST R 7.0.12-2011 role words)
    "id": "pfa", "type": "book", "language": "ru", "title": "Путь в философию",
    "compiler": [person("Петров", "В. Г.")], "editor": [person("Смирнова", "Е. К.")],
    "publisher-place": "Ленинград", "publisher": "Наука", "issued": {"date-parts": [[1989]]},
}
THESIS = {
    # GOST R 7.0.5-2008 examples (rules file §1: "дис. … канд. ист. наук"):
    # "… : дис. … канд. филол. наук : 10.01.01 …"
    "id": "lukina", "type": "thesis", "language": "ru", "author": [person("Лукина", "В. А.")],
    "title": "Творческая история «Записок охотника» И. С. Тургенева",
    "genre": "дис. … канд. филол. наук", "number": "10.01.01",
    "publisher-place": "Санкт-Петербург", "issued": {"date-parts": [[2006]]},
    "number-of-pages": "220",
}
NEWSPAPER = {
    # newspaper issue date in the genitive: "// Известия. 2012. 6 июня. С. 5."
    "id": "news", "type": "article-newspaper", "language": "ru",
    "author": [person("Сидоров", "С. С.")], "title": "Статья в газете",
    "container-title": "Известия", "issued": {"date-parts": [[2012, 6, 6]]}, "page": "5",
}
CONFERENCE = {
    # conference dates in the genitive: "(Казань, 12–13 мая 2021 г.)"
    "id": "conf", "type": "paper-conference", "language": "ru",
    "author": [person("Сидоров", "С. С.")], "title": "Доклад",
    "container-title": "Материалы конференции", "event-place": "Казань",
    "event-date": {"date-parts": [[2021, 5, 12], [2021, 5, 13]]},
    "publisher-place": "Казань", "issued": {"date-parts": [[2021]]}, "page": "5-10",
}
IN_PRESS = {
    "id": "press", "type": "article-journal", "language": "ru",
    "author": [person("Иванов", "И. И.")], "title": "Рубцы", "container-title": "Хирургия",
    "issued": {"date-parts": [[2025]]}, "status": "в печати",
}
SUPPLEMENT_RU = {
    "id": "supp", "type": "article-journal", "language": "en",
    "author": [person("Geraud", "G.")], "title": "Tolerability", "container-title": "Headache",
    "issued": {"date-parts": [[2002]]}, "volume": "42", "supplement-number": "2",
    "page": "S93-S99",
}

ORGANISATION = {
    # a collective author is not a heading: title first, the body after "/" (issue #12)
    "id": "org", "type": "report", "language": "ru",
    "author": [{"literal": "Министерство здравоохранения Российской Федерации"}],
    "title": "Годовой отчёт", "publisher-place": "Москва", "issued": {"date-parts": [[2011]]},
    "number-of-pages": "120",
}

REPORT = {
    # GOST 7.1-2003 report example, without its "рук./исполн." roles: "Формирование генетической
    # структуры стада : отчет о НИР (промежуточ.) : 42-44 / Всерос. науч.-исслед. ин-т
    # животноводства … М., 2001. 75 с."
    "id": "nir", "type": "report", "language": "ru",
    "title": "Формирование генетической структуры стада",
    "genre": "отчет о НИР (промежуточ.)", "number": "42-44",
    "author": [{"literal": "Всерос. науч.-исслед. ин-т животноводства"}],
    "publisher-place": "Москва", "issued": {"date-parts": [[2001]]}, "number-of-pages": "75",
}
PROCEEDINGS = {
    # whole proceedings: event place and dates after the title ("Материалы конф. (Казань, …)")
    "id": "proc", "type": "book", "language": "ru", "title": "Актуальные вопросы хирургии",
    "genre": "материалы Всерос. конф.", "event-place": "Казань",
    "event-date": {"date-parts": [[2021, 5, 12], [2021, 5, 13]]},
    "publisher-place": "Казань", "publisher": "КГМУ", "issued": {"date-parts": [[2021]]},
    "number-of-pages": "300",
}
WEBSITE = {
    # web site with a publisher (GOST R 7.0.100-2018 website pattern, publisher in the imprint)
    "id": "rsl", "type": "webpage", "language": "ru",
    "title": "Российская государственная библиотека", "genre": "официальный сайт",
    "publisher-place": "Москва", "publisher": "РГБ", "URL": "http://www.rsl.ru",
    "accessed": {"date-parts": [[2024, 1, 15]]},
}

MERGED_ROLES = {
    # the same person in several roles is named once after all the role words (GOST 7.1-2003
    # practice, e.g. "пер. с фр., коммент. и вступ. ст. С. Н. Зенкина")
    "id": "barthes", "type": "book", "language": "ru", "author": [person("Барт", "Р.")],
    "title": "Мифологии", "original-language": "fr",
    "translator": [person("Зенкин", "С. Н.")], "commentator": [person("Зенкин", "С. Н.")],
    "introduction": [person("Зенкин", "С. Н.")], "publisher-place": "Москва",
    "publisher": "Изд-во им. Сабашниковых", "issued": {"date-parts": [[1996]]},
    "number-of-pages": "312",
}

GOST_2008 = {
    "multi-volume": (MULTIVOLUME, f"1. Гиппиус З. Н. Сочинения : в 2 т. Т.{NBSP}1. "
                     "М. : Лаком-книга, "
                     f"2001. 367{NBSP}с."),
    "volume with its own title (volume-title)": (
        {**MULTIVOLUME, "volume-title": "Стихотворения ; Проза"},
        f"1. Гиппиус З. Н. Сочинения : в 2 т. Т.{NBSP}1 : Стихотворения ; Проза. М. : "
        f"Лаком-книга, 2001. 367{NBSP}с."),
    "series area, place abbreviated (7.0.12: СПб.)": (
        SERIES, "1. Лотман Ю. М. Статьи по семиотике культуры и искусства. СПб. : Академический "
        f"проект, 2002. 544{NBSP}с. (Мир искусств ; 12)."),
    "translation statement, genitive": (
        TRANSLATION, "1. Лакатос И. Доказательства и опровержения / пер. с англ. "
        f"И. Н. Веселовского. М. : Наука, 1967. 152{NBSP}с."),
    "compiler nominative, editor genitive, Л.": (
        COMPILED, "1. Путь в философию / сост. В. Г. Петров ; под ред. Е. К. Смирновой. "
        "Л. : Наука, 1989."),
    "thesis with specialty code": (
        THESIS, "1. Лукина В. А. Творческая история «Записок охотника» И. С. Тургенева : дис. … "
        f"канд. филол. наук : 10.01.01. СПб., 2006. 220{NBSP}с."),
    "newspaper issue date": (NEWSPAPER, f"1. Сидоров С. С. Статья в газете // Известия. 2012. "
                             f"6 июня. С.{NBSP}5."),
    "conference dates in the genitive": (
        CONFERENCE, "1. Сидоров С. С. Доклад // Материалы конференции (Казань, 12–13 мая "
        f"2021 г.). Казань, 2021. С.{NBSP}5–10."),
    "status": (IN_PRESS, "1. Иванов И. И. Рубцы // Хирургия. 2025. (В печати)."),
    "organisation out of the heading": (
        ORGANISATION, "1. Годовой отчёт / Министерство здравоохранения Российской Федерации. "
        f"М., 2011. 120{NBSP}с."),
    "report with its number": (
        REPORT, "1. Формирование генетической структуры стада : отчет о НИР (промежуточ.) : "
        f"42-44 / Всерос. науч.-исслед. ин-т животноводства. М., 2001. 75{NBSP}с."),
    "proceedings with event": (
        PROCEEDINGS, "1. Актуальные вопросы хирургии : материалы Всерос. конф. (Казань, "
        f"12–13 мая 2021 г.). Казань : КГМУ, 2021. 300{NBSP}с."),
    "supplement": (SUPPLEMENT_RU, f"1. Geraud G. Tolerability // Headache. 2002. Vol.{NBSP}42, "
                   f"Suppl.{NBSP}2. P.{NBSP}S93–S99."),
}

GOST_2018 = {
    "multi-volume": (MULTIVOLUME, f"1. Гиппиус, З. Н. Сочинения : в 2 томах. Т.{NBSP}1 / "
                     "З. Н. Гиппиус."
                     f" – Москва : Лаком-книга, 2001. – 367{NBSP}с. – Текст : непосредственный."),
    "series area, place in full": (
        SERIES, "1. Лотман, Ю. М. Статьи по семиотике культуры и искусства / Ю. М. Лотман. – "
        f"Санкт-Петербург : Академический проект, 2002. – 544{NBSP}с. – (Мир искусств ; 12). – "
        "Текст : непосредственный."),
    "translation statement in full, genitive": (
        TRANSLATION, "1. Лакатос, И. Доказательства и опровержения / И. Лакатос ; перевод с "
        "английского И. Н. Веселовского. – Москва : Наука, 1967. – "
        f"152{NBSP}с. – Текст : непосредственный."),
    "organisation out of the heading": (
        ORGANISATION, "1. Годовой отчёт / Министерство здравоохранения Российской Федерации. – "
        f"Москва, 2011. – 120{NBSP}с. – Текст : непосредственный."),
    "compiler nominative, editor genitive, place in full": (
        COMPILED, "1. Путь в философию / составитель В. Г. Петров ; под редакцией "
        "Е. К. Смирновой. – Ленинград : Наука, 1989. – Текст : непосредственный."),
    "thesis with specialty code": (
        THESIS, "1. Лукина, В. А. Творческая история «Записок охотника» И. С. Тургенева : дис. … "
        "канд. филол. наук : 10.01.01 / В. А. Лукина. – Санкт-Петербург, 2006. – "
        f"220{NBSP}с. – Текст : непосредственный."),
    "conference dates in the genitive": (
        CONFERENCE, "1. Сидоров, С. С. Доклад / С. С. Сидоров. – Текст : непосредственный // "
        "Материалы конференции (Казань, 12–13 мая 2021 г.). – Казань, 2021. – "
        f"С.{NBSP}5–10."),
    "status": (IN_PRESS, "1. Иванов, И. И. Рубцы / И. И. Иванов. – Текст : непосредственный // "
               "Хирургия. – 2025. – (В печати)."),
    "supplement": (SUPPLEMENT_RU, "1. Geraud, G. Tolerability / G. Geraud. – Текст : "
                   f"непосредственный // Headache. – 2002. – Vol.{NBSP}42, Suppl.{NBSP}2. – "
                   f"P.{NBSP}S93–S99."),
    "same person in several roles, in full": (
        MERGED_ROLES, "1. Барт, Р. Мифологии / Р. Барт ; перевод с французского, комментарии "
        "и вступительная статья С. Н. Зенкина. – Москва : Изд-во им. Сабашниковых, 1996. – "
        f"312{NBSP}с. – Текст : непосредственный."),
    "report with its number": (
        REPORT, "1. Формирование генетической структуры стада : отчет о НИР (промежуточ.) : "
        "42-44 / Всерос. науч.-исслед. ин-т животноводства. – Москва, 2001. – "
        f"75{NBSP}с. – Текст : непосредственный."),
    "web site with publisher": (
        WEBSITE, "1. Российская государственная библиотека : официальный сайт. – Москва : РГБ. "
        "– URL: http://www.rsl.ru (дата обращения: 15.01.2024). – Текст : электронный."),
    "newspaper issue date": (
        NEWSPAPER, "1. Сидоров, С. С. Статья в газете / С. С. Сидоров. – Текст : "
        f"непосредственный // Известия. – 2012. – 6 июня. – С.{NBSP}5."),
}

VANCOUVER = {
    # ICMJE sample 3 (more than one organization / persons and a group)
    "persons and a group author": (
        {"id": "v1", "type": "article-journal",
         "author": [person("Vallancien", "G."), person("Emberton", "M."), person("Harving", "N."),
                    person("van Moorselaar", "R. J."), {"literal": "Alf-One Study Group"}],
         "title": "Sexual dysfunction in 1,274 European men suffering from lower urinary tract "
                  "symptoms", "container-title": "J Urol", "issued": {"date-parts": [[2003]]},
         "volume": "169", "issue": "6", "page": "2257-2261"},
        "1. Vallancien G, Emberton M, Harving N, van Moorselaar RJ; Alf-One Study Group. Sexual "
        "dysfunction in 1,274 European men suffering from lower urinary tract symptoms. J Urol. "
        "2003;169(6):2257-61."),
    # ICMJE sample 4 (organization as author)
    "organization as author": (
        {"id": "v2", "type": "article-journal",
         "author": [{"literal": "Diabetes Prevention Program Research Group"}],
         "title": "Hypertension, insulin, and proinsulin in participants with impaired glucose "
                  "tolerance", "container-title": "Hypertension",
         "issued": {"date-parts": [[2002]]}, "volume": "40", "issue": "5", "page": "679-686"},
        "1. Diabetes Prevention Program Research Group. Hypertension, insulin, and proinsulin in "
        "participants with impaired glucose tolerance. Hypertension. 2002;40(5):679-86."),
    # ICMJE sample 2 (optional: Epub ahead of print)
    "Epub ahead of print": (
        {"id": "v3", "type": "article-journal",
         "author": [person("Yu", "W. M."), person("Hawley", "T. S."), person("Hawley", "R. G."),
                    person("Qu", "C. K.")],
         "title": "Immortalization of yolk sac-derived precursor cells",
         "container-title": "Blood", "issued": {"date-parts": [[2002, 11, 15]]},
         "volume": "100", "issue": "10", "page": "3828-3831",
         "available-date": {"date-parts": [[2002, 7, 5]]}},
        "1. Yu WM, Hawley TS, Hawley RG, Qu CK. Immortalization of yolk sac-derived precursor "
        "cells. Blood. 2002 Nov 15;100(10):3828-31. Epub 2002 Jul 5."),
    # ICMJE sample 8 (volume with supplement), with supplement-number instead of "42 Suppl 2"
    "volume with supplement": (
        {"id": "v4", "type": "article-journal",
         "author": [person("Geraud", "G."), person("Spierings", "E. L."), person("Keywood", "C.")],
         "title": "Tolerability and safety of frovatriptan with short- and long-term use for "
                  "treatment of migraine and in comparison with sumatriptan",
         "container-title": "Headache", "issued": {"date-parts": [[2002]]}, "volume": "42",
         "supplement-number": "2", "page": "S93-S99"},
        "1. Geraud G, Spierings EL, Keywood C. Tolerability and safety of frovatriptan with short-"
        " and long-term use for treatment of migraine and in comparison with sumatriptan. "
        "Headache. 2002;42 Suppl 2:S93-9."),
    # ICMJE unpublished material sample (forthcoming / in press)
    "forthcoming": (
        {"id": "v5", "type": "article-journal",
         "author": [person("Tian", "D."), person("Araki", "H."), person("Stahl", "E."),
                    person("Bergelson", "J."), person("Kreitman", "M.")],
         "title": "Signature of balancing selection in Arabidopsis",
         "container-title": "Proc Natl Acad Sci U S A", "issued": {"date-parts": [[2002]]},
         "status": "forthcoming"},
        "1. Tian D, Araki H, Stahl E, Bergelson J, Kreitman M. Signature of balancing selection "
        "in Arabidopsis. Proc Natl Acad Sci U S A. Forthcoming 2002."),
    "in press (older ICMJE wording)": (
        {"id": "v6", "type": "article-journal", "author": [person("Leshner", "A. I.")],
         "title": "Molecular mechanisms of cocaine addiction", "container-title": "N Engl J Med",
         "issued": {"date-parts": [[1996]]}, "status": "In press"},
        "1. Leshner AI. Molecular mechanisms of cocaine addiction. N Engl J Med. In press 1996."),
}


@pytest.mark.parametrize("item, expected", GOST_2008.values(), ids=GOST_2008.keys())
def test_gost_2008_element(render_one, item, expected):
    assert render_one(G2008, item) == expected


@pytest.mark.parametrize("item, expected", GOST_2018.values(), ids=GOST_2018.keys())
def test_gost_2018_element(render_one, item, expected):
    assert render_one(G2018, item) == expected


@pytest.mark.parametrize("item, expected", VANCOUVER.values(), ids=VANCOUVER.keys())
def test_vancouver_citing_medicine_sample(render_one, item, expected):
    assert render_one(VANC, item) == expected




def test_chapter_roles_go_with_the_host(render_one):
    """The host's roles after the host's title (GOST R 7.0.5-2008 component part: "сведения о
    составной части // сведения об идентифицирующем документе", each with its own statement of
    responsibility): the host's translator is the extension variable `container-translator`,
    with the host's `container-original-language`: "// Избранное / пер. с англ. Л. Б.
    Макеевой. М. : …"."""
    item = {"id": "austin", "type": "chapter", "language": "ru", "author": [person("Остин", "Д.")],
            "title": "Истина", "container-title": "Избранное",
            "container-original-language": "en",
            "container-translator": [person("Макеева", "Л. Б.")], "publisher-place": "Москва",
            "publisher": "Идея-Пресс", "issued": {"date-parts": [[1999]]}, "page": "290-307"}
    assert render_one(G2008, item) == ("1. Остин Д. Истина // Избранное / пер. с англ. "
                                       f"Л. Б. Макеевой. М. : Идея-Пресс, 1999. С.{NBSP}290–307.")
    del item["container-translator"]
    assert render_one(G2008, item) == ("1. Остин Д. Истина // Избранное : пер. с англ. "
                                       f"М. : Идея-Пресс, 1999. С.{NBSP}290–307.")


def test_chapter_translator_goes_with_the_chapter(render_one):
    """A chapter's own `translator` is the part's (CSL: the item's translator), given after the
    part's title; the host's after the host's. Gap: every translator of a chapter was printed
    with the host."""
    item = {"id": "sdr", "type": "chapter", "language": "ru",
            "author": [person("Кристева", "Ю.")], "title": "Слово, диалог и роман",
            "original-language": "fr", "translator": [person("Косиков", "Г. К.")],
            "container-title": "Избранные труды", "container-original-language": "fr",
            "container-translator": [person("Косиков", "Г. К."), person("Нарумов", "Б. Н.")],
            "publisher-place": "Москва", "publisher": "РОССПЭН",
            "issued": {"date-parts": [[2004]]}, "page": "165-193"}
    assert render_one(G2008, item) == (
        "1. Кристева Ю. Слово, диалог и роман / пер. с фр. Г. К. Косикова // Избранные труды / "
        "пер. с фр. Г. К. Косикова, Б. Н. Нарумова. М. : РОССПЭН, 2004. "
        f"С.{NBSP}165–193.")
    # 7.0.100-2018: the rules file's chapter pattern ("… / С. Н. Петров. – Текст :
    # непосредственный // … / под редакцией …"), role words in full
    assert render_one(G2018, item) == (
        "1. Кристева, Ю. Слово, диалог и роман / Ю. Кристева ; перевод с французского Г. К. "
        "Косикова. – Текст : непосредственный // Избранные труды / перевод с французского "
        "Г. К. Косикова, Б. Н. Нарумова. – Москва : РОССПЭН, 2004. – "
        f"С.{NBSP}165–193.")


def test_article_translator_goes_with_the_article(render_one):
    item = {"id": "deleuze", "type": "article-journal", "language": "ru",
            "author": [person("Делёз", "Ж.")], "title": "Четыре тезиса о психоанализе",
            "original-language": "fr", "translator": [person("Зарубина", "Т.")],
            "container-title": "Логос", "issued": {"date-parts": [[2010]]}, "issue": "3",
            "page": "5-11"}
    assert render_one(G2008, item) == ("1. Делёз Ж. Четыре тезиса о психоанализе / пер. с фр. "
                                       f"Т. Зарубиной // Логос. 2010. №{NBSP}3. С.{NBSP}5–11.")


def test_same_person_in_several_roles_is_named_once(render_one):
    assert render_one(G2008, MERGED_ROLES) == (
        "1. Барт Р. Мифологии / пер. с фр., коммент. и вступ. ст. С. Н. Зенкина. М. : Изд-во "
        f"им. Сабашниковых, 1996. 312{NBSP}с.")


def test_compiler_translator_annotator_and_foreword_of_one_person(render_one):
    # biblatex-gost example benjamin:pi-book: "сост., пер. с нем., примеч. и предисл. С. А.
    # Ромашко" (Ромашко is indeclinable)
    romashko = [person("Ромашко", "С. А.")]
    item = {"id": "b", "type": "book", "language": "ru", "author": [person("Беньямин", "В.")],
            "title": "Произведение искусства в эпоху его технической воспроизводимости",
            "original-language": "de", "compiler": romashko, "translator": romashko,
            "annotator": romashko, "foreword": romashko, "publisher-place": "Москва",
            "publisher": "Медиум", "issued": {"date-parts": [[1996]]}}
    assert render_one(G2008, item) == (
        "1. Беньямин В. Произведение искусства в эпоху его технической воспроизводимости / "
        "сост., пер. с нем., примеч. и предисл. С. А. Ромашко. М. : Медиум, 1996.")


def test_compiler_keeps_the_nominative_when_merged_alone(render_one):
    item = {"id": "s", "type": "book", "language": "ru", "title": "Семиотика",
            "compiler": [person("Степанов", "Ю. С.")], "publisher-place": "Москва",
            "publisher": "Радуга", "issued": {"date-parts": [[1983]]}}
    assert render_one(G2008, item) == "1. Семиотика / сост. Ю. С. Степанов. М. : Радуга, 1983."


def test_french_source_takes_english_terms(render_one):
    """A source in a Latin-script language without a GOST term set (French) is described in
    English terms, never in Russian ones (issue #12: "Т."/"с." for a French book)."""
    item = {"id": "clero", "type": "book", "language": "fr", "author": [person("Cléro", "J.-P.")],
            "title": "Le vocabulaire de Lacan", "publisher-place": "Paris",
            "publisher": "Ellipses", "issued": {"date-parts": [[2006]]}, "number-of-pages": "96",
            "volume": "2"}
    assert render_one(G2008, item) == (f"1. Cléro J.-P. Le vocabulaire de Lacan. Vol.{NBSP}2. "
                                       f"Paris : Ellipses, 2006. 96{NBSP}p.")


def test_non_russian_dissertation_names_its_university(render_one):
    item = {"id": "borkowski", "type": "thesis", "language": "en",
            "author": [person("Borkowski", "M. M.")],
            "title": "Infant sleep and feeding", "genre": "PhD thesis",
            "publisher-place": "Mount Pleasant", "publisher": "Central Michigan University",
            "issued": {"date-parts": [[2002]]}, "number-of-pages": "101"}
    assert render_one(G2008, item) == ("1. Borkowski M. M. Infant sleep and feeding : PhD "
                                       "thesis. Mount Pleasant : Central Michigan University, "
                                       f"2002. 101{NBSP}p.")


def test_heading_without_initials_ends_with_a_period(render_one):
    """The heading is followed by ". ": "Аристотель. Сочинения" (a name without initials)."""
    item = {"id": "ar", "type": "book", "language": "ru", "author": [{"family": "Аристотель"}],
            "title": "Сочинения", "number-of-volumes": "4", "volume": "1",
            "publisher-place": "Москва", "publisher": "Мысль", "issued": {"date-parts": [[1976]]}}
    assert render_one(G2008, item) == ("1. Аристотель. Сочинения : в 4 т. Т.\u00a01. М. : "
                                       "Мысль, 1976.")


def test_edition_area_starts_with_a_capital(render_one):
    item = {"id": "w", "type": "book", "language": "ru", "author": [person("Вейль", "Г.")],
            "title": "О философии математики", "edition": "изд. 2-е, стер.",
            "publisher-place": "Москва", "publisher": "КомКнига",
            "issued": {"date-parts": [[2005]]}}
    assert render_one(G2008, item) == ("1. Вейль Г. О философии математики. Изд. 2-е, стер. "
                                       "М. : КомКнига, 2005.")


def test_places_are_joined_by_a_spaced_semicolon(render_one):
    item = {"id": "k", "type": "book", "language": "ru", "author": [person("Кассен", "Б.")],
            "title": "Эффект софистики", "publisher-place": "Москва; Санкт-Петербург",
            "publisher": "Университетская книга", "issued": {"date-parts": [[2000]]}}
    assert render_one(G2008, item) == ("1. Кассен Б. Эффект софистики. М. ; СПб. : "
                                       "Университетская книга, 2000.")


def test_probable_year_in_brackets_with_a_question_mark(render_one):
    """GOST R 7.0.100-2018 (clause not verified): a supposed year is given as "[2000?]"."""
    item = {"id": "y", "type": "book", "language": "ru", "title": "Я и Оно",
            "publisher-place": "Москва", "issued": {"raw": "2000?"}}
    assert render_one(G2008, item) == "1. Я и Оно. М., [2000?]."


def test_container_subtitle_after_a_spaced_colon(render_one):
    item = {"id": "k", "type": "chapter", "language": "ru", "author": [person("Кристева", "Ю.")],
            "title": "Слово, диалог и роман",
            "container-title": "Избранные труды: Разрушение поэтики",
            "container-title-main": "Избранные труды",
            "container-title-sub": "Разрушение поэтики", "publisher-place": "Москва",
            "publisher": "РОССПЭН", "issued": {"date-parts": [[2004]]}, "page": "165-193"}
    assert render_one(G2008, item) == ("1. Кристева Ю. Слово, диалог и роман // Избранные "
                                       "труды : Разрушение поэтики. М. : РОССПЭН, 2004. "
                                       f"С.{NBSP}165–193.")


def test_editors_only_book_prints_the_editors_once(render_one):
    """Gap: the host macro printed the editors of a book without container a second time
    ("/ под ред. X // под ред. X")."""
    item = {"id": "fmh", "type": "book", "language": "ru",
            "title": "Философия Мартина Хайдеггера и современность",
            "editor": [person("Мотрошилова", "Н. В.")], "publisher-place": "Москва",
            "publisher": "Наука", "issued": {"date-parts": [[1991]]}, "number-of-pages": "253"}
    assert render_one(G2008, item) == ("1. Философия Мартина Хайдеггера и современность / под "
                                       f"ред. Н. В. Мотрошиловой. М. : Наука, 1991. 253{NBSP}с.")


@pytest.mark.parametrize("style, expected", [
    (G2008, f"1. Гиппиус З. Н. Сочинения : в 2 т. Кн. 2. М. : Лаком-книга, 2001. "
            f"367{NBSP}с."),
    (G2018, f"1. Гиппиус, З. Н. Сочинения : в 2 томах. Кн. 2 / З. Н. Гиппиус. – Москва : "
            f"Лаком-книга, 2001. – 367{NBSP}с. – Текст : непосредственный."),
])
def test_volume_with_its_own_designation_is_given_as_in_the_source(render_one, style, expected):
    """GOST 7.1-2003 / R 7.0.100-2018: the designation and number of a part of a multi-part
    document are given in the form the source uses ("Кн. 2", "Вып. 3", "№ 9"). Gap: the style
    put "Т." before every volume ("Т. Кн. 2", "Т. № 9")."""
    item = {**MULTIVOLUME, "volume": "Кн. 2"}
    assert render_one(style, item) == expected


@pytest.mark.parametrize("volume, expected", [
    ("3", None), ("XIV", None), ("II (1)", None), ("12a", None),
    ("№ 9", "№ 9"), ("Т. 3 (1)", "Т. 3 (1)"), ("Лекции 1–15", "Лекции 1–15"), ("Ideas", "Ideas"),
    ("", None), (None, None),
])
def test_volume_as_given_only_when_the_value_names_its_designation(volume, expected):
    from citefmt.engine.gost import volume_as_given

    assert volume_as_given(volume) == expected


CENTURY = {
    "id": "century", "type": "book", "language": "en", "author": [person("Badiou", "Alain")],
    "title": "The Century", "original-language": "fr", "translator": [person("Toscano", "A.")],
    "publisher-place": "Cambridge", "publisher": "Polity", "issued": {"date-parts": [[2007]]},
}


@pytest.mark.parametrize("style, expected", [
    (G2008, "1. Badiou A. The Century / transl. from French by A. Toscano. Cambridge : Polity, "
            "2007."),
    (G2018, "1. Badiou, A. The Century / A. Badiou ; translated from French by A. Toscano. – "
            "Cambridge : Polity, 2007. – Текст : непосредственный."),
])
def test_english_translation_statement_names_the_translator_after_by(render_one, style,
                                                                      expected):
    """An English source is described in English (GOST R 7.0.5-2008: the elements in the
    language of the source; "transl." is GOST 7.11-2004's abbreviation): the statement reads
    "transl. from French by A. Toscano" (pattern). Gap: the role word lost its "by" once the
    original language was named ("transl. from French A. Toscano")."""
    assert render_one(style, CENTURY) == expected


def test_english_merged_roles_with_a_translation_from_a_language(render_one):
    """Merged English role words take one "by" at the end: "ed. and transl. from French by"
    (pattern of GOST 7.1-2003's merged roles, English wording)."""
    item = {**CENTURY, "editor": [person("Toscano", "A.")]}
    assert render_one(G2008, item) == ("1. Badiou A. The Century / ed. and transl. from French "
                                       "by A. Toscano. Cambridge : Polity, 2007.")


@pytest.mark.parametrize("style, pages, expected_end", [
    (G2008, "XIX, 297 с.", f"1997. XIX, 297{NBSP}с."),
    (G2008, "XIX, 297", f"1997. XIX, 297{NBSP}с."),
    (G2018, "XIX, 297 с.", f"1997. – XIX, 297{NBSP}с. – Текст : непосредственный."),
    # GOST 7.1-2003 examples (clause not verified): "334 с., 4 л. ил." — a count with several
    # units, as given
    (G2008, "334 с., 4 л. ил.", "1997. 334 с., 4 л. ил."),
    (G2018, "334 с., 4 л. ил.", "1997. – 334 с., 4 л. ил. – Текст : непосредственный."),
])
def test_page_count_with_its_unit_in_the_data_gets_it_once(render_one, style, pages,
                                                           expected_end):
    """Volume area: "XIX, 297 с." — preliminary pages in roman numerals, then the main count
    and "с." once (GOST 7.1-2003 / R 7.0.100-2018 examples "XII, 234 с."). Gap: data
    that already ended with "с." came out "XIX, 297 с. с."."""
    item = {"id": "r", "type": "book", "language": "ru", "author": [person("Рорти", "Р.")],
            "title": "Философия и зеркало природы", "publisher-place": "Новосибирск",
            "publisher": "Изд-во Новосиб. ун-та", "issued": {"date-parts": [[1997]]},
            "number-of-pages": pages}
    assert render_one(style, item).endswith(expected_end)


@pytest.mark.parametrize("style, expected", [
    (G2008, "1. Проблемы онтологии в современной буржуазной философии / отв. ред. Т. А. "
            f"Кузьмина ; пер. И. И. Иванова. Рига : Зинатне, 1988. 334{NBSP}с."),
    (G2018, "1. Проблемы онтологии в современной буржуазной философии / отв. ред. Т. А. "
            "Кузьмина ; перевод И. И. Иванова. – Рига : Зинатне, 1988. – "
            f"334{NBSP}с. – Текст : непосредственный."),
])
def test_statement_of_responsibility_given_as_text(render_one, style, expected):
    """GOST 7.1-2003 5.2.6 / R 7.0.100-2018 5.2.6: the statement of responsibility is given
    in the form the source gives it, its groups separated by " ; ". Gap: a statement the data
    holds only as text (extension variable `credits`, BibLaTeX-gost `credits`) was dropped."""
    item = {"id": "pos", "type": "book", "language": "ru",
            "title": "Проблемы онтологии в современной буржуазной философии",
            "credits": "отв. ред. Т. А. Кузьмина", "translator": [person("Иванов", "И. И.")],
            "publisher-place": "Рига", "publisher": "Зинатне",
            "issued": {"date-parts": [[1988]]}, "number-of-pages": "334"}
    assert render_one(style, item) == expected


@pytest.mark.parametrize("style, expected", [
    (G2008, "1. Пассмор Дж. Сто лет философии / под общ. ред. А. Ф. Грязнова ; пер. с англ. "
            "И. В. Борисова. М. : Прогресс-Традиция, 1998."),
    (G2018, "1. Пассмор, Дж. Сто лет философии / Дж. Пассмор ; под общей редакцией А. Ф. "
            "Грязнова ; перевод с английского И. В. Борисова. – Москва : Прогресс-Традиция, "
            "1998. – Текст : непосредственный."),
])
def test_general_editor(render_one, style, expected):
    """"под общ. ред." + genitive (GOST R 7.0.12-2011: общая редакция → общ. ред.; 7.0.100
    spells role words out). Extension name variable `geneditor` (biblatex-gost's editortype
    `geneditor`); gap: the general editor was printed as a plain editor or not at all."""
    item = {"id": "p", "type": "book", "language": "ru", "author": [person("Пассмор", "Дж.")],
            "title": "Сто лет философии", "geneditor": [person("Грязнов", "А. Ф.")],
            "original-language": "en", "translator": [person("Борисов", "И. В.")],
            "publisher-place": "Москва", "publisher": "Прогресс-Традиция",
            "issued": {"date-parts": [[1998]]}}
    assert render_one(style, item) == expected


def test_merged_role_words_are_nouns(render_one):
    """GOST 7.1-2003's example "Барт Р. Избранные работы : Семиотика. Поэтика : пер. с фр. / …
    сост., общ. ред. и вступ. ст. Г. К. Косикова": among several role words of the same person
    "под общ. ред." loses its preposition. Gap: "сост., под общ. ред. и вступ. ст."."""
    kosikov = [person("Косиков", "Г. К.")]
    item = {"id": "ir", "type": "book", "language": "ru", "author": [person("Барт", "Р.")],
            "title": "Избранные работы: Семиотика. Поэтика", "title-main": "Избранные работы",
            "title-sub": "Семиотика. Поэтика", "original-language": "fr", "compiler": kosikov,
            "geneditor": kosikov, "introduction": kosikov, "publisher-place": "Москва",
            "publisher": "Прогресс", "issued": {"date-parts": [[1989]]}, "number-of-pages": "616"}
    assert render_one(G2008, item) == (
        "1. Барт Р. Избранные работы : Семиотика. Поэтика : пер. с фр. / сост., общ. ред. и "
        f"вступ. ст. Г. К. Косикова. М. : Прогресс, 1989. 616{NBSP}с.")


DESIGNATIONS = [
    # the issue of a non-periodical and a part of a volume, designated as GOST 7.1-2003 designates
    # the parts of a multi-part document ("Т. 1 : Стихотворения" in its Гиппиус example)
    ({"id": "a", "type": "book", "language": "ru", "title": "Труды Высш. религ.-филос. школы",
      "volume-title": "Онтология. Эстетика. Религиозная философия", "issue": "2",
      "publisher-place": "Санкт-Петербург", "publisher": "ВРФШ",
      "issued": {"date-parts": [[1993]]}},
     f"1. Труды Высш. религ.-филос. школы. Вып.{NBSP}2 : Онтология. Эстетика. Религиозная "
     "философия. СПб. : ВРФШ, 1993.",
     f"1. Труды Высш. религ.-филос. школы. Вып.{NBSP}2 : Онтология. Эстетика. Религиозная "
     "философия. – Санкт-Петербург : ВРФШ, 1993. – Текст : непосредственный."),
    ({"id": "b", "type": "book", "language": "ru", "author": [person("Витгенштейн", "Л.")],
      "title": "Философские работы", "part-number": "I", "publisher-place": "Москва",
      "publisher": "Гнозис", "issued": {"date-parts": [[1994]]}},
     f"1. Витгенштейн Л. Философские работы. Ч.{NBSP}I. М. : Гнозис, 1994.",
     f"1. Витгенштейн, Л. Философские работы. Ч.{NBSP}I / Л. Витгенштейн. – Москва : Гнозис, "
     "1994. – Текст : непосредственный."),
    # a journal issue named, not numbered: given as the source gives it
    ({"id": "c", "type": "article-journal", "language": "en", "author": [person("Copjec", "J.")],
      "title": "The Orthopsychic Subject", "container-title": "October", "volume": "49",
      "issue": "Summer", "issued": {"date-parts": [[1989]]}, "page": "53-71"},
     f"1. Copjec J. The Orthopsychic Subject // October. 1989. Vol.{NBSP}49, Summer. "
     f"P.{NBSP}53–71.",
     "1. Copjec, J. The Orthopsychic Subject / J. Copjec. – Текст : непосредственный // "
     f"October. – 1989. – Vol.{NBSP}49, Summer. – P.{NBSP}53–71."),
    # a component part: its own statement of responsibility, the host's after the host's title;
    # its extent is its pages, never the host's page count
    ({"id": "e", "type": "chapter", "language": "ru", "author": [person("Мур", "Д. Э.")],
      "title": "Опровержение идеализма", "credits": "перевод И. В. Борисовой",
      "container-title": "Сумерки богов",
      "container-credits": "сост. и общ. ред. А. А. Яковлева", "number-of-pages": "398",
      "publisher-place": "Москва", "publisher": "Политиздат",
      "issued": {"date-parts": [[1990]]}, "page": "242-265"},
     "1. Мур Д. Э. Опровержение идеализма / перевод И. В. Борисовой // Сумерки богов / сост. и "
     f"общ. ред. А. А. Яковлева. М. : Политиздат, 1990. С.{NBSP}242–265.",
     "1. Мур, Д. Э. Опровержение идеализма / Д. Э. Мур ; перевод И. В. Борисовой. – Текст : "
     "непосредственный // Сумерки богов / сост. и общ. ред. А. А. Яковлева. – Москва : "
     f"Политиздат, 1990. – С.{NBSP}242–265."),
]


@pytest.mark.parametrize("item, expected_2008, expected_2018", DESIGNATIONS,
                         ids=["issue of a book", "part of a volume", "named journal issue",
                              "credits of part and host"])
def test_designations_and_statements_in_both_styles(render_one, item, expected_2008,
                                                    expected_2018):
    assert render_one(G2008, item) == expected_2008
    assert render_one(G2018, item) == expected_2018


def test_hosts_author_after_the_host_title_when_not_the_parts(render_one):
    """GOST R 7.0.5-2008 component part: the host's description after "//" with its own
    statement of responsibility — its author when the part is by someone else ("// За Маркса /
    Л. Альтюссер"), not repeated when the part's author wrote the host. Gap: citeproc-py never
    rendered `container-author` through cs:names (it looked up the hyphenated variable name);
    citefmt extension `distinct-from` on cs:names."""
    item = {"id": "zm", "type": "chapter", "language": "ru", "author": [person("Балибар", "Э.")],
            "title": "Вступительное слово", "container-title": "За Маркса",
            "container-author": [person("Альтюссер", "Л.")], "publisher-place": "Москва",
            "publisher": "Праксис", "issued": {"date-parts": [[2006]]}, "page": "7-27"}
    assert render_one(G2008, item) == ("1. Балибар Э. Вступительное слово // За Маркса / "
                                       f"Л. Альтюссер. М. : Праксис, 2006. С.{NBSP}7–27.")
    assert render_one(G2018, item) == (
        "1. Балибар, Э. Вступительное слово / Э. Балибар. – Текст : непосредственный // За "
        f"Маркса / Л. Альтюссер. – Москва : Праксис, 2006. – С.{NBSP}7–27.")
    same = {**item, "container-author": item["author"]}
    assert render_one(G2008, same) == ("1. Балибар Э. Вступительное слово // За Маркса. М. : "
                                       f"Праксис, 2006. С.{NBSP}7–27.")
