"""Training strings rendered by the real bundled styles, labelled by aligning the fields back."""

from __future__ import annotations

import random

from citefmt.engine import render_bibliography
from citefmt.refparse.tagger.tokens import tokenize
from citefmt_train import rendered

ARTICLE = {"id": "a", "type": "article-journal", "language": "ru", "title": "Роль фибробластов",
           "author": [{"family": "Иванов", "given": "А. Б."},
                      {"family": "Петрова", "given": "В. Г."}],
           "container-title": "Цитология", "issued": {"date-parts": [[2020]]},
           "volume": "62", "issue": "3", "page": "121-128", "DOI": "10.1234/cyt.2020.3"}


def _segments(text: str, labels: list[str]) -> list[tuple[str, str]]:
    """(label, text) runs of tokens, for readable assertions."""
    runs: list[tuple[str, int, int]] = []
    for token, label in zip(tokenize(text), labels, strict=True):
        if runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1], token.end)
        else:
            runs.append((label, token.start, token.end))
    return [(label, text[start:end]) for label, start, end in runs]


def _labelled(style: str) -> list[tuple[str, str]]:
    body = render_bibliography([ARTICLE], style).entries[0].body.replace("\xa0", " ")
    return _segments(*rendered.token_labels(body, rendered.align(body, ARTICLE)))


def test_gost_2018_rendering_is_labelled_field_by_field() -> None:
    assert _labelled("gost-r-7.0.100-2018") == [
        ("author", "Иванов, А. Б."), ("title", "Роль фибробластов"),
        ("author", "/ А. Б. Иванов, В. Г. Петрова."), ("note", "– Текст : непосредственный"),
        ("journal", "// Цитология."), ("date", "– 2020."), ("volume", "– Т. 62, № 3."),
        ("pages", "– С. 121–128."), ("doi", "– DOI: 10.1234/cyt.2020.3.")]


def test_vancouver_rendering_keeps_the_glued_locator_block() -> None:
    body = render_bibliography([ARTICLE], "vancouver").entries[0].body
    assert "2020;62(3):121-8." in body
    assert _labelled("vancouver") == [
        ("author", "Иванов АБ, Петрова ВГ."), ("title", "Роль фибробластов."),
        ("journal", "Цитология."),
        ("date", "2020;"), ("volume", "62(3):"), ("pages", "121-8."),
        ("doi", "doi: 10.1234/cyt.2020.3.")]


def test_defects_move_the_labels_with_the_characters() -> None:
    text = "Иванов АБ. Заживление ран. Хирургия. 2020;5:48-51."
    chars = (["author"] * 10 + ["title"] * 16 + ["journal"] * 10 + ["date"] * 6 + ["volume"] * 2
             + ["pages"] * 6)
    assert len(chars) == len(text)
    seen = set()
    for seed in range(40):
        broken, labels = rendered.inject_defect(text, list(chars), random.Random(seed))
        assert len(broken) == len(labels)
        seen.add(broken)
        for word, label in (("Иванов", "author"), ("Хирургия", "journal"), ("2020", "date")):
            at = broken.find(word)
            if at >= 0:
                assert set(labels[at:at + len(word)]) == {label}
    assert "Иванов АБ. Заживление ран. Хирургия. 2020;5:48- 51." in seen
    assert "ИвановАБ. Заживление ран. Хирургия. 2020;5:48-51." in seen
    assert "Иванов АБ. Заживлениеран. Хирургия. 2020;5:48-51." in seen


def test_generation_is_deterministic_and_covers_every_style_and_kind() -> None:
    first = rendered.generate(45, seed=11)
    assert first == rendered.generate(45, seed=11)
    assert first != rendered.generate(45, seed=12)
    texts = [text for text, _ in first]
    assert any("Текст : непосредственный" in t for t in texts)          # GOST 7.0.100-2018
    assert any(" // " in t and "Текст" not in t for t in texts)         # GOST 7.0.5-2008
    assert any(";" in t and "):" in t for t in texts)                   # Vancouver
    assert any("URL" in t or "Available from" in t for t in texts)      # web pages
    for text, labels in first:
        assert len(labels) == len(tokenize(text))
        assert "title" in labels


def test_rendered_pairs_train_the_crf_and_skip_excluded_strings(tmp_path) -> None:
    from citefmt_train.training import normalise_text, rendered_pairs, train_model

    pairs = rendered_pairs(excluded=set(), count=9)
    assert len(pairs) == 9
    fewer = rendered_pairs(excluded={normalise_text(pairs[0][0])}, count=9)
    assert [text for text, _ in fewer] == [text for text, _ in pairs[1:]]
    model = tmp_path / "rendered.crfsuite"
    assert train_model([], str(model), max_iterations=5, labelled=pairs) == 9
    assert model.stat().st_size > 0
