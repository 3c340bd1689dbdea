"""Ordinals by CSL 1.0.2 "Ordinal Suffixes" and "Gender-specific Ordinals" (`ordinals.py`).

Gap: citeproc-py chose an ordinal term by its name alone, whatever the gender of the numbered
variable ("2.ºº edition" for the feminine "edition"), and mixed a style's ordinal terms with
the locale file's. Expected strings: the CSL test suite's number_SeparateOrdinalNamespaces and
the specification's own French example ("1re éd.", "1er janvier", "3e édition")."""

from __future__ import annotations

from citefmt.engine import render_bibliography


def _style(tmp_path, locale_terms, body, default_locale="fr-FR"):
    path = tmp_path / "ordinals.csl"
    path.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" '
        f'default-locale="{default_locale}"><info><id/><title/>'
        '<updated>2009-08-10T04:49:00+09:00</updated></info>'
        f'<locale><terms>{locale_terms}</terms></locale>'
        f'<citation><layout>{body}</layout></citation>'
        f'<bibliography><layout>{body}</layout></bibliography></style>', "utf-8")
    return str(path)


def _entries(style, items):
    return [entry.text for entry in render_bibliography(items, style).entries]


def test_gap_ordinal_takes_the_gender_of_the_numbered_variables_term(tmp_path):
    terms = ('<term name="ordinal">.ª</term><term name="ordinal-01">.ª</term>'
             '<term name="ordinal-01" gender-form="masculine">.º</term>'
             '<term name="ordinal-01" gender-form="feminine">.ª</term>'
             '<term name="ordinal-02" gender-form="masculine">.ºº</term>'
             '<term name="issue" gender="masculine">issue</term>'
             '<term name="edition" gender="feminine">edition</term>')
    body = ('<group delimiter=", "><number variable="edition" form="ordinal"/>'
            '<number variable="issue" form="ordinal"/></group>')
    items = [{"id": str(n), "type": "book", "edition": str(n), "issue": str(n),
              "title": f"T{n}"} for n in (1, 2, 3)]
    assert _entries(_style(tmp_path, terms, body), items) == [
        "1.ª, 1.º", "2.ª, 2.ºº", "3.ª, 3.ª"]


def test_specification_french_example_edition_and_day_of_month(tmp_path):
    terms = ('<term name="edition" gender="feminine"><single>édition</single>'
             '<multiple>éditions</multiple></term>'
             '<term name="month-01" gender="masculine">janvier</term>'
             '<term name="ordinal">e</term>'
             '<term name="ordinal-01" gender-form="feminine" match="whole-number">re</term>'
             '<term name="ordinal-01" gender-form="masculine" match="whole-number">er</term>')
    body = ('<group delimiter=" / "><group delimiter=" "><number variable="edition" '
            'form="ordinal"/><label variable="edition"/></group>'
            '<date variable="issued" delimiter=" "><date-part name="day" form="ordinal"/>'
            '<date-part name="month"/></date></group>')
    items = [{"id": "a", "type": "book", "edition": "1", "title": "A",
              "issued": {"date-parts": [[2020, 1, 1]]}},
             {"id": "b", "type": "book", "edition": "3", "title": "B",
              "issued": {"date-parts": [[2020, 1, 21]]}}]
    assert _entries(_style(tmp_path, terms, body), items) == [
        # the fr-FR locale file sets limit-day-ordinals-to-day-1: "21 janvier"
        "1re édition / 1er janvier", "3e édition / 21 janvier"]


def test_style_ordinals_replace_the_locale_files_set_csl_1_0_scheme(tmp_path):
    # CSL 1.0.2: (re)defining any ordinal term in cs:locale replaces all ordinal terms; a
    # set of ordinal-01 … -04 without "ordinal" is read as CSL 1.0 did (04 for the rest)
    terms = ('<term name="ordinal-01">st</term><term name="ordinal-02">nd</term>'
             '<term name="ordinal-03">rd</term><term name="ordinal-04">th</term>')
    body = '<number variable="edition" form="ordinal"/>'
    items = [{"id": str(n), "type": "book", "edition": str(n), "title": f"T{n}"}
             for n in (1, 9, 12, 22)]
    assert _entries(_style(tmp_path, terms, body), items) == ["1st", "9th", "12th", "22nd"]
