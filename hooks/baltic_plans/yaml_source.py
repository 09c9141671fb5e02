"""Strict YAML reading: UTF-8 only, no duplicate keys, no implicit dates, and line lookup by path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import DataError, DataErrors, Loc
from .messages import say

if TYPE_CHECKING:  # the C loader, where PyYAML has libyaml, offers the same methods as the Python one
    _BaseLoader = yaml.SafeLoader
else:
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
                problem=str(say("duplicate_key", key=key, first=first)), problem_mark=key_node.start_mark
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
    """Read one data file; raise DataError (or DataErrors, one per TAB) naming the line for anything that is not
    clean YAML, with what is probably wrong in an editor's words."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(path, say("bom"), line=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        raise DataError(path, say("not_utf8", byte=f"{raw[error.start]:02x}"), line=bad_line) from None
    tabs = [
        DataError(path, say("tab", column=column + 1), line=number, column=column + 1)
        for number, line in enumerate(text.splitlines(), start=1)
        for column, char in enumerate(line)
        if char == "\t"
    ]
    if tabs:
        raise DataErrors(tabs)
    if not text.strip():
        raise DataError(path, say("empty_file"))
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line: int | None
        column: int | None
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = syntax_message(error, text)
        if message.key == "yaml_explained" and message.values["hint"].key == "yaml_unclosed_quote":
            line, column = message.values["hint"].values["line"], None  # where the text opens, not where YAML gave up
        raise DataError(path, message, line=line, column=column) from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, root)


def _quote_inside(line: str) -> bool:
    """Whether a value in double quotes holds another, unescaped, double quote: `text: "a "b" c"`."""
    value = line.partition(": ")[2].strip() if ": " in line else ""
    return value.startswith('"') and value.replace('\\"', "").count('"') > 2


def _unclosed_quote(lines: list[str], start: int | None, mark) -> int | None:
    """The line (1-based) between the block's start and the error whose double-quoted value is never closed."""
    first = (start or 1) - 1
    last = mark.line if mark else len(lines) - 1
    for number in range(first, min(last + 1, len(lines))):
        value = lines[number].partition(": ")[2].strip() or lines[number].strip().removeprefix("- ").strip()
        if value.startswith('"') and value.replace('\\"', "").count('"') % 2:
            return number + 1
    return None


def syntax_message(error: yaml.MarkedYAMLError, text: str):
    """PyYAML's problem, and what an editor probably did: an indentation off, a colon or quote in an unquoted text."""
    problem = error.problem or "invalid YAML"
    pyyaml = f"{problem} ({error.context})" if error.context else problem
    start = error.context_mark.line + 1 if error.context_mark else None
    mark = error.problem_mark
    lines = text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if problem.startswith("mapping values are not allowed"):
        hint = say("yaml_colon")
    elif problem.startswith("found character") and "cannot start any token" in problem:
        hint = say("yaml_reserved_start", char=repr(line[mark.column : mark.column + 1] if mark else "?"))
    elif _quote_inside(line):
        hint = say("yaml_quote_inside")
    elif (unclosed := _unclosed_quote(lines, start, mark)) is not None:
        hint = say("yaml_unclosed_quote", line=unclosed)
    elif "did not find expected '-' indicator" in problem or "block sequence" in (error.context or ""):
        hint = say("yaml_list_item", start=start)
    elif "did not find expected key" in problem or "expected <block end>" in problem:
        hint = say("yaml_indentation", start=start)
    else:
        return say("yaml_syntax", problem=pyyaml)
    return say("yaml_explained", hint=hint, problem=pyyaml)
