"""CSL-YAML reader: a list of items, pandoc's `references: [...]` mapping, or a Markdown file's
YAML front matter that holds `references:`.

YAML's own dates (`issued: 2020-03-05`), bare years and pandoc-citeproc's `[{year:, month:}]`
become `date-parts`. Malformed YAML stops the read with the line and column; invalid items are
reported as CF208 and left out, exactly as in the CSL-JSON reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from yaml.composer import Composer

from citefmt.errors import InputError
from citefmt.limits import NESTING, YAML_ALIASES
from citefmt.model import ReadResult
from citefmt.readers.csljson import add_item
from citefmt.textio import split_lines

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse CSL-YAML text into records; see the module docstring for what is accepted.

    Items are composed and constructed one at a time from the parser's events, so memory holds
    the items read so far plus one item's node graph (PyYAML's whole-document node graph costs
    ~70 bytes per input byte)."""
    body, line_offset = _document_body(text)
    result = ReadResult()
    lines = split_lines(body)
    loader = _StreamingLoader(body, source, line_offset)
    try:
        with _yaml_errors(body, source, line_offset):
            for index, (item, node) in enumerate(_items(loader, source, line_offset)):
                line = node.start_mark.line + 1 + line_offset
                end = node.end_mark.line + (1 if node.end_mark.column else 0)
                raw = "\n".join(lines[node.start_mark.line:end]).rstrip()
                add_item(result, item, index=index, line=line, raw=raw, source=source)
    finally:
        loader.dispose()
    return result


def _document_body(text: str) -> tuple[str, int]:
    """The YAML to parse and how many lines precede it (front matter of a Markdown file)."""
    match = _FRONT_MATTER.match(text)
    if match and not text[match.end():].lstrip().startswith(("-", "references")):
        return match.group(1), 1
    return text.lstrip("\ufeff"), 0


class _StreamingLoader(_Loader, Composer):
    """libyaml's event parser with PyYAML's composer on top, composing one node at a time.

    `compose_node` counts what the document stands for with every alias expanded (an anchor's
    expanded size is recorded when its node is complete), so an alias bomb is refused while it
    is being read, before anything is expanded; it also bounds the nesting depth."""

    def __init__(self, body: str, source: str, line_offset: int) -> None:
        super().__init__(body)  # libyaml's parser, SafeConstructor and Resolver
        Composer.__init__(self)  # the anchors table (CParser has no Python composer)
        self.source = source
        self.line_offset = line_offset
        self.depth = 0
        self.aliases = 0
        self.alias_nodes = 0
        self.composed = 0
        self.anchor_sizes: dict[str, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._count_alias(event)
            return Composer.compose_node(self, parent, index)
        self.depth += 1
        if self.depth > NESTING.value:
            raise NESTING.exceeded(self.depth, path=self.source,
                                   line=event.start_mark.line + 1 + self.line_offset)
        before = self.composed
        self.composed += 1
        node = Composer.compose_node(self, parent, index)
        self.depth -= 1
        if getattr(event, "anchor", None) is not None:
            self.anchor_sizes[event.anchor] = self.composed - before
        return node

    def _count_alias(self, event: Any) -> None:
        expanded = self.anchor_sizes.get(event.anchor, 1)
        self.aliases += 1
        self.alias_nodes += expanded
        self.composed += expanded
        line = event.start_mark.line + 1 + self.line_offset
        if self.aliases > YAML_ALIASES.value:
            raise YAML_ALIASES.exceeded(self.aliases, path=self.source, line=line)
        budget = YAML_ALIASES.value * 1000
        if self.alias_nodes > budget:
            raise YAML_ALIASES.exceeded(path=self.source, line=line, what=(
                f"YAML alias expansion (over {budget:,} nodes, budget 1,000 per alias)"))


@contextmanager
def _yaml_errors(body: str, source: str, line_offset: int) -> Iterator[None]:
    """PyYAML's errors as one-line InputErrors with the line (and column) they name."""
    try:
        yield
    except RecursionError:
        raise NESTING.exceeded(path=source) from None
    except yaml.reader.ReaderError as exc:
        # a control character: one line, with its line number
        at_line = body.count("\n", 0, exc.position) + 1 + line_offset
        at_col = exc.position - (body.rfind("\n", 0, exc.position) + 1) + 1
        raise InputError(f"malformed YAML: character U+{exc.character:04X} is not allowed "
                         "in YAML", path=source, line=at_line, col=at_col, code="CF901") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        line = mark.line + 1 + line_offset if mark else None
        col = mark.column + 1 if mark else None
        raise InputError(f"malformed YAML: {problem}", path=source, line=line, col=col,
                         code="CF901") from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {' '.join(str(exc).split())}", path=source,
                         code="CF901") from None


def _items(loader: _StreamingLoader, source: str, line_offset: int) -> Iterator[tuple[Any, Any]]:
    """Each item's data and node, from a list, a `references:` mapping or a single item."""
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        raise _not_csl_yaml(source)
    loader.get_event()  # document start
    if loader.check_event(yaml.SequenceStartEvent):
        loader.get_event()
        yield from _sequence_items(loader)
    elif loader.check_event(yaml.MappingStartEvent):
        yield from _mapping_items(loader, source)
    else:
        raise _not_csl_yaml(source)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise InputError("malformed YAML: expected a single document in the stream",
                         path=source, line=event.start_mark.line + 1 + line_offset,
                         code="CF901")


def _sequence_items(loader: _StreamingLoader) -> Iterator[tuple[Any, Any]]:
    """The items of a sequence whose start event is consumed, one composed node at a time."""
    index = 0
    while not loader.check_event(yaml.SequenceEndEvent):
        node = loader.compose_node(None, index)
        yield loader.construct_document(node), node
        index += 1
    loader.get_event()


def _mapping_items(loader: _StreamingLoader, source: str) -> Iterator[tuple[Any, Any]]:
    """pandoc's `references:` list streamed; a mapping without one is a single item."""
    start = loader.get_event()
    pairs: list[tuple[Any, Any]] = []
    seen_references = False
    while not loader.check_event(yaml.MappingEndEvent):
        key = loader.compose_node(None, None)
        if (isinstance(key, yaml.ScalarNode) and key.value == "references"
                and loader.check_event(yaml.SequenceStartEvent)):
            if seen_references:
                raise InputError("malformed YAML: key 'references' given more than once",
                                 path=source, line=key.start_mark.line + 1, code="CF901")
            seen_references = True
            loader.get_event()
            yield from _sequence_items(loader)
            continue
        value = loader.compose_node(None, None)
        if not seen_references:
            pairs.append((key, value))
    end = loader.get_event()
    if seen_references:
        return
    root = yaml.MappingNode("tag:yaml.org,2002:map", pairs, start.start_mark, end.end_mark)
    data = loader.construct_document(root)
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        # `references:` given as a flow or aliased list: small enough to take whole
        yield from zip(data["references"], _list_nodes(root), strict=False)
        return
    if isinstance(data, dict) and ("type" in data or "id" in data):
        yield data, root
        return
    raise _not_csl_yaml(source)


def _list_nodes(root: Any) -> list[Any]:
    for key, value in root.value:
        if key.value == "references" and isinstance(value, yaml.SequenceNode):
            return list(value.value)
    return []


def _not_csl_yaml(source: str) -> InputError:
    return InputError("not CSL-YAML: expected a list of items or a 'references:' list",
                      path=source, line=1)
