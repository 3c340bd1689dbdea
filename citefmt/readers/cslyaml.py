"""CSL-YAML reader: a list of items, pandoc's `references: [...]` mapping, or a Markdown file's
YAML front matter that holds `references:`.

YAML's own dates (`issued: 2020-03-05`), bare years and pandoc-citeproc's `[{year:, month:}]`
become `date-parts`. Malformed YAML stops the read with the line and column; invalid items are
reported as CF208 and left out, exactly as in the CSL-JSON reader.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from citefmt.errors import InputError
from citefmt.limits import NESTING, YAML_ALIASES, YAML_BYTES
from citefmt.model import ReadResult
from citefmt.readers.csljson import add_item
from citefmt.textio import split_lines

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse CSL-YAML text into records; see the module docstring for what is accepted."""
    if len(text) > YAML_BYTES.value:
        raise YAML_BYTES.exceeded(len(text), path=source)
    body, line_offset = _document_body(text)
    root, data = _load(body, source, line_offset)
    items, nodes = _item_list(root, data, source)
    result = ReadResult()
    lines = split_lines(body)
    for index, (item, node) in enumerate(zip(items, nodes, strict=True)):
        line = node.start_mark.line + 1 + line_offset if node is not None else None
        raw = None
        if node is not None:
            end = node.end_mark.line + (1 if node.end_mark.column else 0)
            raw = "\n".join(lines[node.start_mark.line:end]).rstrip()
        add_item(result, item, index=index, line=line, raw=raw, source=source)
    return result


def _document_body(text: str) -> tuple[str, int]:
    """The YAML to parse and how many lines precede it (front matter of a Markdown file)."""
    match = _FRONT_MATTER.match(text)
    if match and not text[match.end():].lstrip().startswith(("-", "references")):
        return match.group(1), 1
    return text.lstrip("\ufeff"), 0


def _load(body: str, source: str, line_offset: int) -> tuple[Any, Any]:
    """Compose (for node positions) and construct (for data) in one pass."""
    loader = _Loader(body)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_expansion(root, source, line_offset)
        data = loader.construct_document(root) if root is not None else None
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
    finally:
        loader.dispose()
    return root, data


def _check_expansion(root: Any, source: str, line_offset: int) -> None:
    """Refuse an alias bomb before it is expanded: count the nodes the document stands for
    with every alias expanded (memoised per node, so the count itself is linear), and how
    deep they nest."""
    sizes: dict[int, int] = {}
    budget = YAML_ALIASES.value * 1000
    depth_limit = NESTING.value
    aliases = 0
    stack: list[tuple[Any, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if depth > depth_limit:
            line = node.start_mark.line + 1 + line_offset
            raise NESTING.exceeded(depth, path=source, line=line)
        if done:
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > budget:
                line = node.start_mark.line + 1 + line_offset
                raise YAML_ALIASES.exceeded(path=source, line=line, what=(
                    f"YAML alias expansion (over {budget:,} nodes, budget 1,000 per alias)"))
            continue
        if key in sizes:
            aliases += 1
            if aliases > YAML_ALIASES.value:
                line = node.start_mark.line + 1 + line_offset
                raise YAML_ALIASES.exceeded(aliases, path=source, line=line)
            continue
        sizes[key] = 0  # being counted: a recursive alias adds nothing
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))


def _children(node: Any) -> list[Any]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _item_list(root: Any, data: Any, source: str) -> tuple[list[Any], list[Any]]:
    """The items and their YAML nodes, from a list or a `references:` mapping."""
    if isinstance(data, list) and isinstance(root, yaml.SequenceNode):
        return data, list(root.value)
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        keys = [k for k, _ in root.value if k.value == "references"]
        if len(keys) > 1:
            raise InputError("malformed YAML: key 'references' given more than once",
                             path=source, line=keys[1].start_mark.line + 1, code="CF901")
        for key_node, value_node in root.value:
            if key_node.value == "references" and isinstance(value_node, yaml.SequenceNode):
                return data["references"], list(value_node.value)
    if isinstance(data, dict) and ("type" in data or "id" in data):
        return [data], [root]
    raise InputError("not CSL-YAML: expected a list of items or a 'references:' list",
                     path=source, line=1)
