"""The script guess leaves e-mail addresses out (citefmt.language), also after the change that
tries an address only where a run of non-space characters starts (a long run without "@" was
scanned once per character: quadratic, found by tests/hostile on a parser string)."""

from __future__ import annotations

from citefmt.language import detect_language


def test_an_address_is_left_out_of_the_script_guess() -> None:
    assert detect_language("Иванов И. И. Заглавие ivanov.longname@example.org") == "ru"
    assert detect_language("Иванов, x.y@example.org") == "ru"


def test_a_long_run_without_an_address_is_read_once() -> None:
    assert detect_language("(" * 200_000 + "Title") == "en"
