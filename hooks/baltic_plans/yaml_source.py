"""Strict YAML reading: UTF-8 only, no duplicate keys, no implicit dates, and line lookup by path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Loc

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_BaseLoader):
    """SafeLoader that keeps dates as strings (we parse EDTF ourselves) and rejects duplicate keys."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            first = seen[key].start_mark.line + 1
            raise DuplicateKeyError(
                problem=f"duplicate key '{key}' (first defined on line {first}); each key may appear once",
                problem_mark=key_node.start_mark,
            )
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its Python data and its node tree, for mapping paths back to lines."""

    path: Path
    data: Any
    root: yaml.Node | None

    def node_at(self, loc: Loc) -> yaml.Node | None:
        node = self.root
        for key in loc:
            node = _child(node, key)
            if node is None:
                return None
        return node

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """1-based line and column of the deepest node along `loc` that exists."""
        node = self.root
        found = node
        for key in loc:
            node = _child(node, key)
            if node is None:
                break
            found = node
        if found is None:
            return None, None
        return found.start_mark.line + 1, found.start_mark.column + 1


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def read_yaml(path: Path) -> YamlDocument:
    """Read one data file; raise DataError naming the line for anything that is not clean YAML."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(path, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM", line=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            path, f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8", line=line
        ) from None
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        raise DataError(path, "a TAB character: YAML indents with spaces only (use 2 spaces)", line=line)
    if not text.strip():
        raise DataError(path, "the file is empty; it must hold a YAML mapping")
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        if error.context:
            problem = f"{problem} ({error.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DataError(path, f"YAML syntax: {problem}", line=line, column=column) from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, root)
