"""Locale chains: where terms, date formats and locale options are looked up, in order.

citeproc-py builds one chain per style (`Style.set_locale_list`) and can only load locale files
by code from its own data folder (issue #71). citefmt builds chains itself, so that

- a user locale file (`--locale my-ru.xml`) can take part: it sits after the style's own
  `cs:locale` overrides and before the bundled locale of its language;
- one style can hold several chains at once, one per layout locale (per-item locales, see
  `layouts.py`): the renderer switches the render context's chain before each item.

Chain order follows CSL 1.0.2 "Locale Fallback": in-style locale for the dialect, for the
language, without language; then locale files for the dialect, the primary dialect, en-US.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citefmt.engine.loading import ParsedTree, parse_csl_file
from citefmt.errors import StyleError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def bundled_locale_path(code: str) -> Path | None:
    """citeproc-py's locale file for `code`, or None."""
    from citeproc import LOCALES_PATH

    path = Path(LOCALES_PATH) / f"locales-{code}.xml"
    return path if path.is_file() else None


def normalise_code(code: str) -> str:
    """Full dialect for a code ("ru" → "ru-RU", "en" → "en-US"); unknown codes unchanged."""
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

    if code in LANGUAGE_NAMES:
        return code
    return PRIMARY_DIALECTS.get(code.split("-")[0].lower(), code)


def load_user_locale(path: Path) -> ParsedTree:
    """A user's CSL locale file; it must name its language in xml:lang."""
    tree = parse_csl_file(path, expect="locale")
    if not tree.root.get(XML_LANG):
        raise StyleError("locale file has no xml:lang attribute on <locale>", path=str(path),
                         line=tree.root.sourceline)
    return tree


def locale_chain(style_root: Any, code: str, user_locales: list[ParsedTree]) -> list[Any]:
    """The ordered locale elements for rendering `style_root` in `code`."""
    language = code.split("-")[0]
    chain: list[Any] = []
    for lang in (code, language, None):
        expression = (f'./cs:locale[@xml:lang="{lang}"]' if lang
                      else "./cs:locale[not(@xml:lang)]")
        for element in style_root.xpath_search(expression):
            if element not in chain:
                chain.append(element)
    for tree in user_locales:
        lang = tree.root.get(XML_LANG)
        if lang == code or lang.split("-")[0] == language:
            chain.append(tree.root)
    for candidate in (code, normalise_code(language), "en-US"):
        path = bundled_locale_path(candidate)
        if path is not None:
            root = parse_csl_file(path, expect="locale").root
            if root not in chain:
                chain.append(root)
    return chain
