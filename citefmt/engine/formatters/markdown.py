"""A citeproc-py formatter writing Markdown (pandoc flavour for super/subscript).

citeproc-py ships plain, html and rst formatters only. Emphasis becomes *x* / **x**,
superscript ^x^ and subscript ~x~ (pandoc), small caps [x]{.smallcaps} (pandoc); literal text
is escaped so that a title with "*" or "_" does not turn into emphasis.
"""

from __future__ import annotations

_SPECIALS = "\\`*_[]<>~^"
_ESCAPES = str.maketrans({c: "\\" + c for c in _SPECIALS})


def preformat(text: object) -> str:
    return escape(str(text))


def escape(text: str) -> str:
    """Backslash-escape the characters that carry Markdown meaning inside a line."""
    return text.translate(_ESCAPES)


class _Wrapper(str):
    opening = ""
    closing = ""

    def __new__(cls, text: object) -> _Wrapper:
        return super().__new__(cls, f"{cls.opening}{text}{cls.closing}")


class Italic(_Wrapper):
    opening = closing = "*"


class Oblique(Italic):
    pass


class Bold(_Wrapper):
    opening = closing = "**"


class Superscript(_Wrapper):
    opening = closing = "^"


class Subscript(_Wrapper):
    opening = closing = "~"


class SmallCaps(_Wrapper):
    opening, closing = "[", "]{.smallcaps}"


Light = str
Underline = str
