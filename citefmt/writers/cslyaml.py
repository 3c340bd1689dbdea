"""CSL-YAML writer: pandoc's form, a `references:` list, in the CSL-JSON writer's key order.

`references:` is what pandoc takes both in a `--bibliography refs.yaml` file and pasted into a
document's YAML front matter, and citefmt's reader takes it back (a plain list is also read).
Unicode is written as is; lists of plain values (`date-parts` rows) are written inline
(`- [2020, 3, 5]`); strings that YAML would read as numbers or dates are quoted, so the text
re-reads to equal items. Lines are not folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from citefmt.model import Item
from citefmt.writers.csljson import ordered_item

try:  # libyaml's C dumper where PyYAML was built with it
    from yaml import CSafeDumper as _Dumper
except ImportError:
    from yaml import SafeDumper as _Dumper


class _CslDumper(_Dumper):
    """Block style, except lists of scalars, which read best inline."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(not isinstance(v, (dict, list)) for v in data) and bool(data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_CslDumper.add_representer(list, _represent_list)


def write(items: Sequence[Item], **options: Any) -> str:
    """Items → CSL-YAML text (`references:` followed by the items)."""
    document = {"references": [ordered_item(item) for item in items]}
    return yaml.dump(document, Dumper=_CslDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=2**16)
